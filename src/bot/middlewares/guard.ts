// The one place where permissions are enforced. Every protected command, button and typed
// answer is wrapped in guard(): it loads who is acting, resolves the ids the update names
// to the rows they point at (so the county always comes from the database, never from
// callback data, B3), asks src/domain/permissions.ts, and either runs the handler with the
// resolved rows or refuses politely and writes an `access.denied` audit row (S4).
import type { CallbackQueryContext, Composer } from "grammy";
import { decide, type Actor, type Permission, type Refusal } from "../../domain/permissions.js";
import type { Role } from "../../domain/roles.js";
import { householdSettings } from "../../domain/household-settings.js";
import { loadActor } from "../../services/memberships.js";
import { audit } from "../../services/audit.js";
import type { CallbackCodec } from "../callback-data.js";
import type { BotContext } from "../context.js";

export type LoadedActor = Actor & { personId: number | null };

export interface Need<S> {
  permission: Permission;
  scope: S;
}

type Resolver<C extends BotContext, S> = (ctx: C) => Promise<Need<S> | null>;
type Handler<C extends BotContext, S> = (ctx: C, scope: S, actor: LoadedActor) => Promise<void>;

/** Ids arrive as text (callback data, prompt payloads); anything but a positive integer names nothing. */
export function idOf(value: string | number | undefined): number | null {
  const id = typeof value === "number" ? value : Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function guard<C extends BotContext, S>(resolve: Resolver<C, S>, handler: Handler<C, S>, label?: string) {
  return async (ctx: C): Promise<void> => {
    if (!ctx.from) return;
    const actor = await loadActor(ctx.deps.db, ctx.from.id, ctx.config.OWNER_IDS);
    const need = await resolve(ctx);
    const decision = need ? decide(actor, need.permission) : ({ allowed: false, reason: "gone" } as const);
    if (decision.allowed && need) {
      await handler(ctx, need.scope, actor);
      return;
    }
    const reason: Refusal | "gone" = decision.allowed ? "gone" : decision.reason;
    await refuse(ctx, actor, reason, need ? regionOf(need.permission) : null, label ?? describe(ctx));
  };
}

type ButtonContext = CallbackQueryContext<BotContext>;

/**
 * guard() for a button: unpacks its callback data once and hands it to the resolver and the
 * handler; data of the wrong shape names nothing and is refused like an unknown id.
 */
export function guardButton<F extends string, S>(
  codec: CallbackCodec<F>,
  resolve: (ctx: ButtonContext, data: Record<F, string>) => Promise<Need<S> | null>,
  handler: (ctx: ButtonContext, scope: S, press: { actor: LoadedActor; data: Record<F, string> }) => Promise<void>,
) {
  return guard<ButtonContext, { scope: S; data: Record<F, string> }>(
    async (ctx) => {
      const data = codec.unpack(ctx.callbackQuery.data);
      const need = data ? await resolve(ctx, data) : null;
      return need && data ? { permission: need.permission, scope: { scope: need.scope, data } } : null;
    },
    (ctx, { scope, data }, actor) => handler(ctx, scope, { actor, data }),
  );
}

/** Registers a guarded button on a composer: the filter and the unpacking come from one codec. */
export function onButton<F extends string, S>(
  composer: Composer<BotContext>,
  codec: CallbackCodec<F>,
  resolve: (ctx: ButtonContext, data: Record<F, string>) => Promise<Need<S> | null>,
  handler: (ctx: ButtonContext, scope: S, press: { actor: LoadedActor; data: Record<F, string> }) => Promise<void>,
): void {
  composer.callbackQuery(codec.filter, guardButton(codec, resolve, handler));
}

async function refuse(ctx: BotContext, actor: LoadedActor, reason: Refusal | "gone", regionId: number | null, what: string): Promise<void> {
  const { db, clock } = ctx.deps;
  await audit(db, clock, {
    actorId: actor.personId,
    regionId,
    action: "access.denied",
    subject: `telegram:${ctx.from?.id ?? 0}`,
    details: { what, reason },
  });
  const text = ctx.t(`denied-${reason}`);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text, ctx.msg ? { reply_parameters: { message_id: ctx.msg.message_id } } : {});
}

function regionOf(permission: Permission): number | null {
  return "regionId" in permission ? permission.regionId : null;
}

function describe(ctx: BotContext): string {
  if (ctx.callbackQuery?.data) return `button:${ctx.callbackQuery.data.split(":")[0]}`;
  const command = /^\/([A-Za-z0-9_]+)/.exec(ctx.msg?.text ?? "")?.[1];
  return command ? `command:${command}` : "message";
}

async function isChatAdmin(ctx: BotContext): Promise<boolean> {
  if (!ctx.chat || !ctx.from || ctx.chat.type === "private") return false;
  const member = await ctx.getChatMember(ctx.from.id);
  return member.status === "creator" || member.status === "administrator";
}

// What each kind of update needs, resolved from the database.

export const needOwner = async (): Promise<Need<null>> => ({ permission: { kind: "county.create" }, scope: null });
export const needMenu = async (): Promise<Need<null>> => ({ permission: { kind: "menu" }, scope: null });
export const needCalendar = async (): Promise<Need<null>> => ({ permission: { kind: "calendar.manage" }, scope: null });

export async function needCounty(ctx: BotContext, regionId: number | null) {
  const region = regionId === null ? null : await ctx.deps.db.region.findUnique({ where: { id: regionId } });
  return region ? { permission: { kind: "county.admin", regionId: region.id } as const, scope: region } : null;
}

