// Reviewing a draft in chat: page through the plan, open a directive, correct it (drop,
// merge with the next, evidence, unknown unit names, typed text), then publish or cancel.
// Every edit is a service call on the stored draft, so drafts survive a restart.
import { Composer, InlineKeyboard } from "grammy";
import { cancelDraft, reviewDirective, unitPlanOf, type ReviewEdit } from "../../services/meetings.js";
import { publishMeeting, type PublishResult } from "../../services/publish.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { guard, guardButton, idOf } from "../middlewares/guard.js";
import { byDirective, byMeeting, needDirective } from "../middlewares/lifecycle-needs.js";
import { cancelDraftData, directiveData, directiveEditData, planPageData, publishData, unknownUnitData } from "../keyboards/lifecycle-data.js";
import { storeOf } from "../notify.js";
import { showDirective, showPlan } from "../review-screens.js";
import { show } from "../screen.js";
import { translatorFor } from "../translator.js";
import { ask, onAnswer } from "./prompts.js";
import { planMeetingReminders } from "./reminders.js";

export const reviewFeature = new Composer<BotContext>();

reviewFeature.callbackQuery(
  planPageData.filter,
  guardButton(planPageData, byMeeting, (ctx, meeting, { data }) => showPlan(ctx, meeting.id, Number(data.page))),
);

reviewFeature.callbackQuery(
  directiveData.filter,
  guardButton(directiveData, byDirective, (ctx, d) => showDirective(ctx, d.id)),
);

/** Applies an edit and shows its outcome: the directive again (the plan after a drop), or why nothing changed. */
export async function applyEdit(ctx: BotContext, directive: { id: number; meetingId: number }, edit: ReviewEdit, actorId: number | null): Promise<void> {
  const result = await reviewDirective(ctx.deps.db, ctx.deps.clock, directive.id, edit, actorId);
  if (!result.ok) {
    const text = ctx.t("review-refused", { reason: result.reason });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else await ctx.reply(text);
    return;
  }
  if (edit.kind === "drop") await showPlan(ctx, directive.meetingId, 0);
  else await showDirective(ctx, directive.id);
}

const SIMPLE_EDITS: Record<string, ReviewEdit> = {
  drop: { kind: "drop" },
  merge: { kind: "merge-next" },
  evidence: { kind: "evidence" },
  nodate: { kind: "confirm-no-date" },
  clear: { kind: "deadline", deadline: null },
};

reviewFeature.callbackQuery(
  directiveEditData.filter,
  guardButton(directiveEditData, byDirective, async (ctx, d, { actor, data }) => {
    const edit = data.edit;
    if (edit === "text") return ask(ctx, "review.text", { directive: d.id }, ctx.t("ask-directive-text", { text: escapeHtml(d.text.slice(0, 500)) }));
    if (edit === "newunit") return ask(ctx, "review.newunit", { directive: d.id }, ctx.t("ask-new-unit"));
    if (edit === "date") return ask(ctx, "review.date", { directive: d.id }, ctx.t("ask-directive-date"));
    const simple = SIMPLE_EDITS[edit];
    if (simple) await applyEdit(ctx, d, simple, actor.personId);
  }),
);

onAnswer("review.text", "text", (ctx, payload, answer) =>
  guard((c) => needDirective(c, idOf(payload.directive)), (c, d, actor) => applyEdit(c, d, { kind: "text", text: answer.text ?? "" }, actor.personId), "prompt:review.text")(ctx),
);

reviewFeature.callbackQuery(
  unknownUnitData.filter,
  guardButton(unknownUnitData, byDirective, async (ctx, d, { actor, data }) => {
    // The index names a place in the plan as it was shown; if the name there is no longer unknown, the button is stale.
    const choice = unitPlanOf(d)[Number(data.index)];
    if (!choice || choice.unitId !== null) return showDirective(ctx, d.id);
    const edit: ReviewEdit = data.action === "create" ? { kind: "create-unit", name: choice.name } : { kind: "drop-unknown", name: choice.name };
    await applyEdit(ctx, d, edit, actor.personId);
  }),
);

function publishReport(ctx: BotContext, result: Extract<PublishResult, { ok: true }>): string {
  return ctx.t("published", { assignments: result.assignments, cards: result.cards, unassigned: result.unassigned });
}

reviewFeature.callbackQuery(
  publishData.filter,
  guardButton(publishData, byMeeting, async (ctx, meeting, { actor }) => {
    const result = await publishMeeting(storeOf(ctx), ctx.deps.clock, {
      meetingId: meeting.id,
      actorId: actor.personId,
      translate: translatorFor(ctx.config.DEFAULT_LOCALE),
      defaultLocale: ctx.config.DEFAULT_LOCALE,
    });
    if (result.ok) {
      await show(ctx, publishReport(ctx, result));
      return planMeetingReminders(ctx, meeting.id);
    }
    if (result.reason === "not-draft") return show(ctx, ctx.t("review-not-draft", { state: meeting.state }));
    const keyboard = new InlineKeyboard();
    const first = result.problems.vague[0] ?? result.problems.unknownUnits[0]?.directiveId;
    if (first !== undefined) keyboard.text(ctx.t("btn-first-problem"), directiveData.pack({ directive: first })).row();
    keyboard.text(ctx.t("btn-back-plan"), planPageData.pack({ meeting: meeting.id, page: 0 }));
    const names = [...new Set(result.problems.unknownUnits.map((u) => u.name))];
    await show(ctx, ctx.t("publish-problems", { vague: result.problems.vague.length, unknown: names.length, names: escapeHtml(names.join("、") || "—") }), keyboard);
  }),
);

reviewFeature.callbackQuery(
  cancelDraftData.filter,
  guardButton(cancelDraftData, byMeeting, async (ctx, meeting, { actor }) => {
    const cancelled = await cancelDraft(ctx.deps.db, ctx.deps.clock, meeting.id, actor.personId);
    await show(ctx, cancelled ? ctx.t("draft-cancelled", { title: escapeHtml(meeting.title) }) : ctx.t("review-not-draft", { state: meeting.state }));
  }),
);
