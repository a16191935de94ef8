# Duban — English

role = { $role ->
    [admin] county admin
    [official] unit official
    [unit_head] unit head
    [cadre] helper cadre
    [household] household
   *[other] member
}

start-welcome =
    <b>Welcome to Duban, { $name }!</b>
    Duban turns meeting directives into assigned, tracked and reminded work.

    Your roles:
    { $memberships }

    Send /help to see what you can do.
start-membership-line = • { $region }{ $unit } — { role }
start-no-membership =
    <b>Hello, { $name }!</b>
    Duban turns meeting directives into assigned, tracked and reminded work.

    You have not joined a county yet. Ask your county admin for an invite link and open it to join.
start-joined =
    ✅ You joined <b>{ $region }</b>{ $unit } as { role }.

    Send /help to see what you can do.
start-already-member = You are already { role } of <b>{ $region }</b>{ $unit }; nothing to do.
start-invite-refused = This invite link is not valid, has expired or has been used up. Ask your county admin for a new one.

help =
    <b>Duban · help</b>
    /start — start, or join with an invite link
    /language — change the language
    /help — show this help

    When a task card arrives, use its buttons to sign for it and report progress.

    <b>County admins</b>
    /admin — the admin menu
    /holidays — holidays and adjusted working days: view them, load next year's schedule
    /channels — delivery channels: WeCom and DingTalk groups, SMS gateway
language-choose = Choose your language:
language-set = Language set to English.

error-generic = Sorry, something went wrong while handling your request. Please try again later; the problem has been logged.
unknown-command = There is no such command. Send /help to see what you can do.
not-understood = I did not understand that message. Send /help to see what you can do.
unsupported-message = I can only handle text and files (.txt, .docx) here, not stickers, voice or video.
rate-limited = You are sending too fast. Please wait a moment and try again.

cmd-start = Start / join
cmd-help = Help
cmd-language = Change language
cmd-me = My roles
cmd-admin = Admin menu
