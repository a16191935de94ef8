// The screens of the draft review: a page of the plan preview, and one directive with
// everything that can be corrected. Both re-read the draft, so two admins see each other's edits.
import type { InlineKeyboard } from "grammy";
import { outlineOf, publishProblems, unitPlanOf } from "../services/meetings.js";
import { localDateOf } from "../time.js";
import type { BotContext } from "./context.js";
import { escapeHtml } from "./html.js";
import { directiveKeyboard, planKeyboard } from "./keyboards/review.js";
import { clip, factsLine, paginate, renderPlanPage, warningLine, warningsOf, type OutlineItem } from "./plan-pages.js";
import { show } from "./screen.js";

/** A directive's full text is cut here, far below Telegram's 4096 characters with the facts around it. */
const DIRECTIVE_TEXT_CHARS = 2500;

async function draftOf(ctx: BotContext, meetingId: number) {
  const meeting = await ctx.deps.db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { region: true } });
  const outline: OutlineItem[] = await outlineOf(ctx.deps.db, meetingId);
  const facts = { title: meeting.title, timeZone: meeting.region.timeZone, meetingDate: meeting.meetingDate, metadata: meeting.metadata };
  return { meeting, outline, facts, pages: paginate(ctx.t, outline, meeting.region.timeZone) };
}

export async function showPlan(ctx: BotContext, meetingId: number, requested: number): Promise<void> {
  const { meeting, outline, facts, pages } = await draftOf(ctx, meetingId);
  const page = Math.min(Math.max(0, Number.isSafeInteger(requested) ? requested : 0), pages.length - 1);
  const text = renderPlanPage(ctx.t, facts, pages, page, outline.length);
  if (meeting.state !== "draft") {
    await show(ctx, `${text}\n\n${ctx.t("review-not-draft", { state: meeting.state })}`);
    return;
  }
  const problems = await publishProblems(ctx.deps.db, meetingId);
  await show(ctx, text, planKeyboard(ctx.t, meetingId, pages[page] ?? [], { page, pages: pages.length }, problems.vague.length + problems.unknownUnits.length));
}

export async function showDirective(ctx: BotContext, directiveId: number): Promise<void> {
  const directive = await ctx.deps.db.directive.findUniqueOrThrow({ where: { id: directiveId } });
  const { meeting, pages } = await draftOf(ctx, directive.meetingId);
  const pageIndex = Math.max(0, pages.findIndex((p) => p.some((d) => d.id === directiveId)));
  const item = pages[pageIndex]?.find((d) => d.id === directiveId);
  if (!item || meeting.state !== "draft") {
    await showPlan(ctx, meeting.id, pageIndex);
    return;
  }
  const zone = meeting.region.timeZone;
  const text = [
    ctx.t("review-directive-title", { number: item.number, speaker: escapeHtml(item.speaker ?? "—") }),
    "",
    `${escapeHtml(item.marker ?? "")}${escapeHtml(clip(item.text, DIRECTIVE_TEXT_CHARS))}`,
    "",
    factsLine(ctx.t, item, zone),
    ...(item.deadline ? [] : directive.deadlineText ? [ctx.t("review-deadline-text", { text: escapeHtml(directive.deadlineText) })] : []),
    ...warningsOf(item.warnings).slice(0, 5).map((w) => warningLine(ctx.t, w, 120)),
  ].join("\n");
  const keyboard: InlineKeyboard = directiveKeyboard(ctx.t, { ...item, unknown: unitPlanOf(item).map((u, index) => ({ ...u, index })).filter((u) => u.unitId === null) }, pageIndex);
  await show(ctx, text, keyboard);
}

/** The local date of a directive's deadline, for the deadline menu. */
export function dueLabel(ctx: BotContext, deadline: Date | null, timeZone: string): string {
  return deadline ? localDateOf(deadline, timeZone) : ctx.t("card-no-due");
}
