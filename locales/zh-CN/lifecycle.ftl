# 会议部署的交办闭环：接收报道、审核计划、交办、签收、反馈、延期、办结与销号
# （src/bot/features/ingest.ts, review*.ts, tasks.ts, task-requests.ts, status.ts, src/messages/task-card.ts）

cmd-tasks = 我的任务
cmd-task = 任务详情与记录（/task 编号）
denied-not-unit-member = 这是其他单位的任务，你不能操作。

task-state = { $state ->
    [assigned] 已交办
    [acknowledged] 已签收
    [ack] 签收
    [in_progress] 进行中
    [done] 已办结（待销号）
    [closed] 已销号
    [blocked] 有困难
    [update] 反馈
   *[other] { $state }
}

## 任务卡片
card-title = 📌 <b>督办任务 #{ $id }</b> · { $unit }
card-meeting = 会议：{ $title }（{ $date }）
card-no-due = 未设期限
card-due = 期限：{ $due }
card-recurrence = 周期：{ $rule }
card-units = 牵头：{ $lead }；协办：{ $supporting }
card-state = 状态：{ task-state }
card-progress = 清单进度：{ $done }/{ $total }
card-needs-evidence = 📎 办结前须上传痕迹材料（回复本卡片发送照片或文件）
btn-ack = ✍️ 签收
btn-start = 🔄 进行中
btn-task-done = ✅ 已完成
btn-block = ⚠️ 有困难
btn-extend = ⏳ 申请延期
publish-summary = 📢 <b>会议部署已交办</b>：{ $title }，共 { $assignments } 项任务。

## 接收报道
ingest-which-county = 这份会议报道属于哪个县？
ingest-not-a-report = 这段文字里没有找到会议部署（没有“要……”“必须……”这类要求），所以没有建立草稿。请发送会议报道的全文，或 .txt / .docx 文件。
ingest-duplicate = 这份报道已经收到过（会议 #{ $id }，{ $state ->
    [draft] 草稿
    [published] 已交办
   *[other] { $state }
}），不再重复建立。
btn-open-draft = 打开草稿
ingest-expired = 这一步已过期，请重新发送报道。
ingest-file-refused = 文件“{ $name }”不能接收：{ $reason ->
    [empty] 文件是空的。
    [too-large] 文件超过 20 MB。
    [executable] 这是可执行程序，不是文档。
    [archive] 这是压缩包，请解压后发送 .txt 或 .docx 文件。
    [binary] 文件内容不是文字。
    [bad-docx] .docx 文件损坏，无法读取。
   *[other] 只接收 .txt（UTF-8 或 GBK）和 .docx 文件。
}

## 审核计划
plan-title = 📝 <b>会议草稿：{ $title }</b>
plan-facts = 日期：{ $date } · 主持：{ $convener } · 共 { $count } 项部署
plan-page = 第 { $page }/{ $pages } 页。点编号修改该项；❓ 表示名录里没有的单位。
warning-kind = { $kind ->
    [unknown-unit] 未知单位
    [vague-deadline] 限期未定日期
    [implausible-number] 数字可疑
    [guessed-year] 年份系推断
    [deadline-before-meeting] 期限早于会议
    [no-meeting-date] 没有会议日期
   *[other] 提示
}
plan-warning = { warning-kind }：{ $text }
review-due = 期限：{ $due }
review-due-vague = ❗待定（须设日期或确认不设）
review-freq = { $freq ->
    [daily] 每天
    [weekly] 每周
    [monthly] 每月
    [quarterly] 每季度
    [yearly] 每年
   *[other] { $freq }
}
review-not-draft = 这份会议已不是草稿（{ $state ->
    [published] 已交办
    [cancelled] 已取消
   *[other] { $state }
}），不能再修改。
review-directive-title = <b>第 { $number } 项</b>（{ $speaker }）
review-deadline-text = 原文期限：{ $text }
review-refused = { $reason ->
    [not-draft] 草稿已发布或已取消，不能再修改。
    [not-found] 这一项已被删除或合并。
    [no-next] 后面没有可以合并的项。
    [bad-text] 文字不能为空，也不能超过 3000 字。
   *[other] 没有修改。
}
btn-review-units = 🏢 单位
btn-deadline = 📅 期限
btn-recurrence = 🔁 周期
btn-edit-text = ✏️ 改文字
btn-evidence = { $on ->
    [yes] 📎 须留痕：是
   *[other] 📎 须留痕：否
}
btn-merge-next = 🔗 与下一项合并
btn-drop = 🗑 删除此项
btn-create-unit = ➕ 建立“{ $name }”
btn-drop-unit = ✖ 去掉“{ $name }”
btn-confirm-no-date = ✔ 确认不设期限
btn-back-plan = « 返回计划
btn-back-directive = « 返回
btn-publish = 🚀 交办
btn-publish-problems = 🚀 交办（{ $count } 个问题待处理）
btn-cancel-draft = 取消草稿
btn-first-problem = 去处理第一个问题
ask-directive-text = 请发送这一项的新文字。现在是：
    { $text }
