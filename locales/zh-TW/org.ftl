# 組織管理：縣、單位目錄、人員、邀請、群訂閱與權限

none = 無
saved = ✅ 已儲存。
all-units = 全部單位

## 權限

denied-not-owner = 抱歉，只有本系統的維運人員才能新建縣。
denied-not-county-admin = 抱歉，你不是這個縣的管理員，不能進行這項操作。
denied-not-unit-head = 抱歉，只有該單位的負責人或縣管理員才能進行這項操作。
denied-role-not-allowed = 抱歉，單位負責人只能邀請本單位的單位幹部和幫扶幹部。
denied-unit-required = 這個身分需要先選擇一個單位。
denied-not-chat-admin = 抱歉，只有本群的管理員才能設定群訂閱。
denied-gone = 這一項已不存在或不屬於你能管理的範圍，請從選單重新進入。

## 問答

prompt-cancel-hint = 傳送 /cancel 可取消。
prompt-sent-privately = 問題已傳到你與督辦的私聊，請在私聊中回覆。
prompt-cancelled = 已取消。
prompt-send-file = 請傳送 CSV 或 XLSX 檔案，或傳送 /cancel 取消。

## 選單

menu-title = <b>管理選單</b>
    請選擇要管理的縣或單位：
menu-county = <b>{ $region }</b> · 管理
menu-unit = <b>{ $region } · { $unit }</b> · 單位負責人
btn-settings = ⚙️ 縣設定
btn-units = 🏢 單位目錄
btn-people = 👥 人員
btn-invites = ✉️ 邀請連結
btn-import = 📥 匯入目錄
btn-starter = 📋 常用目錄
btn-back = « 返回
btn-members = 👥 本單位人員
btn-new-invite = ➕ 新建邀請

## 縣

county-name-needed = 請在指令後寫上縣名，例如：/newcounty 雲溪縣
county-created =
    ✅ 已新建 <b>{ $region }</b>。

    請把下面的管理員邀請連結交給本縣管理員（一次有效，7 天內有效）：
    { $link }

    或者由你自己擔任管理員。
btn-become-admin = 我來擔任管理員
btn-open-county = 打開縣管理選單
county-you-admin = ✅ 你已成為 <b>{ $region }</b> 的縣級管理員。
county-settings =
    <b>{ $region }</b> · 縣設定
    時區：{ $zone }
    免打擾時段：{ $quiet }
    工作日曆（節假日、調休不提醒）：{ $calendar ->
        [on] 開啟
       *[off] 關閉
    }
btn-rename = ✏️ 改名
btn-time-zone = 🕒 時區
btn-quiet-hours = 🌙 免打擾時段
btn-calendar-on = 📅 開啟工作日曆
btn-calendar-off = 📅 關閉工作日曆
ask-county-name = 請傳送 <b>{ $region }</b> 的新名稱：
ask-county-tz = 請傳送時區名稱，例如 Asia/Shanghai 或 Asia/Urumqi：
ask-county-quiet = 請傳送免打擾時段，例如 21:00-08:00：
county-bad-name = 名稱不能為空，不能超過 60 個字，也不能分行。請從選單重試。
county-bad-time-zone = 沒有這個時區。請使用 Asia/Shanghai 這樣的名稱，從選單重試。
county-bad-time = 時間格式不對，請寫成 21:00-08:00，從選單重試。

## 單位目錄

units-title = <b>{ $region }</b> · 單位目錄（共 { $count } 個）
btn-add-units = ➕ 添加單位
ask-unit-add = 請傳送要添加到 <b>{ $region }</b> 的單位名稱，每行一個：
units-added = 已添加 { $created } 個單位。已存在而跳過：{ $skipped }
unit-view =
    <b>{ $unit }</b>
    類型：{ $kind ->
        [department] 部門
        [township] 鄉鎮（街道）
        [village] 村（社區）
        [work_team] 工作隊
        [role] 崗位
       *[other] { $kind }
    }
    別名：{ $aliases }
    上級單位：{ $parent }
    負責人：{ $head }
    成員：{ $members } 人
btn-add-alias = 🏷 添加別名
btn-set-parent = ⬆️ 設定上級
btn-merge = 🔀 合併到…
btn-set-head = 👤 設定負責人
ask-unit-rename = 請傳送 <b>{ $unit }</b> 的新名稱（舊名稱會保留為別名）：
ask-unit-alias = 請傳送 <b>{ $unit }</b> 的別名，例如簡稱：
ask-unit-parent = 請傳送 <b>{ $unit }</b> 的上級單位名稱；傳送 - 表示沒有上級：
ask-unit-merge = 請傳送要把 <b>{ $unit }</b> 合併進去的單位名稱：
unit-bad-name = 名稱不能為空，不能超過 60 個字，也不能分行。
unit-name-taken = 本縣已有單位使用這個名稱或別名。
unit-same-unit = 不能選擇單位自己。
unit-cycle = 不能這樣設定：上級單位不能是它自己的下級。
unit-not-a-member = 負責人必須是該單位的成員。
unit-not-found = 本縣沒有名為「{ $name }」的單位。
merge-confirm = 確定把 <b>{ $source }</b> 合併到 <b>{ $target }</b> 嗎？人員、任務和群訂閱都會轉過去，原名稱保留為別名。
btn-confirm-merge = 確定合併
merged = ✅ 已把 <b>{ $source }</b> 合併到 <b>{ $target }</b>。
head-choose = 請選擇 <b>{ $unit }</b> 的負責人：
head-no-members = <b>{ $unit }</b> 還沒有成員。請先邀請人員加入該單位。

