// Households' recurring duties: each active household with a helper cadre gets, per
// period, a "contact at least N times" duty and a "send the policy leaflet and letter"
// duty. The rule (period and count) comes from the county's latest published directive
// that states one for that purpose, else the county defaults (src/domain/household-settings.ts).
// Reminders go to the helper cadre through the outbox, one message per cadre listing
// their households still due (L2), timed by the same rules as task deadlines (blue before,
// yellow/red overdue, one red escalation to the county admins).
import { createHash } from "node:crypto";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { escapeHtml } from "../bot/html.js";
import { pickData } from "../bot/keyboards/household-data.js";
import { countySettings, type CountySettings } from "../domain/county-settings.js";
import { householdSettings } from "../domain/household-settings.js";
import { occurrenceOn, parseRecurrence, type Occurrence, type RecurrenceRule } from "../domain/recurrence.js";
import { planDeadlineReminders, type PlannedReminder } from "../domain/reminder-plan.js";
import type { Translate } from "../messages/translate.js";
import { enqueue, type NewOutboxRow } from "../scheduler/outbox.js";
import { execute, type Store } from "../scheduler/raw-sql.js";
import { dropStalePending } from "../scheduler/stale-rows.js";
import { atLocalTime, endOfLocalDay, localDateOf } from "../time.js";
import { loadWorkingCalendar } from "./holiday-calendar.js";

export const DUTY_PURPOSES = ["contact", "leaflet"] as const;
export type DutyPurpose = (typeof DUTY_PURPOSES)[number];

export function isDutyPurpose(value: string): value is DutyPurpose {
  return (DUTY_PURPOSES as readonly string[]).includes(value);
}

/** Outbox kinds of household reminders start with this; re-planning replaces only these. */
export const HOUSEHOLD_REMINDER_KIND = "household.reminder.";
/** Periods are calendar months, quarters and years: any anchor on a 1 January aligns them. */
const ANCHOR = "2020-01-01";

/** The period of a household rule that contains `date` (YYYY-MM-DD in the county's zone). */
export function periodOn(rule: RecurrenceRule, date: string): Occurrence | null {
  return occurrenceOn(rule, ANCHOR, date);
}
/** A reminder names at most this many households; the rest are counted (Telegram's 4096 characters). */
const LISTED = 25;

const KEYWORDS: Record<DutyPurpose, RegExp> = {
  contact: /(电话|聯繫|联系|联络|走访|回访)/,
  leaflet: /(宣传单|宣传资料|明白纸|慰问信|宣傳單|慰問信)/,
};
const ABOUT_HOUSEHOLDS = /(外出|贫困户|脱贫户|帮扶|貧困戶|幫扶)/;

/** Which purpose a directive's text states a household rule for, if any. */
export function directivePurpose(text: string): DutyPurpose | null {
  if (!ABOUT_HOUSEHOLDS.test(text)) return null;
  if (KEYWORDS.leaflet.test(text)) return "leaflet";
  return KEYWORDS.contact.test(text) ? "contact" : null;
}

export interface HouseholdRules {
  rules: Record<DutyPurpose, RecurrenceRule>;
  /** The directive each rule came from, or null for the county default. */
  sources: Record<DutyPurpose, number | null>;
}

/** The rules in force in a county: the latest published directive stating one, else the defaults. */
export async function householdRules(db: Db, region: { id: number; settings: unknown }): Promise<HouseholdRules> {
  const defaults = householdSettings(region.settings);
  const result: HouseholdRules = { rules: { contact: defaults.contactRule, leaflet: defaults.leafletRule }, sources: { contact: null, leaflet: null } };
  const directives = await db.directive.findMany({
    where: { meeting: { regionId: region.id, state: "published" }, dropped: false },
    select: { id: true, text: true, recurrence: true },
    orderBy: [{ meeting: { publishedAt: "asc" } }, { id: "asc" }],
  });
  for (const d of directives) {
    const purpose = directivePurpose(d.text);
    if (purpose === null || d.recurrence === null) continue;
    try {
      result.rules[purpose] = parseRecurrence(d.recurrence);
      result.sources[purpose] = d.id;
    } catch {
      // A directive whose rule cannot be read leaves the previous rule in force.
    }
  }
  return result;
}

