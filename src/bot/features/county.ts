// Creating a county (operators) and editing its settings (its admins).
import { Composer, InlineKeyboard } from "grammy";
import { createInvite } from "../../services/invites.js";
import { ensurePerson, grantMembership } from "../../services/people.js";
import { createCounty, updateCounty, type CountyPatch } from "../../services/regions.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { guard, onButton, idOf, needCounty, needOwner } from "../middlewares/guard.js";
import { becomeAdminData, countyMenuData, settingsAskData, settingsData, workingCalendarData } from "../keyboards/org-data.js";
import { show } from "../screen.js";
import { ask, onAnswer } from "./prompts.js";
import { inviteLink } from "./invite-link.js";

export const countyFeature = new Composer<BotContext>();
const privateChats = countyFeature.chatType("private");

/** The admin invite an operator hands over: one use, a week. */
const HANDOVER = { uses: 1, validForHours: 7 * 24 };

privateChats.command(
  "newcounty",
  guard(needOwner, async (ctx) => {
    const { db, clock } = ctx.deps;
    const person = await ensurePerson(db, { telegramUserId: ctx.from.id, firstName: ctx.from.first_name, lastName: ctx.from.last_name, username: ctx.from.username });
    const created = await createCounty(db, clock, { name: ctx.match, timeZone: ctx.config.DEFAULT_TIME_ZONE, actorId: person.id });
    if (!created.ok) {
      await ctx.reply(ctx.t("county-name-needed"));
      return;
    }
    const invite = await createInvite(db, clock, { regionId: created.region.id, unitId: null, role: "admin", ...HANDOVER, createdById: person.id });
    const keyboard = new InlineKeyboard().text(ctx.t("btn-become-admin"), becomeAdminData.pack({ region: created.region.id }));
    await ctx.reply(ctx.t("county-created", { region: escapeHtml(created.region.name), link: inviteLink(ctx, invite.token) }), {
      parse_mode: "HTML",
      reply_markup: keyboard,
      link_preview_options: { is_disabled: true },
    });
  }),
);

// The operator who created a county may run it themselves, but only while it has no admin yet.
onButton(
  countyFeature,
  becomeAdminData,
  async (ctx, data) => {
    const regionId = idOf(data.region);
    const admins = regionId === null ? 1 : await ctx.deps.db.membership.count({ where: { regionId, role: "admin" } });
    const region = admins === 0 && regionId !== null ? await ctx.deps.db.region.findUnique({ where: { id: regionId } }) : null;
    return region ? { permission: { kind: "county.create" }, scope: region } : null;
  },
  async (ctx, region) => {
    const { db, clock } = ctx.deps;
    const person = await ensurePerson(db, { telegramUserId: ctx.from.id, firstName: ctx.from.first_name, lastName: ctx.from.last_name, username: ctx.from.username });
    await grantMembership(db, clock, { personId: person.id, regionId: region.id, unitId: null, role: "admin", actorId: person.id, reason: "county.creator" });
    const keyboard = new InlineKeyboard().text(ctx.t("btn-open-county"), countyMenuData.pack({ region: region.id }));
    await show(ctx, ctx.t("county-you-admin", { region: escapeHtml(region.name) }), keyboard);
  },
);

async function showSettings(ctx: BotContext, region: { id: number; name: string; timeZone: string; quietStart: string; quietEnd: string; workingCalendar: boolean }) {
  const r = { region: region.id };
  const keyboard = new InlineKeyboard()
    .text(ctx.t("btn-rename"), settingsAskData.pack({ ...r, field: "name" })).text(ctx.t("btn-time-zone"), settingsAskData.pack({ ...r, field: "tz" })).row()
    .text(ctx.t("btn-quiet-hours"), settingsAskData.pack({ ...r, field: "quiet" }))
    .text(ctx.t(region.workingCalendar ? "btn-calendar-off" : "btn-calendar-on"), workingCalendarData.pack(r)).row()
    .text(ctx.t("btn-back"), countyMenuData.pack(r));
  await show(ctx, ctx.t("county-settings", {
    region: escapeHtml(region.name),
    zone: region.timeZone,
    quiet: `${region.quietStart}–${region.quietEnd}`,
    calendar: region.workingCalendar ? "on" : "off",
  }), keyboard);
}

onButton(countyFeature, settingsData, (ctx, data) => needCounty(ctx, idOf(data.region)), (ctx, region) => showSettings(ctx, region));

onButton(
  countyFeature,
  workingCalendarData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  async (ctx, region, { actor }) => {
    const updated = await updateCounty(ctx.deps.db, ctx.deps.clock, region.id, { workingCalendar: !region.workingCalendar }, actor.personId);
    if (updated.ok) await showSettings(ctx, updated.region);
  },
);

const FIELDS = { name: "county.name", tz: "county.tz", quiet: "county.quiet" } as const;

onButton(
  countyFeature,
  settingsAskData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  async (ctx, region, { data }) => {
    const field = data.field;
    const kind = field === "name" || field === "tz" || field === "quiet" ? FIELDS[field] : null;
    if (kind === null) return;
    await ask(ctx, kind, { region: region.id }, ctx.t(`ask-${kind.replace(".", "-")}`, { region: escapeHtml(region.name) }));
  },
);

/** "21:30-07:30", with any dash or a space between the two times. */
function quietPatch(text: string): CountyPatch | null {
  const match = /^\s*(\d{1,2}:\d{2})\s*[-–—~～至到 ]\s*(\d{1,2}:\d{2})\s*$/.exec(text);
  const pad = (t: string) => t.padStart(5, "0");
  return match?.[1] && match[2] ? { quietStart: pad(match[1]), quietEnd: pad(match[2]) } : null;
}

const patchOf: Record<(typeof FIELDS)[keyof typeof FIELDS], (text: string) => CountyPatch | null> = {
  "county.name": (text) => ({ name: text }),
  "county.tz": (text) => ({ timeZone: text }),
  "county.quiet": quietPatch,
};

for (const kind of Object.values(FIELDS)) {
  onAnswer(kind, "text", (ctx, payload, answer) =>
    guard(
      (c) => needCounty(c, idOf(payload.region)),
      async (c, region, actor) => {
        const patch = patchOf[kind](answer.text ?? "");
        const updated = patch ? await updateCounty(c.deps.db, c.deps.clock, region.id, patch, actor.personId) : ({ ok: false, reason: "bad-time" } as const);
        if (!updated.ok) {
          await c.reply(c.t(`county-${updated.reason}`));
          return;
        }
        await c.reply(c.t("saved"));
        await showSettings(c, updated.region);
      },
      `prompt:${kind}`,
    )(ctx),
  );
}
