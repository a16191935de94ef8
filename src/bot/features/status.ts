// Where things stand: /tasks lists my units' open tasks (all, overdue, due within a week, or
// of one meeting), /task <n> shows a task's trail (every state change, update and evidence,
// who and when), and supervisors see who has not signed and re-send the card to them only.
import { Composer, InlineKeyboard } from "grammy";
import { ASSIGNMENT_STATES } from "../../domain/assignment-state.js";
import { TASK_ROLES } from "../../domain/permissions.js";
import { loadTaskCard, renderTaskCard } from "../../messages/task-card.js";
import { assignmentHistory, notSigned } from "../../services/assignments.js";
import { localDateOf, localMinutesOf } from "../../time.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { guard, guardButton, idOf } from "../middlewares/guard.js";
import { byAssignment, byAssignmentLead, needAssignment, type AssignmentScope } from "../middlewares/lifecycle-needs.js";
import { notSignedData, resendData, taskListData, taskViewData } from "../keyboards/lifecycle-data.js";
import { addPager, pageWindow } from "../keyboards/pages.js";
import { cardMessage } from "../keyboards/task.js";
import { notify, personRecipient } from "../notify.js";
import { clip } from "../plan-pages.js";
import { show } from "../screen.js";
import { taskLabel } from "./tasks.js";

export const statusFeature = new Composer<BotContext>();

const OPEN_STATES = ASSIGNMENT_STATES.filter((s) => s !== "done" && s !== "closed");
/** The trail shown is the latest this many steps, which keeps it within one message. */
const HISTORY_STEPS = 40;
const FILTERS = ["all", "overdue", "week"] as const;

async function myUnitIds(ctx: BotContext): Promise<number[]> {
  if (!ctx.person) return [];
  const { db } = ctx.deps;
  const [memberships, headed] = await Promise.all([
    db.membership.findMany({ where: { personId: ctx.person.id, role: { in: [...TASK_ROLES] }, unitId: { not: null } } }),
    db.unit.findMany({ where: { headPersonId: ctx.person.id } }),
  ]);
  return [...new Set([...memberships.flatMap((m) => (m.unitId === null ? [] : [m.unitId])), ...headed.map((u) => u.id)])];
}

