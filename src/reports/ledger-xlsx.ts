// The ledger as an .xlsx workbook (exceljs): a frozen, filterable header row, column
// widths, and dates as real date cells on the county's calendar, so Excel and WPS sort and
// filter them as dates.
import ExcelJS from "exceljs";
import type { Column, ColumnKind, Sheet } from "./ledger-columns.js";
import { wallClockAsUtc } from "./wall-clock.js";

const FORMATS: Partial<Record<ColumnKind, string>> = { date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm" };
/** Excel's limit for the text of one cell. */
const CELL_TEXT_LIMIT = 32_767;

export interface SheetData<R> {
  sheet: Sheet<R>;
  /** Pages of rows (the ledger streams from the database). */
  pages: AsyncIterable<readonly R[]> | Iterable<readonly R[]>;
}

function cellValue<R>(column: Column<R>, row: R, zone: string): string | number | Date | null {
  const value = column.value(row);
  if (value instanceof Date) return wallClockAsUtc(value, zone, column.kind === "datetime");
  if (typeof value === "string") return value.slice(0, CELL_TEXT_LIMIT);
  return value;
}

async function addSheet<R>(workbook: ExcelJS.Workbook, data: SheetData<R>, zone: string): Promise<void> {
  const { columns } = data.sheet;
  const ws = workbook.addWorksheet(data.sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for await (const page of data.pages) {
    for (const row of page) ws.addRow(columns.map((c) => cellValue(c, row, zone)));
  }
}

export interface XlsxBook {
  add<R>(data: SheetData<R>): Promise<void>;
  toBuffer(): Promise<Buffer>;
}

export function xlsxBook(zone: string): XlsxBook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Duban";
  return {
    add: (data) => addSheet(workbook, data, zone),
    toBuffer: async () => Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
