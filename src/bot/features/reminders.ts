// Reminders from the bot's side: the snooze buttons under a reminder (1 hour, tomorrow, the
// next working day), and re-planning an assignment's reminders when a press changed what
// they depend on (published, a new state, a new deadline). Status buttons on a reminder are
// the task card's own and are handled with the card (tasks.ts).
import { Composer, GrammyError } from "grammy";
import { isOpen } from "../../domain/assignment-state.js";
import { isSnoozeButton, snoozeData, snoozeOptionOf } from "../../messages/reminder-buttons.js";
import { planAssignmentReminders, snoozeAssignment, type PlannerDeps } from "../../scheduler/reminder-planner.js";
import { audit } from "../../services/audit.js";
import { localDateOf, localMinutesOf } from "../../time.js";
import type { BotContext } from "../context.js";
import { idOf, onButton } from "../middlewares/guard.js";
import { needAssignment } from "../middlewares/lifecycle-needs.js";
import { storeOf } from "../notify.js";
import { translatorFor } from "../translator.js";

export const remindersFeature = new Composer<BotContext>();

/** What the planners need, from a bot update's context. */
export function plannerDeps(ctx: BotContext): PlannerDeps {
  return { store: storeOf(ctx), clock: ctx.deps.clock, translate: translatorFor(ctx.config.DEFAULT_LOCALE), defaultLocale: ctx.config.DEFAULT_LOCALE };
}

/** Plans the reminders of assignments again; finished ones lose their pending reminders. */
export async function replanReminders(ctx: BotContext, assignmentIds: readonly number[]): Promise<void> {
  const deps = plannerDeps(ctx);
  for (const id of assignmentIds) await planAssignmentReminders(deps, id);
}

/** A published meeting's assignments get their reminders at once, not at the next planning tick. */
export async function planMeetingReminders(ctx: BotContext, meetingId: number): Promise<void> {
  const assignments = await ctx.deps.db.assignment.findMany({ where: { directive: { meetingId } }, select: { id: true } });
  await replanReminders(ctx, assignments.map((a) => a.id));
}

/** The snooze row has done its job; a second press or a replay finds it gone already (F18). */
async function dropSnoozeRow(ctx: BotContext): Promise<void> {
  const keyboard = ctx.callbackQuery?.message?.reply_markup?.inline_keyboard;
  if (!keyboard) return;
  const kept = keyboard.filter((row) => !row.some((b) => "callback_data" in b && isSnoozeButton(b.callback_data)));
  if (kept.length === keyboard.length) return;
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: kept } });
  } catch (error) {
    if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
  }
}

onButton(
  remindersFeature,
  snoozeData,
  // Data naming no snooze option of ours names nothing, like an unknown id.
  async (ctx, data) => (snoozeOptionOf(data.option) === null ? null : needAssignment(ctx, idOf(data.assignment))),
  async (ctx, a, { actor, data }) => {
    const option = snoozeOptionOf(data.option);
    if (option === null) return;
    if (!isOpen(a.state)) {
      await ctx.answerCallbackQuery({ text: ctx.t("reminder-snooze-finished") });
      await dropSnoozeRow(ctx);
      return;
    }
    const until = await snoozeAssignment(plannerDeps(ctx), a.id, option);
    await audit(ctx.deps.db, ctx.deps.clock, {
      actorId: actor.personId,
      regionId: a.unit.regionId,
      action: "assignment.snooze",
      subject: `assignment:${a.id}`,
      details: { option, until: until.toISOString() },
    });
    const zone = a.directive.meeting.region.timeZone;
    const date = localDateOf(until, zone);
    const minutes = localMinutesOf(until, zone);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    await ctx.answerCallbackQuery({ text: ctx.t("reminder-snoozed", { date, month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)), time }) });
    await dropSnoozeRow(ctx);
  },
);
