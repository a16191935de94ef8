// Importing outgoing households from a CSV or XLSX file (the table is read by the unit
// directory's reader: encodings, BOM, XLSX). Every row is checked — ID number, phone, size,
// helper cadre, duplicates in the file and against the database — before anything is
// written; then either nothing (all-or-nothing, the default) or only the valid rows are
// written in one transaction. A household already in the database (same ID number, or
// without one the same name in the same township and village) is updated, not duplicated.
import ExcelJS from "exceljs";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import type { Store } from "../scheduler/raw-sql.js";
import { cleanName } from "../domain/names.js";
import { compactIdNumber, parseIdNumber } from "../domain/id-number.js";
import { parsePhone } from "../domain/phone.js";
import { maskIdNumber, maskPhone } from "../domain/pii-mask.js";
import { localDateOf } from "../time.js";
import { audit } from "./audit.js";
import { readTable, type FileProblem } from "./directory-import.js";
import { writeHouseholds, type HouseholdWrite } from "./household-writes.js";
import type { PiiKeys } from "./pii-crypto.js";

export const MAX_HOUSEHOLD_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_HOUSEHOLD_ROWS = 20_000;

export type HouseholdColumn = "name" | "idNumber" | "township" | "village" | "workLocation" | "phone" | "size" | "helper" | "notes";

/** Header names accepted for each column; the first is the one the template uses. */
export const HOUSEHOLD_COLUMNS: Record<HouseholdColumn, readonly string[]> = {
  name: ["户主姓名", "姓名", "户主", "戶主姓名", "name"],
  idNumber: ["身份证号", "身份证号码", "證件號碼", "身分證號", "id number", "id"],
  township: ["乡镇", "鄉鎮", "乡镇(街道)", "township"],
  village: ["村", "所在村", "行政村", "village"],
  workLocation: ["务工地", "務工地", "务工地点", "外出务工地", "work location"],
  phone: ["联系电话", "聯繫電話", "电话", "手机", "手机号", "phone"],
  size: ["家庭人口", "家庭人數", "人口", "household size", "size"],
  helper: ["帮扶责任人", "幫扶責任人", "帮扶干部", "帮扶人", "helper cadre", "helper"],
  notes: ["备注", "備註", "notes"],
};

const REQUIRED: readonly HouseholdColumn[] = ["name", "township", "village", "helper"];

export type HouseholdRowProblem =
  | "missing-name" | "bad-name" | "missing-place" | "id-format" | "id-region" | "id-birth-date" | "id-checksum" | "id-needs-key"
  | "bad-phone" | "bad-size" | "unknown-helper" | "ambiguous-helper" | "duplicate-in-file" | "id-taken";

export interface HouseholdRowError {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  problem: HouseholdRowProblem;
  cells: Record<HouseholdColumn, string>;
}

export type HouseholdFileProblem = FileProblem | "encoding" | "missing-columns";

export interface HouseholdImportSummary {
  ok: true;
  /** False when rows were rejected in all-or-nothing mode: nothing was written. */
  applied: boolean;
  created: number;
  updated: number;
  valid: number;
  errors: HouseholdRowError[];
}

export type HouseholdImportResult = HouseholdImportSummary | { ok: false; file: HouseholdFileProblem; missing?: HouseholdColumn[] };

export interface HouseholdImportOptions {
  regionId: number;
  actorId: number | null;
  /** "valid-rows": write the rows that passed and skip the others. */
  mode: "all-or-nothing" | "valid-rows";
  /** Without a key, rows with an ID number are refused (P5). */
  keys: PiiKeys | null;
}

/** A row that passed every check: what will be written, with the ID number still in clear. */
type CheckedRow = Omit<HouseholdWrite, "id" | "idNumberCipher" | "idNumberHash" | "updatedAt"> & { row: number; idNumber: string | null };

type Cells = Record<HouseholdColumn, string>;

function writeOf(w: CheckedRow & { idHash: string | null; existingId: number | null }, regionId: number, keys: PiiKeys | null, now: Date): HouseholdWrite {
  const { idNumber } = w;
  const encrypted = idNumber !== null && keys !== null;
  return {
    id: w.existingId ?? regionId,
    name: w.name, township: w.township, village: w.village, workLocation: w.workLocation, phone: w.phone, size: w.size, helperId: w.helperId, notes: w.notes,
    idNumberCipher: encrypted ? keys.encrypt(idNumber) : null,
    idNumberHash: encrypted ? w.idHash : null,
    updatedAt: now,
  };
}

