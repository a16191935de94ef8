# The directive lifecycle: receiving reports, reviewing the plan, assigning, signing for,
# status updates, extensions, finishing and closing off
# (src/bot/features/ingest.ts, review*.ts, tasks.ts, task-requests.ts, status.ts, src/messages/task-card.ts)

cmd-tasks = My tasks
cmd-task = A task's details and trail (/task number)
denied-not-unit-member = This task belongs to another unit; you cannot act on it.

task-state = { $state ->
    [assigned] assigned
    [acknowledged] signed for
    [ack] signed for
    [in_progress] in progress
    [done] finished (awaiting close-off)
    [closed] closed off
    [blocked] blocked
    [update] status update
   *[other] { $state }
}

## Task card
card-title = 📌 <b>Task #{ $id }</b> · { $unit }
card-meeting = Meeting: { $title } ({ $date })
card-no-due = no deadline
card-due = Deadline: { $due }
card-recurrence = Repeats: { $rule }
card-units = Lead: { $lead }; supporting: { $supporting }
card-state = Status: { task-state }
card-progress = Checklist: { $done }/{ $total }
card-needs-evidence = 📎 Evidence is required before finishing (reply to this card with a photo or file)
btn-ack = ✍️ Sign for it
btn-start = 🔄 In progress
btn-task-done = ✅ Done
btn-block = ⚠️ Problem
btn-extend = ⏳ Ask for more time
publish-summary = 📢 <b>Meeting directives assigned</b>: { $title }, { $assignments } tasks.

## Receiving a report
ingest-which-county = Which county is this meeting report about?
ingest-not-a-report = No directives were found in this text (no "must …" or "shall …" requirements), so no draft was made. Send the full meeting report, or a .txt / .docx file.
ingest-duplicate = This report was received before (meeting #{ $id }, { $state ->
    [draft] draft
    [published] assigned
   *[other] { $state }
}); no second copy was made.
btn-open-draft = Open the draft
ingest-expired = This step has expired; please send the report again.
ingest-file-refused = The file “{ $name }” cannot be accepted: { $reason ->
    [empty] it is empty.
    [too-large] it is larger than 20 MB.
    [executable] it is a program, not a document.
    [archive] it is an archive; unpack it and send the .txt or .docx file.
    [binary] it does not contain text.
    [bad-docx] the .docx file is damaged and cannot be read.
   *[other] only .txt (UTF-8 or GBK) and .docx files are accepted.
}

## Reviewing the plan
plan-title = 📝 <b>Draft meeting: { $title }</b>
plan-facts = Date: { $date } · Chaired by: { $convener } · { $count } directives
plan-page = Page { $page }/{ $pages }. Tap a number to correct that directive; ❓ marks units not in the directory.
warning-kind = { $kind ->
    [unknown-unit] unknown unit
    [vague-deadline] "soon" without a date
    [implausible-number] implausible number
    [guessed-year] year guessed
    [deadline-before-meeting] deadline before the meeting
    [no-meeting-date] no meeting date
   *[other] note
}
plan-warning = { warning-kind }: { $text }
review-due = Deadline: { $due }
review-due-vague = ❗to be set (set a date or confirm none)
review-freq = { $freq ->
    [daily] daily
    [weekly] weekly
    [monthly] monthly
    [quarterly] quarterly
    [yearly] yearly
   *[other] { $freq }
}
review-not-draft = This meeting is no longer a draft ({ $state ->
    [published] assigned
    [cancelled] cancelled
   *[other] { $state }
}) and cannot be changed.
review-directive-title = <b>Directive { $number }</b> ({ $speaker })
review-deadline-text = Deadline in the text: { $text }
review-refused = { $reason ->
    [not-draft] The draft was published or cancelled and cannot be changed.
    [not-found] This directive was dropped or merged.
    [no-next] There is no next directive to merge with.
    [bad-text] The text must not be empty or longer than 3000 characters.
   *[other] Nothing was changed.
}
btn-review-units = 🏢 Units
btn-deadline = 📅 Deadline
btn-recurrence = 🔁 Repeats
btn-edit-text = ✏️ Edit text
btn-evidence = { $on ->
    [yes] 📎 Evidence: required
   *[other] 📎 Evidence: not required
}
btn-merge-next = 🔗 Merge with next
btn-drop = 🗑 Drop
btn-create-unit = ➕ Create “{ $name }”
btn-drop-unit = ✖ Remove “{ $name }”
btn-confirm-no-date = ✔ Confirm: no deadline
btn-back-plan = « Back to the plan
btn-back-directive = « Back
btn-publish = 🚀 Assign
btn-publish-problems = 🚀 Assign ({ $count } problems to fix)
btn-cancel-draft = Cancel draft
btn-first-problem = Go to the first problem
ask-directive-text = Send the new text of this directive. It now reads:
    { $text }
