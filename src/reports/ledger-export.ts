// /export: the ledger of a scope as one file, XLSX (tasks and household coverage) or CSV
// (tasks only).
import type { Db } from "../db/client.js";
import type { T } from "../messages/translate.js";
import { localDateOf } from "../time.js";
import { coverageWindow, householdRows } from "./households.js";
import { householdSheet, ledgerSheet } from "./ledger-columns.js";
import { ledgerCsv } from "./ledger-csv.js";
import { ledgerPages } from "./ledger-rows.js";
import { xlsxBook } from "./ledger-xlsx.js";
import type { Period } from "./period.js";
import type { ReportScope } from "./scope.js";

export interface LedgerRequest {
  scope: ReportScope;
  period: Period | null;
  format: "xlsx" | "csv";
  /** Names the file: the county, or the unit or meeting. */
  title: string;
  now: Date;
  zone: string;
}

export interface LedgerFile {
  bytes: Buffer;
  fileName: string;
}

function fileName(t: T, request: LedgerRequest): string {
  const safe = request.title.replace(/[\\/:*?"<>|\s]+/g, "_");
  return `${t("ledger-file")}-${safe}-${localDateOf(request.now, request.zone)}.${request.format}`;
}

export async function exportLedger(db: Db, t: T, request: LedgerRequest): Promise<LedgerFile> {
  const { scope, period, now, zone } = request;
  const tasks = { sheet: ledgerSheet(t, now, zone), pages: ledgerPages(db, scope, period) };
  if (request.format === "csv") return { bytes: await ledgerCsv(tasks, zone), fileName: fileName(t, request) };
  const book = xlsxBook(zone);
  await book.add(tasks);
  const households = await householdRows(db, scope.regionId, scope.kind === "unit" ? scope.unitId : null, coverageWindow(now, zone));
  await book.add({ sheet: householdSheet(t), pages: [households] });
  return { bytes: await book.toBuffer(), fileName: fileName(t, request) };
}
