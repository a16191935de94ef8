import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import type { Role } from "../domain/roles.js";
import { audit } from "../services/audit.js";

/** A simulated person of the demo: their Telegram account and their place in the county. */
export interface DemoPerson {
  telegramUserId: number;
  firstName: string;
  lastName: string;
  label: string;
  role: Role;
  unit: string | null;
  /** Head (负责人) of their unit: sees who has not signed, approves extensions. */
  head?: boolean;
}

export const DEMO_COUNTY = "云溪县";

/** Units of the fictional county; aliases are what reports often call them. */
const DEMO_UNITS: { name: string; kind: string; aliases: string[]; parent?: string }[] = [
  { name: "县财政局", kind: "department", aliases: ["财政局"] },
  { name: "县发展和改革委员会", kind: "department", aliases: ["县发改委", "发改委"] },
  { name: "县扶贫开发领导小组办公室", kind: "department", aliases: ["县扶贫办", "扶贫办"] },
  { name: "县委组织部", kind: "department", aliases: ["组织部"] },
  { name: "青石镇", kind: "township", aliases: [] },
  { name: "白岩村驻村工作队", kind: "work_team", aliases: ["驻村工作队"], parent: "青石镇" },
];

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { telegramUserId: 1001, firstName: "王", lastName: "主任", label: "县管理员 王主任 (admin)", role: "admin", unit: null },
  { telegramUserId: 1002, firstName: "李", lastName: "科长", label: "财政局 李科长 (official)", role: "official", unit: "县财政局", head: true },
  { telegramUserId: 1003, firstName: "陈", lastName: "干事", label: "财政局 陈干事 (official)", role: "official", unit: "县财政局" },
  { telegramUserId: 1004, firstName: "赵", lastName: "帮扶", label: "帮扶干部 赵帮扶 (cadre)", role: "cadre", unit: "白岩村驻村工作队" },
  { telegramUserId: 1005, firstName: "刘", lastName: "大姐", label: "农户 刘大姐 (household)", role: "household", unit: "白岩村驻村工作队" },
];

export interface SeededCounty {
  regionId: number;
  unitIds: ReadonlyMap<string, number>;
  adminId: number;
}

/** Fills an empty database with the demo county, its units and the simulated people. */
export async function seedDemo(db: Db, clock: Clock): Promise<SeededCounty> {
  const region = await db.region.create({ data: { name: DEMO_COUNTY, level: "county", code: "demo-yunxi" } });
  const unitIds = new Map<string, number>();
  for (const unit of DEMO_UNITS) {
    const row = await db.unit.create({
      data: {
        regionId: region.id,
        name: unit.name,
        kind: unit.kind,
        aliases: unit.aliases,
        parentId: unit.parent ? unitIds.get(unit.parent) ?? null : null,
      },
    });
    unitIds.set(unit.name, row.id);
  }
  let adminId = 0;
  for (const p of DEMO_PEOPLE) {
    const person = await db.person.create({
      data: { telegramUserId: BigInt(p.telegramUserId), name: `${p.firstName}${p.lastName}` },
    });
    const unitId = p.unit ? unitIds.get(p.unit) ?? null : null;
    await db.membership.create({ data: { personId: person.id, regionId: region.id, unitId, role: p.role } });
    if (p.head && unitId !== null) await db.unit.update({ where: { id: unitId }, data: { headPersonId: person.id } });
    if (p.role === "admin") adminId = person.id;
  }
  await audit(db, clock, { action: "demo.seed", regionId: region.id, subject: `region:${region.id}` });
  return { regionId: region.id, unitIds, adminId };
}