/** Creates this period's duties for every active household with a helper; resolves to the number created. */
export async function ensureHouseholdDuties(store: Store, clock: Clock, regionId: number): Promise<number> {
  const region = await store.db.region.findUniqueOrThrow({ where: { id: regionId } });
  const { rules } = await householdRules(store.db, region);
  const today = localDateOf(clock.now(), region.timeZone);
  let created = 0;
  for (const purpose of DUTY_PURPOSES) {
    const period = periodOn(rules[purpose], today);
    if (!period) continue;
    // One statement for the whole county: thousands of households are normal.
    created += await execute(
      store,
      `INSERT INTO "HouseholdDuty" ("householdId", "purpose", "periodStart", "periodEnd", "dueAt", "required", "completed", "state", "createdAt")
       SELECT h."id", $1::text, $2::text, $3::text, $4::timestamp, $5::int, 0, 'open', $6::timestamp FROM "Household" h
       WHERE h."regionId" = $7 AND h."active" = $8 AND h."helperId" IS NOT NULL
       ON CONFLICT ("householdId", "purpose", "periodStart") DO NOTHING`,
      purpose, period.start, period.end, endOfLocalDay(period.due, region.timeZone), period.required, clock.now(), regionId, true,
    );
  }
  return created;
}

export interface HouseholdPlanDeps {
  store: Store;
  clock: Clock;
  translate: Translate;
  defaultLocale: string;
}

interface DueGroup {
  helperId: number;
  purpose: DutyPurpose;
  periodStart: string;
  dueAt: Date;
  households: Array<{ id: number; name: string; village: string | null }>;
}

