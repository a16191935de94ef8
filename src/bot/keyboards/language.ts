import { InlineKeyboard } from "grammy";
import { SUPPORTED_LOCALES, type Locale } from "../../config.js";
import { callbackData } from "../callback-data.js";

export const languageData = callbackData("lang", ["locale"]);

/** Each language is named in itself, so a reader of any of them finds theirs. */
const LANGUAGE_NAMES: Record<Locale, string> = { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" };

export function createLanguageKeyboard(current: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of SUPPORTED_LOCALES) {
    const mark = locale === current ? "✓ " : "";
    keyboard.text(`${mark}${LANGUAGE_NAMES[locale]}`, languageData.pack({ locale }));
  }
  return keyboard;
}
