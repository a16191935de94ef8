# 提醒、督辦升級與進展詢問（src/scheduler/reminder-planner.ts）

reminder-before = 🔵 <b>督辦提醒</b>：「{ $title }」還有 { $days } 天到期（{ $due }）。
reminder-due-today = 🔵 <b>今日到期</b>：「{ $title }」今天（{ $due }）到期，請按時辦結。
reminder-overdue = { $colour ->
    [red] 🔴
   *[other] 🟡
} <b>已逾期 { $days } 天</b>：「{ $title }」（{ $due } 到期），請盡快辦結或說明情況。
reminder-escalation = 🔴 <b>督辦升級</b>：{ $unit }「{ $title }」已逾期 { $days } 天（{ $due } 到期），請督促辦理。
reminder-check-in = 📝 <b>進展詢問</b>：「{ $title }」已經 { $days } 天沒有回饋，請報告目前進展。
reminders-merged-header = 📋 <b>你有 { $count } 則督辦提醒：</b>
reminder-calendar-unknown = ⚠️ { $year } 年的法定節假日和調休安排尚未載入，提醒暫時只避開週末。國務院公布後，請傳送 /holidays，貼上或上傳該年的放假和調休安排。

## 提醒下方的按鈕（src/messages/reminder-buttons.ts, src/bot/features/reminders.ts）
reminder-btn-snooze-hour = 💤 1 小時後
reminder-btn-snooze-tomorrow = 💤 明天
reminder-btn-snooze-working-day = 💤 下個工作日
reminder-btn-view-task = 🔎 查看任務 #{ $id }
reminder-btn-my-tasks = { $filter ->
    [overdue] ⏰ 我的逾期任務
   *[other] 📋 我的任務
}
reminder-snoozed = ⏰ 已延後至 { $month }月{ $day }日 { $time }
reminder-snooze-finished = 這項任務已辦結，不再提醒。
