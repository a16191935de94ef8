// The fields of a draft directive that are chosen from menus: its units (from the county's
// directory, lead or supporting), its deadline (quick picks or a typed date such as 6月30日)
// and its recurrence.
import { Composer, InlineKeyboard } from "grammy";
import { parseTypedDate } from "../../domain/typed-date.js";
import { reviewDirective, unitPlanOf, type ReviewEdit } from "../../services/meetings.js";
import { addDays, endOfLocalDay, localDateOf, parseLocalDate, type LocalDate } from "../../time.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { guard, guardButton, idOf } from "../middlewares/guard.js";
import { byDirective, needDirective } from "../middlewares/lifecycle-needs.js";
import {
  deadlineMenuData, deadlinePickData, directiveData, directiveEditData, recurrenceMenuData, recurrencePickData, roleToggleData, unitPickData, unitToggleData,
} from "../keyboards/lifecycle-data.js";
import { addPager, pageWindow } from "../keyboards/pages.js";
import { dueLabel } from "../review-screens.js";
import { show } from "../screen.js";
import { applyEdit } from "./review.js";
import { ask, onAnswer } from "./prompts.js";

export const reviewFieldsFeature = new Composer<BotContext>();

type DirectiveScope = NonNullable<Awaited<ReturnType<typeof needDirective>>>["scope"];

async function showUnitPicker(ctx: BotContext, d: DirectiveScope, requested: number): Promise<void> {
  const { db } = ctx.deps;
  const regionId = d.meeting.regionId;
  const total = await db.unit.count({ where: { regionId, archivedAt: null } });
  const window = pageWindow(requested, total);
  const units = await db.unit.findMany({ where: { regionId, archivedAt: null }, orderBy: { name: "asc" }, skip: window.skip, take: window.take });
  const plan = unitPlanOf(d);
  const keyboard = new InlineKeyboard();
  for (const u of plan) {
    if (u.unitId !== null) keyboard.text(ctx.t("btn-role", { name: u.name, role: u.role }), roleToggleData.pack({ directive: d.id, unit: u.unitId })).row();
  }
  units.forEach((unit, i) => {
    if (i > 0 && i % 2 === 0) keyboard.row();
    const chosen = plan.some((u) => u.unitId === unit.id);
    keyboard.text(`${chosen ? "☑" : "☐"} ${unit.name}`, unitToggleData.pack({ directive: d.id, unit: unit.id, page: window.page }));
  });
  addPager(keyboard.row(), window, (page) => unitPickData.pack({ directive: d.id, page }));
  keyboard.row().text(ctx.t("btn-new-unit"), directiveEditData.pack({ directive: d.id, edit: "newunit" })).text(ctx.t("btn-back-directive"), directiveData.pack({ directive: d.id }));
  const names = (role: "lead" | "supporting") => escapeHtml(plan.filter((u) => u.role === role).map((u) => u.name).join("、") || "—");
  await show(ctx, ctx.t("review-units", { lead: names("lead"), supporting: names("supporting") }), keyboard);
}

reviewFieldsFeature.callbackQuery(
  unitPickData.filter,
  guardButton(unitPickData, byDirective, (ctx, d, { data }) => showUnitPicker(ctx, d, Number(data.page))),
);

/** Runs a review edit from a menu and shows the menu again, with the draft as it is now. */
async function editThenShow(ctx: BotContext, d: DirectiveScope, edit: ReviewEdit, actorId: number | null, again: (fresh: DirectiveScope) => Promise<void>) {
  const result = await reviewDirective(ctx.deps.db, ctx.deps.clock, d.id, edit, actorId);
  if (!result.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t("review-refused", { reason: result.reason }), show_alert: true });
    return;
  }
  await again(await reloadDirective(ctx, d.id));
}

const reloadDirective = (ctx: BotContext, id: number) =>
  ctx.deps.db.directive.findUniqueOrThrow({ where: { id }, include: { meeting: { include: { region: true } } } });

reviewFieldsFeature.callbackQuery(
  unitToggleData.filter,
  guardButton(unitToggleData, byDirective, async (ctx, d, { actor, data }) => {
    const unitId = idOf(data.unit);
    if (unitId === null) return;
    await editThenShow(ctx, d, { kind: "toggle-unit", unitId }, actor.personId, (fresh) => showUnitPicker(ctx, fresh, Number(data.page)));
  }),
);

reviewFieldsFeature.callbackQuery(
  roleToggleData.filter,
  guardButton(roleToggleData, byDirective, async (ctx, d, { actor, data }) => {
    const unitId = idOf(data.unit);
    if (unitId === null) return;
    await editThenShow(ctx, d, { kind: "toggle-role", unitId }, actor.personId, (fresh) => showUnitPicker(ctx, fresh, 0));
  }),
);

