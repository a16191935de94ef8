// The task card every member of a responsible unit receives, and the one edited in place
// when its state or checklist changes. Builders take (t, data) so publishing, the bot and
// the scheduler render the same card without a live update.
import type { Db } from "../db/client.js";
import { escapeHtml } from "../bot/html.js";
import { callbackData } from "../bot/callback-data.js";
import type { ButtonSpec } from "../scheduler/outbox.js";
import { localDateOf } from "../time.js";
import type { T } from "./translate.js";

export const taskAction = callbackData("tk", ["id", "action"]);
export const taskTick = callbackData("tc", ["id", "item"]);

export interface TaskCardData {
  assignmentId: number;
  state: string;
  role: string;
  unitName: string;
  meetingTitle: string;
  meetingDate: string | null;
  text: string;
  due: string | null;
  recurrence: string | null;
  lead: string[];
  supporting: string[];
  checklist: Array<{ directiveId: number; text: string; ticked: boolean }>;
  requiresEvidence: boolean;
}

export async function loadTaskCard(db: Pick<Db, "assignment">, assignmentId: number): Promise<TaskCardData | null> {
  const a = await db.assignment.findUnique({
    where: { id: assignmentId },
    include: {
      unit: { select: { name: true } },
      ticks: { select: { directiveId: true } },
      directive: {
        include: {
          meeting: { include: { region: { select: { timeZone: true } } } },
          children: { where: { dropped: false }, orderBy: { position: "asc" }, include: { _count: { select: { assignments: true } } } },
          assignments: { include: { unit: { select: { name: true } } }, orderBy: { id: "asc" } },
        },
      },
    },
  });
  if (!a) return null;
  const zone = a.directive.meeting.region.timeZone;
  const ticked = new Set(a.ticks.map((t) => t.directiveId));
  const others = a.directive.assignments;
  const recurrence = a.directive.recurrence as { text?: unknown; freq?: unknown } | null;
  return {
    assignmentId: a.id,
    state: a.state,
    role: a.role,
    unitName: a.unit.name,
    meetingTitle: a.directive.meeting.title,
    meetingDate: a.directive.meeting.meetingDate ? localDateOf(a.directive.meeting.meetingDate, zone) : null,
    text: `${a.directive.marker ?? ""}${a.directive.text}`,
    due: a.dueAt ? localDateOf(a.dueAt, zone) : null,
    recurrence: recurrence && typeof recurrence.freq === "string" ? String(recurrence.text ?? recurrence.freq) : null,
    lead: others.filter((o) => o.role === "lead").map((o) => o.unit.name),
    supporting: others.filter((o) => o.role === "supporting").map((o) => o.unit.name),
    checklist: a.directive.children
      // A sub-item assigned as a task of its own is not a step of this one.
      .filter((c) => c._count.assignments === 0)
      .map((c) => ({ directiveId: c.id, text: `${c.marker ?? ""}${c.text}`, ticked: ticked.has(c.id) })),
    requiresEvidence: a.directive.requiresEvidence,
  };
}

const ITEM_LABEL_CHARS = 24;

export function renderTaskCard(t: T, card: TaskCardData): { text: string; buttons: ButtonSpec[][] } {
  const done = card.checklist.filter((c) => c.ticked).length;
  const lines = [
    t("card-title", { id: card.assignmentId, unit: escapeHtml(card.unitName) }),
    t("card-meeting", { title: escapeHtml(card.meetingTitle), date: card.meetingDate ?? "—" }),
    "",
    escapeHtml(card.text),
    "",
    t("card-due", { due: card.due ?? t("card-no-due") }),
    ...(card.recurrence ? [t("card-recurrence", { rule: escapeHtml(card.recurrence) })] : []),
    t("card-units", { lead: escapeHtml(card.lead.join("、") || "—"), supporting: escapeHtml(card.supporting.join("、") || "—") }),
    t("card-state", { state: card.state }),
    ...(card.checklist.length > 0 ? [t("card-progress", { done, total: card.checklist.length })] : []),
    ...(card.requiresEvidence ? [t("card-needs-evidence")] : []),
  ];
  const finished = card.state === "done" || card.state === "closed";
  const buttons: ButtonSpec[][] = finished
    ? []
    : [
        [
          { text: t("btn-ack"), data: taskAction.pack({ id: card.assignmentId, action: "ack" }) },
          { text: t("btn-start"), data: taskAction.pack({ id: card.assignmentId, action: "start" }) },
          { text: t("btn-task-done"), data: taskAction.pack({ id: card.assignmentId, action: "done" }) },
        ],
        [
          { text: t("btn-block"), data: taskAction.pack({ id: card.assignmentId, action: "block" }) },
          { text: t("btn-extend"), data: taskAction.pack({ id: card.assignmentId, action: "extend" }) },
        ],
        ...card.checklist.map((c) => [
          {
            text: `${c.ticked ? "☑" : "☐"} ${c.text.length > ITEM_LABEL_CHARS ? `${c.text.slice(0, ITEM_LABEL_CHARS)}…` : c.text}`,
            data: taskTick.pack({ id: card.assignmentId, item: c.directiveId }),
          },
        ]),
      ];
  return { text: lines.join("\n"), buttons };
}
