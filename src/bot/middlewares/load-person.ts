import type { MiddlewareFn } from "grammy";
import { findPersonByTelegramId } from "../../services/people.js";
import type { BotContext } from "../context.js";

/** Puts the person behind the update on the context (null for someone Duban does not know yet). */
export const loadPerson: MiddlewareFn<BotContext> = async (ctx, next) => {
  const person = ctx.from ? await findPersonByTelegramId(ctx.deps.db, ctx.from.id) : null;
  ctx.person = person ? { id: person.id, name: person.name, locale: person.locale } : null;
  await next();
};
