# 每日督办汇总（每天 08:30，src/scheduler/daily-digest.ts）

digest-title = ☀️ <b>每日督办汇总 · { $region }</b>（{ $date }）
digest-mine = <b>本单位的任务</b>
digest-overdue = 🔴 已逾期 { $count } 项
digest-today = 🟠 今天到期 { $count } 项
digest-week = 🔵 7 天内到期 { $count } 项
digest-item = • #{ $id } { $title }（{ $due } 到期）
digest-item-late = • #{ $id } { $title }（{ $due } 到期，已逾期 { $days } 天）
digest-more-tasks = ……另有 { $count } 项，发送 /tasks 查看全部
digest-supervision = <b>督办情况</b>
digest-total = 合计：{ $text }
digest-unit = · <b>{ $unit }</b> { $text }
digest-col-unsigned = 未签收
digest-check-ins = <b>进展询问未回复</b>：{ $count } 项
digest-check-in = · #{ $id } { $title } · { $unit }（{ $date } 询问：{ $names }）
digest-name-separator = 、
digest-names-more = { $names } 等 { $count } 人
digest-lost = <b>无法送达</b>：{ $count } 个（屏蔽了机器人、账号已注销或群已移除机器人）
digest-lost-person = · 👤 { $name }：{ $count } 条消息未送达
digest-lost-group = · 👥 { $name }：{ $count } 条消息未送达
