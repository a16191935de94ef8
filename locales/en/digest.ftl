# Daily digest (08:30 every working day, src/scheduler/daily-digest.ts)

digest-title = ☀️ <b>Daily digest · { $region }</b> ({ $date })
digest-mine = <b>Your units' tasks</b>
digest-overdue = 🔴 Overdue: { $count }
digest-today = 🟠 Due today: { $count }
digest-week = 🔵 Due within 7 days: { $count }
digest-item = • #{ $id } { $title } (due { $due })
digest-item-late = • #{ $id } { $title } (due { $due }, { $days } days late)
digest-more-tasks = … and { $count } more; send /tasks to see them all
digest-supervision = <b>Supervision</b>
digest-total = Total: { $text }
digest-unit = · <b>{ $unit }</b> { $text }
digest-col-unsigned = not signed for
digest-check-ins = <b>Check-ins not answered</b>: { $count }
digest-check-in = · #{ $id } { $title } · { $unit } (asked { $date }: { $names })
digest-name-separator = { ", " }
digest-names-more = { $names } and { $count } more
digest-lost = <b>Cannot be reached</b>: { $count } (blocked the bot, deleted the account, or removed the bot from the group)
digest-lost-person = · 👤 { $name }: { $count } messages not delivered
digest-lost-group = · 👥 { $name }: { $count } messages not delivered