ask-directive-date = Send the deadline, e.g. 6月30日, 2026-06-30 or 6/30.
ask-new-unit = Send the name of the new unit; it is added to the county's directory and to this directive.
bad-date = “{ $text }” is not a date I understand. Write 6月30日, 2026-06-30 or 6/30.
review-units = Responsible units of this directive
    Lead: { $lead }
    Supporting: { $supporting }
    Tap a unit to add or remove it; tap one of the top buttons to switch lead/supporting.
btn-role = ⇄ { $name }: { $role ->
    [lead] lead
   *[other] supporting
}
btn-new-unit = ➕ New unit
review-deadline = Deadline now: { $due } (in the text: { $text })
    Choose a date or type one.
btn-type-date = ⌨️ Type a date
btn-clear-date = Clear the deadline
review-recurrence = How often is this to be done?
btn-no-recurrence = Once
publish-problems = Not ready to assign: { $vague } directives need a deadline, { $unknown } units are not in the directory ({ $names }). Please fix them first.
published = ✅ Assigned: { $assignments } tasks; { $cards } messages are being sent.{ $unassigned ->
    [0] { "" }
   *[other] { " " }{ $unassigned } directives have no responsible unit and were not assigned.
}
draft-cancelled = The draft “{ $title }” was cancelled.

## Signing, status and finishing
task-acted = { $action ->
    [ack] Signed for
    [start] Marked in progress
    [done] Marked finished; awaiting close-off
    [closed] Finished and closed off automatically
   *[other] Updated
}
task-unchanged = Nothing changed (it is already in that state).
task-refused = { $reason ->
    [needs-evidence] This task needs evidence first: reply to the task card with a photo or file, then tap “Done”.
    [closed] The task is closed off and cannot be changed.
    [finished] The task is finished.
    [not-done] The task is not finished yet.
    [not-finished] The task is not finished; there is nothing to send back.
   *[other] This task cannot be found.
}
update-recorded = 📝 Status update for task #{ $id } recorded{ $files ->
    [0] { "" }
   *[other] { " " }({ $files } attachments)
}.
ask-block-reason = Task #{ $id } ({ $unit }): { $text }
    What is the problem? The unit head and the county admins will be told.
blocked-recorded = The problem is recorded; the unit head and the county admins have been told.
alert-blocked = ⚠️ <b>Task #{ $id } is blocked</b> · { $unit }
    { $text }
    { $who }: { $reason }
close-request = ✅ <b>Task #{ $id } is finished; please close it off</b> · { $unit }
    { $text }
    Reported by: { $who }
btn-close = Close off
btn-reopen = Send back
supervised = Task #{ $id } ({ $unit }): { task-state }.
status-line = • #{ $id } { $unit }: { $who } → { task-state }

## Extensions
ask-extension-date = Task #{ $id } ({ $unit }): { $text }
    Send the date you need, e.g. 6月30日 or 2026-06-30.
ask-extension-reason = Until { $due }. Why is more time needed?
extension-refused = { $reason ->
    [not-later] The new date must be later than the current deadline.
   *[other] The task is finished; no extension can be requested.
}
extension-sent = Extension requested (until { $due }); waiting for the county admin's decision.
extension-request = ⏳ <b>Extension request</b> · task #{ $id } · { $unit }
    { $text }
    { $who } asks to move the deadline from { $current } to { $due }
    Reason: { $reason }
btn-approve = Approve
btn-reject = Reject
extension-decided = The extension of task #{ $id } (until { $due }) { $state ->
    [approved] was approved; the deadline is updated.
   *[other] was not approved; the deadline stays.
}
extension-decision-shown = Extension of task #{ $id }: { $state ->
    [approved] approved
    [rejected] rejected
   *[other] { $state }
}.

## My tasks and trails
tasks-title = 📋 <b>My tasks</b> ({ task-filter-name }, { $count })
task-filter-name = { $filter ->
    [overdue] overdue
    [week] due within 7 days
    [meeting] by meeting
   *[other] all open
}
task-filter = { $filter ->
    [overdue] Overdue
    [week] Due this week
   *[other] All
}
tasks-none = No tasks match.
task-overdue = ⚠️overdue
task-line = #{ $id } { $unit } · { $text } · { $due } · { task-state } { $late }
btn-not-signed = 👥 Not signed yet
task-history-hint = Send /task { $id } for the full trail.
history-title = 🗂 <b>Task #{ $id }</b> · { $unit } · { task-state }
    { $text }
history-assigned = • { $at } assigned
history-earlier = … { $count } earlier steps not shown
history-note = : { $note }
history-update = { $who } { task-state }{ $files ->
    [0] { "" }
   *[other] { " " }({ $files } attachments)
}
history-extension = { $who } asked for more time until { $due }: { $reason } ({ $state ->
    [approved] approved
    [rejected] rejected
   *[other] pending
})
not-signed = Task #{ $id } ({ $unit }): { $count } people have not signed yet: { $names }
btn-resend = 🔔 Send again to those who have not signed
resend-banner = 🔔 <b>Please sign for this task</b>
resent = Task #{ $id } was sent again to { $count } people who have not signed.