ask-directive-date = 请发送期限，例如 6月30日、2026-06-30 或 6/30。
ask-new-unit = 请发送新单位的名称，它会加入本县名录并加到这一项。
bad-date = 看不懂日期“{ $text }”。请写成 6月30日、2026-06-30 或 6/30。
review-units = 这一项的责任单位
    牵头：{ $lead }
    协办：{ $supporting }
    点单位加入或移除；点上面的单位切换牵头/协办。
btn-role = ⇄ { $name }：{ $role ->
    [lead] 牵头
   *[other] 协办
}
btn-new-unit = ➕ 新单位
review-deadline = 当前期限：{ $due }（原文：{ $text }）
    选一个日期，或直接输入。
btn-type-date = ⌨️ 输入日期
btn-clear-date = 清除期限
review-recurrence = 这一项多久做一次？
btn-no-recurrence = 不重复
publish-problems = 还不能交办：{ $vague } 项的期限待定，{ $unknown } 个单位不在名录里（{ $names }）。请先处理。
published = ✅ 已交办：{ $assignments } 项任务，{ $cards } 条消息正在发送。{ $unassigned ->
    [0] { "" }
   *[other] 另有 { $unassigned } 项没有责任单位，未交办。
}
draft-cancelled = 草稿“{ $title }”已取消。

## 签收、反馈与办结
task-acted = { $action ->
    [ack] 已签收
    [start] 已标记为进行中
    [done] 已标记办结，等待销号
    [closed] 已办结并自动销号
   *[other] 已更新
}
task-unchanged = 没有变化（已经是这个状态）。
task-refused = { $reason ->
    [needs-evidence] 这项任务须先上传痕迹材料：回复任务卡片发送照片或文件，再点“已完成”。
    [closed] 任务已销号，不能再修改。
    [finished] 任务已办结。
    [not-done] 任务还没有办结。
    [not-finished] 任务还没有办结，无需退回。
   *[other] 找不到这项任务。
}
update-recorded = 📝 已记录任务 #{ $id } 的反馈{ $files ->
    [0] { "" }
   *[other] （附件 { $files } 个）
}。
ask-block-reason = 任务 #{ $id }（{ $unit }）：{ $text }
    请说明遇到的困难，我们会告知单位负责人和县管理员。
blocked-recorded = 已记录困难，并已告知单位负责人和县管理员。
alert-blocked = ⚠️ <b>任务 #{ $id } 遇到困难</b> · { $unit }
    { $text }
    { $who }：{ $reason }
close-request = ✅ <b>任务 #{ $id } 已办结，请销号</b> · { $unit }
    { $text }
    报告人：{ $who }
btn-close = 销号
btn-reopen = 退回
supervised = 任务 #{ $id }（{ $unit }）：{ task-state }。
status-line = • #{ $id } { $unit }：{ $who } → { task-state }

## 延期
ask-extension-date = 任务 #{ $id }（{ $unit }）：{ $text }
    请发送希望延到的日期，例如 6月30日。
ask-extension-reason = 延到 { $due }。请说明延期理由。
extension-refused = { $reason ->
    [not-later] 新日期必须晚于现在的期限。
   *[other] 任务已办结，不能申请延期。
}
extension-sent = 已提交延期申请（延到 { $due }），等待县管理员审批。
extension-request = ⏳ <b>延期申请</b> · 任务 #{ $id } · { $unit }
    { $text }
    { $who } 申请从 { $current } 延到 { $due }
    理由：{ $reason }
btn-approve = 同意
btn-reject = 不同意
extension-decided = 任务 #{ $id } 的延期申请（延到 { $due }）{ $state ->
    [approved] 已获批准，期限已更新。
   *[other] 未获批准，期限不变。
}
extension-decision-shown = 任务 #{ $id } 的延期申请：{ $state ->
    [approved] 已批准
    [rejected] 已驳回
   *[other] { $state }
}。

## 我的任务与记录
tasks-title = 📋 <b>我的任务</b>（{ task-filter-name }，{ $count } 项）
task-filter-name = { $filter ->
    [overdue] 已逾期
    [week] 7 天内到期
    [meeting] 按会议
   *[other] 全部未办结
}
task-filter = { $filter ->
    [overdue] 逾期
    [week] 本周到期
   *[other] 全部
}
tasks-none = 没有符合条件的任务。
task-overdue = ⚠️逾期
task-line = #{ $id } { $unit } · { $text } · { $due } · { task-state } { $late }
btn-not-signed = 👥 未签收名单
task-history-hint = 发送 /task { $id } 查看完整记录。
history-title = 🗂 <b>任务 #{ $id }</b> · { $unit } · { task-state }
    { $text }
history-assigned = • { $at } 交办
history-earlier = ……更早的 { $count } 条记录略去
history-note = ：{ $note }
history-update = { $who } { task-state }{ $files ->
    [0] { "" }
   *[other] （附件 { $files } 个）
}
history-extension = { $who } 申请延期到 { $due }：{ $reason }（{ $state ->
    [approved] 已批准
    [rejected] 已驳回
   *[other] 待审批
}）
not-signed = 任务 #{ $id }（{ $unit }）还有 { $count } 人未签收：{ $names }
btn-resend = 🔔 重新发送给未签收的人
resend-banner = 🔔 <b>请签收</b>
resent = 已把任务 #{ $id } 重新发送给 { $count } 位未签收的人。
