// The ledger's task sheet as CSV: UTF-8 with a byte-order mark (so Excel and WPS detect
// Chinese text), CRLF lines, RFC 4180 quoting, and cells that a spreadsheet would run as
// a formula (=, +, -, @) prefixed with an apostrophe.
import type { Column } from "./ledger-columns.js";
import type { SheetData } from "./ledger-xlsx.js";
import { wallClockText } from "./wall-clock.js";

const BOM = "\uFEFF";

function cellText<R>(column: Column<R>, row: R, zone: string): string {
  const value = column.value(row);
  if (value === null) return "";
  if (value instanceof Date) return wallClockText(value, zone, column.kind === "datetime");
  return String(value);
}

function quote(text: string, isText = true): string {
  const safe = isText && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export async function ledgerCsv<R>(data: SheetData<R>, zone: string): Promise<Buffer> {
  const { columns } = data.sheet;
  const lines = [columns.map((c) => quote(c.header)).join(",")];
  for await (const page of data.pages) {
    for (const row of page) lines.push(columns.map((c) => quote(cellText(c, row, zone), c.kind === "text")).join(","));
  }
  return Buffer.from(`${BOM}${lines.join("\r\n")}\r\n`, "utf8");
}
