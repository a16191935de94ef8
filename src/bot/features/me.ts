import { Composer } from "grammy";
import { membershipsOf } from "../../services/people.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";

export const meFeature = new Composer<BotContext>();

/** /me: every county, unit and role of the person, and the units they head. */
meFeature.chatType("private").command("me", async (ctx) => {
  const { db } = ctx.deps;
  const memberships = ctx.person ? await membershipsOf(db, ctx.person.id) : [];
  if (!ctx.person || memberships.length === 0) {
    await ctx.reply(ctx.t("me-none"));
    return;
  }
  const heads = await db.unit.findMany({ where: { headPersonId: ctx.person.id }, include: { region: { select: { name: true } } } });
  const lines = memberships.map((m) => ctx.t("me-line", { region: escapeHtml(m.regionName), unit: m.unitName ? ` · ${escapeHtml(m.unitName)}` : "", role: m.role }));
  const headLines = heads.map((u) => ctx.t("me-head-line", { region: escapeHtml(u.region.name), unit: escapeHtml(u.name) }));
  await ctx.reply(ctx.t("me-title", { name: escapeHtml(ctx.person.name), lines: [...lines, ...headLines].join("\n") }), { parse_mode: "HTML" });
});
