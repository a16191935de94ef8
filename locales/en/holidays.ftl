# Holidays and adjusted working days (src/bot/features/holidays.ts): admins load the years the calendar library does not know

cmd-holidays = Holidays and adjusted working days
btn-holidays = 📅 Holidays
denied-not-calendar-admin = Sorry, only county admins and the system's operators can manage the holiday schedule.

holidays-title = <b>📅 Holidays and adjusted working days</b> (shared by every county)
holidays-library = Calendar library (chinese-days): { $value }
holidays-loaded-none = Loaded by admins: none
holidays-loaded =
    Loaded by admins:
    { $lines }
holidays-loaded-year = • { $year }: { $count ->
    [one] { $count } day
   *[other] { $count } days
}
holidays-year-unknown = ⚠️ The holiday schedule of { $year } is not loaded yet; reminders skip weekends only for now. Load it in the format below once the State Council publishes it.
holidays-next-known = ✅ The holiday schedule of { $year } is known.
holidays-format =
    <b>Format</b>: one entry a line — a date or a date range, 休 (holiday) or 班 (working day), and a name if you like; lines starting with # are comments. For example:
    <pre>{ $year }-01-01 休 元旦
    { $year }-02-06~{ $year }-02-12 休 春节
    { $year }-02-14 班 春节调休</pre>
    List only the days off and the adjusted working days; every other day follows the usual week.
btn-holidays-load = 📥 Load a schedule
btn-holidays-year = 📋 { $year }
btn-holidays-reload = 🔄 Reload { $year }

holidays-year-title = <b>Schedule loaded for { $year }</b> ({ $count ->
    [one] { $count } day
   *[other] { $count } days
})
holidays-year-empty = Nothing is loaded for { $year } yet.
holidays-more = …and { $count } more.

holidays-ask = Send the holiday schedule: paste it, or upload a .txt file (UTF-8 or GBK), one entry a line. Whatever is loaded for the years it covers is replaced as a whole.
holidays-ask-reload = Send the whole holiday schedule of { $year } (paste it or upload a .txt file); it replaces the { $count ->
    [one] { $count } day
   *[other] { $count } days
} loaded now.
holidays-file-refused = The file “{ $name }” cannot be read: { $reason ->
    [too-large] it is too large; a year's schedule is a few dozen lines.
    [empty] it is empty.
    [binary] it does not hold text.
   *[other] only .txt files (UTF-8 or GBK) are accepted.
}
holidays-rejected = ❌ { $count ->
    [one] { $count } line
   *[other] { $count } lines
} could not be read, so nothing was loaded. Correct the schedule and send it again:
holidays-line-error = Line { $row }: { $problem ->
        [date] no such date
        [kind] the second item must be 休 or 班
        [range] the range ends before it starts or crosses a year
        [known-year] the calendar library already has this year; it cannot be replaced here
       *[other] not understood; write “date 休-or-班 name”
    } “{ $value }”
holidays-empty = No dates found, so nothing was loaded. Write one entry a line, for example: 2027-01-01 休 元旦
holidays-loaded-ok = ✅ Loaded { $year }: { $count ->
    [one] { $count } day
   *[other] { $count } days
}.
holidays-replanned = { $assignments ->
    [one] The reminders of { $assignments } task were re-planned on the new schedule.
   *[other] The reminders of { $assignments } tasks were re-planned on the new schedule.
}
