// Importing a unit directory from a CSV or XLSX file: every row is checked first and the
// file is written in one transaction, so a file with any bad row changes nothing.
import chardet from "chardet";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { parse } from "csv-parse/sync";
import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import { cleanName } from "../domain/names.js";
import { isUnitKind, type DirectoryEntry, type UnitKind } from "../domain/starter-directory.js";
import { aliasesOf, applyDirectory } from "./units.js";

/** A county directory is a few hundred rows; a larger file is not a directory. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;

export type FileProblem = "too-big" | "unsupported" | "unreadable" | "no-header" | "empty" | "too-many-rows";
export type RowProblem = "missing-name" | "bad-name" | "bad-kind" | "duplicate" | "unknown-parent" | "cycle" | "alias-taken";

export interface RowError {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  problem: RowProblem;
  value: string;
}

export type ImportResult =
  | { ok: true; created: number; updated: number }
  | { ok: false; file: FileProblem }
  | { ok: false; rows: RowError[] };

const COLUMNS: Record<keyof RawRow, readonly string[]> = {
  name: ["name", "名称", "单位名称", "單位名稱", "单位", "單位"],
  kind: ["kind", "type", "类型", "類型", "类别", "類別"],
  aliases: ["aliases", "alias", "别名", "別名", "简称", "簡稱"],
  parent: ["parent", "上级", "上級", "上级单位", "上級單位"],
};

const KIND_WORDS: Record<string, UnitKind> = {
  部门: "department", 部門: "department", 单位: "department", 單位: "department",
  乡镇: "township", 鄉鎮: "township", 街道: "township", 乡: "township", 鄉: "township", 镇: "township", 鎮: "township",
  村: "village", 社区: "village", 社區: "village",
  工作队: "work_team", 工作隊: "work_team", 驻村工作队: "work_team", 駐村工作隊: "work_team",
  岗位: "role", 崗位: "role", 角色: "role",
};

interface RawRow {
  name: string;
  kind: string;
  aliases: string;
  parent: string;
}

export function isSpreadsheetName(fileName: string): boolean {
  return /\.(csv|xlsx)$/i.test(fileName);
}

export async function importDirectory(db: Db, clock: Clock, regionId: number, file: { bytes: Uint8Array; fileName: string }, actorId: number | null): Promise<ImportResult> {
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, file: "too-big" };
  const table = await readTable(file.bytes, file.fileName);
  if (!Array.isArray(table)) return { ok: false, file: table.file };
  const rows = rowsOf(table);
  if (!Array.isArray(rows)) return { ok: false, file: rows.file };
  return db.$transaction(async (tx) => {
    const existing = await tx.unit.findMany({ where: { regionId, archivedAt: null } });
    const known = existing.map((u) => ({ name: u.name, aliases: aliasesOf(u), parent: existing.find((p) => p.id === u.parentId)?.name }));
    const checked = checkRows(rows, known);
    if (!Array.isArray(checked)) return { ok: false, rows: checked.errors } as const;
    return { ok: true, ...(await applyDirectory(tx, clock, regionId, checked, actorId, "import")) } as const;
  });
}

export async function readTable(bytes: Uint8Array, fileName: string): Promise<string[][] | { file: FileProblem }> {
  try {
    if (/\.xlsx$/i.test(fileName)) return await readXlsx(bytes);
    if (/\.csv$/i.test(fileName)) {
      return parse(decode(Buffer.from(bytes)), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
    }
    return { file: "unsupported" };
  } catch {
    return { file: "unreadable" };
  }
}

/** Offices save CSV from Excel as GBK (GB18030) as often as UTF-8; Taiwan's as Big5. */
function decode(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString("utf8");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, /big5/i.test(chardet.detect(buf) ?? "") ? "big5" : "gb18030");
  }
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const table: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(row.getCell(column).text.trim());
    table.push(cells);
  });
  return table;
}