## 目錄匯入

starter-confirm =
    為 <b>{ $region }</b> 載入常用單位目錄（{ $count } 個）：
    { $names }

    已有的單位不會重複創建。
btn-load-starter = 載入
directory-loaded = ✅ 目錄已更新：新增 { $created } 個，更新 { $updated } 個。
ask-import =
    請傳送 <b>{ $region }</b> 的單位目錄檔案（CSV 或 XLSX，不超過 1 MB）。
    第一列是表頭：單位名稱、類型、別名、上級單位。類型可寫 部門、鄉鎮、村、工作隊；多個別名用頓號分隔。
import-rejected = ❌ 檔案有 { $count } 列有問題，什麼都沒有匯入。請修改後重新傳送：
import-row-error = 第 { $row } 列：{ $problem ->
        [missing-name] 缺少單位名稱
        [bad-name] 名稱不合格「{ $value }」
        [bad-kind] 不認識的類型「{ $value }」
        [duplicate] 名稱重複「{ $value }」
        [unknown-parent] 找不到上級單位「{ $value }」
        [cycle] 上下級循環「{ $value }」
        [alias-taken] 別名已屬於其他單位「{ $value }」
       *[other] { $value }
    }
import-more-errors = ……還有 { $count } 個問題。
import-file-too-big = 檔案太大了（超過 { $mb } MB），請拆分後傳送。
import-file-unsupported = 只能匯入 CSV 或 XLSX 檔案。
import-file-unreadable = 無法讀取這個檔案，請確認它是 CSV 或 XLSX 格式。
import-file-no-header = 第一列沒有找到「單位名稱」列。
import-file-empty = 檔案裡沒有單位。
import-file-too-many-rows = 列數太多（超過 { $rows } 行）。

## 邀請

invites-title = <b>有效的邀請連結</b>（{ $count } 個）
invite-line = #{ $id } { role }{ $unit } · 剩餘 { $uses } 次 · 有效至 { $expires } UTC · …{ $hint }
btn-revoke = ✖ 作廢 #{ $id }
invite-choose-role = 為 <b>{ $region }</b> 新建邀請：選擇身分
invite-choose-unit = 選擇{ role }所在的單位：
invite-no-units = 本縣還沒有單位。請先載入或匯入單位目錄。
invite-choose-limits = 邀請{ role }加入 <b>{ $region }</b>{ $unit }：選擇可用人數和有效期
btn-uses-days = { $uses } 人 · { $days } 天
invite-created =
    ✅ 邀請連結已生成：{ role } · <b>{ $region }</b>{ $unit }
    可用 { $uses } 次，{ $days } 天內有效。把連結發給對方，點開即可加入：
    { $link }
invite-revoked = 邀請 #{ $id } 已作廢。

## 人員

people-choose-unit = <b>{ $region }</b> · 人員：選擇單位
btn-county-admins = 縣級管理員
members-title = <b>{ $unit }</b>（{ $count } 人）
membership-view = <b>{ $name }</b>
    { $region }{ $unit } — { role }
btn-make-role = 改為{ role }
btn-remove-person = 🚫 移出本縣
remove-confirm = 確定把 <b>{ $name }</b> 移出 <b>{ $region }</b> 嗎？此人在本縣的所有身分都會刪除。
btn-confirm-remove = 確定移出
person-removed = 已把 <b>{ $name }</b> 移出本縣。
role-changed = ✅ 身分已改為{ role }。
membership-last-admin = 不能這樣做：這是本縣唯一的管理員。請先邀請另一位管理員。
membership-unit-required = 這個身分需要單位，縣級管理員不能直接改成它。

## 我的身分

me-none = 你還沒有加入任何縣。請向本縣的管理員索取邀請連結。
me-title = <b>{ $name }</b> 的身分：
    { $lines }
me-line = • { $region }{ $unit } — { role }
me-head-line = • { $region } · { $unit } — 負責人

## 群訂閱

subscribe-in-group = 這個指令要在工作群裡使用：把我拉進群，由群管理員傳送 /subscribe。
subscribe-choose-county = 請選擇本群要關注的縣：
subscription-view =
    本群已訂閱 <b>{ $region }</b>。
    單位：{ $units }
    點選下面的按鈕選擇本群接收的內容：
kind-notices = 通知
kind-reminders = 提醒
kind-digests = 每日彙總
btn-choose-units = 🏢 選擇單位
btn-unsubscribe = 取消訂閱
btn-done = 完成
subscription-units = 選擇本群關注的單位（都不選表示全部單位）：
unsubscribed = 本群已取消訂閱 <b>{ $region }</b>。
unsubscribe-choose = 選擇要取消訂閱的縣：
subscriptions-none = 本群還沒有訂閱任何縣。
subscriptions-title = <b>本群的訂閱</b>
subscriptions-line = • { $region }：{ $kinds }（{ $units }）