async function showTaskList(ctx: BotContext, filter: string, meetingId: number, requested: number): Promise<void> {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const units = await myUnitIds(ctx);
  const base = { unitId: { in: units }, state: { in: [...OPEN_STATES] } };
  const where = {
    ...base,
    ...(filter === "overdue" ? { dueAt: { lt: now } } : {}),
    ...(filter === "week" ? { dueAt: { gte: now, lte: new Date(now.getTime() + 7 * 86_400_000) } } : {}),
    ...(filter === "meeting" ? { directive: { meetingId } } : {}),
  };
  const total = await db.assignment.count({ where });
  const window = pageWindow(requested, total);
  const rows = await db.assignment.findMany({
    where,
    include: { unit: true, directive: { include: { meeting: { include: { region: true } } } } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    skip: window.skip,
    take: window.take,
  });
  const lines = rows.map((a) => {
    const due = a.dueAt ? localDateOf(a.dueAt, a.directive.meeting.region.timeZone) : ctx.t("card-no-due");
    const late = a.dueAt && a.dueAt < now ? ctx.t("task-overdue") : "";
    return ctx.t("task-line", { ...taskLabel(a), due, state: a.state, late });
  });
  const keyboard = new InlineKeyboard();
  rows.forEach((a, i) => {
    if (i > 0 && i % 4 === 0) keyboard.row();
    keyboard.text(`#${a.id}`, taskViewData.pack({ assignment: a.id }));
  });
  addPager(keyboard.row(), window, (page) => taskListData.pack({ filter, meeting: meetingId, page }));
  keyboard.row();
  for (const f of FILTERS) keyboard.text(ctx.t("task-filter", { filter: f }), taskListData.pack({ filter: f, meeting: 0, page: 0 }));
  const meetings = await db.meeting.findMany({ where: { directives: { some: { assignments: { some: base } } } }, orderBy: { id: "desc" }, take: 4 });
  for (const m of meetings) keyboard.row().text(`📋 ${clip(m.title, 24)}`, taskListData.pack({ filter: "meeting", meeting: m.id, page: 0 }));
  const title = ctx.t("tasks-title", { filter, count: total });
  await show(ctx, [title, "", ...(lines.length > 0 ? lines : [ctx.t("tasks-none")])].join("\n"), keyboard);
}

const privateChats = statusFeature.chatType("private");
privateChats.command("tasks", (ctx) => showTaskList(ctx, "all", 0, 0));

statusFeature.callbackQuery(taskListData.filter, async (ctx) => {
  const data = taskListData.unpack(ctx.callbackQuery.data);
  const filter = data?.filter === "meeting" || FILTERS.some((f) => f === data?.filter) ? (data?.filter ?? "all") : "all";
  await showTaskList(ctx, filter, idOf(data?.meeting) ?? 0, Number(data?.page));
});

statusFeature.callbackQuery(
  taskViewData.filter,
  guardButton(taskViewData, byAssignment, async (ctx, a) => {
    const card = await cardMessage(ctx, a.id);
    if (!card) return;
    card.keyboard.row().text(ctx.t("btn-not-signed"), notSignedData.pack({ assignment: a.id }));
    await show(ctx, `${card.text}\n\n${ctx.t("task-history-hint", { id: a.id })}`, card.keyboard);
  }),
);

function localTime(instant: Date, zone: string): string {
  const minutes = localMinutesOf(instant, zone);
  return `${localDateOf(instant, zone)} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

async function historyText(ctx: BotContext, a: AssignmentScope): Promise<string> {
  const zone = a.directive.meeting.region.timeZone;
  const { updates, extensions } = await assignmentHistory(ctx.deps.db, a.id);
  const requesters = await ctx.deps.db.person.findMany({ where: { id: { in: extensions.map((e) => e.requestedById) } } });
  const nameOf = (id: number) => escapeHtml(requesters.find((p) => p.id === id)?.name ?? "—");
  const steps = [
    ...updates.map((u) => ({
      at: u.createdAt,
      text:
        ctx.t("history-update", { who: escapeHtml(u.author?.name ?? "—"), state: u.state ?? "update", files: Array.isArray(u.evidence) ? u.evidence.length : 0 }) +
        (u.note ? ctx.t("history-note", { note: escapeHtml(clip(u.note, 200)) }) : ""),
    })),
    ...extensions.map((e) => ({
      at: e.createdAt,
      text: ctx.t("history-extension", { who: nameOf(e.requestedById), due: localDateOf(e.requestedDueAt, zone), reason: escapeHtml(clip(e.reason, 200)), state: e.state }),
    })),
  ].sort((x, y) => x.at.getTime() - y.at.getTime());
  const shown = steps.slice(-HISTORY_STEPS).map((s) => `• ${localTime(s.at, zone)} ${s.text}`);
  return [
    ctx.t("history-title", { ...taskLabel(a), state: a.state }),
    ctx.t("history-assigned", { at: localTime(a.assignedAt, zone) }),
    ...(steps.length > HISTORY_STEPS ? [ctx.t("history-earlier", { count: steps.length - HISTORY_STEPS })] : []),
    ...shown,
  ].join("\n");
}

privateChats.command(
  "task",
  guard(
    (ctx) => needAssignment(ctx, idOf(ctx.match.trim().replace(/^#/, ""))),
    async (ctx, a) => {
      const keyboard = new InlineKeyboard().text(ctx.t("btn-not-signed"), notSignedData.pack({ assignment: a.id }));
      await ctx.reply(await historyText(ctx, a), { parse_mode: "HTML", reply_markup: keyboard });
    },
    "command:task",
  ),
);

statusFeature.callbackQuery(
  notSignedData.filter,
  guardButton(notSignedData, byAssignmentLead, async (ctx, a) => {
    const people = (await notSigned(ctx.deps.db, a.id)).sort((x, y) => x.id - y.id);
    const names = escapeHtml(people.map((p) => p.name).join("、") || "—");
    const keyboard = new InlineKeyboard();
    if (people.length > 0) keyboard.text(ctx.t("btn-resend"), resendData.pack({ assignment: a.id }));
    await show(ctx, ctx.t("not-signed", { ...taskLabel(a), count: people.length, names }), keyboard);
  }),
);

statusFeature.callbackQuery(
  resendData.filter,
  guardButton(resendData, byAssignmentLead, async (ctx, a) => {
    const card = await loadTaskCard(ctx.deps.db, a.id);
    const people = (await notSigned(ctx.deps.db, a.id)).filter((p) => p.telegramUserId !== null);
    if (!card) return;
    // Like DingTalk's DING: the card again, to those who have not signed only, marked as a reminder.
    const sent = await notify(ctx, people.map((p) => personRecipient(ctx, p)), {
      kind: "task-card",
      key: `ding:${a.id}:${ctx.deps.clock.now().getTime()}`,
      assignmentId: a.id,
      render: (t) => {
        const rendered = renderTaskCard(t, card);
        return { text: `${t("resend-banner")}\n${rendered.text}`, buttons: rendered.buttons };
      },
    });
    await show(ctx, ctx.t("resent", { ...taskLabel(a), count: sent }));
  }),
);
