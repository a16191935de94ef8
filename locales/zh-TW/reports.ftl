# 督辦報告、臺賬與督查通報（src/reports, src/bot/features/report.ts, export.ts）

cmd-report = 督辦報告
cmd-export = 匯出臺賬
report-usage = 用法：/report [縣 | 單位 名稱 | 會議 編號或標題] [本週 | 本月 | 2026-11-01..2026-11-30]
    不寫範圍時：縣管理員看全縣，單位負責人看本單位；不寫時段時看本月。
export-usage = 用法：/export [縣 | 單位 名稱 | 會議 編號或標題] [本週 | 本月 | 2026-11-01..2026-11-30] [csv]
    預設匯出 Excel 臺賬（.xlsx），加 csv 匯出 CSV。
report-bad-period = 時段看不懂。請寫 本週、本月，或 2026-11-01..2026-11-30（最長一年）。
report-unit-unknown = 沒有找到單位「{ $unit }」。
report-meeting-unknown = 沒有找到會議「{ $value }」。
report-county-unknown = 沒有找到縣「{ $unit }」。
report-title = 📊 <b>督辦報告 · { $region }</b>
    { $title }
report-scope-county = 全縣
report-period-week = 本週
report-period-month = 本月
report-period-range = 時段
report-empty = 這一時段沒有交辦任務。
report-ranking = <b>單位排名</b>（按辦結率）
report-worst = <b>逾期最久</b>
report-no-overdue = 沒有逾期任務。
report-more-units = ……另有 { $count } 個單位
report-overdue-item = { $colour ->
    [red] 🔴
   *[other] 🟡
} { $unit }{ $head }「{ $title }」逾期 { $days } 天（{ $due } 到期）
report-head = （負責人：{ $name }）
report-col-assigned = 交辦
report-col-done = 辦結
report-col-signed = 簽收
report-col-in-progress = 進行中
report-col-blocked = 有困難
report-col-overdue = 逾期
report-col-on-time = 按時率
report-col-extensions = 延期申請
report-chart-completion = 各單位辦結情況
report-chart-trend = 未辦結與已辦結走勢
report-chart-hidden = 圖中略去排名居中的 { $count } 個單位，詳見文字報告。
report-legend-done = 已辦結
report-legend-open = 未到期
report-legend-overdue = 已逾期
report-legend-unfinished = 未辦結

# 臺賬（匯出檔案的表頭與取值）
export-caption = 📑 { $region } · 督辦臺賬（{ $title }）
ledger-file = 督辦臺賬
ledger-sheet-tasks = 督辦臺賬
ledger-sheet-households = 聯絡覆蓋
ledger-col-meeting = 會議
ledger-col-meeting-date = 會議日期
ledger-col-directive = 部署事項
ledger-col-unit = 責任單位
ledger-col-role = 牽頭/協辦
ledger-col-due = 辦理期限
ledger-col-state = 狀態
ledger-col-overdue-days = 逾期天數
ledger-col-assigned = 交辦時間
ledger-col-signed = 簽收時間
ledger-col-started = 開始辦理
ledger-col-done = 辦結時間
ledger-col-closed = 銷號時間
ledger-col-blocked = 反映困難
ledger-col-latest-update = 最新反饋
ledger-col-latest-at = 反饋時間
ledger-col-evidence = 痕跡數
ledger-col-extensions = 延期記錄
ledger-col-household = 戶主
ledger-col-township = 鄉鎮
ledger-col-village = 村
ledger-col-work-location = 務工地
ledger-col-helper = 幫扶責任人
ledger-col-phone = 聯絡電話
ledger-col-contacts-quarter = 本季度聯絡次數
ledger-col-last-contact = 最近聯絡
ledger-col-last-channel = 聯絡方式
ledger-col-leaflet = 本年宣傳單
ledger-role-lead = 牽頭
ledger-role-supporting = 協辦
ledger-state-assigned = 待簽收
ledger-state-acknowledged = 已簽收
ledger-state-in-progress = 辦理中
ledger-state-done = 已辦結
ledger-state-closed = 已銷號
ledger-state-blocked = 有困難
ledger-extension = { $value } 申請延至 { $due }（{ $kind }）
ledger-extension-pending = 待審批
ledger-extension-approved = 已批准
ledger-extension-rejected = 未批准
ledger-channel-phone = 電話
ledger-channel-wechat = 微信
ledger-channel-sms = 簡訊
ledger-channel-qq = QQ
ledger-channel-visit = 走訪
ledger-channel-telegram = Telegram
ledger-yes = 已發
ledger-no = 未發

# 督查通報（每週一 09:00，src/reports/weekly-bulletin.ts）
bulletin-title = 📢 <b>督查通報 · { $region }</b>（{ $title }）
bulletin-ranking = <b>一、上週辦結情況排名</b>（{ $title }）
bulletin-red-yellow = <b>二、紅黃牌事項</b>：紅牌 { $count } 項，黃牌 { $value } 項
bulletin-more-items = ……另有 { $count } 項
bulletin-unsigned = <b>三、尚未簽收的單位</b>：{ $count } 個
bulletin-unsigned-unit = · { $unit }：{ $count } 項未簽收
bulletin-uncontacted = <b>四、本季度尚未聯絡的貧困戶</b>：{ $count } 戶
bulletin-uncontacted-township = · { $name }：{ $count } 戶
bulletin-no-township = 未填鄉鎮
