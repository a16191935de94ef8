// Takes the README's walkthrough screenshots from the running demo page:
//   npx tsx scripts/demo-screenshots.ts
// Starts `npm run demo` on a free port with a throw-away database, drives the page in
// Debian's Chromium (CHROMIUM_PATH to change) and writes docs/screenshots/*.png.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Page } from "playwright-core";

const dataDir = mkdtempSync(join(tmpdir(), "duban-shots-"));
const demo = spawn("npm", ["run", "-s", "demo", "--", "--port", "0", "--database", join(dataDir, "demo.db")], {
  stdio: ["ignore", "pipe", "inherit"],
  detached: true,
});
const url = await new Promise<string>((done, fail) => {
  let out = "";
  demo.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
    const found = /Duban demo is running: (http:\/\/\S+)/.exec(out)?.[1];
    if (found) done(found);
  });
  demo.on("exit", (code) => fail(new Error(`demo exited with ${code}`)));
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const ADMIN = 1001;
const OFFICIAL = 1002;

async function botSays(page: Page, personId: number, text: string): Promise<void> {
  await page.getByTestId(`messages-${personId}`).locator('[data-from="bot"]').filter({ hasText: text }).last().waitFor({ timeout: 20_000 });
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync("docs/screenshots", { recursive: true });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
  console.log(`docs/screenshots/${name}.png`);
}

try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(url);
  await page.getByTestId(`file-${ADMIN}`).setInputFiles(resolve("docs/sample-report.txt"));
  await botSays(page, ADMIN, "唐振华");
  await shoot(page, "01-plan-preview");
  await page.getByTestId(`input-${OFFICIAL}`).fill("/start");
  await page.getByTestId(`send-${OFFICIAL}`).click();
  await page.getByTestId(`input-${ADMIN}`).fill("/admin");
  await page.getByTestId(`send-${ADMIN}`).click();
  await botSays(page, OFFICIAL, "欢迎使用督办");
  await shoot(page, "02-admin-menu");
} finally {
  await browser.close();
  if (demo.pid) process.kill(-demo.pid, "SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}
