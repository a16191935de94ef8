import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const skip = process.env.SKIP_BROWSER_TESTS === "1" ? "SKIP_BROWSER_TESTS=1" : false;

let demo: ChildProcess;
let url: string;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), "duban-demo-"));

before(async () => {
  if (skip) return;
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH, or SKIP_BROWSER_TESTS=1)`);
  // Exactly what a person runs, on a free port and a throw-away database file.
  demo = spawn("npm", ["run", "-s", "demo", "--", "--port", "0", "--database", join(dataDir, "demo.db")], {
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`demo did not print its URL: ${out}`)), 60_000);
    demo.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const found = /Duban demo is running: (http:\/\/\S+)/.exec(out)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    demo.on("exit", (code) => reject(new Error(`demo exited with ${code}: ${out}`)));
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  if (demo?.pid) process.kill(-demo.pid, "SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
});

test("npm run demo: the admin types /start in the page and sees the localized welcome", { skip, timeout: 120_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  assert.match(await page.title(), /督办/);
  const adminId = 1001;
  await page.getByTestId(`pane-${adminId}`).waitFor();
  assert.match(await page.getByTestId(`title-${adminId}`).innerText(), /王主任/);
  await page.getByTestId(`input-${adminId}`).fill("/start");
  await page.getByTestId(`send-${adminId}`).click();
  const welcome = page.getByTestId(`messages-${adminId}`).locator('[data-from="bot"]').filter({ hasText: "欢迎使用督办" });
  await welcome.waitFor({ timeout: 15_000 });
  const text = await welcome.innerText();
  assert.match(text, /云溪县 — 县级管理员/);
  mkdirSync("artifacts", { recursive: true });
  await page.screenshot({ path: "artifacts/demo-start.png", fullPage: true });
});

test("npm run demo: moving the clock to the seeded task's deadline brings its reminder into the finance bureau's WeCom pane", { skip, timeout: 120_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  const pane = page.getByTestId("side-messages-wecom");
  await pane.waitFor();
  assert.match(await page.getByTestId("side-title-wecom").innerText(), /企业微信 · 县财政局企业微信群/);
  // The deadline, as the bureau head reads it on the task card in his pane.
  const card = page.getByTestId("messages-1002").locator('[data-from="bot"]').filter({ hasText: "期限：" }).first();
  await card.waitFor({ timeout: 15_000 });
  const due = /期限：(\d{4}-\d{2}-\d{2})/.exec(await card.innerText())?.[1];
  assert.ok(due, "the card shows the deadline");
  await page.getByTestId("clock-input").fill(`${due}T10:00`);
  await page.getByTestId("clock-set").click();
  const reminder = pane.locator('[data-testid^="side-msg-wecom-"]').filter({ hasText: "今日到期" });
  await reminder.waitFor({ timeout: 20_000 });
  const text = await reminder.last().innerText();
  assert.match(text, /县财政局牵头做好春耕备耕资金保障/);
  assert.match(text, /在 Telegram 中处理/, "a link back to the bot where the task is handled");
  mkdirSync("artifacts", { recursive: true });
  await page.screenshot({ path: "artifacts/demo-wecom.png", fullPage: true });
});
