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
reminder-calendar-unknown = ⚠️ { $year } 年的法定节假日和调休安排尚未载入，提醒暂时只避开周末。请管理员发送或上传该年的放假安排。
