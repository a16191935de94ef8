// /export [scope] [period] [csv]: the ledger (台账) as a file. Same targets and permissions
// as /report; without a period the ledger holds every assignment of the scope. Each export
// is audited: the file carries names of households and cadres.
import { Composer, InputFile } from "grammy";
import { periodOf } from "../../reports/period.js";
import { exportLedger } from "../../reports/ledger-export.js";
import { periodLabel } from "../../reports/report-text.js";
import { audit } from "../../services/audit.js";
import type { BotContext } from "../context.js";
import type { LoadedActor } from "../middlewares/guard.js";
import { targetedCommand, type ReportRequest } from "./report.js";

async function sendLedger(ctx: BotContext, request: ReportRequest, actor: LoadedActor): Promise<void> {
  const { region, settings, args, target, label } = request;
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const period = args.period ? periodOf(args.period, now, settings.timeZone) : null;
  await ctx.replyWithChatAction("upload_document");
  const file = await exportLedger(db, ctx.t, { scope: target.scope, period, format: args.format, title: `${region.name}-${label}`, now, zone: settings.timeZone });
  const subject = target.scope.kind === "unit" ? `unit:${target.scope.unitId}` : target.scope.kind === "meeting" ? `meeting:${target.scope.meetingId}` : `region:${region.id}`;
  await audit(db, clock, { actorId: actor.personId, regionId: region.id, action: "ledger.export", subject, details: { format: args.format, from: period?.from ?? null, to: period?.to ?? null } });
  const caption = ctx.t("export-caption", { region: region.name, title: period ? `${label} · ${periodLabel(ctx.t, period)}` : label });
  await ctx.replyWithDocument(new InputFile(file.bytes, file.fileName), { caption });
}

export const exportFeature = new Composer<BotContext>();

exportFeature.chatType("private").command("export", targetedCommand("export-usage", sendLedger));
