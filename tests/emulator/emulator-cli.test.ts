// The standalone emulator process that multi-process tests start.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { describe, it } from "node:test";
import { Api } from "grammy";
import { EmulatorClient } from "../../src/emulator/client.js";
import { TOKEN } from "./helpers.js";

const CLI = ["--import", "tsx", "src/emulator/cli.ts"];

describe("emulator: command line", () => {
  it("prints help", () => {
    const result = spawnSync(process.execPath, [...CLI, "--help"], { encoding: "utf8" });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /--port <n>/);
  });

  it("serves on the printed URL with preset tokens and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [...CLI, "--port", "0", "--token", TOKEN, "--username", "county_bot"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const [chunk] = (await once(child.stdout, "data")) as [Buffer];
      const url = /emulator listening on (\S+)/.exec(chunk.toString())?.[1];
      assert.ok(url, `unexpected output ${chunk.toString()}`);
      const client = new EmulatorClient(url);
      const user = await client.createUser({ first_name: "孙" });
      await client.sendText(user.id, "/start");
      const api = new Api(TOKEN, { apiRoot: url });
      assert.equal((await api.getMe()).username, "county_bot");
      assert.equal((await api.getUpdates())[0]?.message?.text, "/start");
    } finally {
      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number | null];
      assert.equal(code, 0);
    }
  });
});
