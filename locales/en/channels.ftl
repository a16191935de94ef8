# Other delivery channels: WeCom group robots, DingTalk custom robots, SMS gateways (issue 9).

cmd-channels = Delivery channels (WeCom, DingTalk, SMS)
channels-action-link = Open in Telegram
btn-channels = 📡 Delivery channels
channels-fault-alert = ⚠️ Delivery channel “{ $name }” ({ $kind }) was switched off: { $reason }
    Send /channels to check it and register it again.
channels-no-key = The server has no PII_KEY, so channel secrets cannot be stored. Ask the operator to set it.
channels-pick-county = Choose the county whose delivery channels to manage:
channels-list = 📡 <b>{ $region } · delivery channels</b>
    Besides Telegram, reminders and notices can go to WeCom groups, DingTalk groups or SMS.
channels-none = No channel registered yet.
channels-county-wide = whole county
channels-kind-wecom = WeCom group robot
channels-kind-dingtalk = DingTalk robot
channels-kind-sms = SMS gateway
channels-state-on = ✅ on
channels-state-off = ⛔ off: { $reason }
channels-list-off = ⛔ { $name }: { $reason }
channels-activity = Waiting: { $count } · last delivered: { $date }
channels-last-problem = Last problem: { $reason }
channels-view = <b>{ $name }</b>
    Kind: { $kind }
    For: { $unit }
    Secret: …{ $hint }
    State: { $state }
channels-btn-add-wecom = ➕ WeCom group
channels-btn-add-dingtalk = ➕ DingTalk group
channels-btn-add-sms = ➕ SMS gateway
channels-btn-test = 📨 Send a test message
channels-btn-remove = 🗑 Remove
channels-btn-remove-confirm = Yes, remove
channels-remove-confirm = Remove the channel “{ $name }”? Messages not yet sent through it are dropped.
channels-removed = Removed the channel “{ $name }”.
channels-ask-name = Name this { $kind } (e.g. “Finance Bureau work group”):
channels-ask-unit = Whose reminders does this group get? Send the unit's name, or - for county-wide notices.
channels-ask-wecom-url = Send the robot's webhook URL (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…). I will delete your message once read.
channels-ask-dingtalk-url = Send the robot's webhook URL (https://oapi.dingtalk.com/robot/send?access_token=…). I will delete your message once read.
channels-ask-dingtalk-secret = Send the signing secret from the robot's security settings (starts with SEC). I will delete your message once read.
channels-ask-dingtalk-keyword = If the robot has custom keywords, send one of them; otherwise send -.
channels-ask-dingtalk-mobiles = Mobiles to @ in every message (comma separated), or - for none.
channels-ask-sms-url = Send the SMS gateway's URL (https://…).
channels-ask-sms-auth = Send the gateway's auth header, e.g. “Authorization: Bearer …”. I will delete your message once read.
channels-ask-test-mobile = Send the mobile number to receive the test SMS:
channels-ask-sms-template = Send the SMS template id.
channels-bad-input = That does not look right: { $value }. Send it again, or /cancel.
channels-bad-unit = This county has no unit called “{ $value }”. Send a unit's name, or - for county-wide.
channels-saved = ✅ Saved the channel “{ $name }”. Send a test message to check it arrives.
channels-test-text = [督办] A test message from the { $region } Duban bot. If you see it, the channel works.
channels-test-ok = ✅ The test message was delivered.
channels-test-failed = ❌ The test message was not delivered: { $reason }
