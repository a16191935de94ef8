// Test data for the household tests: valid ID numbers, CSV (UTF-8 or GBK) and XLSX files
// made on the spot, and a county with helper cadres.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type { Db } from "../../src/db/client.js";
import { idCheckCharacter } from "../../src/domain/id-number.js";

/** A throw-away key for tests only (32 bytes, base64). */
export const TEST_PII_KEY = Buffer.alloc(32, 7).toString("base64");

/** A valid 18-digit ID number for person `n` (born 1970–2000, region 530102). */
export function idNumber(n: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + (n % 10_000) * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  const first17 = `530102${birth}${String(n % 1000).padStart(3, "0")}`;
  return first17 + idCheckCharacter(first17);
}

/** A valid mobile number for person `n`. */
export const mobile = (n: number): string => `139${String(n).padStart(8, "0")}`;

export const HEADER = ["户主姓名", "身份证号", "乡镇", "村", "务工地", "联系电话", "家庭人口", "帮扶责任人", "备注"];

export function csv(rows: readonly (readonly string[])[], encoding: "utf8" | "gbk" = "utf8"): Uint8Array {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\r\n");
  return encoding === "gbk" ? iconv.encode(text, "gbk") : Buffer.from(text, "utf8");
}

export async function xlsx(rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("户");
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface County {
  regionId: number;
  adminId: number;
  cadres: { wang: number; li: number };
}

/** A county with an admin, two helper cadres (王芳 and 李强) and two people named 张伟 (ambiguous). */
export async function seedCounty(db: Db, ids: { admin: bigint; wang: bigint; li: bigint }, name = "云溪县"): Promise<County> {
  const region = await db.region.create({ data: { name } });
  const unit = await db.unit.create({ data: { regionId: region.id, name: "石桥村工作队", kind: "work_team" } });
  const person = async (personName: string, telegramUserId: bigint | null, role: string, username?: string) => {
    const p = await db.person.create({ data: { name: personName, telegramUserId, username: username ?? null } });
    await db.membership.create({ data: { personId: p.id, regionId: region.id, unitId: role === "admin" ? null : unit.id, role } });
    return p.id;
  };
  const adminId = await person("县管理员", ids.admin, "admin");
  const wang = await person("王芳", ids.wang, "cadre", "wangfang");
  const li = await person("李强", ids.li, "cadre");
  await person("张伟", null, "cadre", "zhangwei1");
  await person("张伟", null, "official", "zhangwei2");
  return { regionId: region.id, adminId, cadres: { wang, li } };
}
