# 组织管理：县、单位目录、人员、邀请、群订阅与权限

none = 无
saved = ✅ 已保存。
all-units = 全部单位

## 权限

denied-not-owner = 抱歉，只有本系统的运维人员才能新建县。
denied-not-county-admin = 抱歉，你不是这个县的管理员，不能进行这项操作。
denied-not-unit-head = 抱歉，只有该单位的负责人或县管理员才能进行这项操作。
denied-role-not-allowed = 抱歉，单位负责人只能邀请本单位的单位干部和帮扶干部。
denied-unit-required = 这个身份需要先选择一个单位。
denied-not-chat-admin = 抱歉，只有本群的管理员才能设置群订阅。
denied-gone = 这一项已不存在或不属于你能管理的范围，请从菜单重新进入。

## 问答

prompt-cancel-hint = 发送 /cancel 可取消。
prompt-sent-privately = 问题已发到你与督办的私聊，请在私聊中回复。
prompt-cancelled = 已取消。
prompt-send-file = 请发送 CSV 或 XLSX 文件，或发送 /cancel 取消。

## 菜单

menu-title = <b>管理菜单</b>
    请选择要管理的县或单位：
menu-county = <b>{ $region }</b> · 管理
menu-unit = <b>{ $region } · { $unit }</b> · 单位负责人
btn-settings = ⚙️ 县设置
btn-units = 🏢 单位目录
btn-people = 👥 人员
btn-invites = ✉️ 邀请链接
btn-import = 📥 导入目录
btn-starter = 📋 常用目录
btn-back = « 返回
btn-members = 👥 本单位人员
btn-new-invite = ➕ 新建邀请

## 县

county-name-needed = 请在命令后写上县名，例如：/newcounty 云溪县
county-created =
    ✅ 已新建 <b>{ $region }</b>。

    请把下面的管理员邀请链接交给本县管理员（一次有效，7 天内有效）：
    { $link }

    或者由你自己担任管理员。
btn-become-admin = 我来担任管理员
btn-open-county = 打开县管理菜单
county-you-admin = ✅ 你已成为 <b>{ $region }</b> 的县级管理员。
county-settings =
    <b>{ $region }</b> · 县设置
    时区：{ $zone }
    免打扰时段：{ $quiet }
    工作日历（节假日、调休不提醒）：{ $calendar ->
        [on] 开启
       *[off] 关闭
    }
btn-rename = ✏️ 改名
btn-time-zone = 🕒 时区
btn-quiet-hours = 🌙 免打扰时段
btn-calendar-on = 📅 开启工作日历
btn-calendar-off = 📅 关闭工作日历
ask-county-name = 请发送 <b>{ $region }</b> 的新名称：
ask-county-tz = 请发送时区名称，例如 Asia/Shanghai 或 Asia/Urumqi：
ask-county-quiet = 请发送免打扰时段，例如 21:00-08:00：
county-bad-name = 名称不能为空，不能超过 60 个字，也不能分行。请从菜单重试。
county-bad-time-zone = 没有这个时区。请使用 Asia/Shanghai 这样的名称，从菜单重试。
county-bad-time = 时间格式不对，请写成 21:00-08:00，从菜单重试。

## 单位目录

units-title = <b>{ $region }</b> · 单位目录（共 { $count } 个）
btn-add-units = ➕ 添加单位
ask-unit-add = 请发送要添加到 <b>{ $region }</b> 的单位名称，每行一个：
units-added = 已添加 { $created } 个单位。已存在而跳过：{ $skipped }
unit-view =
    <b>{ $unit }</b>
    类型：{ $kind ->
        [department] 部门
        [township] 乡镇（街道）
        [village] 村（社区）
        [work_team] 工作队
        [role] 岗位
       *[other] { $kind }
    }
    别名：{ $aliases }
    上级单位：{ $parent }
    负责人：{ $head }
    成员：{ $members } 人
btn-add-alias = 🏷 添加别名
btn-set-parent = ⬆️ 设置上级
btn-merge = 🔀 合并到…
btn-set-head = 👤 设置负责人
ask-unit-rename = 请发送 <b>{ $unit }</b> 的新名称（旧名称会保留为别名）：
ask-unit-alias = 请发送 <b>{ $unit }</b> 的别名，例如简称：
ask-unit-parent = 请发送 <b>{ $unit }</b> 的上级单位名称；发送 - 表示没有上级：
ask-unit-merge = 请发送要把 <b>{ $unit }</b> 合并进去的单位名称：
unit-bad-name = 名称不能为空，不能超过 60 个字，也不能分行。
unit-name-taken = 本县已有单位使用这个名称或别名。
unit-same-unit = 不能选择单位自己。
unit-cycle = 不能这样设置：上级单位不能是它自己的下级。
unit-not-a-member = 负责人必须是该单位的成员。
unit-not-found = 本县没有名为「{ $name }」的单位。
merge-confirm = 确定把 <b>{ $source }</b> 合并到 <b>{ $target }</b> 吗？人员、任务和群订阅都会转过去，原名称保留为别名。
btn-confirm-merge = 确定合并
merged = ✅ 已把 <b>{ $source }</b> 合并到 <b>{ $target }</b>。
head-choose = 请选择 <b>{ $unit }</b> 的负责人：
head-no-members = <b>{ $unit }</b> 还没有成员。请先邀请人员加入该单位。

