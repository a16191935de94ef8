# 外出贫困户：台账、联系与宣传单任务、通知、个人信息保护

cmd-households = 外出贫困户
cmd-contacted = 登记联系贫困户

denied-not-helper = 抱歉，只有该户的帮扶责任人或县管理员可以操作。
denied-reveal-off = 本县不允许在聊天中显示完整电话号码。
denied-not-household = 仅限本县的贫困户使用。

## 提醒帮扶干部（每人每项任务一条）

hh-reminder = 🔵 <b>{ $kind ->
    [leaflet] 寄送政策宣传单和慰问信
   *[other] 联系外出贫困户
  }</b>：还有 { $count } 户，截止 { $due }：
    { $lines }
hh-reminder-overdue = { $colour ->
    [red] 🔴
   *[other] 🟡
  } <b>已逾期 { $days } 天</b>（{ $kind ->
    [leaflet] 宣传单和慰问信
   *[other] 联系
  }，截止 { $due }）：{ $count } 户：
    { $lines }
hh-escalation = 🔴 <b>督办</b>：帮扶干部 { $name } 有 { $count } 户尚未{ $kind ->
    [leaflet] 寄送宣传单和慰问信
   *[other] 联系
  }，已逾期 { $days } 天（截止 { $due }）。
hh-btn-contacted = ✅ 登记联系
hh-btn-leaflet-sent = 📄 已寄宣传单

## 菜单与列表

hh-menu = <b>{ $region }</b> · 外出贫困户：{ $count } 户
hh-btn-menu = 🏠 外出贫困户
hh-btn-coverage = 📊 本期联系覆盖率
hh-btn-uncontacted = 📋 尚未联系
hh-btn-export = 📥 导出（XLSX）
hh-btn-template = 📄 导入模板
hh-btn-import = 📤 导入贫困户
hh-btn-notice = 📢 向贫困户发通知
hh-btn-mine = 👤 我的帮扶户
hh-btn-reveal-setting = 📞 完整电话：{ $kind ->
    [helper] 帮扶责任人可查看
   *[other] 聊天中一律不显示
  }
hh-mine = <b>你在 { $region } 的帮扶户</b>（{ $count } 户）：
    { $lines }
hh-mine-none = 你在 { $region } 没有帮扶户。
hh-none-anywhere = 你没有需要跟进的外出贫困户。
hh-last-contact = 上次联系 { $due }
hh-never-contacted = 从未联系
hh-due-contact = 待联系
hh-due-leaflet = 待寄宣传单
hh-coverage = <b>联系覆盖率 { $due }</b>：{ $value }

    <b>按乡镇</b>
    { $lines }

    <b>按帮扶干部</b>
    { $names }
hh-uncontacted = <b>尚未联系 { $due }</b>（{ $count } 户）：
    { $lines }
hh-uncontacted-none = 本期所有贫困户均已联系。🎉
hh-view = <b>{ $name }</b>
    { $value }
    电话：{ $hint }
    帮扶责任人：{ $head }
    { $due }
hh-no-phone = 无
hh-btn-reveal = 📞 显示完整电话
hh-phone-revealed = 📞 { $value }
    （本次查看已留痕。）
hh-btn-invite = 🔗 邀请链接和二维码
hh-btn-deactivate = 🗑 停用（已退出台账）
hh-deactivate-confirm = 确定停用 <b>{ $name }</b> 吗？其任务和提醒立即停止；个人信息和联系记录将在 { $days } 天后删除。
hh-btn-deactivate-confirm = 🗑 确定停用
hh-deactivated = 已停用 <b>{ $name }</b>。
hh-invite = 贫困户 <b>{ $name }</b> 的邀请链接（限用一次，有效期至 { $expires }）：
    { $link }
    请打印下面的二维码交给该户。

## 登记联系

hh-pick = <b>{ $kind ->
    [leaflet] 已寄宣传单
   *[other] 登记联系
  }</b>：请选择贫困户（{ $count } 户待办）：
hh-pick-none = 没有待办的贫困户。
hh-btn-switch-leaflet = 📄 改为登记已寄宣传单
hh-channel-ask = 你是通过什么方式联系 <b>{ $name }</b> 的？
hh-ch-phone = 📞 电话
hh-ch-wechat = 💬 微信
hh-ch-sms = ✉️ 短信
hh-ch-qq = 🐧 QQ
hh-ch-visit = 🚶 走访
hh-ch-telegram = ✈️ Telegram
hh-note-ask = 可发送一句备注或一张照片留痕，或直接点“保存”。
hh-btn-save = 💾 不加备注，直接保存
hh-contact-saved = ✅ 已登记：<b>{ $name }</b>。{ $value }
hh-duty-done = 本期任务已完成。
hh-duty-open = 本期任务还需更多次联系。
hh-duty-none = 本期没有待办任务。

