// Household contact coverage: who was contacted this quarter and whether this year's
// leaflet went out. Phones leave here masked and ID numbers never leave at all.
import { Prisma } from "../../prisma/sqlite/generated/client.js";
import type { Db } from "../db/client.js";
import { maskPhone } from "../domain/pii-mask.js";
import { atLocalTime, localDateOf } from "../time.js";
import { quarterStartOf } from "./period.js";
import { count } from "./scope.js";

export interface HouseholdRow {
  name: string;
  township: string | null;
  village: string | null;
  workLocation: string | null;
  helper: string | null;
  phoneMasked: string | null;
  contactsThisQuarter: number;
  lastContactAt: Date | null;
  lastChannel: string | null;
  leafletThisYear: boolean;
}

export interface CoverageWindow {
  quarterStart: Date;
  yearStart: Date;
}

export function coverageWindow(now: Date, zone: string): CoverageWindow {
  const today = localDateOf(now, zone);
  return { quarterStart: atLocalTime(quarterStartOf(today), "00:00", zone), yearStart: atLocalTime(`${today.slice(0, 4)}-01-01`, "00:00", zone) };
}

/** Households of a county, or those whose helper cadre belongs to `unitId`. */
function householdsWhere(regionId: number, unitId: number | null) {
  return { regionId, active: true, ...(unitId === null ? {} : { helper: { memberships: { some: { unitId } } } }) };
}

export async function householdRows(db: Db, regionId: number, unitId: number | null, window: CoverageWindow): Promise<HouseholdRow[]> {
  const households = await db.household.findMany({
    where: householdsWhere(regionId, unitId),
    select: {
      name: true, township: true, village: true, workLocation: true, phone: true,
      helper: { select: { name: true } },
      contacts: { where: { contactedAt: { gte: window.yearStart } }, select: { purpose: true, channel: true, contactedAt: true }, orderBy: { contactedAt: "desc" } },
    },
    orderBy: [{ township: "asc" }, { village: "asc" }, { id: "asc" }],
  });
  return households.map((h) => {
    const contacts = h.contacts.filter((c) => c.purpose === "contact");
    return {
      name: h.name,
      township: h.township,
      village: h.village,
      workLocation: h.workLocation,
      helper: h.helper?.name ?? null,
      phoneMasked: h.phone ? maskPhone(h.phone) : null,
      contactsThisQuarter: contacts.filter((c) => c.contactedAt >= window.quarterStart).length,
      lastContactAt: contacts[0]?.contactedAt ?? null,
      lastChannel: contacts[0]?.channel ?? null,
      leafletThisYear: h.contacts.some((c) => c.purpose === "leaflet"),
    };
  });
}

export interface UncontactedTownship {
  township: string | null;
  households: number;
}

/** Active households with no contact since the quarter began, counted per township. */
export async function uncontactedByTownship(db: Db, regionId: number, quarterStart: Date): Promise<UncontactedTownship[]> {
  const rows = await db.$queryRaw<Array<{ township: string | null; n: unknown }>>(Prisma.sql`
    SELECT h."township" AS "township", COUNT(*) AS "n" FROM "Household" h
    WHERE h."regionId" = ${regionId} AND h."active" = ${true}
      AND NOT EXISTS (SELECT 1 FROM "ContactLog" c WHERE c."householdId" = h."id" AND c."purpose" = 'contact' AND c."contactedAt" >= ${quarterStart})
    GROUP BY h."township" ORDER BY COUNT(*) DESC`);
  return rows.map((r) => ({ township: r.township, households: count(r.n) }));
}
