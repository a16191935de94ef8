// Who may do what, as pure functions over the actor's grants. The guard (src/bot/middlewares/
// guard.ts) loads the grants and the scope of the object an update names from the database,
// then asks here; handlers never decide permissions themselves.
import { roleNeedsUnit, type Role } from "./roles.js";

/** One role held in one county, optionally within one unit. */
export interface Grant {
  regionId: number;
  unitId: number | null;
  role: Role;
}

export interface Actor {
  /** Deployment operators (config OWNER_IDS): they create counties and load holiday schedules, nothing more. */
  owner: boolean;
  grants: readonly Grant[];
}

export type Permission =
  | { kind: "county.create" }
  /** Opening the admin menu: some county to administer or some unit to lead. */
  | { kind: "menu" }
  /** Settings, unit directory, members, roles, removals and invites of one county. */
  | { kind: "county.admin"; regionId: number }
  /** The members and invites of one unit. */
  | { kind: "unit.lead"; regionId: number; unitId: number }
  /** Acting on a unit's task (签收, status, evidence): its officials, head and cadres, or a county admin. */
  | { kind: "assignment.act"; regionId: number; unitId: number }
  | { kind: "invite.create"; regionId: number; unitId: number | null; role: Role }
  /** Subscribing a group: a county admin who is also an admin of that Telegram group. */
  | { kind: "subscription.manage"; regionId: number; chatAdmin: boolean }
  /** Opening /subscribe or /unsubscribe in a group: its admin, and an admin of some county. */
  | { kind: "subscription.start"; chatAdmin: boolean }
  /** Logging contacts and viewing one household: its helper cadre (`helper`: the actor is it), or a county admin. */
  | { kind: "household.help"; regionId: number; helper: boolean }
  /** Seeing one household's full phone in chat: only its helper cadre, and only where the county allows it. */
  | { kind: "household.reveal"; regionId: number; helper: boolean; allowed: boolean }
  /** What a household member does in the bot (a leaflet of their county): `member` of a household there. */
  | { kind: "household.self"; member: boolean }
  /**
   * Loading the holidays of a year the calendar library does not know: the calendar is shared
   * by every county, but each county's admins are the ones warned, so any county's admin or an
   * operator may load it (every load is audited with who did it).
   */
  | { kind: "calendar.manage" };

export type Refusal = "not-owner" | "not-county-admin" | "not-unit-head" | "not-unit-member" | "role-not-allowed" | "unit-required" | "not-chat-admin"
  | "not-helper" | "reveal-off" | "not-household" | "not-calendar-admin";
export type Decision = { allowed: true } | { allowed: false; reason: Refusal };

/** The roles a unit head may hand out in their own unit ("heads invite their members"). */
export const UNIT_HEAD_INVITABLE: readonly Role[] = ["official", "cadre"];

const ALLOW: Decision = { allowed: true };
const refuse = (reason: Refusal): Decision => ({ allowed: false, reason });

export function isCountyAdmin(actor: Actor, regionId: number): boolean {
  return actor.grants.some((g) => g.role === "admin" && g.regionId === regionId);
}

/** Roles whose holders work on their unit's tasks (households never do). */
export const TASK_ROLES: readonly Role[] = ["official", "unit_head", "cadre"];

/** Holds some working role in the county (a cadre moved away keeps no access to its households). */
function inCounty(actor: Actor, regionId: number): boolean {
  return actor.grants.some((g) => g.regionId === regionId && g.role !== "household");
}

export function worksInUnit(actor: Actor, regionId: number, unitId: number): boolean {
  return actor.grants.some((g) => TASK_ROLES.includes(g.role) && g.regionId === regionId && g.unitId === unitId);
}

export function leadsUnit(actor: Actor, regionId: number, unitId: number): boolean {
  return actor.grants.some((g) => g.role === "unit_head" && g.regionId === regionId && g.unitId === unitId);
}

/** Counties the actor administers, in the order of their grants. */
export function adminRegionIds(actor: Actor): number[] {
  return [...new Set(actor.grants.filter((g) => g.role === "admin").map((g) => g.regionId))];
}

/** Units the actor heads in counties they do not also administer. */
export function ledUnits(actor: Actor): Array<{ regionId: number; unitId: number }> {
  return actor.grants
    .filter((g): g is Grant & { unitId: number } => g.role === "unit_head" && g.unitId !== null && !isCountyAdmin(actor, g.regionId))
    .map((g) => ({ regionId: g.regionId, unitId: g.unitId }));
}

export function decide(actor: Actor, permission: Permission): Decision {
  switch (permission.kind) {
    case "county.create":
      return actor.owner ? ALLOW : refuse("not-owner");
    case "menu":
      return adminRegionIds(actor).length > 0 || ledUnits(actor).length > 0 ? ALLOW : refuse("not-county-admin");
    case "county.admin":
      return isCountyAdmin(actor, permission.regionId) ? ALLOW : refuse("not-county-admin");
    case "unit.lead":
      if (isCountyAdmin(actor, permission.regionId) || leadsUnit(actor, permission.regionId, permission.unitId)) return ALLOW;
      return refuse("not-unit-head");
    case "assignment.act":
      return isCountyAdmin(actor, permission.regionId) || worksInUnit(actor, permission.regionId, permission.unitId) ? ALLOW : refuse("not-unit-member");
    case "invite.create":
      return decideInvite(actor, permission.regionId, permission.unitId, permission.role);
    case "subscription.manage":
      if (!permission.chatAdmin) return refuse("not-chat-admin");
      return isCountyAdmin(actor, permission.regionId) ? ALLOW : refuse("not-county-admin");
    case "subscription.start":
      if (!permission.chatAdmin) return refuse("not-chat-admin");
      return adminRegionIds(actor).length > 0 ? ALLOW : refuse("not-county-admin");
    case "household.help":
      return isCountyAdmin(actor, permission.regionId) || (permission.helper && inCounty(actor, permission.regionId)) ? ALLOW : refuse("not-helper");
    case "household.reveal":
      if (!permission.allowed) return refuse("reveal-off");
      return permission.helper && inCounty(actor, permission.regionId) ? ALLOW : refuse("not-helper");
    case "household.self":
      return permission.member ? ALLOW : refuse("not-household");
    case "calendar.manage":
      return actor.owner || adminRegionIds(actor).length > 0 ? ALLOW : refuse("not-calendar-admin");
  }
}

function decideInvite(actor: Actor, regionId: number, unitId: number | null, role: Role): Decision {
  if (roleNeedsUnit(role) && unitId === null) return refuse("unit-required");
  if (isCountyAdmin(actor, regionId)) return ALLOW;
  if (unitId === null || !leadsUnit(actor, regionId, unitId)) return refuse("not-unit-head");
  return UNIT_HEAD_INVITABLE.includes(role) ? ALLOW : refuse("role-not-allowed");
}
