# Outgoing households (外出贫困户): registry, contact and leaflet duties, notices, personal data

cmd-households = Outgoing households
cmd-contacted = Log a household contact

denied-not-helper = Sorry, only the household's helper cadre or a county admin can do this.
denied-reveal-off = This county does not allow showing full phone numbers in chat.
denied-not-household = This is only for households of this county.

## Reminders to helper cadres (one message per cadre and duty)

hh-reminder = 🔵 <b>{ $kind ->
    [leaflet] Send the policy leaflet and letter
   *[other] Contact your outgoing households
  }</b>: { $count } still due by { $due }:
    { $lines }
hh-reminder-overdue = { $colour ->
    [red] 🔴
   *[other] 🟡
  } <b>Overdue { $days } days</b> ({ $kind ->
    [leaflet] leaflet and letter
   *[other] contact
  }, due { $due }): { $count } households:
    { $lines }
hh-escalation = 🔴 <b>Escalation</b>: helper cadre { $name } has { $count } households without { $kind ->
    [leaflet] the leaflet and letter
   *[other] a contact
  }, overdue { $days } days (due { $due }).
hh-btn-contacted = ✅ Log a contact
hh-btn-leaflet-sent = 📄 Leaflet sent

## Menus and lists

hh-menu = <b>{ $region }</b> · outgoing households: { $count }
hh-btn-menu = 🏠 Outgoing households
hh-btn-coverage = 📊 Coverage this period
hh-btn-uncontacted = 📋 Not yet contacted
hh-btn-export = 📥 Export (XLSX)
hh-btn-template = 📄 Import template
hh-btn-import = 📤 Import households
hh-btn-notice = 📢 Notice to households
hh-btn-mine = 👤 My households
hh-btn-reveal-setting = 📞 Full phones: { $kind ->
    [helper] the helper cadre may reveal one
   *[other] never shown in chat
  }
hh-mine = <b>Your households in { $region }</b> ({ $count }):
    { $lines }
hh-mine-none = You are not the helper cadre of any household in { $region }.
hh-none-anywhere = You have no outgoing households to follow.
hh-last-contact = last contact { $due }
hh-never-contacted = never contacted
hh-due-contact = contact due
hh-due-leaflet = leaflet due
hh-coverage = <b>Contact coverage { $due }</b>: { $value }

    <b>By township</b>
    { $lines }

    <b>By helper cadre</b>
    { $names }
hh-uncontacted = <b>Not yet contacted { $due }</b> ({ $count }):
    { $lines }
hh-uncontacted-none = Every household was contacted this period. 🎉
hh-view = <b>{ $name }</b>
    { $value }
    Phone: { $hint }
    Helper cadre: { $head }
    { $due }
hh-no-phone = none
hh-btn-reveal = 📞 Show full phone
hh-phone-revealed = 📞 { $value }
    (This view is recorded.)
hh-btn-invite = 🔗 Invite link and QR code
hh-btn-deactivate = 🗑 Deactivate (left the register)
hh-deactivate-confirm = Deactivate <b>{ $name }</b>? Its duties and reminders stop now; its personal data and contact records are deleted after { $days } days.
hh-btn-deactivate-confirm = 🗑 Yes, deactivate
hh-deactivated = <b>{ $name }</b> is deactivated.
hh-invite = Invite link for the household <b>{ $name }</b> (one use, valid until { $expires }):
    { $link }
    Print the QR code below and give it to the household.

## Logging a contact

hh-pick = <b>{ $kind ->
    [leaflet] Leaflet sent
   *[other] Log a contact
  }</b>: choose the household ({ $count } due):