const COLUMN_NAMES = Object.keys(HOUSEHOLD_COLUMNS) as HouseholdColumn[];

function rowsOf(table: string[][]): Array<{ row: number; cells: Cells }> | { file: HouseholdFileProblem; missing?: HouseholdColumn[] } {
  const header = (table[0] ?? []).map((h) => h.replace(/^\uFEFF/, "").trim().toLowerCase());
  if (table.some((cells) => cells.some((c) => c.includes("\uFFFD") || c.includes("\u0000")))) return { file: "encoding" };
  const index = Object.fromEntries(COLUMN_NAMES.map((c) => [c, header.findIndex((h) => HOUSEHOLD_COLUMNS[c].includes(h))])) as Record<HouseholdColumn, number>;
  const missing = REQUIRED.filter((c) => index[c] < 0);
  if (missing.length === REQUIRED.length) return { file: "no-header" };
  if (missing.length > 0) return { file: "missing-columns", missing };
  const rows = table.slice(1).map((raw, i) => ({
    row: i + 2,
    cells: Object.fromEntries(COLUMN_NAMES.map((c) => [c, (index[c] >= 0 ? raw[index[c]] ?? "" : "").trim()])) as Cells,
  })).filter((r) => COLUMN_NAMES.some((c) => r.cells[c] !== ""));
  if (rows.length === 0) return { file: "empty" };
  return rows.length > MAX_HOUSEHOLD_ROWS ? { file: "too-many-rows" } : rows;
}

/** People of the county who can be helper cadres, by name and by @username. */
async function helperIndex(db: Db, regionId: number): Promise<Map<string, number[]>> {
  const members = await db.membership.findMany({
    where: { regionId, role: { not: "household" } },
    select: { person: { select: { id: true, name: true, username: true } } },
  });
  const index = new Map<string, number[]>();
  const add = (key: string, id: number): void => {
    const ids = index.get(key) ?? [];
    if (!ids.includes(id)) index.set(key, [...ids, id]);
  };
  for (const { person } of members) {
    add(cleanName(person.name) ?? person.name, person.id);
    if (person.username) add(`@${person.username.toLowerCase()}`, person.id);
  }
  return index;
}

const placeKey = (name: string, township: string, village: string): string => `${name}|${township}|${village}`;

function checkRow(cells: Cells, row: number, today: string, helpers: Map<string, number[]>, keys: PiiKeys | null): CheckedRow | HouseholdRowProblem {
  const name = cleanName(cells.name);
  if (cells.name === "") return "missing-name";
  if (name === null) return "bad-name";
  const [township, village] = [cleanName(cells.township), cleanName(cells.village)];
  if (township === null || village === null) return "missing-place";
  let idNumber: string | null = null;
  if (cells.idNumber !== "") {
    const id = parseIdNumber(cells.idNumber, today);
    if (!id.ok) return `id-${id.problem}`;
    if (keys === null) return "id-needs-key";
    idNumber = id.value;
  }
  const phone = cells.phone === "" ? null : parsePhone(cells.phone);
  if (phone && !phone.ok) return "bad-phone";
  const size = cells.size === "" ? null : Number(cells.size);
  if (size !== null && (!Number.isInteger(size) || size < 1 || size > 30)) return "bad-size";
  const helperKey = cells.helper.startsWith("@") ? cells.helper.toLowerCase() : cleanName(cells.helper) ?? "";
  const helperIds = helpers.get(helperKey) ?? [];
  if (helperIds.length === 0) return "unknown-helper";
  if (helperIds.length > 1) return "ambiguous-helper";
  return {
    row, name, township, village, idNumber,
    workLocation: cleanName(cells.workLocation),
    phone: phone?.ok ? phone.value : null,
    size,
    helperId: helperIds[0] ?? 0,
    notes: cells.notes === "" ? null : cells.notes.slice(0, 500),
  };
}