onAnswer("review.newunit", "text", (ctx, payload, answer) =>
  guard(
    (c) => needDirective(c, idOf(payload.directive)),
    async (c, d, actor) => {
      const name = (answer.text ?? "").trim();
      if (name === "" || name.length > 60) {
        await c.reply(c.t("review-refused", { reason: "bad-text" }));
        return;
      }
      await reviewDirective(c.deps.db, c.deps.clock, d.id, { kind: "create-unit", name }, actor.personId);
      const unit = await c.deps.db.unit.findFirstOrThrow({ where: { regionId: d.meeting.regionId, name } });
      // Creating resolves the name where the draft already mentions it; a unit the draft never named is added here.
      if (!unitPlanOf(await reloadDirective(c, d.id)).some((u) => u.unitId === unit.id)) {
        await reviewDirective(c.deps.db, c.deps.clock, d.id, { kind: "toggle-unit", unitId: unit.id }, actor.personId);
      }
      await showUnitPicker(c, await reloadDirective(c, d.id), 0);
    },
    "prompt:review.newunit",
  )(ctx),
);

/** The last day of a month given as year and month number (1–12, or 13 for January of the next year). */
function endOfMonth(year: number, month: number): LocalDate {
  const next = year * 12 + month;
  return addDays(`${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, "0")}-01`, -1);
}

/** Quick deadlines: a week from today, the end of this and of next month, the end of the quarter and of the year. */
function quickDates(today: LocalDate): LocalDate[] {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const candidates = [addDays(today, 7), endOfMonth(y, m), endOfMonth(y, m + 1), endOfMonth(y, Math.ceil(m / 3) * 3), `${y}-12-31`];
  return [...new Set(candidates)].filter((d) => d >= today).sort();
}

async function showDeadlineMenu(ctx: BotContext, d: DirectiveScope): Promise<void> {
  const zone = d.meeting.region.timeZone;
  const keyboard = new InlineKeyboard();
  quickDates(localDateOf(ctx.deps.clock.now(), zone)).forEach((date, i) => {
    if (i > 0 && i % 3 === 0) keyboard.row();
    keyboard.text(date, deadlinePickData.pack({ directive: d.id, date: date.replaceAll("-", "") }));
  });
  keyboard.row().text(ctx.t("btn-type-date"), directiveEditData.pack({ directive: d.id, edit: "date" }));
  if (d.deadline) keyboard.text(ctx.t("btn-clear-date"), directiveEditData.pack({ directive: d.id, edit: "clear" }));
  if (d.vague && !d.deadline) keyboard.row().text(ctx.t("btn-confirm-no-date"), directiveEditData.pack({ directive: d.id, edit: "nodate" }));
  keyboard.row().text(ctx.t("btn-back-directive"), directiveData.pack({ directive: d.id }));
  await show(ctx, ctx.t("review-deadline", { due: dueLabel(ctx, d.deadline, zone), text: escapeHtml(d.deadlineText ?? "—") }), keyboard);
}

reviewFieldsFeature.callbackQuery(
  deadlineMenuData.filter,
  guardButton(deadlineMenuData, byDirective, (ctx, d) => showDeadlineMenu(ctx, d)),
);

reviewFieldsFeature.callbackQuery(
  deadlinePickData.filter,
  guardButton(deadlinePickData, byDirective, async (ctx, d, { actor, data }) => {
    const date = parseLocalDate(data.date.replace(/^(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3"));
    if (!date) return;
    await applyEdit(ctx, d, { kind: "deadline", deadline: endOfLocalDay(date, d.meeting.region.timeZone) }, actor.personId);
  }),
);

onAnswer("review.date", "text", (ctx, payload, answer) =>
  guard(
    (c) => needDirective(c, idOf(payload.directive)),
    async (c, d, actor) => {
      const zone = d.meeting.region.timeZone;
      const date = parseTypedDate(answer.text ?? "", localDateOf(c.deps.clock.now(), zone));
      if (!date) {
        await ask(c, "review.date", { directive: d.id }, c.t("bad-date", { text: escapeHtml((answer.text ?? "").slice(0, 40)) }));
        return;
      }
      await applyEdit(c, d, { kind: "deadline", deadline: endOfLocalDay(date, zone) }, actor.personId);
    },
    "prompt:review.date",
  )(ctx),
);

const FREQUENCIES = ["daily", "weekly", "monthly", "quarterly", "yearly"] as const;

reviewFieldsFeature.callbackQuery(
  recurrenceMenuData.filter,
  guardButton(recurrenceMenuData, byDirective, async (ctx, d) => {
    const keyboard = new InlineKeyboard();
    FREQUENCIES.forEach((freq, i) => {
      if (i > 0 && i % 3 === 0) keyboard.row();
      keyboard.text(ctx.t("review-freq", { freq }), recurrencePickData.pack({ directive: d.id, freq }));
    });
    keyboard.row().text(ctx.t("btn-no-recurrence"), recurrencePickData.pack({ directive: d.id, freq: "none" })).text(ctx.t("btn-back-directive"), directiveData.pack({ directive: d.id }));
    await show(ctx, ctx.t("review-recurrence"), keyboard);
  }),
);

reviewFieldsFeature.callbackQuery(
  recurrencePickData.filter,
  guardButton(recurrencePickData, byDirective, async (ctx, d, { actor, data }) => {
    const freq = FREQUENCIES.find((f) => f === data.freq);
    const recurrence = freq ? { freq, interval: 1, text: ctx.t("review-freq", { freq }) } : null;
    await applyEdit(ctx, d, { kind: "recurrence", recurrence }, actor.personId);
  }),
);
