// The household registry as people see it: a cadre's own households, a county's coverage
// this period, the households not yet contacted, the export, revealing one phone, and the
// purge of deactivated households after the retention period (P6). Phone and ID numbers
// leave this module masked, except through revealPhone, which is audited (P3).
import ExcelJS from "exceljs";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { householdSettings, withHouseholdSettings, type HouseholdSettings } from "../domain/household-settings.js";
import { maskIdNumber, maskPhone } from "../domain/pii-mask.js";
import { localDateOf } from "../time.js";
import { audit } from "./audit.js";
import { householdRules, periodOn, type DutyPurpose } from "./household-duties.js";
import type { PiiKeys } from "./pii-crypto.js";

const DAY_MS = 86_400_000;

/** The current period of a purpose in a county, as its first day (YYYY-MM-DD). */
export async function currentPeriod(db: Db, clock: Clock, regionId: number, purpose: DutyPurpose): Promise<{ start: string; end: string }> {
  const region = await db.region.findUniqueOrThrow({ where: { id: regionId } });
  const { rules } = await householdRules(db, region);
  const period = periodOn(rules[purpose], localDateOf(clock.now(), region.timeZone));
  return { start: period?.start ?? "", end: period?.end ?? "" };
}

export interface HouseholdLine {
  id: number;
  name: string;
  village: string | null;
  phoneMasked: string | null;
  lastContact: Date | null;
  /** Purposes with an open duty (this period or overdue). */
  due: DutyPurpose[];
}

