// Keeps the Chat table true to Telegram: chats are recorded on first contact, marked
// inactive when the bot is removed or blocked and active again when it is back (F7), and
// moved to the new id when a group becomes a supergroup (F8).
import { Composer } from "grammy";
import { migrateChat, setChatActive, touchChat } from "../../services/chats.js";
import type { BotContext } from "../context.js";

export const chatStatusFeature = new Composer<BotContext>();

chatStatusFeature.on("message:migrate_to_chat_id", async (ctx) => {
  await migrateChat(ctx.deps.db, ctx.deps.clock, ctx.chat.id, ctx.msg.migrate_to_chat_id);
});

chatStatusFeature.on("message:migrate_from_chat_id", async (ctx) => {
  await migrateChat(ctx.deps.db, ctx.deps.clock, ctx.msg.migrate_from_chat_id, ctx.chat.id);
});

chatStatusFeature.on("my_chat_member", async (ctx) => {
  const { chat, new_chat_member: member } = ctx.myChatMember;
  const present = member.status === "member" || member.status === "administrator" || member.status === "creator";
  const reason = chat.type === "private" ? "blocked" : "removed";
  await setChatActive(ctx.deps.db, ctx.deps.clock, chat.id, present, present ? null : reason, {
    type: chat.type,
    title: "title" in chat ? chat.title : undefined,
    personId: chat.type === "private" ? ctx.person?.id ?? null : null,
  });
});

chatStatusFeature.on("message", async (ctx, next) => {
  const chat = ctx.chat;
  await touchChat(ctx.deps.db, ctx.deps.clock, {
    telegramChatId: chat.id,
    type: chat.type,
    title: "title" in chat ? chat.title : undefined,
    personId: chat.type === "private" ? ctx.person?.id ?? null : null,
  });
  await next();
});