/** A unit's county admin (directory changes) or, with `lead`, also the unit's head. */
export async function needUnit(ctx: BotContext, unitId: number | null, lead = false) {
  const unit = unitId === null ? null : await ctx.deps.db.unit.findUnique({ where: { id: unitId }, include: { region: true } });
  if (!unit || unit.archivedAt) return null;
  const permission: Permission = lead ? { kind: "unit.lead", regionId: unit.regionId, unitId: unit.id } : { kind: "county.admin", regionId: unit.regionId };
  return { permission, scope: unit };
}

export async function needMembership(ctx: BotContext, membershipId: number | null) {
  const membership = membershipId === null ? null : await ctx.deps.db.membership.findUnique({ where: { id: membershipId } });
  return membership ? { permission: { kind: "county.admin", regionId: membership.regionId } as const, scope: membership } : null;
}

/** Creating an invite for `role` in a county (unitId null) or one of its units. */
export async function needInviteCreate(ctx: BotContext, regionId: number | null, unitId: number | null, role: Role) {
  const { db } = ctx.deps;
  const unit = unitId === null ? null : await db.unit.findUnique({ where: { id: unitId } });
  const region = unit ? await db.region.findUnique({ where: { id: unit.regionId } }) : regionId === null ? null : await db.region.findUnique({ where: { id: regionId } });
  if (!region || (unitId !== null && !unit)) return null;
  return { permission: { kind: "invite.create", regionId: region.id, unitId: unit?.id ?? null, role } as const, scope: { region, unit } };
}

export async function needInvite(ctx: BotContext, inviteId: number | null) {
  const invite = inviteId === null ? null : await ctx.deps.db.inviteToken.findUnique({ where: { id: inviteId } });
  if (!invite) return null;
  const permission: Permission = invite.unitId === null ? { kind: "county.admin", regionId: invite.regionId } : { kind: "unit.lead", regionId: invite.regionId, unitId: invite.unitId };
  return { permission, scope: invite };
}

export async function needGroupAdmin<C extends BotContext>(ctx: C): Promise<Need<null>> {
  return { permission: { kind: "subscription.start", chatAdmin: await isChatAdmin(ctx) }, scope: null };
}

/** Subscribing this group to a county: the county's admin, and an admin of this group. */
export async function needGroupCounty(ctx: BotContext, regionId: number | null) {
  const region = regionId === null ? null : await ctx.deps.db.region.findUnique({ where: { id: regionId } });
  if (!region) return null;
  return { permission: { kind: "subscription.manage", regionId: region.id, chatAdmin: await isChatAdmin(ctx) } as const, scope: region };
}

/** A subscription of this very chat (a button copied to another chat names nothing). */
export async function needSubscription(ctx: BotContext, subscriptionId: number | null) {
  const sub = subscriptionId === null ? null : await ctx.deps.db.subscription.findUnique({ where: { id: subscriptionId }, include: { chat: true, region: true } });
  if (!sub || sub.chat.telegramChatId !== BigInt(ctx.chat?.id ?? 0)) return null;
  return { permission: { kind: "subscription.manage", regionId: sub.regionId, chatAdmin: await isChatAdmin(ctx) } as const, scope: sub };
}

/** One household, for its helper cadre or a county admin (logging contacts, its card, its invite). */
export async function needHousehold(ctx: BotContext, householdId: number | null) {
  const household = householdId === null ? null : await ctx.deps.db.household.findUnique({ where: { id: householdId }, include: { region: true } });
  if (!household?.active) return null;
  const helper = household.helperId !== null && household.helperId === ctx.person?.id;
  return { permission: { kind: "household.help", regionId: household.regionId, helper } as const, scope: household };
}

/** One household's full phone: its helper cadre, where the county allows revealing in chat. */
export async function needPhoneReveal(ctx: BotContext, householdId: number | null) {
  const found = await needHousehold(ctx, householdId);
  if (!found) return null;
  const allowed = householdSettings(found.scope.region.settings).phoneReveal === "helper";
  return { permission: { kind: "household.reveal", regionId: found.scope.regionId, helper: found.permission.helper, allowed } as const, scope: found.scope };
}

/** A notice's leaflet: a member of a household of the notice's county. */
export async function needHouseholdNotice(ctx: BotContext, noticeId: number | null) {
  const notice = noticeId === null ? null : await ctx.deps.db.householdNotice.findUnique({ where: { id: noticeId } });
  if (!notice || !ctx.from) return null;
  const household = await ctx.deps.db.household.findFirst({ where: { regionId: notice.regionId, telegramUserId: BigInt(ctx.from.id), active: true } });
  return { permission: { kind: "household.self", member: household !== null } as const, scope: notice };
}

/** A county's household lists: a helper cadre of some household there, or a county admin. */
export async function needHelperCounty(ctx: BotContext, regionId: number | null) {
  const region = regionId === null ? null : await ctx.deps.db.region.findUnique({ where: { id: regionId } });
  if (!region) return null;
  const helps = ctx.person !== null && (await ctx.deps.db.household.count({ where: { regionId: region.id, helperId: ctx.person.id, active: true } })) > 0;
  return { permission: { kind: "household.help", regionId: region.id, helper: helps } as const, scope: region };
}

/** Changing one household's registration (deactivating it): the county's admin. */
export async function needHouseholdAdmin(ctx: BotContext, householdId: number | null) {
  const household = householdId === null ? null : await ctx.deps.db.household.findUnique({ where: { id: householdId }, include: { region: true } });
  if (!household?.active) return null;
  return { permission: { kind: "county.admin", regionId: household.regionId } as const, scope: household };
}
