import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import { SUPPORTED_LOCALES, type Locale } from "../config.js";
import type { BotContext } from "./context.js";

export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

export function isLocale(value: string | null | undefined): value is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value ?? "");
}

/** Maps Telegram's language_code (an IETF tag, often just "zh") to one of our locales. */
export function localeFromTelegram(code: string | undefined, fallback: Locale): Locale {
  if (!code) return fallback;
  const tag = code.toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(tag)) return "zh-TW";
  if (tag.startsWith("zh")) return "zh-CN";
  if (tag.startsWith("en")) return "en";
  return fallback;
}

export function createI18n(defaultLocale: Locale): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale,
    // Bidi isolation marks would show up as stray characters around names in Telegram.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => {
      if (isLocale(ctx.person?.locale)) return ctx.person.locale;
      return localeFromTelegram(ctx.from?.language_code, defaultLocale);
    },
  });
  i18n.loadLocalesDirSync(LOCALES_DIR);
  return i18n;
}
