// Runs the emulator on its own: `npx tsx src/emulator/cli.ts --port 8081`. Multi-process
// tests start it this way and read the URL it prints on its first line of output.
import { parseArgs } from "node:util";
import { createEmulator } from "./server.js";

const HELP = `Usage: tsx src/emulator/cli.ts [options]

Runs Duban's local Telegram Bot API emulator (Bot API, test API at /__emulator/,
demo page at /). Prints "emulator listening on <url>" once it accepts requests.

Options:
  --port <n>          port to listen on (default 8081; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1)
  --token <token>     register a bot token up front (repeatable)
  --username <name>   bot username (default duban_bot)
  --latency <ms>      artificial latency per Bot API call (default 0)
  --no-privacy        bots hear every group message (privacy mode off in BotFather)
  --help              show this help
`;

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8081" },
    host: { type: "string", default: "127.0.0.1" },
    token: { type: "string", multiple: true, default: [] },
    username: { type: "string", default: "duban_bot" },
    latency: { type: "string", default: "0" },
    "no-privacy": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const port = Number(values.port);
const latencyMs = Number(values.latency);
if (!Number.isInteger(port) || port < 0 || !Number.isFinite(latencyMs) || latencyMs < 0) {
  process.stderr.write(`invalid --port or --latency\n\n${HELP}`);
  process.exit(2);
}

const emulator = createEmulator({
  tokens: values.token,
  botUsername: values.username,
  latencyMs,
  privacyMode: !values["no-privacy"],
});
const url = await emulator.listen(port, values.host).catch((error: unknown) => {
  process.stderr.write(`emulator: cannot listen on ${values.host}:${port}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
process.stdout.write(`emulator listening on ${url}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
