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
reminder-calendar-unknown = ⚠️ The public holidays and adjusted working days of { $year } are not loaded yet; reminders skip weekends only for now. An admin can send or upload that year's schedule.
