# 節假日與調休（src/bot/features/holidays.ts）：日曆庫不認識的年份由管理員載入

cmd-holidays = 節假日與調休安排
btn-holidays = 📅 節假日與調休
denied-not-calendar-admin = 抱歉，只有縣管理員或系統維運人員才能管理節假日安排。

holidays-title = <b>📅 節假日與調休</b>（全系統各縣共用）
holidays-library = 日曆庫（chinese-days）已有：{ $value } 年
holidays-loaded-none = 管理員載入：無
holidays-loaded =
    管理員載入：
    { $lines }
holidays-loaded-year = • { $year } 年：{ $count } 天
holidays-year-unknown = ⚠️ { $year } 年的放假安排尚未載入，提醒暫時只避開週末。國務院公布後請依下面的格式載入。
holidays-next-known = ✅ { $year } 年的放假安排已知。
holidays-format =
    <b>格式</b>：每行一條——日期或日期範圍、「休」或「班」、名稱（可不寫）；以 # 開頭的行是註解。例如：
    <pre>{ $year }-01-01 休 元旦
    { $year }-02-06~{ $year }-02-12 休 春節
    { $year }-02-14 班 春節調休</pre>
    只寫放假的日子和調休上班的日子，其餘依週末和工作日照常。
btn-holidays-load = 📥 載入放假安排
btn-holidays-year = 📋 { $year } 年
btn-holidays-reload = 🔄 重新載入 { $year } 年

holidays-year-title = <b>{ $year } 年已載入的安排</b>（{ $count } 天）
holidays-year-empty = { $year } 年還沒有載入任何安排。
holidays-more = ……還有 { $count } 行。

holidays-ask = 請傳送放假安排：直接貼上文字，或上傳 .txt 檔案（UTF-8 或 GBK），每行一條。文中涉及的年份，已載入的內容會被整體取代。
holidays-ask-reload = 請傳送 { $year } 年完整的放假安排（貼上文字或上傳 .txt 檔案），它將整體取代已載入的 { $count } 天。
holidays-file-refused = 檔案「{ $name }」無法讀取：{ $reason ->
    [too-large] 檔案太大，一年的放假安排只有幾十行。
    [empty] 檔案是空的。
    [binary] 檔案內容不是文字。
   *[other] 只接收 .txt 檔案（UTF-8 或 GBK）。
}
holidays-rejected = ❌ 有 { $count } 行無法辨識，什麼都沒有載入。請修改後重新傳送：
holidays-line-error = 第 { $row } 行：{ $problem ->
        [date] 沒有這一天
        [kind] 第二項應為「休」或「班」
        [range] 日期範圍不對（結束早於開始，或跨了年）
        [known-year] 這一年的安排日曆庫已有，不能在這裡取代
       *[other] 看不懂，應為「日期 休或班 名稱」
    }「{ $value }」
holidays-empty = 沒有找到任何日期，什麼都沒有載入。請每行寫一條，例如：2027-01-01 休 元旦
holidays-loaded-ok = ✅ 已載入 { $year } 年 { $count } 天。
holidays-replanned = 已依新的安排重新規劃 { $assignments } 項任務的提醒。
