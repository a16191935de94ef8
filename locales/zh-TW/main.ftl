# Duban (督辦) — 繁體中文

role = { $role ->
    [admin] 縣級管理員
    [official] 單位幹部
    [unit_head] 單位負責人
    [cadre] 幫扶幹部
    [household] 農戶
   *[other] 成員
}

start-welcome =
    <b>{ $name }，歡迎使用督辦！</b>
    督辦把會議部署的任務交辦到單位、追蹤進度、按時提醒。

    你的身分：
    { $memberships }

    傳送 /help 查看可用的指令。
start-membership-line = • { $region }{ $unit } — { role }
start-no-membership =
    <b>你好，{ $name }！</b>
    督辦把會議部署的任務交辦到單位、追蹤進度、按時提醒。

    你還沒有加入任何縣。請向本縣的管理員索取邀請連結，點開連結即可加入。
start-joined =
    ✅ 你已加入 <b>{ $region }</b>{ $unit }，身分：{ role }。

    傳送 /help 查看可用的指令。
start-already-member = 你已經是 <b>{ $region }</b>{ $unit } 的{ role }，無需重複加入。
start-invite-refused = 這個邀請連結無效、已過期或已用完。請向本縣管理員索取新的邀請連結。

help =
    <b>督辦 · 使用說明</b>
    /start — 開始，或透過邀請連結加入
    /language — 切換語言
    /help — 顯示本說明

    收到任務卡片後，用卡片下方的按鈕簽收、回報進度。

    <b>縣管理員</b>
    /admin — 管理選單
    /holidays — 節假日與調休：查看，載入下一年的放假安排
    /channels — 送達管道：企業微信群、釘釘群、簡訊閘道
language-choose = 請選擇語言：
language-set = 語言已切換為繁體中文。

error-generic = 抱歉，處理你的請求時發生錯誤，請稍後再試。我們已記錄這個問題。
unknown-command = 沒有這個指令。傳送 /help 查看可用的指令。
not-understood = 我沒有理解這則訊息。傳送 /help 查看可用的指令。
unsupported-message = 這裡只能處理文字和檔案（.txt、.docx），不能處理貼圖、語音或影片。
rate-limited = 你傳送得太快了，請稍候再試。

cmd-start = 開始 / 加入
cmd-help = 使用說明
cmd-language = 切換語言
cmd-me = 我的身分
cmd-admin = 管理選單
