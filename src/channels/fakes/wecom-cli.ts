// A local "WeCom group" for trying /channels by hand (the demo runs its own in-process):
//   npx tsx src/channels/fakes/wecom-cli.ts --port 8090 --key demo-wecom-key-0001 --group 县财政局工作群
// Set WECOM_API_ROOT=http://127.0.0.1:8090, register the group in /channels with the key,
// and watch http://127.0.0.1:8090/ receive the unit's reminders.
import { parseArgs } from "node:util";
import { FakeWecom } from "./wecom-server.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8090" },
    key: { type: "string", default: "demo-wecom-key-0001" },
    group: { type: "string", default: "县财政局工作群" },
  },
});

const wecom = new FakeWecom();
wecom.addRobot(values.key, values.group);
await wecom.server.listen(Number(values.port));
console.log(`WeCom group "${values.group}" at ${wecom.server.url}/ (WECOM_API_ROOT=${wecom.server.url}, key ${values.key})`);
process.once("SIGINT", () => {
  wecom.server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