function rowsOf(table: string[][]): Array<RawRow & { row: number }> | { file: FileProblem } {
  const header = (table[0] ?? []).map((h) => h.replace(/^\uFEFF/, "").trim().toLowerCase());
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, names]) => [key, header.findIndex((h) => names.includes(h))]),
  ) as Record<keyof RawRow, number>;
  if (index.name < 0) return { file: "no-header" };
  const rows = table.slice(1).map((cells, i) => {
    const cell = (key: keyof RawRow) => (index[key] >= 0 ? cells[index[key]] ?? "" : "").trim();
    return { row: i + 2, name: cell("name"), kind: cell("kind"), aliases: cell("aliases"), parent: cell("parent") };
  }).filter((r) => r.name !== "" || r.kind !== "" || r.aliases !== "" || r.parent !== "");
  if (rows.length === 0) return { file: "empty" };
  if (rows.length > MAX_IMPORT_ROWS) return { file: "too-many-rows" };
  return rows;
}

interface KnownUnit {
  name: string;
  aliases: string[];
  parent: string | undefined;
}

/** Validates all rows against each other and the county's units; entries, or every problem found. */
export function checkRows(rows: Array<RawRow & { row: number }>, known: KnownUnit[]): DirectoryEntry[] | { errors: RowError[] } {
  const errors: RowError[] = [];
  const entries: Array<DirectoryEntry & { row: number }> = [];
  const fileNames = new Set<string>();
  for (const raw of rows) {
    const name = cleanName(raw.name);
    const kind = raw.kind === "" ? "department" : isUnitKind(raw.kind) ? raw.kind : KIND_WORDS[raw.kind];
    if (raw.name === "") errors.push({ row: raw.row, problem: "missing-name", value: "" });
    else if (name === null) errors.push({ row: raw.row, problem: "bad-name", value: raw.name.slice(0, 40) });
    else if (fileNames.has(name)) errors.push({ row: raw.row, problem: "duplicate", value: name });
    if (kind === undefined) errors.push({ row: raw.row, problem: "bad-kind", value: raw.kind });
    if (name === null || kind === undefined) continue;
    fileNames.add(name);
    const aliases = raw.aliases.split(/[、,，;；|/]/).map(cleanName).filter((a): a is string => a !== null && a !== name);
    const parent = raw.parent === "" ? undefined : cleanName(raw.parent) ?? raw.parent;
    entries.push({ row: raw.row, name, kind, aliases, ...(parent !== undefined ? { parent } : {}) });
  }
  errors.push(...crossCheck(entries, known));
  return errors.length > 0 ? { errors: errors.sort((a, b) => a.row - b.row) } : entries.map(({ row: _row, ...entry }) => entry);
}

function crossCheck(entries: Array<DirectoryEntry & { row: number }>, known: KnownUnit[]): RowError[] {
  const errors: RowError[] = [];
  const owner = new Map<string, string>();
  for (const unit of known) for (const n of [unit.name, ...unit.aliases]) owner.set(n, unit.name);
  // A known unit named in the file is the same unit; its names are claimed by the file's row.
  const canonical = (n: string) => owner.get(n) ?? n;
  for (const entry of entries) owner.set(entry.name, canonical(entry.name));
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const holder = owner.get(alias);
      if (holder !== undefined && holder !== canonical(entry.name)) errors.push({ row: entry.row, problem: "alias-taken", value: alias });
      else owner.set(alias, canonical(entry.name));
    }
  }
  const parentOf = new Map<string, string | undefined>(known.map((u) => [u.name, u.parent]));
  for (const entry of entries) parentOf.set(canonical(entry.name), entry.parent === undefined ? undefined : canonical(entry.parent));
  for (const entry of entries) {
    if (entry.parent === undefined) continue;
    if (!parentOf.has(canonical(entry.parent))) {
      errors.push({ row: entry.row, problem: "unknown-parent", value: entry.parent });
      continue;
    }
    const seen = new Set<string>();
    for (let up: string | undefined = canonical(entry.name); up !== undefined; up = parentOf.get(up)) {
      if (seen.has(up)) {
        errors.push({ row: entry.row, problem: "cycle", value: entry.parent });
        break;
      }
      seen.add(up);
    }
  }
  return errors;
}
