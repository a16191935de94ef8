// The buttons under a reminder, in the recipient's language. An assignee answers a reminder
// where it arrives: its status (the task card's own buttons) or a snooze; a check-in offers
// the whole card's buttons with the checklist, like a stand-up bot; a supervisor's
// escalation opens the task. A reminder merged with others (L2) offers the person's task
// list instead, since the individual buttons would not fit.
import { callbackData } from "../bot/callback-data.js";
import { taskListData, taskViewData } from "../bot/keyboards/lifecycle-data.js";
import type { ReminderKind, SnoozeOption } from "../domain/reminder-plan.js";
import type { ButtonSpec } from "../scheduler/outbox.js";
import { renderTaskCard, taskAction, type TaskCardData } from "./task-card.js";
import type { T } from "./translate.js";

export const snoozeData = callbackData("snz", ["assignment", "option"]);

const SNOOZE_OPTIONS: ReadonlyArray<{ option: SnoozeOption; label: string }> = [
  { option: "hour", label: "reminder-btn-snooze-hour" },
  { option: "tomorrow", label: "reminder-btn-snooze-tomorrow" },
  { option: "next-working-day", label: "reminder-btn-snooze-working-day" },
];

/** The snooze option a button names, or null for data no button of ours carries. */
export function snoozeOptionOf(value: string): SnoozeOption | null {
  return SNOOZE_OPTIONS.find((s) => s.option === value)?.option ?? null;
}

export function isSnoozeButton(data: string): boolean {
  return snoozeData.filter.test(data);
}

export interface ReminderButtons {
  buttons: ButtonSpec[][];
  /** What the message offers when merged with others for the same person. */
  mergedButtons: ButtonSpec[][];
}

export function reminderButtons(t: T, kind: ReminderKind, card: TaskCardData): ReminderButtons {
  const id = card.assignmentId;
  if (kind === "escalation") {
    const view = [[{ text: t("reminder-btn-view-task", { id }), data: taskViewData.pack({ assignment: id }) }]];
    return { buttons: view, mergedButtons: view };
  }
  const filter = kind === "overdue" ? "overdue" : "all";
  const mergedButtons = [[{ text: t("reminder-btn-my-tasks", { filter }), data: taskListData.pack({ filter, meeting: 0, page: 0 }) }]];
  if (kind === "check-in") return { buttons: renderTaskCard(t, card).buttons, mergedButtons };
  const status = (["start", "done", "block"] as const).map((action) => ({
    text: t(action === "done" ? "btn-task-done" : `btn-${action}`),
    data: taskAction.pack({ id, action }),
  }));
  const snooze = SNOOZE_OPTIONS.map((s) => ({ text: t(s.label), data: snoozeData.pack({ assignment: id, option: s.option }) }));
  return { buttons: [status, snooze], mergedButtons };
}
