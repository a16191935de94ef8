# 每日督辦彙總（每天 08:30，src/scheduler/daily-digest.ts）

digest-title = ☀️ <b>每日督辦彙總 · { $region }</b>（{ $date }）
digest-mine = <b>本單位的任務</b>
digest-overdue = 🔴 已逾期 { $count } 項
digest-today = 🟠 今天到期 { $count } 項
digest-week = 🔵 7 天內到期 { $count } 項
digest-item = • #{ $id } { $title }（{ $due } 到期）
digest-item-late = • #{ $id } { $title }（{ $due } 到期，已逾期 { $days } 天）
digest-more-tasks = ……另有 { $count } 項，發送 /tasks 查看全部
digest-supervision = <b>督辦情況</b>
digest-total = 合計：{ $text }
digest-unit = · <b>{ $unit }</b> { $text }
digest-col-unsigned = 未簽收
digest-check-ins = <b>進展詢問未回覆</b>：{ $count } 項
digest-check-in = · #{ $id } { $title } · { $unit }（{ $date } 詢問：{ $names }）
digest-name-separator = 、
digest-names-more = { $names } 等 { $count } 人
digest-lost = <b>無法送達</b>：{ $count } 個（封鎖了機器人、帳號已註銷或群組已移除機器人）
digest-lost-person = · 👤 { $name }：{ $count } 則訊息未送達
digest-lost-group = · 👥 { $name }：{ $count } 則訊息未送達
