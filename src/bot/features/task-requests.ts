// What a unit asks of its supervisors and what they answer: 有困难 (a reason, alerting the
// unit head and the admins), 申请延期 (a new date and a reason; the admin approves, which
// moves the deadline and re-plans the reminders, or rejects; the requester is told), and
// 销号 or sending a finished task back.
import { Composer } from "grammy";
import { parseTypedDate } from "../../domain/typed-date.js";
import { actOnAssignment, decideExtension, requestExtension } from "../../services/assignments.js";
import { endOfLocalDay, localDateOf } from "../../time.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { guard, guardButton, idOf } from "../middlewares/guard.js";
import { byAssignmentLead, needAssignment, needExtensionRequest, type AssignmentScope } from "../middlewares/lifecycle-needs.js";
import { extensionDecisionData, superviseData } from "../keyboards/lifecycle-data.js";
import { notify, personRecipient, supervisorsOf } from "../notify.js";
import { refreshCardMessage } from "../keyboards/task.js";
import { show } from "../screen.js";
import { ask, onAnswer } from "./prompts.js";
import { replanReminders } from "./reminders.js";
import { taskLabel } from "./tasks.js";

export const taskRequestsFeature = new Composer<BotContext>();

const REASON_CHARS = 500;
const zoneOf = (a: AssignmentScope) => a.directive.meeting.region.timeZone;

onAnswer("task.block", "text", (ctx, payload, answer) =>
  guard(
    (c) => needAssignment(c, idOf(payload.assignment)),
    async (c, a, actor) => {
      const reason = (answer.text ?? "").trim().slice(0, REASON_CHARS);
      if (actor.personId === null || reason === "") return;
      const result = await actOnAssignment(c.deps.db, c.deps.clock, { assignmentId: a.id, personId: actor.personId, action: "block", note: reason });
      if (!result.ok) {
        await c.reply(c.t("task-refused", { reason: result.reason }));
        return;
      }
      if (result.changed) {
        await notify(c, await supervisorsOf(c, a.unit.regionId, a.unitId), {
          kind: "alert-blocked",
          key: `blocked:${a.id}:${c.deps.clock.now().getTime()}`,
          assignmentId: a.id,
          render: (t) => ({ text: t("alert-blocked", { ...taskLabel(a), who: escapeHtml(c.person?.name ?? ""), reason: escapeHtml(reason) }) }),
        });
      }
      if (result.changed) await replanReminders(c, [a.id]);
      await c.reply(c.t(result.changed ? "blocked-recorded" : "task-unchanged"));
      const card = idOf(payload.card);
      const cardChat = Number(payload.cardChat);
      if (card !== null && Number.isSafeInteger(cardChat)) await refreshCardMessage(c, cardChat, card, a.id);
    },
    "prompt:task.block",
  )(ctx),
);

onAnswer("task.extend.date", "text", (ctx, payload, answer) =>
  guard(
    (c) => needAssignment(c, idOf(payload.assignment)),
    async (c, a) => {
      const date = parseTypedDate(answer.text ?? "", localDateOf(c.deps.clock.now(), zoneOf(a)));
      if (!date) return ask(c, "task.extend.date", { assignment: a.id }, c.t("bad-date", { text: escapeHtml((answer.text ?? "").slice(0, 40)) }));
      await ask(c, "task.extend.reason", { assignment: a.id, date }, c.t("ask-extension-reason", { due: date }));
    },
    "prompt:task.extend.date",
  )(ctx),
);

onAnswer("task.extend.reason", "text", (ctx, payload, answer) =>
  guard(
    (c) => needAssignment(c, idOf(payload.assignment)),
    async (c, a, actor) => {
      const reason = (answer.text ?? "").trim().slice(0, REASON_CHARS);
      const date = String(payload.date ?? "");
      if (actor.personId === null || reason === "") return;
      const result = await requestExtension(c.deps.db, c.deps.clock, { assignmentId: a.id, personId: actor.personId, dueAt: endOfLocalDay(date, zoneOf(a)), reason });
      if (!result.ok) {
        await c.reply(c.t("extension-refused", { reason: result.reason }));
        return;
      }
      const admins = await supervisorsOf(c, a.unit.regionId, null);
      const current = a.dueAt ? localDateOf(a.dueAt, zoneOf(a)) : "—";
      await notify(c, admins, {
        kind: "extension-request",
        key: `extension:${result.requestId}`,
        assignmentId: a.id,
        render: (t) => ({
          text: t("extension-request", { ...taskLabel(a), who: escapeHtml(c.person?.name ?? ""), due: date, current, reason: escapeHtml(reason) }),
          buttons: [[
            { text: t("btn-approve"), data: extensionDecisionData.pack({ request: result.requestId, decision: "yes" }) },
            { text: t("btn-reject"), data: extensionDecisionData.pack({ request: result.requestId, decision: "no" }) },
          ]],
        }),
      });
      await c.reply(c.t("extension-sent", { due: date }));
    },
    "prompt:task.extend.reason",
  )(ctx),
);

type ExtensionScope = NonNullable<Awaited<ReturnType<typeof needExtensionRequest>>>["scope"];

/** After a decision: an approved date re-plans the reminders; the requester learns either way. */
async function followDecision(ctx: BotContext, request: ExtensionScope, approved: boolean, state: string): Promise<void> {
  if (approved) await replanReminders(ctx, [request.assignmentId]);
  const requester = await ctx.deps.db.person.findUnique({ where: { id: request.requestedById } });
  if (!requester?.telegramUserId) return;
  const region = await ctx.deps.db.region.findUniqueOrThrow({ where: { id: request.assignment.unit.regionId } });
  const due = localDateOf(request.requestedDueAt, region.timeZone);
  await notify(ctx, [personRecipient(ctx, requester)], {
    kind: "extension-decision",
    key: `extension-decided:${request.id}`,
    assignmentId: request.assignmentId,
    render: (t) => ({ text: t("extension-decided", { id: request.assignmentId, due, state }) }),
  });
}

taskRequestsFeature.callbackQuery(
  extensionDecisionData.filter,
  guardButton(extensionDecisionData, (ctx, data) => needExtensionRequest(ctx, idOf(data.request)), async (ctx, request, { actor, data }) => {
    if (actor.personId === null) return;
    const approve = data.decision === "yes";
    const decided = await decideExtension(ctx.deps.db, ctx.deps.clock, { requestId: request.id, approve, deciderId: actor.personId });
    // A second press (or a second admin) finds the request decided and changes nothing.
    if (decided.changed) await followDecision(ctx, request, approve, decided.request.state);
    await show(ctx, ctx.t("extension-decision-shown", { id: request.assignmentId, state: decided.request.state }));
  }),
);

taskRequestsFeature.callbackQuery(
  superviseData.filter,
  guardButton(superviseData, byAssignmentLead, async (ctx, a, { actor, data }) => {
    const action = data.action === "reopen" ? "reopen" : "close";
    if (actor.personId === null) return;
    const result = await actOnAssignment(ctx.deps.db, ctx.deps.clock, { assignmentId: a.id, personId: actor.personId, action });
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: ctx.t("task-refused", { reason: result.reason }), show_alert: true });
      return;
    }
    // Sent back to the unit, the task is open again and reminds again.
    if (result.changed) await replanReminders(ctx, [a.id]);
    await show(ctx, ctx.t("supervised", { ...taskLabel(a), state: result.state }));
  }),
);
