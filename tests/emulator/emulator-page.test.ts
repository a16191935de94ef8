// The demo page in a real browser: type in a person's pane, see a grammY bot's echo,
// press its inline button, and keep a screenshot in artifacts/ for people to look at.
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { Bot, InlineKeyboard } from "grammy";
import { type Browser, chromium } from "playwright-core";
import { type Harness, PNG, TOKEN, startEmulator } from "./helpers.js";
import { createOffsetClock } from "../../src/clock.js";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const skip = process.env["SKIP_BROWSER_TESTS"] === "1";

describe("emulator: demo page", { skip: skip ? "SKIP_BROWSER_TESTS=1" : false }, () => {
  let h: Harness;
  let browser: Browser;
  let bot: Bot;
  let running: Promise<void>;
  let admin: number;
  let official: number;
  let groupId: number;

  before(async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium fonts-wqy-microhei), set CHROMIUM_PATH, or set SKIP_BROWSER_TESTS=1`,
    );
    h = await startEmulator({ clock: createOffsetClock() });
    admin = (await h.client.createUser({ first_name: "王", last_name: "主任", label: "县管理员 王主任 (admin)" })).id;
    official = (await h.client.createUser({ first_name: "刘", last_name: "科长", label: "单位 刘科长 (official)" })).id;
    groupId = (await h.client.createGroup({ title: "县督办工作群", memberIds: [admin, official] })).id;
    bot = new Bot(TOKEN, { client: { apiRoot: h.emulator.url } });
    bot.on("message:text", (ctx) =>
      ctx.reply(`回声：<b>${escapeHtml(ctx.message.text)}</b>`, { parse_mode: "HTML", reply_markup: new InlineKeyboard().text("确认收到", "ack") }),
    );
    bot.callbackQuery("ack", async (ctx) => {
      await ctx.answerCallbackQuery("已确认");
      await ctx.editMessageText("已确认 ✅");
    });
    let started: () => void = () => undefined;
    const polling = new Promise<void>((resolve) => (started = resolve));
    running = bot.start({ onStart: () => started() });
    await polling;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
    await running;
    await h?.close();
  });

  it("lets a person chat with the bot, press its button and move the clock", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(h.emulator.url);
    assert.equal(await page.title(), "Duban demo — 督办 演示");
    const pane = page.getByTestId(`pane-${admin}`);
    await pane.getByText("县管理员 王主任 (admin)").waitFor();

    await page.getByTestId(`input-${admin}`).fill("你好 <督办>");
    await page.getByTestId(`send-${admin}`).click();
    const echo = pane.locator('[data-from="bot"]').filter({ hasText: "回声：你好 <督办>" });
    await echo.waitFor({ timeout: 5000 });
    assert.equal(await echo.locator("b").textContent(), "你好 <督办>");

    await echo.getByRole("button", { name: "确认收到" }).click();
    await pane.getByText("已确认 ✅").waitFor({ timeout: 5000 });
    await page.getByTestId("toast").getByText("已确认").waitFor({ timeout: 5000 });
    assert.equal(await pane.getByRole("button", { name: "确认收到" }).count(), 0);

    await page.getByTestId(`speaker-${groupId}`).selectOption(String(official));
    // Privacy mode: in groups the bot hears only commands, replies and mentions.
    await page.getByTestId(`input-${groupId}`).fill("@duban_bot 群里收到");
    await page.getByTestId(`input-${groupId}`).press("Enter");
    await page.getByTestId(`pane-${groupId}`).getByText("回声：@duban_bot 群里收到").waitFor({ timeout: 5000 });

    await h.client.sendPhoto(official, "现场.png", PNG, { caption: "现场照片" });
    await page.getByTestId(`pane-${official}`).locator("img").waitFor();

    const before = Number(await page.getByTestId("clock-now").getAttribute("data-ms"));
    await page.getByTestId("clock-advance-day").click();
    await page.waitForFunction((ms) => Number(document.querySelector('[data-testid="clock-now"]')?.getAttribute("data-ms")) >= ms, before + 86_400_000);
    const after = (await h.client.clock()).ms;
    assert.ok(after - before >= 86_400_000 && after - before < 86_400_000 + 60_000);

    await page.getByTestId("clock-input").fill("2026-12-01T09:00");
    await page.getByTestId("clock-set").click();
    // The demo clock keeps running after the jump, so the page shows the target or a little later.
    await page.waitForFunction((ms) => {
      const shown = Number(document.querySelector('[data-testid="clock-now"]')?.getAttribute("data-ms"));
      return shown >= ms && shown < ms + 60_000;
    }, Date.parse("2026-12-01T01:00:00Z"));
    assert.equal((await h.client.clock()).now.slice(0, 16), "2026-12-01T01:00");

    mkdirSync("artifacts", { recursive: true });
    await page.screenshot({ path: "artifacts/emulator-demo.png", fullPage: true });
  });
});
