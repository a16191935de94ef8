// The analysis view: the same text in simplified script with half-width punctuation,
// index-aligned with its source (one UTF-16 unit in, one out) so that every offset
// found in the view slices the source text in its own script.
import { Converter } from "opencc-js/t2cn";

type Convert = (text: string) => string;
let t2s: Convert | null = null;

function converter(): Convert {
  // The conversion tables take a few milliseconds to build: once per process.
  if (t2s) return t2s;
  const built: Convert = Converter({ from: "t", to: "cn" });
  t2s = built;
  return built;
}

const PUNCT: Record<string, string> = {
  "，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?", "　": " ", "．": ".",
  "﹙": "(", "﹚": ")", "〔": "(", "〕": ")", "［": "[", "］": "]", "％": "%", "～": "~",
};

const FULL_WIDTH = /[，；：（）！？　．﹙﹚〔〕［］％～\uFF10-\uFF5A]/g;

function halfWidth(ch: string): string {
  // Full-width digits and Latin letters (U+FF10–U+FF5A) map to ASCII by a fixed offset.
  return PUNCT[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

export function simplifiedView(text: string): string {
  const convert = converter();
  let simplified = convert(text);
  if (simplified.length !== text.length) {
    // A phrase rule changed the length: fall back to character-by-character conversion.
    simplified = Array.from(text, (ch) => {
      const c = convert(ch);
      return c.length === ch.length ? c : ch;
    }).join("");
  }
  return simplified.replace(FULL_WIDTH, halfWidth);
}

/** Traditional when a noticeable share of the Han characters change under conversion. */
export function detectScript(source: string, view: string): "simplified" | "traditional" {
  let han = 0;
  let changed = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch < 0x4e00 || ch > 0x9fff) continue;
    han++;
    if (source[i] !== view[i]) changed++;
  }
  return han > 0 && changed / han > 0.03 ? "traditional" : "simplified";
}
