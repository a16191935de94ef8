# Reminders, escalation and check-ins (src/scheduler/reminder-planner.ts)

reminder-before = 🔵 <b>Reminder</b>: “{ $title }” is due in { $days } days ({ $due }).
reminder-due-today = 🔵 <b>Due today</b>: “{ $title }” is due today ({ $due }).
reminder-overdue = { $colour ->
    [red] 🔴
   *[other] 🟡
} <b>Overdue by { $days } days</b>: “{ $title }” (due { $due }). Please finish it or explain the delay.
reminder-escalation = 🔴 <b>Escalation</b>: { $unit } — “{ $title }” is overdue by { $days } days (due { $due }). Please follow up.
reminder-check-in = 📝 <b>Check-in</b>: no update on “{ $title }” for { $days } days. What is the status?
reminders-merged-header = 📋 <b>You have { $count } reminders:</b>
reminder-calendar-unknown = ⚠️ The public holidays and adjusted working days of { $year } are not loaded yet; reminders skip weekends only for now. Once the State Council publishes that year's schedule, send /holidays and paste or upload it.

## Buttons under a reminder (src/messages/reminder-buttons.ts, src/bot/features/reminders.ts)
reminder-btn-snooze-hour = 💤 In 1 hour
reminder-btn-snooze-tomorrow = 💤 Tomorrow
reminder-btn-snooze-working-day = 💤 Next working day
reminder-btn-view-task = 🔎 View task #{ $id }
reminder-btn-my-tasks = { $filter ->
    [overdue] ⏰ My overdue tasks
   *[other] 📋 My tasks
}
reminder-snoozed = ⏰ Snoozed until { $date } { $time }
reminder-snooze-finished = This task is finished; no more reminders.
