# 提醒、督办升级与进展询问（src/scheduler/reminder-planner.ts）

reminder-before = 🔵 <b>督办提醒</b>：「{ $title }」还有 { $days } 天到期（{ $due }）。
reminder-due-today = 🔵 <b>今日到期</b>：「{ $title }」今天（{ $due }）到期，请按时办结。
reminder-overdue = { $colour ->
    [red] 🔴
   *[other] 🟡
} <b>已逾期 { $days } 天</b>：「{ $title }」（{ $due } 到期），请尽快办结或说明情况。
reminder-escalation = 🔴 <b>督办升级</b>：{ $unit }「{ $title }」已逾期 { $days } 天（{ $due } 到期），请督促办理。
reminder-check-in = 📝 <b>进展询问</b>：「{ $title }」已经 { $days } 天没有反馈，请报告当前进展。
reminders-merged-header = 📋 <b>你有 { $count } 条督办提醒：</b>
reminder-calendar-unknown = ⚠️ { $year } 年的法定节假日和调休安排尚未载入，提醒暂时只避开周末。国务院公布后，请发送 /holidays，粘贴或上传该年的放假和调休安排。

## 提醒下方的按钮（src/messages/reminder-buttons.ts, src/bot/features/reminders.ts）
reminder-btn-snooze-hour = 💤 1 小时后
reminder-btn-snooze-tomorrow = 💤 明天
reminder-btn-snooze-working-day = 💤 下个工作日
reminder-btn-view-task = 🔎 查看任务 #{ $id }
reminder-btn-my-tasks = { $filter ->
    [overdue] ⏰ 我的逾期任务
   *[other] 📋 我的任务
}
reminder-snoozed = ⏰ 已推迟至 { $month }月{ $day }日 { $time }
reminder-snooze-finished = 这项任务已办结，不再提醒。
