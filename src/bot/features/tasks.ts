// The buttons of a task card (签收, 进行中, 已完成, 有困难, 申请延期), its checklist ticks, and
// replies to a card, which attach a status update with evidence (痕迹). Every press goes
// through the idempotent services, so a double tap or a replayed update changes nothing twice.
import { Composer } from "grammy";
import type { Message } from "grammy/types";
import { isAssignmentAction } from "../../domain/assignment-state.js";
import { taskAction, taskTick } from "../../messages/task-card.js";
import { actOnAssignment, addEvidence, toggleTick } from "../../services/assignments.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { guard, guardButton, idOf } from "../middlewares/guard.js";
import { needAssignment, type AssignmentScope } from "../middlewares/lifecycle-needs.js";
import { superviseData } from "../keyboards/lifecycle-data.js";
import { refreshCard } from "../keyboards/task.js";
import { notify, supervisorsOf } from "../notify.js";
import { clip } from "../plan-pages.js";
import { ask } from "./prompts.js";
import { replanReminders } from "./reminders.js";

export const tasksFeature = new Composer<BotContext>();

/** Status changes reach supervisors in one batch per this window instead of one message per tap. */
const DIGEST_WINDOW_MS = 30 * 60_000;
const TASK_TEXT_CHARS = 80;

export function taskLabel(a: AssignmentScope): { id: number; unit: string; text: string } {
  return { id: a.id, unit: escapeHtml(a.unit.name), text: escapeHtml(clip(a.directive.text, TASK_TEXT_CHARS)) };
}

/** 办结 waiting for 销号: the unit head and the admins get the card's facts with close / send back. */
async function askToClose(ctx: BotContext, a: AssignmentScope, who: string): Promise<void> {
  await notify(ctx, await supervisorsOf(ctx, a.unit.regionId, a.unitId), {
    kind: "close-request",
    key: `close:${a.id}:${ctx.deps.clock.now().getTime()}`,
    assignmentId: a.id,
    render: (t) => ({
      text: t("close-request", { ...taskLabel(a), who: escapeHtml(who) }),
      buttons: [[
        { text: t("btn-close"), data: superviseData.pack({ assignment: a.id, action: "close" }) },
        { text: t("btn-reopen"), data: superviseData.pack({ assignment: a.id, action: "reopen" }) },
      ]],
    }),
  });
}

async function queueStatusLine(ctx: BotContext, a: AssignmentScope, state: string, who: string): Promise<void> {
  const now = ctx.deps.clock.now();
  const supervisors = (await supervisorsOf(ctx, a.unit.regionId, a.unitId)).filter((s) => s.personId !== ctx.person?.id);
  await notify(ctx, supervisors, {
    kind: "status-change",
    key: `status:${a.id}:${state}:${ctx.person?.id ?? 0}:${now.getTime()}`,
    assignmentId: a.id,
    render: (t) => {
      const line = t("status-line", { ...taskLabel(a), who: escapeHtml(who), state });
      return { text: line, line };
    },
    dueAt: new Date(now.getTime() + DIGEST_WINDOW_MS),
  });
}

/** The card's own buttons (src/messages/task-card.ts) name the assignment `id`. */
const byCardId = (ctx: BotContext, data: { id: string }) => needAssignment(ctx, idOf(data.id));

tasksFeature.callbackQuery(
  taskAction.filter,
  guardButton(taskAction, byCardId, async (ctx, a, { actor, data }) => {
    const action = data.action;
    // The card's message id rides along, so the card can show the new state once the reason is in.
    const card = ctx.callbackQuery.message?.message_id ?? 0;
    const cardChat = ctx.callbackQuery.message?.chat.id ?? 0;
    if (action === "block") return ask(ctx, "task.block", { assignment: a.id, card, cardChat }, ctx.t("ask-block-reason", taskLabel(a)));
    if (action === "extend") return ask(ctx, "task.extend.date", { assignment: a.id }, ctx.t("ask-extension-date", taskLabel(a)));
    if (!isAssignmentAction(action) || actor.personId === null || action === "close" || action === "reopen") return;
    const result = await actOnAssignment(ctx.deps.db, ctx.deps.clock, { assignmentId: a.id, personId: actor.personId, action });
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: ctx.t("task-refused", { reason: result.reason }), show_alert: true });
      return;
    }
    const who = ctx.person?.name ?? "";
    await ctx.answerCallbackQuery({ text: result.changed ? ctx.t("task-acted", { action: result.closedAutomatically ? "closed" : action }) : ctx.t("task-unchanged") });
    if (result.changed && result.state === "done") await askToClose(ctx, a, who);
    else if (result.changed) await queueStatusLine(ctx, a, action === "ack" ? "acknowledged" : result.state, who);
    // Finished work stops reminding; open work's check-in counts from this update.
    if (result.changed) await replanReminders(ctx, [a.id]);
    await refreshCard(ctx, a.id);
  }),
);

tasksFeature.callbackQuery(
  taskTick.filter,
  guardButton(taskTick, byCardId, async (ctx, a, { actor, data }) => {
    const item = idOf(data.item);
    if (item === null || actor.personId === null) return;
    const ticked = await toggleTick(ctx.deps.db, ctx.deps.clock, { assignmentId: a.id, directiveId: item, personId: actor.personId });
    await ctx.answerCallbackQuery(ticked === null ? { text: ctx.t("task-refused", { reason: "closed" }), show_alert: true } : {});
    await refreshCard(ctx, a.id);
  }),
);

/** The assignment whose card (as sent through the outbox to this chat) a message replies to. */
async function repliedCard(ctx: BotContext, replied: Message): Promise<number | null> {
  if (!ctx.chat) return null;
  const row = await ctx.deps.db.outboxMessage.findFirst({
    where: { address: String(ctx.chat.id), providerMessageId: String(replied.message_id), kind: "task-card", assignmentId: { not: null } },
  });
  return row?.assignmentId ?? null;
}

/** File ids of a message's evidence: the largest size of a photo, or the document. */
function evidenceOf(message: Message): string[] {
  const photo = message.photo?.at(-1);
  if (photo) return [photo.file_id];
  return message.document ? [message.document.file_id] : [];
}

tasksFeature.on(["message:text", "message:photo", "message:document"], async (ctx, next) => {
  const replied = ctx.msg.reply_to_message;
  if (!replied || replied.from?.id !== ctx.me.id) return next();
  const assignmentId = await repliedCard(ctx, replied);
  if (assignmentId === null) return next();
  await guard(
    (c) => needAssignment(c, assignmentId),
    async (c, a, actor) => {
      if (actor.personId === null) return;
      const note = (ctx.msg.text ?? ctx.msg.caption ?? "").trim() || null;
      const files = evidenceOf(ctx.msg);
      await addEvidence(c.deps.db, c.deps.clock, { assignmentId: a.id, personId: actor.personId, note, fileIds: files });
      await c.reply(c.t("update-recorded", { id: a.id, files: files.length }), { reply_parameters: { message_id: ctx.msg.message_id } });
    },
    "reply:task-card",
  )(ctx);
});
