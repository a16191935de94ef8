// Translation into someone else's locale (a card queued for another member, an alert to a
// supervisor): ctx.t speaks only the presser's language, so the bundles are loaded once here.
import type { I18n } from "@grammyjs/i18n";
import type { Locale } from "../config.js";
import type { Translate } from "../messages/translate.js";
import type { BotContext } from "./context.js";
import { createI18n } from "./i18n.js";

const loaded = new Map<Locale, I18n<BotContext>>();

export function translatorFor(defaultLocale: Locale): Translate {
  let i18n = loaded.get(defaultLocale);
  if (!i18n) {
    i18n = createI18n(defaultLocale);
    loaded.set(defaultLocale, i18n);
  }
  const bundles = i18n;
  return (locale, key, variables) => bundles.t(locale, key, variables);
}
