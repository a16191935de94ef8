// The holiday calendar in chat (/holidays, or /admin → 节假日与调休): which years are known —
// from the chinese-days library or loaded by an admin — and loading a year the library does
// not know yet (the State Council publishes it late in the year), pasted or as a .txt file,
// all or nothing. A load re-plans the reminders of every county that follows the working
// calendar. The calendar is shared by all counties, so any county's admin or an operator may
// load it ("calendar.manage" in domain/permissions.ts); every load is audited.
import { Composer, InlineKeyboard } from "grammy";
import type { Document } from "grammy/types";
import { OPEN_STATES } from "../../domain/assignment-state.js";
import { adminRegionIds } from "../../domain/permissions.js";
import { readReport } from "../../ingest/read.js";
import { planAssignmentReminders } from "../../scheduler/reminder-planner.js";
import { loadedDays, loadedYearCounts, loadHolidaySchedule, loadWorkingCalendar } from "../../services/holiday-calendar.js";
import { planHouseholdReminders } from "../../services/household-duties.js";
import { ensurePerson } from "../../services/people.js";
import { localDateOf, yearOf } from "../../time.js";
import { LIBRARY_YEARS, scheduleLines, type ScheduleError } from "../../working-calendar.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { holidaysData, holidaysLoadData, holidaysYearData, menuData } from "../keyboards/org-data.js";
import { guard, idOf, needCalendar, onButton, type LoadedActor } from "../middlewares/guard.js";
import { show } from "../screen.js";
import { download } from "./directory.js";
import { ask, onAnswer } from "./prompts.js";
import { plannerDeps } from "./reminders.js";

export const holidaysFeature = new Composer<BotContext>();
const privateChats = holidaysFeature.chatType("private");

const LOAD_PROMPT = "holidays.load";
/** A year's schedule is a few dozen lines; a file much larger than this is something else. */
const MAX_FILE_BYTES = 64 * 1024;
/** Lines listed in one message (refused lines, a year's entries), each cut to MAX_LINE_CHARS: under Telegram's 4096 (B1). */
const MAX_LISTED_LINES = 30;
const MAX_LINE_CHARS = 80;
const YEAR_BUTTONS_PER_ROW = 3;

const cut = (line: string): string => (line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line);

/** Up to MAX_LISTED_LINES lines, and how many more were left out. */
function listed(ctx: BotContext, lines: string[]): string {
  const more = lines.length > MAX_LISTED_LINES ? `\n${ctx.t("holidays-more", { count: lines.length - MAX_LISTED_LINES })}` : "";
  return `${lines.slice(0, MAX_LISTED_LINES).join("\n")}${more}`;
}

function yearButtons(ctx: BotContext, keyboard: InlineKeyboard, years: number[]): InlineKeyboard {
  years.forEach((year, i) => {
    keyboard.text(ctx.t("btn-holidays-year", { year: String(year) }), holidaysYearData.pack({ year }));
    if ((i + 1) % YEAR_BUTTONS_PER_ROW === 0 || i === years.length - 1) keyboard.row();
  });
  return keyboard;
}

async function showOverview(ctx: BotContext, _scope: null, actor: LoadedActor): Promise<void> {
  const { db, clock } = ctx.deps;
  const loaded = await loadedYearCounts(db);
  const calendar = await loadWorkingCalendar(db, true);
  const current = yearOf(localDateOf(clock.now(), ctx.config.DEFAULT_TIME_ZONE));
  const unknown = [current, current + 1].filter((year) => !calendar.knowsYear(year));
  const library = [...LIBRARY_YEARS];
  const status = unknown.length > 0
    ? unknown.map((year) => ctx.t("holidays-year-unknown", { year: String(year) }))
    : [ctx.t("holidays-next-known", { year: String(current + 1) })];
  const text = [
    ctx.t("holidays-title"),
    ctx.t("holidays-library", { value: `${Math.min(...library)}–${Math.max(...library)}` }),
    loaded.length === 0
      ? ctx.t("holidays-loaded-none")
      : ctx.t("holidays-loaded", { lines: loaded.map((y) => ctx.t("holidays-loaded-year", { year: String(y.year), count: y.days })).join("\n") }),
    "",
    ...status,
    "",
    ctx.t("holidays-format", { year: String(unknown[0] ?? current + 1) }),
  ].join("\n");
  const keyboard = yearButtons(ctx, new InlineKeyboard().text(ctx.t("btn-holidays-load"), holidaysLoadData.pack({ year: 0 })).row(), loaded.map((y) => y.year));
  if (adminRegionIds(actor).length > 0) keyboard.text(ctx.t("btn-back"), menuData.pack({}));
  await show(ctx, text, keyboard);
}

privateChats.command("holidays", guard(needCalendar, showOverview));
onButton(holidaysFeature, holidaysData, () => needCalendar(), (ctx, scope, { actor }) => showOverview(ctx, scope, actor));

