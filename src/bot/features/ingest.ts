// A county admin sends a meeting report — pasted, forwarded, or as a .txt (UTF-8 or GBK) or
// .docx file — and gets the plan preview back as a draft to review. Files are checked for
// size and type before they are downloaded; the same report sent twice points to the first.
import { Composer, InlineKeyboard } from "grammy";
import type { Document } from "grammy/types";
import { adminRegionIds } from "../../domain/permissions.js";
import { readReport } from "../../ingest/read.js";
import { loadActor } from "../../services/memberships.js";
import { ingestDraft } from "../../services/meetings.js";
import { askFor, peekPrompt, takePrompt } from "../../services/prompts.js";
import { countiesByIds } from "../../services/regions.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { guard, idOf, needCounty } from "../middlewares/guard.js";
import { ingestCountyData, planPageData } from "../keyboards/lifecycle-data.js";
import { showPlan } from "../review-screens.js";
import { fileRefusal } from "../report-files.js";

export const ingestFeature = new Composer<BotContext>();
const privateChats = ingestFeature.chatType("private");

/** Shorter pasted text is a question or a command answer, not a report, and goes on to the other handlers. */
export const MIN_REPORT_CHARS = 200;

async function adminCounties(ctx: BotContext) {
  if (!ctx.from) return [];
  const actor = await loadActor(ctx.deps.db, ctx.from.id, ctx.config.OWNER_IDS);
  return countiesByIds(ctx.deps.db, adminRegionIds(actor));
}

/** Ingests into one county, or asks which one when the admin runs several (the text waits in a prompt). */
async function receive(ctx: BotContext, text: string): Promise<void> {
  const counties = await adminCounties(ctx);
  const [only] = counties;
  if (counties.length === 1 && only) return ingestInto(ctx, only.id, text);
  if (!ctx.chat || !ctx.person) return;
  await askFor(ctx.deps.db, ctx.deps.clock, { telegramChatId: ctx.chat.id, personId: ctx.person.id }, "ingest.county", { text });
  const keyboard = new InlineKeyboard();
  for (const county of counties) keyboard.text(county.name, ingestCountyData.pack({ region: county.id })).row();
  await ctx.reply(ctx.t("ingest-which-county"), { reply_markup: keyboard });
}

async function ingestInto(ctx: BotContext, regionId: number, text: string): Promise<void> {
  await guard(
    (c) => needCounty(c, regionId),
    async (c, region, actor) => {
      if (actor.personId === null) return;
      const result = await ingestDraft(c.deps.db, c.deps.clock, { regionId: region.id, personId: actor.personId, text });
      // From the county chooser: the plan replaces the chooser (show() answers the press); anything else is a new message.
      if (result.kind !== "draft" && c.callbackQuery) await c.answerCallbackQuery();
      if (result.kind === "not-a-report") {
        await c.reply(c.t("ingest-not-a-report"));
        return;
      }
      if (result.kind === "duplicate") {
        const keyboard = result.state === "draft" ? new InlineKeyboard().text(c.t("btn-open-draft"), planPageData.pack({ meeting: result.meetingId, page: 0 })) : undefined;
        await c.reply(c.t("ingest-duplicate", { id: result.meetingId, state: result.state }), keyboard ? { reply_markup: keyboard } : {});
        return;
      }
      await showPlan(c, result.meetingId, 0);
    },
    "ingest",
  )(ctx);
}

ingestFeature.callbackQuery(ingestCountyData.filter, async (ctx) => {
  const regionId = idOf(ingestCountyData.unpack(ctx.callbackQuery.data)?.region);
  if (!ctx.chat || !ctx.person || regionId === null) return ctx.answerCallbackQuery();
  const where = { telegramChatId: ctx.chat.id, personId: ctx.person.id };
  // An old chooser must not eat another question the admin has open since.
  const pending = await peekPrompt(ctx.deps.db, ctx.deps.clock, where);
  const prompt = pending?.kind === "ingest.county" ? await takePrompt(ctx.deps.db, ctx.deps.clock, where) : null;
  if (prompt?.kind !== "ingest.county" || typeof prompt.payload.text !== "string") {
    await ctx.answerCallbackQuery({ text: ctx.t("ingest-expired"), show_alert: true });
    return;
  }
  await ingestInto(ctx, regionId, prompt.payload.text);
});

privateChats.on("message:text", async (ctx, next) => {
  const isCommand = ctx.msg.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
  if (isCommand || ctx.msg.text.trim().length < MIN_REPORT_CHARS) return next();
  if ((await adminCounties(ctx)).length === 0) return next();
  await receive(ctx, ctx.msg.text);
});

async function download(ctx: BotContext, document: Document): Promise<Uint8Array> {
  const file = await ctx.api.getFile(document.file_id);
  const response = await fetch(`${ctx.config.TELEGRAM_API_ROOT}/file/bot${ctx.config.BOT_TOKEN ?? ""}/${file.file_path ?? ""}`);
  if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

privateChats.on("message:document", async (ctx, next) => {
  if ((await adminCounties(ctx)).length === 0) return next();
  const document = ctx.msg.document;
  const name = document.file_name ?? "";
  const before = fileRefusal({ name, size: document.file_size ?? 0 });
  if (before) {
    await ctx.reply(ctx.t("ingest-file-refused", { reason: before, name: escapeHtml(name) }), { parse_mode: "HTML" });
    return;
  }
  const bytes = await download(ctx, document);
  const after = fileRefusal({ name, size: bytes.length, bytes });
  if (after) {
    await ctx.reply(ctx.t("ingest-file-refused", { reason: after, name: escapeHtml(name) }), { parse_mode: "HTML" });
    return;
  }
  const read = await readReport(bytes, name);
  if (!read.ok) {
    await ctx.reply(ctx.t("ingest-file-refused", { reason: read.error.code, name: escapeHtml(name) }), { parse_mode: "HTML" });
    return;
  }
  await receive(ctx, read.text);
});
