import assert from "node:assert/strict";
import { createI18n } from "../../src/bot/i18n.js";
import type { Db } from "../../src/db/client.js";
import { BULLETIN_KIND, sendWeeklyBulletins } from "../../src/reports/weekly-bulletin.js";
import type { OutboxPayload } from "../../src/scheduler/outbox.js";
import { onBothDatabases } from "../org/helpers.js";
import { OPEN, RED_AFTER_DAYS } from "./expected.js";
import { seedReports } from "./fixture.js";

const i18n = createI18n("zh-CN");
const translate = (locale: string, key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, vars);

/** Monday 2026-11-30, 09:00 in Shanghai. */
const MONDAY_NINE = new Date("2026-11-30T01:00:00Z");
const DAY = 86_400_000;

async function arrange(db: Db) {
  const f = await seedReports(db);
  const admin = await db.person.create({ data: { name: "赵主任", telegramUserId: 501n, locale: "en" } });
  const gone = await db.person.create({ data: { name: "离任", telegramUserId: 502n, active: false } });
  for (const person of [admin, gone]) await db.membership.create({ data: { personId: person.id, regionId: f.regionId, role: "admin" } });
  const group = await db.chat.create({ data: { telegramChatId: -1001n, type: "supergroup", title: "督查群" } });
  const quiet = await db.chat.create({ data: { telegramChatId: -1002n, type: "group", title: "不要通报" } });
  await db.subscription.create({ data: { chatId: group.id, regionId: f.regionId } });
  await db.subscription.create({ data: { chatId: quiet.id, regionId: f.regionId, digests: false } });
  const households = await Promise.all(
    [["张三", "城关镇"], ["李四", "城关镇"], ["王五", "青石镇"], ["赵六", null]].map(([name, township]) => db.household.create({ data: { regionId: f.regionId, name: name ?? "", township } })),
  );
  // Contacted this quarter, contacted last quarter only, a leaflet only, nothing.
  await db.contactLog.create({ data: { householdId: households[0]?.id ?? 0, channel: "phone", contactedAt: new Date("2026-10-09T02:00:00Z") } });
  await db.contactLog.create({ data: { householdId: households[1]?.id ?? 0, channel: "phone", contactedAt: new Date("2026-09-20T02:00:00Z") } });
  await db.contactLog.create({ data: { householdId: households[2]?.id ?? 0, channel: "visit", purpose: "leaflet", contactedAt: new Date("2026-11-02T02:00:00Z") } });
  // A county on London time: its Monday 09:00 comes eight hours later.
  const london = await db.region.create({ data: { name: "伦敦县", timeZone: "Europe/London" } });
  const londoner = await db.person.create({ data: { name: "Smith", telegramUserId: 601n } });
  await db.membership.create({ data: { personId: londoner.id, regionId: london.id, role: "admin" } });
  return f;
}

async function bulletinRows(db: Db, address: string) {
  const rows = await db.outboxMessage.findMany({ where: { kind: BULLETIN_KIND, address }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ ...r, payload: r.payload as unknown as OutboxPayload }));
}

onBothDatabases("the weekly bulletin", {
  "queued once per county and ISO week from Monday 09:00 local, to admins and digest groups": async (database) => {
    const { db } = database;
    const deps = { store: database, translate, defaultLocale: "zh-CN" };
    const f = await arrange(db);
    assert.equal(await sendWeeklyBulletins(deps, new Date(MONDAY_NINE.getTime() - 60_000)), 0, "08:59 is too early");
    assert.ok((await sendWeeklyBulletins(deps, MONDAY_NINE)) >= 2);
    assert.equal(await sendWeeklyBulletins(deps, new Date(MONDAY_NINE.getTime() + 3_600_000)), 0, "once a week");
    assert.deepEqual([...new Set((await db.outboxMessage.findMany({ where: { kind: BULLETIN_KIND } })).map((r) => r.address))].sort(), ["-1001", "501"]);

    assert.ok((await sendWeeklyBulletins(deps, new Date("2026-11-30T09:00:00Z"))) >= 1, "London's Monday 09:00");
    assert.equal((await bulletinRows(db, "601")).length, 1);
    assert.equal(await sendWeeklyBulletins(deps, new Date(MONDAY_NINE.getTime() + DAY)), 0, "Tuesday is not bulletin day");
    const nextWeek = await sendWeeklyBulletins(deps, new Date(MONDAY_NINE.getTime() + 7 * DAY));
    assert.ok(nextWeek >= 2, "a new ISO week, a new bulletin");
    const keys = (await bulletinRows(db, "501")).map((r) => r.dedupeKey);
    assert.ok(keys.some((k) => k.startsWith(`bulletin:${f.regionId}:2026-W49:501:`)) && keys.some((k) => k.startsWith(`bulletin:${f.regionId}:2026-W50:501:`)));
  },

  "the bulletin's numbers are those of the database at that moment, in each reader's language": async (database) => {
    const { db } = database;
    const f = await arrange(db);
    await sendWeeklyBulletins({ store: database, translate, defaultLocale: "zh-CN" }, MONDAY_NINE);
    const group = (await bulletinRows(db, "-1001")).map((r) => r.payload.text).join("\n");
    const english = (await bulletinRows(db, "501")).map((r) => r.payload.text).join("\n");
    const rows = await db.assignment.findMany({ where: { unit: { regionId: f.regionId } }, include: { unit: true } });
    const overdue = rows.filter((a) => OPEN.includes(a.state) && a.dueAt !== null && a.dueAt < MONDAY_NINE);
    const red = overdue.filter((a) => (a.dueAt?.getTime() ?? 0) < MONDAY_NINE.getTime() - RED_AFTER_DAYS * DAY);
    assert.match(group, /📢 <b>督查通报 · 云溪县<\/b>（2026-W49）/);
    assert.match(group, /一、上周办结情况排名<\/b>（2026-11-23 – 2026-11-29）/);
    assert.ok(group.includes(`红牌 ${red.length} 项，黄牌 ${overdue.length - red.length} 项`));
    const unsigned = new Map<string, number>();
    for (const a of rows.filter((x) => x.state === "assigned")) unsigned.set(a.unit.name, (unsigned.get(a.unit.name) ?? 0) + 1);
    assert.ok(group.includes(`三、尚未签收的单位</b>：${unsigned.size} 个`));
    for (const [unit, count] of unsigned) assert.ok(group.includes(`· ${unit}：${count} 项未签收`), unit);
    assert.ok(group.includes("四、本季度尚未联系的贫困户</b>：3 户"));
    for (const line of ["· 城关镇：1 户", "· 青石镇：1 户", "· 未填乡镇：1 户"]) assert.ok(group.includes(line), line);
    assert.ok(group.includes("&lt;重点&gt;工作 &amp; 落实责任"), "directive text is escaped for HTML");
    assert.match(english, /📢 <b>Bulletin · 云溪县<\/b>/);
    assert.ok(english.includes(`${red.length} red, ${overdue.length - red.length} yellow`));
    assert.ok((await bulletinRows(db, "-1001")).every((r) => r.payload.text.length <= 4096 && r.payload.html === true));
  },
});