## 导入

hh-import-ask = 请发送 <b>{ $region }</b> 的贫困户表格（CSV 或 XLSX）。列：户主姓名、身份证号（可选）、乡镇、村、务工地、联系电话、家庭人口、帮扶责任人（姓名或 @用户名）、备注。
hh-import-done = ✅ 已导入贫困户：新增 { $created } 户，更新 { $updated } 户。
hh-import-rejected = ⚠️ { $count } 行有问题，{ $rows } 行有效。本次未导入任何数据。附件列出了每一行的问题。请修改后重新发送，或只导入有效行。
hh-import-partial = ✅ 已导入有效行：新增 { $created } 户，更新 { $updated } 户；跳过 { $count } 行有问题的数据（见附件）。
hh-btn-import-valid = 只导入 { $rows } 行有效数据
hh-import-file-too-big = 文件太大（最多 { $mb } MB）。
hh-import-file-unsupported = 请发送 .csv 或 .xlsx 文件。
hh-import-file-unreadable = 无法读取该文件，请重新另存为 CSV 或 XLSX。
hh-import-file-no-header = 第一行必须是列名（请下载模板）。
hh-import-file-empty = 文件中没有贫困户数据。
hh-import-file-too-many-rows = 文件超过 { $rows } 行。
hh-import-file-encoding = 无法识别文件的文字编码，请另存为 UTF-8 或 GBK 编码的 CSV，或 XLSX。
hh-import-file-missing-columns = 缺少列：{ $names }。
hh-import-file-gone = 文件已失效，请重新发送。
hh-rejected-columns = 行号|户主姓名|乡镇|村|身份证号|联系电话|帮扶责任人|问题
hh-export-columns = 户主姓名|身份证号|乡镇|村|务工地|联系电话|家庭人口|帮扶责任人|上次联系|本期已联系
hh-problem-missing-name = 缺少户主姓名
hh-problem-bad-name = 姓名过长或包含换行
hh-problem-missing-place = 缺少乡镇或村
hh-problem-id-format = 身份证号应为 18 位（或 15 位老号码）
hh-problem-id-region = 身份证号：地区码无效
hh-problem-id-birth-date = 身份证号：出生日期不存在
hh-problem-id-checksum = 身份证号：校验码错误（可能有笔误）
hh-problem-id-needs-key = 无法保存身份证号：服务器未配置加密密钥（PII_KEY）
hh-problem-bad-phone = 电话号码无效
hh-problem-bad-size = 家庭人口应为 1–30 的整数
hh-problem-unknown-helper = 在本县人员中找不到该帮扶责任人
hh-problem-ambiguous-helper = 有多人同名，请填写 @用户名
hh-problem-duplicate-in-file = 文件中同一户出现了两次
hh-problem-id-taken = 该身份证号属于本县另一户
hh-template-caption = 贫困户导入模板。请保留第一行列名。

## 给贫困户的通知

hh-notice-ask = 请发送给 <b>{ $region }</b> 贫困户的通知：文字，或附上宣传单文件并把通知写在说明里。
hh-notice-sent = 📢 通知已排队发送给 { $count } 户。
hh-notice = 📢 <b>{ $region }</b>
    { $title }
hh-btn-leaflet = 📎 { $name }
hh-notice-file-ask = 现在可发送要附上的宣传单文件（PDF、图片或文档），或不附文件直接发送。
hh-btn-send-now = 📢 不附文件直接发送

## 贫困户本人

hh-joined = 你已连接到 <b>{ $region }</b>。给贫困户的通知会发到这里，你写的消息会转给你的帮扶责任人。随时发送 /stop 即可退出。
hh-join-refused = 该链接无效、已使用或已过期。请向帮扶责任人索取新链接。
hh-reply-sent = ✉️ 已转给你的帮扶责任人。
hh-reply-to-helper = ✉️ <b>{ $name }</b>（{ $value }）来信：
    { $title }
hh-stopped = 你已退出，本机器人不会再给你发消息。如需重新加入，请向帮扶责任人索取新链接。
hh-stop-none = 你没有以贫困户身份连接。
