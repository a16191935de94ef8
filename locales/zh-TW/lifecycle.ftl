# 會議部署的交辦閉環：接收報道、審核計劃、交辦、簽收、反饋、延期、辦結與銷號
# （src/bot/features/ingest.ts, review*.ts, tasks.ts, task-requests.ts, status.ts, src/messages/task-card.ts）

cmd-tasks = 我的任務
cmd-task = 任務詳情與記錄（/task 編號）
denied-not-unit-member = 這是其他單位的任務，你不能操作。

task-state = { $state ->
    [assigned] 已交辦
    [acknowledged] 已簽收
    [ack] 簽收
    [in_progress] 進行中
    [done] 已辦結（待銷號）
    [closed] 已銷號
    [blocked] 有困難
    [update] 反饋
   *[other] { $state }
}

## 任務卡片
card-title = 📌 <b>督辦任務 #{ $id }</b> · { $unit }
card-meeting = 會議：{ $title }（{ $date }）
card-no-due = 未設期限
card-due = 期限：{ $due }
card-recurrence = 週期：{ $rule }
card-units = 牽頭：{ $lead }；協辦：{ $supporting }
card-state = 狀態：{ task-state }
card-progress = 清單進度：{ $done }/{ $total }
card-needs-evidence = 📎 辦結前須上傳痕跡材料（回覆本卡片發送照片或文件）
btn-ack = ✍️ 簽收
btn-start = 🔄 進行中
btn-task-done = ✅ 已完成
btn-block = ⚠️ 有困難
btn-extend = ⏳ 申請延期
publish-summary = 📢 <b>會議部署已交辦</b>：{ $title }，共 { $assignments } 項任務。

## 接收報道
ingest-which-county = 這份會議報道屬於哪個縣？
ingest-not-a-report = 這段文字裡沒有找到會議部署（沒有“要……”“必須……”這類要求），所以沒有建立草稿。請發送會議報道的全文，或 .txt / .docx 文件。
ingest-duplicate = 這份報道已經收到過（會議 #{ $id }，{ $state ->
    [draft] 草稿
    [published] 已交辦
   *[other] { $state }
}），不再重複建立。
btn-open-draft = 打開草稿
ingest-expired = 這一步已過期，請重新發送報道。
ingest-file-refused = 文件“{ $name }”不能接收：{ $reason ->
    [empty] 文件是空的。
    [too-large] 文件超過 20 MB。
    [executable] 這是可執行程序，不是文檔。
    [archive] 這是壓縮包，請解壓後發送 .txt 或 .docx 文件。
    [binary] 文件內容不是文字。
    [bad-docx] .docx 文件損壞，無法讀取。
   *[other] 只接收 .txt（UTF-8 或 GBK）和 .docx 文件。
}

## 審核計劃
plan-title = 📝 <b>會議草稿：{ $title }</b>
plan-facts = 日期：{ $date } · 主持：{ $convener } · 共 { $count } 項部署
plan-page = 第 { $page }/{ $pages } 頁。點編號修改該項；❓ 表示名錄裡沒有的單位。
warning-kind = { $kind ->
    [unknown-unit] 未知單位
    [vague-deadline] 限期未定日期
    [implausible-number] 數字可疑
    [guessed-year] 年份系推斷
    [deadline-before-meeting] 期限早於會議
    [no-meeting-date] 沒有會議日期
   *[other] 提示
}
plan-warning = { warning-kind }：{ $text }
review-due = 期限：{ $due }
review-due-vague = ❗待定（須設日期或確認不設）
review-freq = { $freq ->
    [daily] 每天
    [weekly] 每週
    [monthly] 每月
    [quarterly] 每季度
    [yearly] 每年
   *[other] { $freq }
}
review-not-draft = 這份會議已不是草稿（{ $state ->
    [published] 已交辦
    [cancelled] 已取消
   *[other] { $state }
}），不能再修改。
review-directive-title = <b>第 { $number } 項</b>（{ $speaker }）
review-deadline-text = 原文期限：{ $text }
review-refused = { $reason ->
    [not-draft] 草稿已發佈或已取消，不能再修改。
    [not-found] 這一項已被刪除或合併。
    [no-next] 後面沒有可以合併的項。
    [bad-text] 文字不能為空，也不能超過 3000 字。
   *[other] 沒有修改。
}
btn-review-units = 🏢 單位
btn-deadline = 📅 期限
btn-recurrence = 🔁 週期
btn-edit-text = ✏️ 改文字
btn-evidence = { $on ->
    [yes] 📎 須留痕：是
   *[other] 📎 須留痕：否
}
btn-merge-next = 🔗 與下一項合併
btn-drop = 🗑 刪除此項
btn-create-unit = ➕ 建立“{ $name }”
btn-drop-unit = ✖ 去掉“{ $name }”
btn-confirm-no-date = ✔ 確認不設期限
btn-back-plan = « 返回計劃
btn-back-directive = « 返回
btn-publish = 🚀 交辦
btn-publish-problems = 🚀 交辦（{ $count } 個問題待處理）
btn-cancel-draft = 取消草稿
btn-first-problem = 去處理第一個問題
ask-directive-text = 請發送這一項的新文字。現在是：
    { $text }
