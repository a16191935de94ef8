// Filling a county's directory in one go: the starter directory, or a CSV/XLSX file.
import { Composer, InlineKeyboard } from "grammy";
import type { Document } from "grammy/types";
import { STARTER_DIRECTORY } from "../../domain/starter-directory.js";
import { importDirectory, isSpreadsheetName, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type RowError } from "../../services/directory-import.js";
import { loadStarterDirectory } from "../../services/units.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { guard, onButton, idOf, needCounty } from "../middlewares/guard.js";
import { countyMenuData, importData, starterData, starterLoadData, unitListData } from "../keyboards/org-data.js";
import { show } from "../screen.js";
import { ask, onAnswer } from "./prompts.js";

export const directoryFeature = new Composer<BotContext>();

/** A row report longer than this would be cut by Telegram's 4096 characters; the rest is counted. */
const MAX_REPORTED_ROWS = 30;

onButton(
  directoryFeature,
  starterData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  async (ctx, region) => {
    const keyboard = new InlineKeyboard()
      .text(ctx.t("btn-load-starter"), starterLoadData.pack({ region: region.id }))
      .text(ctx.t("btn-back"), countyMenuData.pack({ region: region.id }));
    const names = STARTER_DIRECTORY.map((e) => e.name).join("、");
    await show(ctx, ctx.t("starter-confirm", { region: escapeHtml(region.name), count: STARTER_DIRECTORY.length, names }), keyboard);
  },
);

onButton(
  directoryFeature,
  starterLoadData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  async (ctx, region, { actor }) => {
    const result = await loadStarterDirectory(ctx.deps.db, ctx.deps.clock, region.id, actor.personId);
    const keyboard = new InlineKeyboard().text(ctx.t("btn-units"), unitListData.pack({ region: region.id, page: 0 }));
    await show(ctx, ctx.t("directory-loaded", { created: result.created, updated: result.updated }), keyboard);
  },
);

onButton(
  directoryFeature,
  importData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  (ctx, region) => ask(ctx, "directory.import", { region: region.id }, ctx.t("ask-import", { region: escapeHtml(region.name) })),
);

export async function download(ctx: BotContext, document: Document): Promise<Uint8Array> {
  const file = await ctx.api.getFile(document.file_id);
  const response = await fetch(`${ctx.config.TELEGRAM_API_ROOT}/file/bot${ctx.config.BOT_TOKEN ?? ""}/${file.file_path ?? ""}`);
  if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function rowReport(ctx: BotContext, errors: RowError[]): string {
  const lines = errors.slice(0, MAX_REPORTED_ROWS).map((e) => ctx.t("import-row-error", { row: e.row, problem: e.problem, value: escapeHtml(e.value) }));
  const more = errors.length > MAX_REPORTED_ROWS ? `\n${ctx.t("import-more-errors", { count: errors.length - MAX_REPORTED_ROWS })}` : "";
  return `${ctx.t("import-rejected", { count: errors.length })}\n${lines.join("\n")}${more}`;
}

onAnswer("directory.import", "document", (ctx, payload, answer) =>
  guard(
    (c) => needCounty(c, idOf(payload.region)),
    async (c, region, actor) => {
      const document = answer.document;
      if (!document) return;
      const fileName = document.file_name ?? "";
      const refusal = !isSpreadsheetName(fileName) ? "unsupported" : (document.file_size ?? 0) > MAX_IMPORT_BYTES ? "too-big" : null;
      if (refusal) {
        await ask(c, "directory.import", { region: region.id }, c.t(`import-file-${refusal}`, { mb: MAX_IMPORT_BYTES / 1024 / 1024, rows: MAX_IMPORT_ROWS }));
        return;
      }
      const bytes = await download(c, document);
      const result = await importDirectory(c.deps.db, c.deps.clock, region.id, { bytes, fileName }, actor.personId);
      const keyboard = new InlineKeyboard().text(ctx.t("btn-units"), unitListData.pack({ region: region.id, page: 0 }));
      if (result.ok) {
        await c.reply(c.t("directory-loaded", { created: result.created, updated: result.updated }), { reply_markup: keyboard });
        return;
      }
      const report = "file" in result ? c.t(`import-file-${result.file}`, { mb: MAX_IMPORT_BYTES / 1024 / 1024, rows: MAX_IMPORT_ROWS }) : rowReport(c, result.rows);
      // The question stays open, so the corrected file can simply be sent again.
      await ask(c, "directory.import", { region: region.id }, report);
    },
    "prompt:directory.import",
  )(ctx),
);
