// Importing households from a file sent to the bot. All-or-nothing by default: with any
// rejected row nothing is written, the admin gets the summary and a CSV of the rejected
// rows with their reasons (numbers masked), and may send a corrected file or press
// "import the valid rows" — which reads the same file again, by the id kept in the question.
import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { Document } from "grammy/types";
import type { Region } from "../../../prisma/sqlite/generated/client.js";
import { isSpreadsheetName } from "../../services/directory-import.js";
import { ensureHouseholdDuties, planHouseholdReminders } from "../../services/household-duties.js";
import { importHouseholds, MAX_HOUSEHOLD_FILE_BYTES, MAX_HOUSEHOLD_ROWS, rejectedRowsCsv, type HouseholdImportResult } from "../../services/household-import.js";
import { optionalPiiKeys } from "../../services/pii-crypto.js";
import { askFor, takePrompt } from "../../services/prompts.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { importAskData, importValidData } from "../keyboards/household-data.js";
import { guard, idOf, needCounty } from "../middlewares/guard.js";
import { storeOf } from "../notify.js";
import { download } from "./directory.js";
import { ask, onAnswer } from "./prompts.js";
import { plannerDeps } from "./reminders.js";

export const householdImportFeature = new Composer<BotContext>();

const IMPORT_PROMPT = "households.import";

householdImportFeature.callbackQuery(
  importAskData.filter,
  guard(
    (ctx) => needCounty(ctx, idOf(importAskData.unpack(ctx.callbackQuery.data)?.region)),
    (ctx, region) => ask(ctx, IMPORT_PROMPT, { region: region.id }, ctx.t("hh-import-ask", { region: escapeHtml(region.name) })),
  ),
);

async function runImport(ctx: BotContext, region: Region, actorId: number | null, file: { id: string; name: string }, mode: "all-or-nothing" | "valid-rows"): Promise<void> {
  const bytes = await download(ctx, { file_id: file.id, file_unique_id: file.id, file_name: file.name } satisfies Document);
  const result = await importHouseholds(storeOf(ctx), ctx.deps.clock, { bytes, fileName: file.name }, { regionId: region.id, actorId, mode, keys: optionalPiiKeys(ctx.config.PII_KEY) });
  if (!result.ok) {
    const text = ctx.t(`hh-import-file-${result.file}`, { mb: MAX_HOUSEHOLD_FILE_BYTES / 1024 / 1024, rows: MAX_HOUSEHOLD_ROWS, names: (result.missing ?? []).join("、") });
    await ask(ctx, IMPORT_PROMPT, { region: region.id }, text);
    return;
  }
  if (result.applied) {
    await ensureHouseholdDuties(storeOf(ctx), ctx.deps.clock, region.id);
    await planHouseholdReminders(plannerDeps(ctx), region.id);
  }
  await report(ctx, region, result, file);
}

async function report(ctx: BotContext, region: Region, result: HouseholdImportResult & { ok: true }, file: { id: string; name: string }): Promise<void> {
  const counts = { created: result.created, updated: result.updated, count: result.errors.length, rows: result.valid };
  if (result.errors.length === 0) {
    await ctx.reply(ctx.t("hh-import-done", counts));
    return;
  }
  const csv = rejectedRowsCsv(result.errors, ctx.t("hh-rejected-columns").split("|"), (problem) => ctx.t(`hh-problem-${problem}`));
  const document = new InputFile(csv, `rejected-rows-${region.id}.csv`);
  if (result.applied) {
    await ctx.replyWithDocument(document, { caption: ctx.t("hh-import-partial", counts) });
    return;
  }
  // The question stays open: a corrected file can simply be sent, or the same file's valid rows taken.
  if (ctx.chat && ctx.person) await askFor(ctx.deps.db, ctx.deps.clock, { telegramChatId: ctx.chat.id, personId: ctx.person.id }, IMPORT_PROMPT, { region: region.id, fileId: file.id, fileName: file.name });
  const keyboard = result.valid > 0 ? new InlineKeyboard().text(ctx.t("hh-btn-import-valid", counts), importValidData.pack({ region: region.id })) : undefined;
  await ctx.replyWithDocument(document, { caption: ctx.t("hh-import-rejected", counts), ...(keyboard ? { reply_markup: keyboard } : {}) });
}

onAnswer(IMPORT_PROMPT, "document", (ctx, payload, answer) =>
  guard(
    (c) => needCounty(c, idOf(payload.region)),
    async (c, region, actor) => {
      const document = answer.document;
      if (!document) return;
      const name = document.file_name ?? "";
      const refusal = !isSpreadsheetName(name) ? "unsupported" : (document.file_size ?? 0) > MAX_HOUSEHOLD_FILE_BYTES ? "too-big" : null;
      if (refusal) {
        await ask(c, IMPORT_PROMPT, { region: region.id }, c.t(`hh-import-file-${refusal}`, { mb: MAX_HOUSEHOLD_FILE_BYTES / 1024 / 1024 }));
        return;
      }
      await runImport(c, region, actor.personId, { id: document.file_id, name }, "all-or-nothing");
    },
    `prompt:${IMPORT_PROMPT}`,
  )(ctx),
);

householdImportFeature.callbackQuery(
  importValidData.filter,
  guard(
    (ctx) => needCounty(ctx, idOf(importValidData.unpack(ctx.callbackQuery.data)?.region)),
    async (ctx, region, actor) => {
      await ctx.answerCallbackQuery();
      const prompt = ctx.chat && ctx.person ? await takePrompt(ctx.deps.db, ctx.deps.clock, { telegramChatId: ctx.chat.id, personId: ctx.person.id }) : null;
      const { fileId, fileName } = prompt?.kind === IMPORT_PROMPT && prompt.payload.region === region.id ? prompt.payload : {};
      if (typeof fileId !== "string" || typeof fileName !== "string") {
        await ctx.reply(ctx.t("hh-import-file-gone"));
        return;
      }
      await runImport(ctx, region, actor.personId, { id: fileId, name: fileName }, "valid-rows");
    },
  ),
);