export async function importHouseholds(store: Store, clock: Clock, file: { bytes: Uint8Array; fileName: string }, options: HouseholdImportOptions): Promise<HouseholdImportResult> {
  if (file.bytes.byteLength > MAX_HOUSEHOLD_FILE_BYTES) return { ok: false, file: "too-big" };
  const table = await readTable(file.bytes, file.fileName);
  if (!Array.isArray(table)) return { ok: false, file: table.file };
  const rows = rowsOf(table);
  if (!Array.isArray(rows)) return { ok: false, ...rows };
  const { db } = store;
  const region = await db.region.findUniqueOrThrow({ where: { id: options.regionId } });
  const today = localDateOf(clock.now(), region.timeZone);
  const helpers = await helperIndex(db, region.id);
  const existing = await db.household.findMany({ where: { regionId: region.id }, select: { id: true, name: true, township: true, village: true, idNumberHash: true } });
  const byHash = new Map(existing.filter((h) => h.idNumberHash !== null).map((h) => [h.idNumberHash ?? "", h]));
  const byPlace = new Map(existing.map((h) => [placeKey(h.name, h.township ?? "", h.village ?? ""), h.id]));
  const errors: HouseholdRowError[] = [];
  const seen = new Set<string>();
  const writes: Array<CheckedRow & { existingId: number | null; idHash: string | null }> = [];
  for (const { row, cells } of rows) {
    const checked = checkRow(cells, row, today, helpers, options.keys);
    if (typeof checked === "string") {
      errors.push({ row, problem: checked, cells });
      continue;
    }
    const idHash = checked.idNumber !== null && options.keys ? options.keys.hash(checked.idNumber) : null;
    const place = placeKey(checked.name, checked.township, checked.village);
    if (seen.has(place) || (idHash !== null && seen.has(idHash))) {
      errors.push({ row, problem: "duplicate-in-file", cells });
      continue;
    }
    const sameId = idHash === null ? undefined : byHash.get(idHash);
    if (sameId && sameId.name !== checked.name) {
      errors.push({ row, problem: "id-taken", cells });
      continue;
    }
    seen.add(place);
    if (idHash !== null) seen.add(idHash);
    writes.push({ ...checked, idHash, existingId: sameId?.id ?? byPlace.get(place) ?? null });
  }
  const summary = { ok: true as const, valid: writes.length, errors };
  if (errors.length > 0 && options.mode === "all-or-nothing") return { ...summary, applied: false, created: 0, updated: 0 };
  const now = clock.now();
  const created = writes.filter((w) => w.existingId === null).map((w) => writeOf(w, region.id, options.keys, now));
  const updated = writes.filter((w) => w.existingId !== null).map((w) => writeOf(w, region.id, options.keys, now));
  await db.$transaction(async (tx) => {
    await writeHouseholds(tx, store.provider, { created, updated });
    await audit(tx, clock, {
      actorId: options.actorId, regionId: region.id, action: "household.import", subject: `region:${region.id}`,
      details: { created: created.length, updated: updated.length, rejected: errors.length, mode: options.mode },
    });
  }, { timeout: 60_000 });
  return { ...summary, applied: true, created: created.length, updated: updated.length };
}

/** An XLSX template: the column names the importer reads first, and one example row without personal numbers. */
export async function householdTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("households");
  sheet.addRow(COLUMN_NAMES.map((c) => HOUSEHOLD_COLUMNS[c][0] ?? c));
  sheet.addRow(["张三", "", "城关镇", "石桥村", "广东省东莞市", "", 4, "李四", ""]);
  sheet.getColumn(2).numFmt = "@";
  sheet.getColumn(6).numFmt = "@";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What of a rejected cell may be shown: numbers of seven digits or more are masked like stored ones (P1). */
function maskCell(text: string): string {
  const digits = compactIdNumber(text);
  if (/^\d{14}[\dX]{1,4}$/.test(digits)) return maskIdNumber(digits);
  const phone = text.replace(/\D/g, "");
  return phone.length >= 7 ? maskPhone(phone.slice(-11)) : text;
}

const csvCell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The rejected rows as a CSV (UTF-8 with BOM, so Excel opens it), ID and phone masked. */
export function rejectedRowsCsv(errors: readonly HouseholdRowError[], headers: readonly string[], reason: (problem: HouseholdRowProblem) => string): Buffer {
  const lines = [headers.map(csvCell).join(",")];
  for (const e of errors) {
    const c = e.cells;
    lines.push([String(e.row), c.name, c.township, c.village, maskCell(c.idNumber), maskCell(c.phone), c.helper, reason(e.problem)].map(csvCell).join(","));
  }
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}
