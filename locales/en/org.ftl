# Organisation: counties, unit directory, people, invites, group subscriptions, permissions

none = none
saved = ✅ Saved.
all-units = all units

## Permissions

denied-not-owner = Sorry, only the operators of this deployment can create counties.
denied-not-county-admin = Sorry, you are not an admin of this county, so you cannot do this.
denied-not-unit-head = Sorry, only the head of this unit or a county admin can do this.
denied-role-not-allowed = Sorry, a unit head can invite only unit officials and helper cadres of their own unit.
denied-unit-required = This role needs a unit; choose one first.
denied-not-chat-admin = Sorry, only an admin of this group can set up its subscriptions.
denied-gone = This item no longer exists or is not yours to manage. Please start again from the menu.

## Questions

prompt-cancel-hint = Send /cancel to cancel.
prompt-sent-privately = The question was sent to your private chat with the bot; answer it there.
prompt-cancelled = Cancelled.
prompt-send-file = Please send a CSV or XLSX file, or /cancel.

## Menu

menu-title = <b>Admin menu</b>
    Choose a county or unit to manage:
menu-county = <b>{ $region }</b> · admin
menu-unit = <b>{ $region } · { $unit }</b> · unit head
btn-settings = ⚙️ Settings
btn-units = 🏢 Units
btn-people = 👥 People
btn-invites = ✉️ Invites
btn-import = 📥 Import directory
btn-starter = 📋 Starter directory
btn-back = « Back
btn-members = 👥 Members
btn-new-invite = ➕ New invite

## County

county-name-needed = Write the county's name after the command, for example: /newcounty Yunxi County
county-created =
    ✅ <b>{ $region }</b> created.

    Hand this admin invite to the county's admin (one use, valid for 7 days):
    { $link }

    Or administer it yourself.
btn-become-admin = I will be its admin
btn-open-county = Open the county menu
county-you-admin = ✅ You are now a county admin of <b>{ $region }</b>.
county-settings =
    <b>{ $region }</b> · settings
    Time zone: { $zone }
    Quiet hours: { $quiet }
    Working calendar (no reminders on holidays): { $calendar ->
        [on] on
       *[off] off
    }
btn-rename = ✏️ Rename
btn-time-zone = 🕒 Time zone
btn-quiet-hours = 🌙 Quiet hours
btn-calendar-on = 📅 Calendar on
btn-calendar-off = 📅 Calendar off
ask-county-name = Send the new name of <b>{ $region }</b>:
ask-county-tz = Send a time zone name such as Asia/Shanghai or Asia/Urumqi:
ask-county-quiet = Send the quiet hours, for example 21:00-08:00:
county-bad-name = A name must not be empty, longer than 60 characters or on several lines. Try again from the menu.
county-bad-time-zone = There is no such time zone. Use a name like Asia/Shanghai and try again from the menu.
county-bad-time = Write the times like 21:00-08:00 and try again from the menu.

## Unit directory

units-title = <b>{ $region }</b> · units ({ $count })
btn-add-units = ➕ Add units
ask-unit-add = Send the names of the units to add to <b>{ $region }</b>, one per line:
units-added = { $created } units added. Skipped as already there: { $skipped }
unit-view =
    <b>{ $unit }</b>
    Kind: { $kind ->
        [department] department
        [township] township (street)
        [village] village (community)
        [work_team] work team
        [role] role
       *[other] { $kind }
    }
    Aliases: { $aliases }
    Parent unit: { $parent }
    Head: { $head }
    Members: { $members }
btn-add-alias = 🏷 Add alias
btn-set-parent = ⬆️ Set parent
btn-merge = 🔀 Merge into…
btn-set-head = 👤 Set head
ask-unit-rename = Send the new name of <b>{ $unit }</b> (the old name is kept as an alias):
ask-unit-alias = Send an alias of <b>{ $unit }</b>, such as its short name:
ask-unit-parent = Send the name of the parent unit of <b>{ $unit }</b>, or - for none:
ask-unit-merge = Send the name of the unit to merge <b>{ $unit }</b> into:
unit-bad-name = A name must not be empty, longer than 60 characters or on several lines.
unit-name-taken = Another unit of this county already has that name or alias.
unit-same-unit = A unit cannot be chosen for itself.
unit-cycle = Not possible: a parent unit cannot be one of its own sub-units.
unit-not-a-member = The head must be a member of the unit.
unit-not-found = This county has no unit called "{ $name }".
merge-confirm = Merge <b>{ $source }</b> into <b>{ $target }</b>? Its people, tasks and group subscriptions move over and its names become aliases.
btn-confirm-merge = Merge
merged = ✅ <b>{ $source }</b> merged into <b>{ $target }</b>.
head-choose = Choose the head of <b>{ $unit }</b>:
head-no-members = <b>{ $unit }</b> has no members yet. Invite people into the unit first.

