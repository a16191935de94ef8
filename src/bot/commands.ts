import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { I18n } from "@grammyjs/i18n";
import type { BotContext } from "./context.js";

/** The commands shown in Telegram's menu, in menu order. */
const MENU = ["start", "me", "admin", "tasks", "task", "report", "export", "households", "contacted", "holidays", "channels", "help", "language"] as const;

function commandsIn(translate: (key: string) => string): BotCommand[] {
  return MENU.map((command) => ({ command, description: translate(`cmd-${command}`) }));
}

/**
 * Telegram picks a command list by the two-letter language of the user's app, so "zh"
 * gets simplified Chinese; a person who chose another language gets theirs per chat.
 */
export async function setDefaultCommands(api: Api, i18n: I18n<BotContext>, defaultLocale: string): Promise<void> {
  await api.setMyCommands(commandsIn((key) => i18n.t(defaultLocale, key)));
  await api.setMyCommands(commandsIn((key) => i18n.t("zh-CN", key)), { language_code: "zh" });
  await api.setMyCommands(commandsIn((key) => i18n.t("en", key)), { language_code: "en" });
}

export async function setChatCommands(api: Api, chatId: number, translate: (key: string) => string): Promise<void> {
  await api.setMyCommands(commandsIn(translate), { scope: { type: "chat", chat_id: chatId } });
}
