# 外出貧困戶：臺賬、聯繫與宣傳單任務、通知、個人信息保護

cmd-households = 外出貧困戶
cmd-contacted = 登記聯繫貧困戶

denied-not-helper = 抱歉，只有該戶的幫扶責任人或縣管理員可以操作。
denied-reveal-off = 本縣不允許在聊天中顯示完整電話號碼。
denied-not-household = 僅限本縣的貧困戶使用。

## 提醒幫扶幹部（每人每項任務一條）

hh-reminder = 🔵 <b>{ $kind ->
    [leaflet] 寄送政策宣傳單和慰問信
   *[other] 聯繫外出貧困戶
  }</b>：還有 { $count } 戶，截止 { $due }：
    { $lines }
hh-reminder-overdue = { $colour ->
    [red] 🔴
   *[other] 🟡
  } <b>已逾期 { $days } 天</b>（{ $kind ->
    [leaflet] 宣傳單和慰問信
   *[other] 聯繫
  }，截止 { $due }）：{ $count } 戶：
    { $lines }
hh-escalation = 🔴 <b>督辦</b>：幫扶幹部 { $name } 有 { $count } 戶尚未{ $kind ->
    [leaflet] 寄送宣傳單和慰問信
   *[other] 聯繫
  }，已逾期 { $days } 天（截止 { $due }）。
hh-btn-contacted = ✅ 登記聯繫
hh-btn-leaflet-sent = 📄 已寄宣傳單

## 菜單與列表

hh-menu = <b>{ $region }</b> · 外出貧困戶：{ $count } 戶
hh-btn-menu = 🏠 外出貧困戶
hh-btn-coverage = 📊 本期聯繫覆蓋率
hh-btn-uncontacted = 📋 尚未聯繫
hh-btn-export = 📥 導出（XLSX）
hh-btn-template = 📄 導入模板
hh-btn-import = 📤 導入貧困戶
hh-btn-notice = 📢 向貧困戶發通知
hh-btn-mine = 👤 我的幫扶戶
hh-btn-reveal-setting = 📞 完整電話：{ $kind ->
    [helper] 幫扶責任人可查看
   *[other] 聊天中一律不顯示
  }
hh-mine = <b>你在 { $region } 的幫扶戶</b>（{ $count } 戶）：
    { $lines }
hh-mine-none = 你在 { $region } 沒有幫扶戶。
hh-none-anywhere = 你沒有需要跟進的外出貧困戶。
hh-last-contact = 上次聯繫 { $due }
hh-never-contacted = 從未聯繫
hh-due-contact = 待聯繫
hh-due-leaflet = 待寄宣傳單
hh-coverage = <b>聯繫覆蓋率 { $due }</b>：{ $value }

    <b>按鄉鎮</b>
    { $lines }

    <b>按幫扶幹部</b>
    { $names }
hh-uncontacted = <b>尚未聯繫 { $due }</b>（{ $count } 戶）：
    { $lines }
hh-uncontacted-none = 本期所有貧困戶均已聯繫。🎉
hh-view = <b>{ $name }</b>
    { $value }
    電話：{ $hint }
    幫扶責任人：{ $head }
    { $due }
hh-no-phone = 無
hh-btn-reveal = 📞 顯示完整電話
hh-phone-revealed = 📞 { $value }
    （本次查看已留痕。）
hh-btn-invite = 🔗 邀請鏈接和二維碼
hh-btn-deactivate = 🗑 停用（已退出台賬）
hh-deactivate-confirm = 確定停用 <b>{ $name }</b> 嗎？其任務和提醒立即停止；個人信息和聯繫記錄將在 { $days } 天後刪除。
hh-btn-deactivate-confirm = 🗑 確定停用
hh-deactivated = 已停用 <b>{ $name }</b>。
hh-invite = 貧困戶 <b>{ $name }</b> 的邀請鏈接（限用一次，有效期至 { $expires }）：
    { $link }
    請打印下面的二維碼交給該戶。

## 登記聯繫

hh-pick = <b>{ $kind ->
    [leaflet] 已寄宣傳單
   *[other] 登記聯繫
  }</b>：請選擇貧困戶（{ $count } 戶待辦）：
hh-pick-none = 沒有待辦的貧困戶。
hh-btn-switch-leaflet = 📄 改為登記已寄宣傳單
hh-channel-ask = 你是通過什麼方式聯繫 <b>{ $name }</b> 的？
hh-ch-phone = 📞 電話
hh-ch-wechat = 💬 微信
hh-ch-sms = ✉️ 短信
hh-ch-qq = 🐧 QQ
hh-ch-visit = 🚶 走訪
hh-ch-telegram = ✈️ Telegram
hh-note-ask = 可發送一句備註或一張照片留痕，或直接點“保存”。
hh-btn-save = 💾 不加備註，直接保存
hh-contact-saved = ✅ 已登記：<b>{ $name }</b>。{ $value }
hh-duty-done = 本期任務已完成。
hh-duty-open = 本期任務還需更多次聯繫。
hh-duty-none = 本期沒有待辦任務。

