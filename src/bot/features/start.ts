import { Composer } from "grammy";
import type { Role } from "../../domain/roles.js";
import { redeemInvite } from "../../services/invites.js";
import { membershipsOf } from "../../services/people.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";

export const startFeature = new Composer<BotContext>();
const privateChats = startFeature.chatType("private");

privateChats.command("start", async (ctx) => {
  const payload = ctx.match.trim();
  const { db, clock } = ctx.deps;
  if (payload) {
    const result = await redeemInvite(db, clock, payload, {
      telegramUserId: ctx.from.id,
      firstName: ctx.from.first_name,
      lastName: ctx.from.last_name,
      username: ctx.from.username,
    });
    if (!result.ok) {
      await ctx.reply(ctx.t("start-invite-refused"));
      return;
    }
    const vars = {
      region: escapeHtml(result.regionName),
      unit: result.unitName ? ` · ${escapeHtml(result.unitName)}` : "",
      role: result.role,
    };
    await ctx.reply(ctx.t(result.alreadyMember ? "start-already-member" : "start-joined", vars), { parse_mode: "HTML" });
    return;
  }
  const name = escapeHtml(ctx.person?.name ?? ctx.from.first_name);
  const memberships = ctx.person ? await membershipsOf(db, ctx.person.id) : [];
  if (memberships.length === 0) {
    await ctx.reply(ctx.t("start-no-membership", { name }), { parse_mode: "HTML" });
    return;
  }
  const lines = memberships.map((m) =>
    ctx.t("start-membership-line", {
      region: escapeHtml(m.regionName),
      unit: m.unitName ? ` · ${escapeHtml(m.unitName)}` : "",
      role: m.role satisfies Role,
    }),
  );
  await ctx.reply(ctx.t("start-welcome", { name, memberships: lines.join("\n") }), { parse_mode: "HTML" });
});
