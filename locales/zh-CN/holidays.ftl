# 节假日与调休（src/bot/features/holidays.ts）：日历库不认识的年份由管理员载入

cmd-holidays = 节假日与调休安排
btn-holidays = 📅 节假日与调休
denied-not-calendar-admin = 抱歉，只有县管理员或系统运维人员才能管理节假日安排。

holidays-title = <b>📅 节假日与调休</b>（全系统各县共用）
holidays-library = 日历库（chinese-days）已有：{ $value } 年
holidays-loaded-none = 管理员载入：无
holidays-loaded =
    管理员载入：
    { $lines }
holidays-loaded-year = • { $year } 年：{ $count } 天
holidays-year-unknown = ⚠️ { $year } 年的放假安排尚未载入，提醒暂时只避开周末。国务院公布后请按下面的格式载入。
holidays-next-known = ✅ { $year } 年的放假安排已知。
holidays-format =
    <b>格式</b>：每行一条——日期或日期范围、「休」或「班」、名称（可不写）；以 # 开头的行是注释。例如：
    <pre>{ $year }-01-01 休 元旦
    { $year }-02-06~{ $year }-02-12 休 春节
    { $year }-02-14 班 春节调休</pre>
    只写放假的日子和调休上班的日子，其余按周末和工作日照常。
btn-holidays-load = 📥 载入放假安排
btn-holidays-year = 📋 { $year } 年
btn-holidays-reload = 🔄 重新载入 { $year } 年

holidays-year-title = <b>{ $year } 年已载入的安排</b>（{ $count } 天）
holidays-year-empty = { $year } 年还没有载入任何安排。
holidays-more = ……还有 { $count } 行。

holidays-ask = 请发送放假安排：直接粘贴文字，或上传 .txt 文件（UTF-8 或 GBK），每行一条。文中涉及的年份，已载入的内容会被整体替换。
holidays-ask-reload = 请发送 { $year } 年完整的放假安排（粘贴文字或上传 .txt 文件），它将整体替换已载入的 { $count } 天。
holidays-file-refused = 文件「{ $name }」不能读取：{ $reason ->
    [too-large] 文件太大，一年的放假安排只有几十行。
    [empty] 文件是空的。
    [binary] 文件内容不是文字。
   *[other] 只接收 .txt 文件（UTF-8 或 GBK）。
}
holidays-rejected = ❌ 有 { $count } 行不能识别，什么都没有载入。请修改后重新发送：
holidays-line-error = 第 { $row } 行：{ $problem ->
        [date] 没有这一天
        [kind] 第二项应为「休」或「班」
        [range] 日期范围不对（结束早于开始，或跨了年）
        [known-year] 这一年的安排日历库已有，不能在这里替换
       *[other] 看不懂，应为「日期 休或班 名称」
    }「{ $value }」
holidays-empty = 没有找到任何日期，什么都没有载入。请每行写一条，例如：2027-01-01 休 元旦
holidays-loaded-ok = ✅ 已载入 { $year } 年 { $count } 天。
holidays-replanned = 已按新的安排重新计划 { $assignments } 项任务的提醒。
