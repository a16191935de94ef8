# 其他送达渠道：企业微信群机器人、钉钉自定义机器人、短信网关（issue 9）。

cmd-channels = 送达渠道（企业微信、钉钉、短信）
channels-action-link = 在 Telegram 中处理
btn-channels = 📡 送达渠道
channels-fault-alert = ⚠️ 送达渠道「{ $name }」（{ $kind }）已停用：{ $reason }
    发送 /channels 查看并重新登记。
channels-no-key = 服务器未配置 PII_KEY，无法保存渠道密钥。请联系运维设置后再试。
channels-pick-county = 选择要管理送达渠道的县：
channels-list = 📡 <b>{ $region } · 送达渠道</b>
    除 Telegram 外，提醒和通知还可以送到企业微信群、钉钉群或短信。
channels-none = 还没有登记任何渠道。
channels-county-wide = 全县
channels-kind-wecom = 企业微信群机器人
channels-kind-dingtalk = 钉钉机器人
channels-kind-sms = 短信网关
channels-state-on = ✅ 启用
channels-state-off = ⛔ 已停用：{ $reason }
channels-list-off = ⛔ { $name }：{ $reason }
channels-activity = 待发送：{ $count } 条 · 最近送达：{ $date }
channels-last-problem = 最近问题：{ $reason }
channels-view = <b>{ $name }</b>
    类型：{ $kind }
    范围：{ $unit }
    密钥：…{ $hint }
    状态：{ $state }
channels-btn-add-wecom = ➕ 企业微信群
channels-btn-add-dingtalk = ➕ 钉钉群
channels-btn-add-sms = ➕ 短信网关
channels-btn-test = 📨 发送测试消息
channels-btn-remove = 🗑 删除
channels-btn-remove-confirm = 确认删除
channels-remove-confirm = 确定删除渠道「{ $name }」吗？尚未发出的消息将不再发送。
channels-removed = 已删除渠道「{ $name }」。
channels-ask-name = 给这个{ $kind }起个名字（例如“县财政局工作群”）：
channels-ask-unit = 这个群接收哪个单位的提醒？发送单位名称；发送 - 表示接收全县通知。
channels-ask-wecom-url = 发送群机器人的 Webhook 地址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）。收到后我会删除你的这条消息。
channels-ask-dingtalk-url = 发送钉钉机器人的 Webhook 地址（https://oapi.dingtalk.com/robot/send?access_token=…）。收到后我会删除你的这条消息。
channels-ask-dingtalk-secret = 发送机器人安全设置里的加签密钥（以 SEC 开头）。收到后我会删除你的这条消息。
channels-ask-dingtalk-keyword = 如果机器人设置了自定义关键词，发送其中一个；没有就发送 -。
channels-ask-dingtalk-mobiles = 每条消息要 @ 的手机号（多个用逗号分隔）；不需要就发送 -。
channels-ask-sms-url = 发送短信网关的地址（https://…）。
channels-ask-sms-auth = 发送网关的认证请求头，例如 “Authorization: Bearer …”。收到后我会删除你的这条消息。
channels-ask-test-mobile = 发送接收测试短信的手机号：
channels-ask-sms-template = 发送短信模板 ID。
channels-bad-input = 格式不对：{ $value }。请重新发送，或发送 /cancel 取消。
channels-bad-unit = 本县没有名为“{ $value }”的单位。请重新发送单位名称，或发送 - 表示全县。
channels-saved = ✅ 已保存渠道「{ $name }」。可以先发送一条测试消息确认能收到。
channels-test-text = 【督办】这是 { $region } 督办机器人的测试消息。收到即表示渠道正常。
channels-test-ok = ✅ 测试消息已送达。
channels-test-failed = ❌ 测试消息未送达：{ $reason }