## Directory import

starter-confirm =
    Load the starter directory ({ $count } units) into <b>{ $region }</b>:
    { $names }

    Units the county already has are not created twice.
btn-load-starter = Load
directory-loaded = ✅ Directory updated: { $created } created, { $updated } updated.
ask-import =
    Send the unit directory of <b>{ $region }</b> as a CSV or XLSX file (at most 1 MB).
    The first row is the header: name, kind, aliases, parent. Kinds: department, township, village, work_team; separate aliases with 、 or commas.
import-rejected = ❌ { $count } rows have problems, so nothing was imported. Fix them and send the file again:
import-row-error = Row { $row }: { $problem ->
        [missing-name] the name is missing
        [bad-name] unusable name "{ $value }"
        [bad-kind] unknown kind "{ $value }"
        [duplicate] duplicate name "{ $value }"
        [unknown-parent] parent unit not found "{ $value }"
        [cycle] parents form a loop "{ $value }"
        [alias-taken] alias belongs to another unit "{ $value }"
       *[other] { $value }
    }
import-more-errors = … and { $count } more problems.
import-file-too-big = The file is too big (over { $mb } MB); please split it.
import-file-unsupported = Only CSV and XLSX files can be imported.
import-file-unreadable = This file cannot be read; make sure it is CSV or XLSX.
import-file-no-header = The first row has no "name" column.
import-file-empty = The file holds no units.
import-file-too-many-rows = Too many rows (over { $rows }).

## Invites

invites-title = <b>Open invites</b> ({ $count })
invite-line = #{ $id } { role }{ $unit } · { $uses } uses left · until { $expires } UTC · …{ $hint }
btn-revoke = ✖ Revoke #{ $id }
invite-choose-role = New invite for <b>{ $region }</b>: choose the role
invite-choose-unit = Choose the unit of the { role }:
invite-no-units = This county has no units yet. Load or import the directory first.
invite-choose-limits = Invite a { role } to <b>{ $region }</b>{ $unit }: choose how many people and for how long
btn-uses-days = { $uses } × { $days } d
invite-created =
    ✅ Invite ready: { role } · <b>{ $region }</b>{ $unit }
    { $uses } uses, valid for { $days } days. Send this link; opening it joins:
    { $link }
invite-revoked = Invite #{ $id } revoked.

## People

people-choose-unit = <b>{ $region }</b> · people: choose a unit
btn-county-admins = County admins
members-title = <b>{ $unit }</b> ({ $count })
membership-view = <b>{ $name }</b>
    { $region }{ $unit } — { role }
btn-make-role = Make { role }
btn-remove-person = 🚫 Remove from county
remove-confirm = Remove <b>{ $name }</b> from <b>{ $region }</b>? All their roles in this county are deleted.
btn-confirm-remove = Remove
person-removed = <b>{ $name }</b> removed from the county.
role-changed = ✅ Role changed to { role }.
membership-last-admin = Not possible: this is the county's only admin. Invite another admin first.
membership-unit-required = That role needs a unit; a county admin cannot be changed into it.

## Me

me-none = You have not joined a county yet. Ask your county admin for an invite link.
me-title = <b>{ $name }</b>, your roles:
    { $lines }
me-line = • { $region }{ $unit } — { role }
me-head-line = • { $region } · { $unit } — head

## Group subscriptions

subscribe-in-group = Use this command in a work group: add me to the group and let a group admin send /subscribe.
subscribe-choose-county = Choose the county this group follows:
subscription-view =
    This group follows <b>{ $region }</b>.
    Units: { $units }
    Choose what the group receives:
kind-notices = notices
kind-reminders = reminders
kind-digests = daily digests
btn-choose-units = 🏢 Choose units
btn-unsubscribe = Unsubscribe
btn-done = Done
subscription-units = Choose the units this group follows (none means all units):
unsubscribed = This group no longer follows <b>{ $region }</b>.
unsubscribe-choose = Choose the county to unsubscribe from:
subscriptions-none = This group follows no county yet.
subscriptions-title = <b>This group's subscriptions</b>
subscriptions-line = • { $region }: { $kinds } ({ $units })
