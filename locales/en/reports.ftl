# Supervision reports, the ledger and the weekly bulletin (src/reports, src/bot/features/report.ts, export.ts)

cmd-report = Supervision report
cmd-export = Export the ledger
report-usage = Usage: /report [county | unit NAME | meeting NUMBER-OR-TITLE] [this week | this month | 2026-11-01..2026-11-30]
    Without a scope: county admins see the county, unit heads their unit. Without a period: this month.
export-usage = Usage: /export [county | unit NAME | meeting NUMBER-OR-TITLE] [this week | this month | 2026-11-01..2026-11-30] [csv]
    An Excel ledger (.xlsx) by default; add csv for a CSV file.
report-bad-period = I could not read the period. Write this week, this month, or 2026-11-01..2026-11-30 (a year at most).
report-unit-unknown = No unit called “{ $unit }” was found.
report-meeting-unknown = No meeting “{ $value }” was found.
report-county-unknown = No county called “{ $unit }” was found.
report-title = 📊 <b>Supervision report · { $region }</b>
    { $title }
report-scope-county = whole county
report-period-week = this week
report-period-month = this month
report-period-range = period
report-empty = Nothing was assigned in this period.
report-ranking = <b>Units ranked</b> (by completion)
report-worst = <b>Longest overdue</b>
report-no-overdue = Nothing is overdue.
report-more-units = … and { $count } more units
report-overdue-item = { $colour ->
    [red] 🔴
   *[other] 🟡
} { $unit }{ $head } “{ $title }” { $days } days overdue (due { $due })
report-head = {" "}(head: { $name })
report-col-assigned = assigned
report-col-done = done
report-col-signed = signed for
report-col-in-progress = in progress
report-col-blocked = blocked
report-col-overdue = overdue
report-col-on-time = on time
report-col-extensions = extension requests
report-chart-completion = completion by unit
report-chart-trend = open and done over time
report-chart-hidden = { $count } units in the middle of the ranking are left out of the chart; the text lists them.
report-legend-done = done
report-legend-open = not yet due
report-legend-overdue = overdue
report-legend-unfinished = open

# The ledger (台账): file name, sheet names, headers and values
export-caption = 📑 { $region } · ledger ({ $title })
ledger-file = ledger
ledger-sheet-tasks = Ledger
ledger-sheet-households = Contact coverage
ledger-col-meeting = Meeting
ledger-col-meeting-date = Meeting date
ledger-col-directive = Directive
ledger-col-unit = Responsible unit
ledger-col-role = Lead/supporting
ledger-col-due = Deadline
ledger-col-state = State
ledger-col-overdue-days = Days overdue
ledger-col-assigned = Assigned
ledger-col-signed = Signed for
ledger-col-started = Started
ledger-col-done = Done
ledger-col-closed = Closed off
ledger-col-blocked = Blocked
ledger-col-latest-update = Latest update
ledger-col-latest-at = Updated
ledger-col-evidence = Evidence
ledger-col-extensions = Extension requests
ledger-col-household = Household
ledger-col-township = Township
ledger-col-village = Village
ledger-col-work-location = Work location
ledger-col-helper = Helper cadre
ledger-col-phone = Phone
ledger-col-contacts-quarter = Contacts this quarter
ledger-col-last-contact = Last contact
ledger-col-last-channel = Channel
ledger-col-leaflet = Leaflet this year
ledger-role-lead = lead
ledger-role-supporting = supporting
ledger-state-assigned = not signed for
ledger-state-acknowledged = signed for
ledger-state-in-progress = in progress
ledger-state-done = done
ledger-state-closed = closed off
ledger-state-blocked = blocked
ledger-extension = { $value } asked for { $due } ({ $kind })
ledger-extension-pending = pending
ledger-extension-approved = approved
ledger-extension-rejected = rejected
ledger-channel-phone = phone
ledger-channel-wechat = WeChat
ledger-channel-sms = SMS
ledger-channel-qq = QQ
ledger-channel-visit = visit
ledger-channel-telegram = Telegram
ledger-yes = sent
ledger-no = not sent

# The weekly bulletin (督查通报, Mondays 09:00, src/reports/weekly-bulletin.ts)
bulletin-title = 📢 <b>Bulletin · { $region }</b> ({ $title })
bulletin-ranking = <b>1. Completion last week, units ranked</b> ({ $title })
bulletin-red-yellow = <b>2. Red and yellow slips</b>: { $count } red, { $value } yellow
bulletin-more-items = … and { $count } more
bulletin-unsigned = <b>3. Units that have not signed for tasks</b>: { $count }
bulletin-unsigned-unit = · { $unit }: { $count } not signed for
bulletin-uncontacted = <b>4. Households not contacted this quarter</b>: { $count }
bulletin-uncontacted-township = · { $name }: { $count }
bulletin-no-township = no township given
