import type { BotContext } from "../context.js";

/** The t.me deep link that opens the bot with an invite token as /start payload. */
export function inviteLink(ctx: BotContext, token: string): string {
  return `https://t.me/${ctx.me.username}?start=${token}`;
}
