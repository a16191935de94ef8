# 督办报告、台账与督查通报（src/reports, src/bot/features/report.ts, export.ts）

cmd-report = 督办报告
cmd-export = 导出台账
report-usage = 用法：/report [县 | 单位 名称 | 会议 编号或标题] [本周 | 本月 | 2026-11-01..2026-11-30]
    不写范围时：县管理员看全县，单位负责人看本单位；不写时段时看本月。
export-usage = 用法：/export [县 | 单位 名称 | 会议 编号或标题] [本周 | 本月 | 2026-11-01..2026-11-30] [csv]
    默认导出 Excel 台账（.xlsx），加 csv 导出 CSV。
report-bad-period = 时段看不懂。请写 本周、本月，或 2026-11-01..2026-11-30（最长一年）。
report-unit-unknown = 没有找到单位“{ $unit }”。
report-meeting-unknown = 没有找到会议“{ $value }”。
report-county-unknown = 没有找到县“{ $unit }”。
report-title = 📊 <b>督办报告 · { $region }</b>
    { $title }
report-scope-county = 全县
report-period-week = 本周
report-period-month = 本月
report-period-range = 时段
report-empty = 这一时段没有交办任务。
report-ranking = <b>单位排名</b>（按办结率）
report-worst = <b>逾期最久</b>
report-no-overdue = 没有逾期任务。
report-more-units = ……另有 { $count } 个单位
report-overdue-item = { $colour ->
    [red] 🔴
   *[other] 🟡
} { $unit }{ $head }「{ $title }」逾期 { $days } 天（{ $due } 到期）
report-head = （负责人：{ $name }）
report-col-assigned = 交办
report-col-done = 办结
report-col-signed = 签收
report-col-in-progress = 进行中
report-col-blocked = 有困难
report-col-overdue = 逾期
report-col-on-time = 按时率
report-col-extensions = 延期申请
report-chart-completion = 各单位办结情况
report-chart-trend = 未办结与已办结走势
report-chart-hidden = 图中略去排名居中的 { $count } 个单位，详见文字报告。
report-legend-done = 已办结
report-legend-open = 未到期
report-legend-overdue = 已逾期
report-legend-unfinished = 未办结

# 台账（导出文件的表头与取值）
export-caption = 📑 { $region } · 督办台账（{ $title }）
ledger-file = 督办台账
ledger-sheet-tasks = 督办台账
ledger-sheet-households = 联系覆盖
ledger-col-meeting = 会议
ledger-col-meeting-date = 会议日期
ledger-col-directive = 部署事项
ledger-col-unit = 责任单位
ledger-col-role = 牵头/协办
ledger-col-due = 办理期限
ledger-col-state = 状态
ledger-col-overdue-days = 逾期天数
ledger-col-assigned = 交办时间
ledger-col-signed = 签收时间
ledger-col-started = 开始办理
ledger-col-done = 办结时间
ledger-col-closed = 销号时间
ledger-col-blocked = 反映困难
ledger-col-latest-update = 最新反馈
ledger-col-latest-at = 反馈时间
ledger-col-evidence = 痕迹数
ledger-col-extensions = 延期记录
ledger-col-household = 户主
ledger-col-township = 乡镇
ledger-col-village = 村
ledger-col-work-location = 务工地
ledger-col-helper = 帮扶责任人
ledger-col-phone = 联系电话
ledger-col-contacts-quarter = 本季度联系次数
ledger-col-last-contact = 最近联系
ledger-col-last-channel = 联系方式
ledger-col-leaflet = 本年宣传单
ledger-role-lead = 牵头
ledger-role-supporting = 协办
ledger-state-assigned = 待签收
ledger-state-acknowledged = 已签收
ledger-state-in-progress = 办理中
ledger-state-done = 已办结
ledger-state-closed = 已销号
ledger-state-blocked = 有困难
ledger-extension = { $value } 申请延至 { $due }（{ $kind }）
ledger-extension-pending = 待审批
ledger-extension-approved = 已批准
ledger-extension-rejected = 未批准
ledger-channel-phone = 电话
ledger-channel-wechat = 微信
ledger-channel-sms = 短信
ledger-channel-qq = QQ
ledger-channel-visit = 走访
ledger-channel-telegram = Telegram
ledger-yes = 已发
ledger-no = 未发

# 督查通报（每周一 09:00，src/reports/weekly-bulletin.ts）
bulletin-title = 📢 <b>督查通报 · { $region }</b>（{ $title }）
bulletin-ranking = <b>一、上周办结情况排名</b>（{ $title }）
bulletin-red-yellow = <b>二、红黄牌事项</b>：红牌 { $count } 项，黄牌 { $value } 项
bulletin-more-items = ……另有 { $count } 项
bulletin-unsigned = <b>三、尚未签收的单位</b>：{ $count } 个
bulletin-unsigned-unit = · { $unit }：{ $count } 项未签收
bulletin-uncontacted = <b>四、本季度尚未联系的贫困户</b>：{ $count } 户
bulletin-uncontacted-township = · { $name }：{ $count } 户
bulletin-no-township = 未填乡镇