## 目录导入

starter-confirm =
    为 <b>{ $region }</b> 载入常用单位目录（{ $count } 个）：
    { $names }

    已有的单位不会重复创建。
btn-load-starter = 载入
directory-loaded = ✅ 目录已更新：新增 { $created } 个，更新 { $updated } 个。
ask-import =
    请发送 <b>{ $region }</b> 的单位目录文件（CSV 或 XLSX，不超过 1 MB）。
    第一行是表头：单位名称、类型、别名、上级单位。类型可写 部门、乡镇、村、工作队；多个别名用顿号分隔。
import-rejected = ❌ 文件有 { $count } 行有问题，什么都没有导入。请修改后重新发送：
import-row-error = 第 { $row } 行：{ $problem ->
        [missing-name] 缺少单位名称
        [bad-name] 名称不合格「{ $value }」
        [bad-kind] 不认识的类型「{ $value }」
        [duplicate] 名称重复「{ $value }」
        [unknown-parent] 找不到上级单位「{ $value }」
        [cycle] 上下级循环「{ $value }」
        [alias-taken] 别名已属于其他单位「{ $value }」
       *[other] { $value }
    }
import-more-errors = ……还有 { $count } 个问题。
import-file-too-big = 文件太大了（超过 { $mb } MB），请拆分后发送。
import-file-unsupported = 只能导入 CSV 或 XLSX 文件。
import-file-unreadable = 无法读取这个文件，请确认它是 CSV 或 XLSX 格式。
import-file-no-header = 第一行没有找到「单位名称」列。
import-file-empty = 文件里没有单位。
import-file-too-many-rows = 行数太多（超过 { $rows } 行）。

## 邀请

invites-title = <b>有效的邀请链接</b>（{ $count } 个）
invite-line = #{ $id } { role }{ $unit } · 剩余 { $uses } 次 · 有效至 { $expires } UTC · …{ $hint }
btn-revoke = ✖ 作废 #{ $id }
invite-choose-role = 为 <b>{ $region }</b> 新建邀请：选择身份
invite-choose-unit = 选择{ role }所在的单位：
invite-no-units = 本县还没有单位。请先载入或导入单位目录。
invite-choose-limits = 邀请{ role }加入 <b>{ $region }</b>{ $unit }：选择可用人数和有效期
btn-uses-days = { $uses } 人 · { $days } 天
invite-created =
    ✅ 邀请链接已生成：{ role } · <b>{ $region }</b>{ $unit }
    可用 { $uses } 次，{ $days } 天内有效。把链接发给对方，点开即可加入：
    { $link }
invite-revoked = 邀请 #{ $id } 已作废。

## 人员

people-choose-unit = <b>{ $region }</b> · 人员：选择单位
btn-county-admins = 县级管理员
members-title = <b>{ $unit }</b>（{ $count } 人）
membership-view = <b>{ $name }</b>
    { $region }{ $unit } — { role }
btn-make-role = 改为{ role }
btn-remove-person = 🚫 移出本县
remove-confirm = 确定把 <b>{ $name }</b> 移出 <b>{ $region }</b> 吗？此人在本县的所有身份都会删除。
btn-confirm-remove = 确定移出
person-removed = 已把 <b>{ $name }</b> 移出本县。
role-changed = ✅ 身份已改为{ role }。
membership-last-admin = 不能这样做：这是本县唯一的管理员。请先邀请另一位管理员。
membership-unit-required = 这个身份需要单位，县级管理员不能直接改成它。

## 我的身份

me-none = 你还没有加入任何县。请向本县的管理员索取邀请链接。
me-title = <b>{ $name }</b> 的身份：
    { $lines }
me-line = • { $region }{ $unit } — { role }
me-head-line = • { $region } · { $unit } — 负责人

## 群订阅

subscribe-in-group = 这个命令要在工作群里使用：把我拉进群，由群管理员发送 /subscribe。
subscribe-choose-county = 请选择本群要关注的县：
subscription-view =
    本群已订阅 <b>{ $region }</b>。
    单位：{ $units }
    点击下面的按钮选择本群接收的内容：
kind-notices = 通知
kind-reminders = 提醒
kind-digests = 每日汇总
btn-choose-units = 🏢 选择单位
btn-unsubscribe = 取消订阅
btn-done = 完成
subscription-units = 选择本群关注的单位（都不选表示全部单位）：
unsubscribed = 本群已取消订阅 <b>{ $region }</b>。
unsubscribe-choose = 选择要取消订阅的县：
subscriptions-none = 本群还没有订阅任何县。
subscriptions-title = <b>本群的订阅</b>
subscriptions-line = • { $region }：{ $kinds }（{ $units }）
