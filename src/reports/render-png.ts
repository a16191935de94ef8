// SVG to PNG with resvg, using only the font files named here: charts look the same on
// every machine, and a missing CJK font fails loudly instead of drawing boxes for Chinese.
// The font comes from the system package fonts-wqy-microhei (README, .ci/run install it).
// resvg reads a font file again for every glyph it draws, and this one is 5 MB: charts keep
// their text short, and render on resvg's worker threads so two charts draw side by side.
import { existsSync } from "node:fs";
import { renderAsync } from "@resvg/resvg-js";
import { CHART_FONT_FAMILY } from "./chart-svg.js";

export const CHART_FONT_FILES = ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"];

export class ChartFontMissingError extends Error {}

export async function renderPng(svg: string, fontFiles: readonly string[] = CHART_FONT_FILES): Promise<Buffer> {
  const missing = fontFiles.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new ChartFontMissingError(`chart font missing: ${missing.join(", ")} (install the fonts-wqy-microhei package: apt-get install fonts-wqy-microhei)`);
  }
  const image = await renderAsync(svg, {
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    background: "#ffffff",
  });
  return image.asPng();
}