// One loaded year, in the very format it is loaded in, so it can be copied, corrected and sent back.
onButton(
  holidaysFeature,
  holidaysYearData,
  () => needCalendar(),
  async (ctx, _scope, { data }) => {
    const year = idOf(data.year);
    if (year === null) return;
    const days = await loadedDays(ctx.deps.db, year);
    const lines = scheduleLines(days).map((line) => escapeHtml(cut(line)));
    const body = days.length === 0 ? ctx.t("holidays-year-empty", { year: String(year) }) : `<pre>${listed(ctx, lines)}</pre>`;
    const keyboard = new InlineKeyboard()
      .text(ctx.t("btn-holidays-reload", { year: String(year) }), holidaysLoadData.pack({ year })).row()
      .text(ctx.t("btn-back"), holidaysData.pack({}));
    await show(ctx, `${ctx.t("holidays-year-title", { year: String(year), count: days.length })}\n${body}`, keyboard);
  },
);

/** An operator may never have joined a county; the question waits under their person record. */
async function asPerson(ctx: BotContext): Promise<void> {
  if (ctx.person || !ctx.from) return;
  const person = await ensurePerson(ctx.deps.db, { telegramUserId: ctx.from.id, firstName: ctx.from.first_name, lastName: ctx.from.last_name, username: ctx.from.username });
  ctx.person = { id: person.id, name: person.name, locale: person.locale };
}

onButton(
  holidaysFeature,
  holidaysLoadData,
  () => needCalendar(),
  async (ctx, _scope, { data }) => {
    await asPerson(ctx);
    const year = idOf(data.year);
    const question = year === null
      ? ctx.t("holidays-ask")
      : ctx.t("holidays-ask-reload", { year: String(year), count: (await loadedDays(ctx.deps.db, year)).length });
    await ask(ctx, LOAD_PROMPT, {}, question);
  },
);

/** The text of an uploaded .txt (UTF-8 or GBK), or null once the admin is told why not and asked again. */
async function readScheduleFile(ctx: BotContext, document: Document): Promise<string | null> {
  const name = document.file_name ?? "";
  const refuse = async (reason: string): Promise<null> => {
    await ask(ctx, LOAD_PROMPT, {}, ctx.t("holidays-file-refused", { name: escapeHtml(name), reason }));
    return null;
  };
  if (!/\.txt$/i.test(name)) return refuse("unsupported-format");
  if ((document.file_size ?? 0) > MAX_FILE_BYTES) return refuse("too-large");
  const bytes = await download(ctx, document);
  if (bytes.length > MAX_FILE_BYTES) return refuse("too-large");
  const read = await readReport(bytes, name);
  return read.ok ? read.text : refuse(read.error.code);
}

function refusal(ctx: BotContext, errors: ScheduleError[]): string {
  const lines = errors.map((e) => ctx.t("holidays-line-error", { row: e.line, problem: e.problem, value: escapeHtml(cut(e.text)) }));
  return `${ctx.t("holidays-rejected", { count: errors.length })}\n${listed(ctx, lines)}`;
}

/**
 * Re-plans the reminders of the counties that follow the working calendar, tasks and
 * household duties: one planning pass per open task (about 10 ms each on SQLite), no more
 * than the hourly job does for every county anyway.
 */
async function replan(ctx: BotContext): Promise<number> {
  const { db } = ctx.deps;
  const deps = plannerDeps(ctx);
  const open = await db.assignment.findMany({ where: { state: { in: [...OPEN_STATES] }, unit: { region: { workingCalendar: true } } }, select: { id: true } });
  for (const a of open) await planAssignmentReminders(deps, a.id);
  const withHouseholds = await db.region.findMany({ where: { workingCalendar: true, households: { some: { active: true } } }, select: { id: true } });
  for (const region of withHouseholds) await planHouseholdReminders(deps, region.id);
  return open.length;
}

async function load(ctx: BotContext, actor: LoadedActor, text: string): Promise<void> {
  const result = await loadHolidaySchedule(ctx.deps.db, ctx.deps.clock, text, actor.personId);
  if (!result.ok) {
    await ask(ctx, LOAD_PROMPT, {}, result.errors.length === 0 ? ctx.t("holidays-empty") : refusal(ctx, result.errors));
    return;
  }
  const counts = new Map((await loadedYearCounts(ctx.deps.db)).map((y) => [y.year, y.days]));
  const lines = result.years.map((year) => ctx.t("holidays-loaded-ok", { year: String(year), count: counts.get(year) ?? 0 }));
  const keyboard = yearButtons(ctx, new InlineKeyboard(), result.years).text(ctx.t("btn-holidays"), holidaysData.pack({}));
  // The schedule is stored: say so before re-planning, which takes a while with many open tasks.
  await show(ctx, lines.join("\n"), keyboard);
  await ctx.reply(ctx.t("holidays-replanned", { assignments: await replan(ctx) }));
}

onAnswer(LOAD_PROMPT, "text-or-document", (ctx, _payload, answer) =>
  guard(
    needCalendar,
    async (c, _scope, actor) => {
      const text = answer.document ? await readScheduleFile(c, answer.document) : answer.text ?? "";
      if (text !== null) await load(c, actor, text);
    },
    `prompt:${LOAD_PROMPT}`,
  )(ctx),
);