async function openGroups(db: Db, regionId: number, helperId?: number): Promise<DueGroup[]> {
  const duties = await db.householdDuty.findMany({
    where: { state: "open", household: { regionId, active: true, ...(helperId !== undefined ? { helperId } : { helperId: { not: null } }) } },
    include: { household: { select: { id: true, name: true, village: true, helperId: true } } },
    orderBy: [{ dueAt: "asc" }, { householdId: "asc" }],
  });
  const groups = new Map<string, DueGroup>();
  for (const d of duties) {
    const helper = d.household.helperId;
    if (helper === null || !isDutyPurpose(d.purpose)) continue;
    const key = `${helper}:${d.purpose}:${d.periodStart}`;
    const group = groups.get(key) ?? { helperId: helper, purpose: d.purpose, periodStart: d.periodStart, dueAt: d.dueAt, households: [] };
    group.households.push(d.household);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function householdLines(group: DueGroup): string {
  const names = group.households.slice(0, LISTED).map((h) => `• ${escapeHtml(h.name)}${h.village ? ` (${escapeHtml(h.village)})` : ""}`);
  const more = group.households.length - LISTED;
  return more > 0 ? [...names, `… +${more}`].join("\n") : names.join("\n");
}

function rowsFor(deps: HouseholdPlanDeps, regionId: number, group: DueGroup, plan: PlannedReminder[], people: { helper: Recipient | null; admins: Recipient[]; helperName: string }, settings: CountySettings): NewOutboxRow[] {
  const set = createHash("sha256").update(group.households.map((h) => h.id).join(",")).digest("hex").slice(0, 10);
  const due = localDateOf(group.dueAt, settings.timeZone);
  return plan.flatMap((r) => {
    const to = r.audience === "assignees" ? (people.helper ? [people.helper] : []) : people.admins;
    return to.map((recipient) => {
      const vars = { count: group.households.length, due, days: Math.abs(r.daysLeft), colour: r.colour ?? "none", kind: group.purpose, name: escapeHtml(people.helperName), lines: householdLines(group) };
      const text = deps.translate(recipient.locale, r.kind === "escalation" ? "hh-escalation" : r.kind === "overdue" ? "hh-reminder-overdue" : "hh-reminder", vars);
      return {
        address: recipient.address,
        kind: `${HOUSEHOLD_REMINDER_KIND}${r.kind}`,
        payload: {
          text, html: true, locale: recipient.locale, line: text,
          ...(r.audience === "assignees" ? { buttons: [[{ text: deps.translate(recipient.locale, group.purpose === "contact" ? "hh-btn-contacted" : "hh-btn-leaflet-sent"), data: pickData.pack({ region: regionId, purpose: group.purpose, page: 0 }) }]] } : {}),
        },
        dueAt: r.at,
        expiresAt: r.expiresAt,
        dedupeKey: `hh:${group.helperId}:${group.purpose}:${group.periodStart}:${r.step}:${set}:${recipient.address}`,
        subjectType: "household-helper",
        subjectId: group.helperId,
      };
    });
  });
}

interface Recipient {
  address: string;
  locale: string;
}

const recipientOf = (p: { telegramUserId: bigint | null; locale: string | null; active: boolean }, fallback: string): Recipient | null =>
  p.telegramUserId !== null && p.active ? { address: String(p.telegramUserId), locale: p.locale ?? fallback } : null;

/**
 * Plans (or re-plans) the helper cadres' household reminders of one county, or of one
 * cadre: pending reminders whose list of households changed are replaced. Idempotent.
 */
export async function planHouseholdReminders(deps: HouseholdPlanDeps, regionId: number, helperId?: number): Promise<{ enqueued: number; cancelled: number }> {
  const { db } = deps.store;
  const region = await db.region.findUniqueOrThrow({ where: { id: regionId } });
  const settings = countySettings(region);
  const calendar = await loadWorkingCalendar(db, settings.respectWorkingDays);
  const now = deps.clock.now();
  const admins = (await db.person.findMany({ where: { memberships: { some: { regionId, role: "admin" } } }, orderBy: { id: "asc" } }))
    .flatMap((p) => recipientOf(p, deps.defaultLocale) ?? []);
  const groups = await openGroups(db, regionId, helperId);
  const helpers = new Map((await db.person.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.helperId))] } } })).map((p) => [p.id, p]));
  const rows = groups.flatMap((group) => {
    const helper = helpers.get(group.helperId);
    const start = atLocalTime(group.periodStart, "00:00", settings.timeZone);
    const plan = planDeadlineReminders({ dueAt: group.dueAt, assignedAt: start, now, settings, calendar });
    const people = { helper: helper ? recipientOf(helper, deps.defaultLocale) : null, admins, helperName: helper?.name ?? "?" };
    return rowsFor(deps, regionId, group, plan, people, settings);
  });
  const cancelled = await dropStalePending(db, {
    kind: { startsWith: HOUSEHOLD_REMINDER_KIND }, subjectType: "household-helper",
    ...(helperId !== undefined ? { subjectId: helperId } : { subjectId: { in: await helperIdsOf(db, regionId) } }),
  }, rows, now);
  return { enqueued: await enqueue(deps.store, rows, now), cancelled };
}

async function helperIdsOf(db: Db, regionId: number): Promise<number[]> {
  const rows = await db.household.findMany({ where: { regionId, helperId: { not: null } }, select: { helperId: true }, distinct: ["helperId"] });
  return rows.flatMap((r) => (r.helperId === null ? [] : [r.helperId]));
}

/**
 * The periodic household job (hourly with the reminder planning, like extendReminderPlans):
 * opens each county's new periods and re-plans its cadres' reminders, rolling overdue
 * reminders forward. Idempotent.
 */
export async function extendHouseholdPlans(deps: HouseholdPlanDeps): Promise<{ counties: number; duties: number }> {
  const regions = await deps.store.db.region.findMany({ where: { households: { some: { active: true } } }, select: { id: true } });
  let duties = 0;
  for (const region of regions) {
    duties += await ensureHouseholdDuties(deps.store, deps.clock, region.id);
    await planHouseholdReminders(deps, region.id);
  }
  return { counties: regions.length, duties };
}
