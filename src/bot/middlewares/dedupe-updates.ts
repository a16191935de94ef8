import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "P2002";
}

/**
 * Handles each update once, even when Telegram (or a second webhook receiver) delivers it
 * again: the update id is recorded before any side effect (F17, F18).
 */
export const dedupeUpdates: MiddlewareFn<BotContext> = async (ctx, next) => {
  try {
    await ctx.deps.db.processedUpdate.create({
      data: { botId: BigInt(ctx.me.id), updateId: BigInt(ctx.update.update_id), createdAt: ctx.deps.clock.now() },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    ctx.deps.logger.info({ updateId: ctx.update.update_id }, "update already handled; skipped");
    return;
  }
  try {
    await next();
  } catch (err) {
    // Not handled after all (e.g. the process stopping under it): a re-delivery may try again.
    await ctx.deps.db.processedUpdate
      .delete({ where: { botId_updateId: { botId: BigInt(ctx.me.id), updateId: BigInt(ctx.update.update_id) } } })
      .catch(() => undefined);
    throw err;
  }
};
