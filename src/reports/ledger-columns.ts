// The columns of the ledger's two sheets, shared by the XLSX and the CSV writers: a header
// in the reader's language, a width, a kind (which decides the cell format) and a value.
import type { T } from "../messages/translate.js";
import { daysBetween, localDateOf } from "../time.js";
import type { HouseholdRow } from "./households.js";
import type { LedgerRow } from "./ledger-rows.js";
import { OPEN_STATES } from "./scope.js";

/** `date` and `datetime` values are instants; the writers show them on the county's calendar. */
export type ColumnKind = "text" | "number" | "date" | "datetime";
export type ColumnValue = string | number | Date | null;

export interface Column<R> {
  header: string;
  width: number;
  kind: ColumnKind;
  value(row: R): ColumnValue;
}

export interface Sheet<R> {
  name: string;
  columns: ReadonlyArray<Column<R>>;
}

const col = <R>(header: string, width: number, kind: ColumnKind, value: (row: R) => ColumnValue): Column<R> => ({ header, width, kind, value });

function extensionHistory(t: T, row: LedgerRow, zone: string): string | null {
  if (row.extensions.length === 0) return null;
  return row.extensions
    .map((e) => t("ledger-extension", { value: localDateOf(e.requestedAt, zone), due: localDateOf(e.requestedDueAt, zone), kind: t(`ledger-extension-${e.state}`) }))
    .join("\n");
}

function overdueDays(row: LedgerRow, now: Date, zone: string): number | null {
  if (!row.dueAt || row.dueAt >= now || !OPEN_STATES.includes(row.state)) return null;
  return daysBetween(localDateOf(row.dueAt, zone), localDateOf(now, zone));
}

export function ledgerSheet(t: T, now: Date, zone: string): Sheet<LedgerRow> {
  const h = (key: string) => t(`ledger-col-${key}`);
  return {
    name: t("ledger-sheet-tasks"),
    columns: [
      col(h("meeting"), 24, "text", (r) => r.meeting),
      col(h("meeting-date"), 12, "date", (r) => r.meetingDate),
      col(h("directive"), 50, "text", (r) => r.directive),
      col(h("unit"), 20, "text", (r) => r.unit),
      col(h("role"), 8, "text", (r) => t(`ledger-role-${r.role}`)),
      col(h("due"), 12, "date", (r) => r.dueAt),
      col(h("state"), 10, "text", (r) => t(`ledger-state-${r.state.replaceAll("_", "-")}`)),
      col(h("overdue-days"), 10, "number", (r) => overdueDays(r, now, zone)),
      col(h("assigned"), 17, "datetime", (r) => r.assignedAt),
      col(h("signed"), 17, "datetime", (r) => r.acknowledgedAt),
      col(h("started"), 17, "datetime", (r) => r.startedAt),
      col(h("done"), 17, "datetime", (r) => r.doneAt),
      col(h("closed"), 17, "datetime", (r) => r.closedAt),
      col(h("blocked"), 17, "datetime", (r) => r.blockedAt),
      col(h("latest-update"), 40, "text", (r) => r.latestNote),
      col(h("latest-at"), 17, "datetime", (r) => r.latestAt),
      col(h("evidence"), 8, "number", (r) => r.evidenceCount),
      col(h("extensions"), 36, "text", (r) => extensionHistory(t, r, zone)),
    ],
  };
}

export function householdSheet(t: T): Sheet<HouseholdRow> {
  const h = (key: string) => t(`ledger-col-${key}`);
  return {
    name: t("ledger-sheet-households"),
    columns: [
      col(h("household"), 12, "text", (r) => r.name),
      col(h("township"), 14, "text", (r) => r.township),
      col(h("village"), 14, "text", (r) => r.village),
      col(h("work-location"), 20, "text", (r) => r.workLocation),
      col(h("helper"), 12, "text", (r) => r.helper),
      col(h("phone"), 14, "text", (r) => r.phoneMasked),
      col(h("contacts-quarter"), 12, "number", (r) => r.contactsThisQuarter),
      col(h("last-contact"), 17, "datetime", (r) => r.lastContactAt),
      col(h("last-channel"), 10, "text", (r) => (r.lastChannel ? t(`ledger-channel-${r.lastChannel}`) : null)),
      col(h("leaflet"), 10, "text", (r) => t(r.leafletThisYear ? "ledger-yes" : "ledger-no")),
    ],
  };
}
