// The people of bench/bot-load.ts, in their own process so that writing to the bot does not
// take the bot's event loop: reads {url, users, tokens, rate} as JSON from argv[2], sends
// every join (src/testing/join-invites.ts sendJoins) and prints what it sent as JSON.
import { EmulatorClient } from "../src/emulator/client.js";
import { sendJoins } from "../src/testing/join-invites.js";

const { url, users, tokens, rate } = JSON.parse(process.argv[2] ?? "{}") as { url: string; users: number[]; tokens: string[]; rate: number };
process.stdout.write(JSON.stringify(await sendJoins(new EmulatorClient(url), users, tokens, rate)));