hh-pick-none = No household is due for this.
hh-btn-switch-leaflet = 📄 Leaflet sent instead
hh-channel-ask = How did you reach <b>{ $name }</b>?
hh-ch-phone = 📞 Phone
hh-ch-wechat = 💬 WeChat
hh-ch-sms = ✉️ SMS
hh-ch-qq = 🐧 QQ
hh-ch-visit = 🚶 Visit
hh-ch-telegram = ✈️ Telegram
hh-note-ask = Send a short note or a photo for the record, or press Save.
hh-btn-save = 💾 Save without a note
hh-contact-saved = ✅ Logged for <b>{ $name }</b>. { $value }
hh-duty-done = This period's duty is done.
hh-duty-open = This period's duty still needs more contacts.
hh-duty-none = No duty was open for this period.

## Import

hh-import-ask = Send the households file (CSV or XLSX) for <b>{ $region }</b>. Columns: name, ID number (optional), township, village, work location, phone, household size, helper cadre (name or @username), notes.
hh-import-done = ✅ Households imported: { $created } new, { $updated } updated.
hh-import-rejected = ⚠️ { $count } rows rejected, { $rows } rows valid. Nothing was imported. The file lists each rejected row and why. Send a corrected file, or import only the valid rows.
hh-import-partial = ✅ Valid rows imported: { $created } new, { $updated } updated; { $count } rejected rows were skipped (see the file).
hh-btn-import-valid = Import the { $rows } valid rows
hh-import-file-too-big = The file is too big (at most { $mb } MB).
hh-import-file-unsupported = Please send a .csv or .xlsx file.
hh-import-file-unreadable = The file could not be read. Save it again as CSV or XLSX.
hh-import-file-no-header = The first row must name the columns (download the template).
hh-import-file-empty = The file has no households.
hh-import-file-too-many-rows = The file has more than { $rows } rows.
hh-import-file-encoding = The file's text encoding is not readable. Save it as UTF-8 or GBK CSV, or as XLSX.
hh-import-file-missing-columns = Columns missing: { $names }.
hh-import-file-gone = The file is no longer available; please send it again.
hh-rejected-columns = Row|Name|Township|Village|ID number|Phone|Helper cadre|Problem
hh-export-columns = Name|ID number|Township|Village|Work location|Phone|Household size|Helper cadre|Last contact|Contacted this period
hh-problem-missing-name = name missing
hh-problem-bad-name = name too long or on several lines
hh-problem-missing-place = township or village missing
hh-problem-id-format = ID number must have 18 characters (or 15 digits)
hh-problem-id-region = ID number: unknown region code
hh-problem-id-birth-date = ID number: impossible birth date
hh-problem-id-checksum = ID number: check digit wrong (typo?)
hh-problem-id-needs-key = ID numbers cannot be stored: the server has no encryption key (PII_KEY)
hh-problem-bad-phone = phone number not valid
hh-problem-bad-size = household size must be a whole number 1–30
hh-problem-unknown-helper = helper cadre not found among the county's people
hh-problem-ambiguous-helper = several people have this name: write @username
hh-problem-duplicate-in-file = the same household appears twice in the file
hh-problem-id-taken = this ID number belongs to another household in the county
hh-template-caption = Template for importing households. Keep the first row.

## Notices to households

hh-notice-ask = Send the notice for the households of <b>{ $region }</b>: a text, or the leaflet file with the notice as its caption.
hh-notice-sent = 📢 Notice queued for { $count } households.
hh-notice = 📢 <b>{ $region }</b>
    { $title }
hh-btn-leaflet = 📎 { $name }
hh-notice-file-ask = Now send the leaflet file (PDF, image or document) to attach, or send the notice without a file.
hh-btn-send-now = 📢 Send without a file

## Households themselves

hh-joined = You are connected to <b>{ $region }</b>. Notices for households arrive here, and any message you write reaches your helper cadre. Send /stop to leave at any time.
hh-join-refused = This household link is not valid, was already used or has expired. Ask your helper cadre for a new one.
hh-reply-sent = ✉️ Sent to your helper cadre.
hh-reply-to-helper = ✉️ <b>{ $name }</b> ({ $value }) wrote:
    { $title }
hh-stopped = You have left. You will receive nothing more from this bot. Ask your helper cadre for a new link to come back.
hh-stop-none = You are not connected as a household.
