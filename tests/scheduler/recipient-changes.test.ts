// What the dispatcher's "gone" and "moved" answers do to chats, through src/services/chats.ts:
// F8 when the supergroup already has its own record (the bot heard from it before the
// upgrade reached the old group's record), and F7's audit trail.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import { dueRows, states, withHarness } from "./harness.js";

for (const provider of PROVIDERS) {
  describe(`recipient changes on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("F8 with the new chat already recorded: subscriptions move to it, the old record goes, items are re-sent once", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const { db } = h.database;
        const user = await h.client.createUser({ first_name: "群主", startedBot: true });
        const group = await h.client.createGroup({ title: "工作群", memberIds: [user.id] });
        const region = await db.region.create({ data: { name: "云溪县" } });
        const old = await db.chat.create({ data: { telegramChatId: BigInt(group.id), type: "group", title: "工作群" } });
        await db.subscription.create({ data: { chatId: old.id, regionId: region.id } });
        const newId = await h.client.upgradeGroup(group.id, user.id);
        const current = await db.chat.create({ data: { telegramChatId: BigInt(newId), type: "supergroup", title: "工作群" } });
        await h.enqueue(dueRows(h.clock, [group.id, group.id]));

        await h.dispatcher({}, { groupSpacingMs: 200 }).drain();

        assert.deepEqual(await states(h.database), { sent: 2 });
        const subscriptions = await db.subscription.findMany();
        assert.deepEqual(subscriptions.map((s) => [s.chatId, s.regionId]), [[current.id, region.id]], "the subscription follows the group");
        assert.deepEqual((await db.chat.findMany()).map((c) => [c.telegramChatId, c.active]), [[BigInt(newId), true]]);
        const texts = (await h.client.messages(newId)).filter((m) => m.from?.is_bot).map((m) => m.text);
        assert.equal(texts.filter((t) => t?.startsWith("msg")).length, 2);
        assert.ok((await db.outboxMessage.findMany()).every((r) => r.address === String(newId)));
        assert.deepEqual((await db.auditLog.findMany()).map((a) => [a.action, a.regionId]), [["chat.migrate", region.id]]);
      });
    });

    test("F7: a blocked recipient is marked inactive once, with an audit row for its county", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const { db } = h.database;
        const { chatId, personId } = await h.person("钱");
        const region = await db.region.create({ data: { name: "云溪县" } });
        const chat = await db.chat.findUniqueOrThrow({ where: { telegramChatId: BigInt(chatId) } });
        await db.subscription.create({ data: { chatId: chat.id, regionId: region.id } });
        await h.client.blockBot(chatId);
        await h.enqueue(dueRows(h.clock, [chatId]));
        await h.dispatcher().drain();
        await h.enqueue(dueRows(h.clock, [chatId]));
        await h.dispatcher().drain();
        assert.equal((await db.person.findUniqueOrThrow({ where: { id: personId } })).active, false);
        const after = await db.chat.findUniqueOrThrow({ where: { id: chat.id } });
        assert.equal(after.active, false);
        assert.match(after.inactiveReason ?? "", /blocked by the user/);
        assert.deepEqual((await db.auditLog.findMany()).map((a) => [a.action, a.regionId]), [["chat.inactive", region.id]]);
      });
    });
  });
}
