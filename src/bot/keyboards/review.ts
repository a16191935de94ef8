// Keyboards of the draft review: the plan page (open a directive, page on, publish, cancel)
// and the corrections of one directive.
import { InlineKeyboard } from "grammy";
import type { T } from "../../messages/translate.js";
import { clip } from "../plan-pages.js";
import {
  cancelDraftData, deadlineMenuData, directiveData, directiveEditData, planPageData, publishData, recurrenceMenuData, unitPickData, unknownUnitData,
} from "./lifecycle-data.js";

/** Numbered buttons per row: five fit a phone's width even for "10.2.3". */
const NUMBERS_PER_ROW = 5;
const NAME_CHARS = 10;

export function planKeyboard(t: T, meetingId: number, items: ReadonlyArray<{ id: number; number: string }>, window: { page: number; pages: number }, problems: number) {
  const keyboard = new InlineKeyboard();
  items.forEach((item, i) => {
    if (i > 0 && i % NUMBERS_PER_ROW === 0) keyboard.row();
    keyboard.text(item.number, directiveData.pack({ directive: item.id }));
  });
  keyboard.row();
  if (window.pages > 1) {
    if (window.page > 0) keyboard.text("◀", planPageData.pack({ meeting: meetingId, page: window.page - 1 }));
    keyboard.text(`${window.page + 1}/${window.pages}`, planPageData.pack({ meeting: meetingId, page: window.page }));
    if (window.page < window.pages - 1) keyboard.text("▶", planPageData.pack({ meeting: meetingId, page: window.page + 1 }));
    keyboard.row();
  }
  return keyboard
    .text(problems > 0 ? t("btn-publish-problems", { count: problems }) : t("btn-publish"), publishData.pack({ meeting: meetingId }))
    .text(t("btn-cancel-draft"), cancelDraftData.pack({ meeting: meetingId }));
}

export interface DirectiveButtons {
  id: number;
  meetingId: number;
  vague: boolean;
  deadline: Date | null;
  requiresEvidence: boolean;
  unknown: ReadonlyArray<{ name: string; index: number }>;
}

export function directiveKeyboard(t: T, d: DirectiveButtons, page: number) {
  const id = { directive: d.id };
  const keyboard = new InlineKeyboard()
    .text(t("btn-review-units"), unitPickData.pack({ ...id, page: 0 }))
    .text(t("btn-deadline"), deadlineMenuData.pack(id))
    .text(t("btn-recurrence"), recurrenceMenuData.pack(id))
    .row()
    .text(t("btn-edit-text"), directiveEditData.pack({ ...id, edit: "text" }))
    .text(t("btn-evidence", { on: d.requiresEvidence ? "yes" : "no" }), directiveEditData.pack({ ...id, edit: "evidence" }))
    .row()
    .text(t("btn-merge-next"), directiveEditData.pack({ ...id, edit: "merge" }))
    .text(t("btn-drop"), directiveEditData.pack({ ...id, edit: "drop" }))
    .row();
  for (const u of d.unknown) {
    const name = clip(u.name, NAME_CHARS);
    keyboard
      .text(t("btn-create-unit", { name }), unknownUnitData.pack({ ...id, index: u.index, action: "create" }))
      .text(t("btn-drop-unit", { name }), unknownUnitData.pack({ ...id, index: u.index, action: "drop" }))
      .row();
  }
  if (d.vague && !d.deadline) keyboard.text(t("btn-confirm-no-date"), directiveEditData.pack({ ...id, edit: "nodate" })).row();
  return keyboard.text(t("btn-back-plan"), planPageData.pack({ meeting: d.meetingId, page }));
}
