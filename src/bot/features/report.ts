// /report [scope] [period]: the supervision numbers of a county, unit or meeting as a short
// text and two charts. A county or meeting report is for the county's admins, a unit's for
// its head or the county's admins; the guard decides after the target is found.
import { Composer, InputFile, type CommandContext } from "grammy";
import type { Region } from "../../../prisma/sqlite/generated/client.js";
import { countySettings, type CountySettings } from "../../domain/county-settings.js";
import type { Permission } from "../../domain/permissions.js";
import { periodOf } from "../../reports/period.js";
import { parseReportArgs, requestedName, type ReportArgs } from "../../reports/report-args.js";
import { completionChart, trendChart } from "../../reports/report-charts.js";
import { buildReport } from "../../reports/report-data.js";
import { periodLabel, reportMessages } from "../../reports/report-text.js";
import { resolveTarget, type Target } from "../../reports/resolve-target.js";
import type { BotContext } from "../context.js";
import { guard, needMenu, type LoadedActor, type Need } from "../middlewares/guard.js";

export interface ReportRequest {
  target: Target;
  region: Region;
  settings: CountySettings;
  args: ReportArgs;
  /** "县财政局" or "全县": what the heading and the file name call the scope. */
  label: string;
}

type Handler = (ctx: BotContext, request: ReportRequest, actor: LoadedActor) => Promise<void>;

async function needTarget(ctx: BotContext, target: Target): Promise<Need<Region> | null> {
  const region = await ctx.deps.db.region.findUnique({ where: { id: target.scope.regionId } });
  if (!region) return null;
  const { scope } = target;
  const permission: Permission = scope.kind === "unit" ? { kind: "unit.lead", regionId: region.id, unitId: scope.unitId } : { kind: "county.admin", regionId: region.id };
  return { permission, scope: region };
}

/**
 * The shared front of /report and /export: reads the arguments, finds what they name and
 * runs `handler` if the guard allows; otherwise answers with usage or "not found".
 */
export function targetedCommand(usageKey: string, handler: Handler) {
  return async (ctx: CommandContext<BotContext>): Promise<void> => {
    if (!ctx.from) return;
    const parsed = parseReportArgs(ctx.match);
    if (!parsed.ok) {
      await ctx.reply(ctx.t(parsed.reason === "bad-period" ? "report-bad-period" : usageKey));
      return;
    }
    const { args } = parsed;
    const found = await resolveTarget(ctx.deps.db, ctx.from.id, args.scope);
    if (!found.found && found.reason !== "none") {
      const name = requestedName(args.scope);
      await ctx.reply(ctx.t(`report-${found.reason}`, { unit: name, value: name }));
      return;
    }
    // Nobody to report on: the guard refuses (and audits) as for any menu of a non-admin.
    const run = found.found
      ? guard((c) => needTarget(c, found.target), async (c, region, actor) => {
          const label = found.target.label ?? c.t("report-scope-county");
          await handler(c, { target: found.target, region, settings: countySettings(region), args, label }, actor);
        })
      : guard(needMenu, async (c) => {
          await c.reply(c.t(usageKey));
        });
    await run(ctx);
  };
}

async function sendReport(ctx: BotContext, request: ReportRequest): Promise<void> {
  const { region, settings, args, target, label } = request;
  const now = ctx.deps.clock.now();
  const period = periodOf(args.period ?? { kind: "month" }, now, settings.timeZone);
  const data = await buildReport(ctx.deps.db, target.scope, period, now, settings);
  for (const text of reportMessages(ctx.t, { region: region.name, scope: label }, data, settings.timeZone)) {
    await ctx.reply(text, { parse_mode: "HTML" });
  }
  if (data.units.length === 0) return;
  await ctx.replyWithChatAction("upload_photo");
  const title = `${region.name} · ${label} · ${periodLabel(ctx.t, period)}`;
  const [completion, trend] = await Promise.all([completionChart(ctx.t, title, data), trendChart(ctx.t, title, data)]);
  await ctx.replyWithPhoto(new InputFile(completion, "report-completion.png"), { caption: `${title} · ${ctx.t("report-chart-completion")}` });
  await ctx.replyWithPhoto(new InputFile(trend, "report-trend.png"), { caption: `${title} · ${ctx.t("report-chart-trend")}` });
}

export const reportFeature = new Composer<BotContext>();

reportFeature.chatType("private").command("report", targetedCommand("report-usage", sendReport));