ask-directive-date = 請發送期限，例如 6月30日、2026-06-30 或 6/30。
ask-new-unit = 請發送新單位的名稱，它會加入本縣名錄並加到這一項。
bad-date = 看不懂日期“{ $text }”。請寫成 6月30日、2026-06-30 或 6/30。
review-units = 這一項的責任單位
    牽頭：{ $lead }
    協辦：{ $supporting }
    點單位加入或移除；點上面的單位切換牽頭/協辦。
btn-role = ⇄ { $name }：{ $role ->
    [lead] 牽頭
   *[other] 協辦
}
btn-new-unit = ➕ 新單位
review-deadline = 當前期限：{ $due }（原文：{ $text }）
    選一個日期，或直接輸入。
btn-type-date = ⌨️ 輸入日期
btn-clear-date = 清除期限
review-recurrence = 這一項多久做一次？
btn-no-recurrence = 不重複
publish-problems = 還不能交辦：{ $vague } 項的期限待定，{ $unknown } 個單位不在名錄裡（{ $names }）。請先處理。
published = ✅ 已交辦：{ $assignments } 項任務，{ $cards } 條消息正在發送。{ $unassigned ->
    [0] { "" }
   *[other] 另有 { $unassigned } 項沒有責任單位，未交辦。
}
draft-cancelled = 草稿“{ $title }”已取消。

## 簽收、反饋與辦結
task-acted = { $action ->
    [ack] 已簽收
    [start] 已標記為進行中
    [done] 已標記辦結，等待銷號
    [closed] 已辦結並自動銷號
   *[other] 已更新
}
task-unchanged = 沒有變化（已經是這個狀態）。
task-refused = { $reason ->
    [needs-evidence] 這項任務須先上傳痕跡材料：回覆任務卡片發送照片或文件，再點“已完成”。
    [closed] 任務已銷號，不能再修改。
    [finished] 任務已辦結。
    [not-done] 任務還沒有辦結。
    [not-finished] 任務還沒有辦結，無需退回。
   *[other] 找不到這項任務。
}
update-recorded = 📝 已記錄任務 #{ $id } 的反饋{ $files ->
    [0] { "" }
   *[other] （附件 { $files } 個）
}。
ask-block-reason = 任務 #{ $id }（{ $unit }）：{ $text }
    請說明遇到的困難，我們會告知單位負責人和縣管理員。
blocked-recorded = 已記錄困難，並已告知單位負責人和縣管理員。
alert-blocked = ⚠️ <b>任務 #{ $id } 遇到困難</b> · { $unit }
    { $text }
    { $who }：{ $reason }
close-request = ✅ <b>任務 #{ $id } 已辦結，請銷號</b> · { $unit }
    { $text }
    報告人：{ $who }
btn-close = 銷號
btn-reopen = 退回
supervised = 任務 #{ $id }（{ $unit }）：{ task-state }。
status-line = • #{ $id } { $unit }：{ $who } → { task-state }

## 延期
ask-extension-date = 任務 #{ $id }（{ $unit }）：{ $text }
    請發送希望延到的日期，例如 6月30日。
ask-extension-reason = 延到 { $due }。請說明延期理由。
extension-refused = { $reason ->
    [not-later] 新日期必須晚於現在的期限。
   *[other] 任務已辦結，不能申請延期。
}
extension-sent = 已提交延期申請（延到 { $due }），等待縣管理員審批。
extension-request = ⏳ <b>延期申請</b> · 任務 #{ $id } · { $unit }
    { $text }
    { $who } 申請從 { $current } 延到 { $due }
    理由：{ $reason }
btn-approve = 同意
btn-reject = 不同意
extension-decided = 任務 #{ $id } 的延期申請（延到 { $due }）{ $state ->
    [approved] 已獲批准，期限已更新。
   *[other] 未獲批准，期限不變。
}
extension-decision-shown = 任務 #{ $id } 的延期申請：{ $state ->
    [approved] 已批准
    [rejected] 已駁回
   *[other] { $state }
}。

## 我的任務與記錄
tasks-title = 📋 <b>我的任務</b>（{ task-filter-name }，{ $count } 項）
task-filter-name = { $filter ->
    [overdue] 已逾期
    [week] 7 天內到期
    [meeting] 按會議
   *[other] 全部未辦結
}
task-filter = { $filter ->
    [overdue] 逾期
    [week] 本週到期
   *[other] 全部
}
tasks-none = 沒有符合條件的任務。
task-overdue = ⚠️逾期
task-line = #{ $id } { $unit } · { $text } · { $due } · { task-state } { $late }
btn-not-signed = 👥 未簽收名單
task-history-hint = 發送 /task { $id } 查看完整記錄。
history-title = 🗂 <b>任務 #{ $id }</b> · { $unit } · { task-state }
    { $text }
history-assigned = • { $at } 交辦
history-earlier = ……更早的 { $count } 條記錄略去
history-note = ：{ $note }
history-update = { $who } { task-state }{ $files ->
    [0] { "" }
   *[other] （附件 { $files } 個）
}
history-extension = { $who } 申請延期到 { $due }：{ $reason }（{ $state ->
    [approved] 已批准
    [rejected] 已駁回
   *[other] 待審批
}）
not-signed = 任務 #{ $id }（{ $unit }）還有 { $count } 人未簽收：{ $names }
btn-resend = 🔔 重新發送給未簽收的人
resend-banner = 🔔 <b>請簽收</b>
resent = 已把任務 #{ $id } 重新發送給 { $count } 位未簽收的人。
