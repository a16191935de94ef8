// Typed answers to the bot's questions ("send the new name"). The question is stored in the
// database (services/prompts.ts); features register what answers each kind of question.
import { Composer } from "grammy";
import type { Document } from "grammy/types";
import { askFor, cancelPrompt, peekPrompt, takePrompt, type PromptPayload } from "../../services/prompts.js";
import type { BotContext } from "../context.js";

export interface Answer {
  text?: string;
  document?: Document;
}

type AnswerHandler = (ctx: BotContext, payload: PromptPayload, answer: Answer) => Promise<void>;

/** What a question takes: typed text, a file, or either (a list pasted or uploaded as .txt). */
type Accepts = "text" | "document" | "text-or-document";

const handlers = new Map<string, { accepts: Accepts; handle: AnswerHandler }>();

/** Registers what answers questions of `kind`; the handler runs its own guard. */
export function onAnswer(kind: string, accepts: Accepts, handle: AnswerHandler): void {
  handlers.set(kind, { accepts, handle });
}

/** Asks the person a question in this chat and remembers it until answered, cancelled or lapsed. */
/**
 * Asks for a typed answer. Answers are read in private chats only, so a question raised by a
 * button in a group goes to the person's private chat (where chat id = user id).
 */
export async function ask(ctx: BotContext, kind: string, payload: PromptPayload, question: string): Promise<void> {
  if (!ctx.from || !ctx.person) return;
  const privateChat = ctx.from.id;
  await askFor(ctx.deps.db, ctx.deps.clock, { telegramChatId: privateChat, personId: ctx.person.id }, kind, payload);
  const inPrivate = ctx.chat?.type === "private";
  if (ctx.callbackQuery) await ctx.answerCallbackQuery(inPrivate ? undefined : { text: ctx.t("prompt-sent-privately"), show_alert: true });
  await ctx.api.sendMessage(privateChat, `${question}\n\n${ctx.t("prompt-cancel-hint")}`, { parse_mode: "HTML" });
}

export const promptsFeature = new Composer<BotContext>();
const privateChats = promptsFeature.chatType("private");

privateChats.command("cancel", async (ctx) => {
  if (ctx.person) await cancelPrompt(ctx.deps.db, { telegramChatId: ctx.chat.id, personId: ctx.person.id });
  await ctx.reply(ctx.t("prompt-cancelled"));
});

privateChats.on(["message:text", "message:document"], async (ctx, next) => {
  const isCommand = ctx.msg.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
  if (!ctx.person || isCommand) return next();
  const where = { telegramChatId: ctx.chat.id, personId: ctx.person.id };
  const pending = await peekPrompt(ctx.deps.db, ctx.deps.clock, where);
  const handler = pending ? handlers.get(pending.kind) : undefined;
  const kind = ctx.msg.document ? "document" : "text";
  if (!handler || (handler.accepts !== kind && handler.accepts !== "text-or-document")) {
    // A document while a name is awaited (or the reverse) is someone else's input, e.g. a meeting report.
    if (handler && kind === "text") {
      await ctx.reply(ctx.t("prompt-send-file"));
      return;
    }
    return next();
  }
  const prompt = await takePrompt(ctx.deps.db, ctx.deps.clock, where);
  if (!prompt) return next();
  await handler.handle(ctx, prompt.payload, { text: ctx.msg.text, document: ctx.msg.document });
});