async function linesFor(db: Db, where: { regionId: number; helperId?: number; id?: { in: number[] } }, page: { skip: number; take: number }) {
  const filter = { ...where, active: true };
  const [rows, total] = await Promise.all([
    db.household.findMany({
      where: filter,
      include: { contacts: { orderBy: { contactedAt: "desc" }, take: 1, select: { contactedAt: true } }, duties: { where: { state: "open" }, select: { purpose: true } } },
      orderBy: [{ township: "asc" }, { village: "asc" }, { id: "asc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.household.count({ where: filter }),
  ]);
  const lines: HouseholdLine[] = rows.map((h) => ({
    id: h.id, name: h.name, village: h.village, phoneMasked: h.phone ? maskPhone(h.phone) : null,
    lastContact: h.contacts[0]?.contactedAt ?? null,
    due: [...new Set(h.duties.map((d) => d.purpose as DutyPurpose))],
  }));
  return { lines, total };
}

/** A helper cadre's households in one county. */
export function helperHouseholds(db: Db, regionId: number, helperId: number, page: { skip: number; take: number }) {
  return linesFor(db, { regionId, helperId }, page);
}

/** Households with an open duty of `purpose` (optionally only one cadre's), to pick one for logging. */
export async function householdsDue(db: Db, regionId: number, purpose: DutyPurpose, helperId: number | null, page: { skip: number; take: number }) {
  const ids = await db.householdDuty.findMany({
    where: { state: "open", purpose, household: { regionId, active: true, ...(helperId !== null ? { helperId } : {}) } },
    select: { householdId: true },
    distinct: ["householdId"],
  });
  return linesFor(db, { regionId, id: { in: ids.map((d) => d.householdId) } }, page);
}

export interface CoverageRow {
  label: string;
  done: number;
  total: number;
}

export interface Coverage {
  period: { start: string; end: string };
  done: number;
  total: number;
  byTownship: CoverageRow[];
  byHelper: CoverageRow[];
}

/** How many of a county's households were contacted this period, by township and by helper cadre. */
export async function contactCoverage(db: Db, clock: Clock, regionId: number): Promise<Coverage> {
  const period = await currentPeriod(db, clock, regionId, "contact");
  const duties = await db.householdDuty.findMany({
    where: { purpose: "contact", periodStart: period.start, household: { regionId, active: true } },
    select: { state: true, household: { select: { township: true, helper: { select: { name: true } } } } },
  });
  const tally = (label: (d: (typeof duties)[number]) => string): CoverageRow[] => {
    const rows = new Map<string, CoverageRow>();
    for (const d of duties) {
      const key = label(d);
      const row = rows.get(key) ?? { label: key, done: 0, total: 0 };
      row.total++;
      if (d.state === "done") row.done++;
      rows.set(key, row);
    }
    return [...rows.values()].sort((a, b) => a.done / a.total - b.done / b.total || a.label.localeCompare(b.label));
  };
  return {
    period,
    done: duties.filter((d) => d.state === "done").length,
    total: duties.length,
    byTownship: tally((d) => d.household.township ?? "-"),
    byHelper: tally((d) => d.household.helper?.name ?? "-"),
  };
}

/** Households whose contact duty of this period is still open. */
export async function uncontacted(db: Db, clock: Clock, regionId: number, page: { skip: number; take: number }) {
  const period = await currentPeriod(db, clock, regionId, "contact");
  const where = { purpose: "contact", periodStart: period.start, state: "open", household: { regionId, active: true } };
  const [rows, total] = await Promise.all([
    db.householdDuty.findMany({
      where,
      select: { household: { select: { id: true, name: true, township: true, village: true, helper: { select: { name: true } } } } },
      orderBy: [{ household: { township: "asc" } }, { household: { village: "asc" } }, { householdId: "asc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.householdDuty.count({ where }),
  ]);
  return { rows: rows.map((r) => r.household), total };
}

/** The county's households as an XLSX file, numbers masked; every export is audited (P3). */
export async function exportHouseholds(db: Db, clock: Clock, regionId: number, actorId: number | null, keys: PiiKeys | null, headers: readonly string[]): Promise<Buffer> {
  const contact = await currentPeriod(db, clock, regionId, "contact");
  const households = await db.household.findMany({
    where: { regionId, active: true },
    include: {
      helper: { select: { name: true } },
      contacts: { orderBy: { contactedAt: "desc" }, take: 1, select: { contactedAt: true } },
      duties: { where: { purpose: "contact", periodStart: contact.start }, select: { state: true } },
    },
    orderBy: [{ township: "asc" }, { village: "asc" }, { id: "asc" }],
  });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("households");
  sheet.addRow([...headers]);
  for (const h of households) {
    const id = h.idNumberCipher && keys ? maskIdNumber(keys.decrypt(h.idNumberCipher)) : "";
    sheet.addRow([
      h.name, id, h.township ?? "", h.village ?? "", h.workLocation ?? "", h.phone ? maskPhone(h.phone) : "", h.size ?? "",
      h.helper?.name ?? "", h.contacts[0]?.contactedAt.toISOString().slice(0, 10) ?? "", h.duties[0]?.state === "done" ? "✓" : "",
    ]);
  }
  await audit(db, clock, { actorId, regionId, action: "household.export", subject: `region:${regionId}`, details: { households: households.length, masked: true } });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The full phone of one household, for its helper cadre; the read is audited (P3). */
export async function revealPhone(db: Db, clock: Clock, householdId: number, actorId: number | null): Promise<string | null> {
  const household = await db.household.findUniqueOrThrow({ where: { id: householdId } });
  await audit(db, clock, { actorId, regionId: household.regionId, action: "household.phone.reveal", subject: `household:${household.id}`, details: { purpose: "contact" } });
  return household.phone;
}

export async function deactivateHousehold(db: Db, clock: Clock, householdId: number, actorId: number | null): Promise<void> {
  const household = await db.household.update({ where: { id: householdId }, data: { active: false, deactivatedAt: clock.now(), telegramUserId: null } });
  await audit(db, clock, { actorId, regionId: household.regionId, action: "household.deactivate", subject: `household:${household.id}` });
}

/**
 * Deletes deactivated households (with their contact logs, duties and invites) once each
 * county's retention period has passed since deactivation. Idempotent: run it daily.
 */
export async function purgeDeactivatedHouseholds(db: Db, clock: Clock): Promise<number> {
  let purged = 0;
  for (const region of await db.region.findMany({ where: { households: { some: { active: false } } } })) {
    const cutoff = new Date(clock.now().getTime() - householdSettings(region.settings).retentionDays * DAY_MS);
    const gone = await db.household.deleteMany({ where: { regionId: region.id, active: false, deactivatedAt: { lt: cutoff } } });
    if (gone.count === 0) continue;
    purged += gone.count;
    await audit(db, clock, { regionId: region.id, action: "household.purge", details: { households: gone.count, before: cutoff.toISOString() } });
  }
  return purged;
}

/** Changes a county's household settings, keeping every other setting; audited. */
export async function setHouseholdSettings(db: Db, clock: Clock, regionId: number, change: Partial<HouseholdSettings>, actorId: number | null): Promise<void> {
  const region = await db.region.findUniqueOrThrow({ where: { id: regionId } });
  // The merged settings are plain JSON; the round trip turns their `unknown` values into a JSON value for Prisma.
  const settings = JSON.parse(JSON.stringify(withHouseholdSettings(region.settings, change))) as object;
  await db.region.update({ where: { id: regionId }, data: { settings } });
  await audit(db, clock, { actorId, regionId, action: "household.settings", subject: `region:${regionId}`, details: { ...(change.phoneReveal ? { phoneReveal: change.phoneReveal } : {}), ...(change.retentionDays ? { retentionDays: change.retentionDays } : {}) } });
}
