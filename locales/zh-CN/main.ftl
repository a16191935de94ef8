# Duban (督办) — 简体中文

role = { $role ->
    [admin] 县级管理员
    [official] 单位干部
    [unit_head] 单位负责人
    [cadre] 帮扶干部
    [household] 农户
   *[other] 成员
}

start-welcome =
    <b>{ $name }，欢迎使用督办！</b>
    督办把会议部署的任务交办到单位、跟踪进度、按时提醒。

    你的身份：
    { $memberships }

    发送 /help 查看可用的命令。
start-membership-line = • { $region }{ $unit } — { role }
start-no-membership =
    <b>你好，{ $name }！</b>
    督办把会议部署的任务交办到单位、跟踪进度、按时提醒。

    你还没有加入任何县。请向本县的管理员索取邀请链接，点开链接即可加入。
start-joined =
    ✅ 你已加入 <b>{ $region }</b>{ $unit }，身份：{ role }。

    发送 /help 查看可用的命令。
start-already-member = 你已经是 <b>{ $region }</b>{ $unit } 的{ role }，无需重复加入。
start-invite-refused = 这个邀请链接无效、已过期或已用完。请向本县管理员索取新的邀请链接。

help =
    <b>督办 · 使用帮助</b>
    /start — 开始，或通过邀请链接加入
    /language — 切换语言
    /help — 显示本帮助

    收到任务卡片后，用卡片下方的按钮签收、反馈进度。

    <b>县管理员</b>
    /admin — 管理菜单
    /holidays — 节假日与调休：查看，载入下一年的放假安排
    /channels — 送达渠道：企业微信群、钉钉群、短信网关
language-choose = 请选择语言：
language-set = 语言已切换为简体中文。

error-generic = 抱歉，处理你的请求时出错了，请稍后再试。我们已记录这个问题。
unknown-command = 没有这个命令。发送 /help 查看可用的命令。
not-understood = 我没有理解这条消息。发送 /help 查看可用的命令。
unsupported-message = 这里只能处理文字和文件（.txt、.docx），不能处理贴纸、语音或视频。
rate-limited = 你发送得太快了，请稍等片刻再试。

cmd-start = 开始 / 加入
cmd-help = 使用帮助
cmd-language = 切换语言
cmd-me = 我的身份
cmd-admin = 管理菜单
