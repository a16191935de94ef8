# 其他送達管道：企業微信群機器人、釘釘自訂機器人、簡訊閘道（issue 9）。

cmd-channels = 送達管道（企業微信、釘釘、簡訊）
channels-action-link = 在 Telegram 中處理
btn-channels = 📡 送達管道
channels-fault-alert = ⚠️ 送達管道「{ $name }」（{ $kind }）已停用：{ $reason }
    傳送 /channels 查看並重新登記。
channels-no-key = 伺服器未設定 PII_KEY，無法儲存管道密鑰。請聯絡維運人員設定後再試。
channels-pick-county = 選擇要管理送達管道的縣：
channels-list = 📡 <b>{ $region } · 送達管道</b>
    除 Telegram 外，提醒和通知還可以送到企業微信群、釘釘群或簡訊。
channels-none = 還沒有登記任何管道。
channels-county-wide = 全縣
channels-kind-wecom = 企業微信群機器人
channels-kind-dingtalk = 釘釘機器人
channels-kind-sms = 簡訊閘道
channels-state-on = ✅ 啟用
channels-state-off = ⛔ 已停用：{ $reason }
channels-list-off = ⛔ { $name }：{ $reason }
channels-activity = 待發送：{ $count } 則 · 最近送達：{ $date }
channels-last-problem = 最近問題：{ $reason }
channels-view = <b>{ $name }</b>
    類型：{ $kind }
    範圍：{ $unit }
    密鑰：…{ $hint }
    狀態：{ $state }
channels-btn-add-wecom = ➕ 企業微信群
channels-btn-add-dingtalk = ➕ 釘釘群
channels-btn-add-sms = ➕ 簡訊閘道
channels-btn-test = 📨 傳送測試訊息
channels-btn-remove = 🗑 刪除
channels-btn-remove-confirm = 確認刪除
channels-remove-confirm = 確定刪除管道「{ $name }」嗎？尚未發出的訊息將不再傳送。
channels-removed = 已刪除管道「{ $name }」。
channels-ask-name = 為這個{ $kind }取個名字（例如「縣財政局工作群」）：
channels-ask-unit = 這個群接收哪個單位的提醒？傳送單位名稱；傳送 - 表示接收全縣通知。
channels-ask-wecom-url = 傳送群機器人的 Webhook 位址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）。收到後我會刪除你的這則訊息。
channels-ask-dingtalk-url = 傳送釘釘機器人的 Webhook 位址（https://oapi.dingtalk.com/robot/send?access_token=…）。收到後我會刪除你的這則訊息。
channels-ask-dingtalk-secret = 傳送機器人安全設定裡的加簽密鑰（以 SEC 開頭）。收到後我會刪除你的這則訊息。
channels-ask-dingtalk-keyword = 如果機器人設定了自訂關鍵詞，傳送其中一個；沒有就傳送 -。
channels-ask-dingtalk-mobiles = 每則訊息要 @ 的手機號碼（多個用逗號分隔）；不需要就傳送 -。
channels-ask-sms-url = 傳送簡訊閘道的位址（https://…）。
channels-ask-sms-auth = 傳送閘道的認證標頭，例如「Authorization: Bearer …」。收到後我會刪除你的這則訊息。
channels-ask-test-mobile = 傳送接收測試簡訊的手機號碼：
channels-ask-sms-template = 傳送簡訊範本 ID。
channels-bad-input = 格式不對：{ $value }。請重新傳送，或傳送 /cancel 取消。
channels-bad-unit = 本縣沒有名為「{ $value }」的單位。請重新傳送單位名稱，或傳送 - 表示全縣。
channels-saved = ✅ 已儲存管道「{ $name }」。可以先傳送一則測試訊息確認能收到。
channels-test-text = 【督辦】這是 { $region } 督辦機器人的測試訊息。收到即表示管道正常。
channels-test-ok = ✅ 測試訊息已送達。
channels-test-failed = ❌ 測試訊息未送達：{ $reason }