## 導入

hh-import-ask = 請發送 <b>{ $region }</b> 的貧困戶表格（CSV 或 XLSX）。列：戶主姓名、身份證號（可選）、鄉鎮、村、務工地、聯繫電話、家庭人口、幫扶責任人（姓名或 @用戶名）、備註。
hh-import-done = ✅ 已導入貧困戶：新增 { $created } 戶，更新 { $updated } 戶。
hh-import-rejected = ⚠️ { $count } 行有問題，{ $rows } 行有效。本次未導入任何數據。附件列出了每一行的問題。請修改後重新發送，或只導入有效行。
hh-import-partial = ✅ 已導入有效行：新增 { $created } 戶，更新 { $updated } 戶；跳過 { $count } 行有問題的數據（見附件）。
hh-btn-import-valid = 只導入 { $rows } 行有效數據
hh-import-file-too-big = 文件太大（最多 { $mb } MB）。
hh-import-file-unsupported = 請發送 .csv 或 .xlsx 文件。
hh-import-file-unreadable = 無法讀取該文件，請重新另存為 CSV 或 XLSX。
hh-import-file-no-header = 第一行必須是列名（請下載模板）。
hh-import-file-empty = 文件中沒有貧困戶數據。
hh-import-file-too-many-rows = 文件超過 { $rows } 行。
hh-import-file-encoding = 無法識別文件的文字編碼，請另存為 UTF-8 或 GBK 編碼的 CSV，或 XLSX。
hh-import-file-missing-columns = 缺少列：{ $names }。
hh-import-file-gone = 文件已失效，請重新發送。
hh-rejected-columns = 行號|戶主姓名|鄉鎮|村|身份證號|聯繫電話|幫扶責任人|問題
hh-export-columns = 戶主姓名|身份證號|鄉鎮|村|務工地|聯繫電話|家庭人口|幫扶責任人|上次聯繫|本期已聯繫
hh-problem-missing-name = 缺少戶主姓名
hh-problem-bad-name = 姓名過長或包含換行
hh-problem-missing-place = 缺少鄉鎮或村
hh-problem-id-format = 身份證號應為 18 位（或 15 位老號碼）
hh-problem-id-region = 身份證號：地區碼無效
hh-problem-id-birth-date = 身份證號：出生日期不存在
hh-problem-id-checksum = 身份證號：校驗碼錯誤（可能有筆誤）
hh-problem-id-needs-key = 無法保存身份證號：服務器未配置加密密鑰（PII_KEY）
hh-problem-bad-phone = 電話號碼無效
hh-problem-bad-size = 家庭人口應為 1–30 的整數
hh-problem-unknown-helper = 在本縣人員中找不到該幫扶責任人
hh-problem-ambiguous-helper = 有多人同名，請填寫 @用戶名
hh-problem-duplicate-in-file = 文件中同一戶出現了兩次
hh-problem-id-taken = 該身份證號屬於本縣另一戶
hh-template-caption = 貧困戶導入模板。請保留第一行列名。

## 給貧困戶的通知

hh-notice-ask = 請發送給 <b>{ $region }</b> 貧困戶的通知：文字，或附上宣傳單文件並把通知寫在說明裡。
hh-notice-sent = 📢 通知已排隊發送給 { $count } 戶。
hh-notice = 📢 <b>{ $region }</b>
    { $title }
hh-btn-leaflet = 📎 { $name }
hh-notice-file-ask = 現在可發送要附上的宣傳單文件（PDF、圖片或文件），或不附文件直接發送。
hh-btn-send-now = 📢 不附文件直接發送

## 貧困戶本人

hh-joined = 你已連接到 <b>{ $region }</b>。給貧困戶的通知會發到這裡，你寫的消息會轉給你的幫扶責任人。隨時發送 /stop 即可退出。
hh-join-refused = 該鏈接無效、已使用或已過期。請向幫扶責任人索取新鏈接。
hh-reply-sent = ✉️ 已轉給你的幫扶責任人。
hh-reply-to-helper = ✉️ <b>{ $name }</b>（{ $value }）來信：
    { $title }
hh-stopped = 你已退出，本機器人不會再給你發消息。如需重新加入，請向幫扶責任人索取新鏈接。
hh-stop-none = 你沒有以貧困戶身份連接。
