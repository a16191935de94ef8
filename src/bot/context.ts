import type { Context } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";

/** What every handler may use; the scheduler gets the same services without a live update. */
export interface BotDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

export interface PersonRecord {
  id: number;
  name: string;
  locale: string | null;
}

interface DubanFlavor {
  deps: BotDeps;
  config: Config;
  /** The person behind ctx.from, or null before they ever joined. */
  person: PersonRecord | null;
}

export type BotContext = Context & I18nFlavor & DubanFlavor;
