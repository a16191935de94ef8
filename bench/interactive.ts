// npm run bench:interactive — L4: 1,000 user updates in 10 s while the bot's dispatcher sends
// a broadcast (L1) on the same token, the emulator at Telegram's limits with 50 ms latency.
// Each update redeems an invite and is answered with the unit's name, so every reply is
// matched with its update: reply time from the message to the reply's arrival at "Telegram",
// per-chat order, 429s met by replies, and what the broadcast kept of its rate meanwhile.
// Last line: `interactive: N updates in S s during a broadcast: p95 reply X ms, order kept in A/B chats, …`.
// Options: --users 100 --units 10 --seconds 10 --broadcast 2000 --latency 50 --provider sqlite|postgresql.
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import type { Provider } from "../src/db/client.js";
import { broadcastSends, queueBroadcast, replyFigures, sendJoinsApart, sentRequests, startBotLoad } from "./bot-load.js";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100" },
    units: { type: "string", default: "10" },
    seconds: { type: "string", default: "10" },
    broadcast: { type: "string", default: "2000" },
    latency: { type: "string", default: "50" },
    provider: { type: "string", default: "sqlite" },
  },
});
const log = (line: string): void => void process.stdout.write(`${line}\n`);
const rate = (count: number, ms: number): string => (count / Math.max(ms / 1000, 0.001)).toFixed(1);

const load = await startBotLoad({
  provider: values.provider as Provider,
  latencyMs: Number(values.latency),
  users: Number(values.users),
  units: Number(values.units),
  recipients: Number(values.broadcast),
});
try {
  const updates = load.users.length * load.invites.tokens.length;
  log(`workload: ${updates} updates from ${load.users.length} people in ${values.seconds} s during a broadcast of ${load.recipients.length}, ${values.provider}, Telegram's limits, latency ${values.latency} ms`);
  await queueBroadcast(load, "l4");
  // The updates start once the broadcast is under way.
  while (broadcastSends(await sentRequests(load.client), "l4").length < 50) await sleep(200);
  const sent = await sendJoinsApart(load, updates / Number(values.seconds));
  const [first, last] = [Math.min(...sent.map((s) => s.at)), Math.max(...sent.map((s) => s.at))];
  const deadline = Date.now() + 180_000;
  const replied = async () => (await sentRequests(load.client)).filter((r) => r.status === 200 && load.users.includes(Number(r.params["chat_id"]))).length;
  while ((await replied()) < updates && Date.now() < deadline) await sleep(500);

  const requests = await sentRequests(load.client);
  const replies = replyFigures(load, sent, requests);
  const broadcast = broadcastSends(requests, "l4");
  const meanwhile = broadcast.filter((at) => at >= first && at <= last).length;
  const broadcast429 = requests.filter((r) => r.status === 429 && String(r.params["text"]).startsWith("l4 ")).length;
  const failedUpdates = load.botOutput().split("\n").filter((line) => line.includes("update handling failed")).length;
  log(`updates: ${updates} sent in ${((last - first) / 1000).toFixed(1)} s, answered ${replies.answered}, missing ${replies.missing}, other replies (apologies) ${replies.otherReplies}, failed updates ${failedUpdates}`);
  log(`replies: p50 ${replies.p50Ms} ms, p95 ${replies.p95Ms} ms, p99 ${replies.p99Ms} ms (target p95 < 2000 ms), order kept in ${replies.ordered}/${load.users.length} chats, 429s met ${replies.replies429}`);
  log(`broadcast meanwhile: ${meanwhile} sent, ${rate(meanwhile, last - first)} msg/s; in all ${broadcast.length}/${load.recipients.length}, 429s ${broadcast429}`);
  log(`interactive: ${updates} updates in ${((last - first) / 1000).toFixed(1)} s during a broadcast: p95 reply ${replies.p95Ms} ms, order kept in ${replies.ordered}/${load.users.length} chats, missing ${replies.missing}, 429s to replies ${replies.replies429}`);
} finally {
  await load.stop();
}
