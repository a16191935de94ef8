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
