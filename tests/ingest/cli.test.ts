import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contractProblems } from "./contract.js";
import { fixturePath } from "./fixtures.js";

const cli = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli/ingest.ts", ...args], { input, encoding: "utf8" });

test("--json prints the contract object for a GBK file", () => {
  const run = cli(["--json", fixturePath("lanxi-web-simplified.gbk.txt")]);
  assert.equal(run.status, 0, run.stderr);
  const plan: unknown = JSON.parse(run.stdout);
  assert.deepEqual(contractProblems(plan), []);
  assert.match(run.stdout, /"place": "岚溪县"/);
});

test("reads stdin with -, and --ref supplies the year a report lacks", () => {
  const run = cli(["--json", "--ref", "2023-02-01", "-"], "6月10日,县政府召开常务会议。\n县长强调,一要抓紧整改,县水利局要在8月底前完成。二要压实责任。");
  assert.equal(run.status, 0, run.stderr);
  const plan = JSON.parse(run.stdout) as { meeting: { date: string }; directives: Array<{ marker: string; deadline: string }> };
  assert.equal(plan.meeting.date, "2023-06-10");
  assert.deepEqual(plan.directives.map((d) => [d.marker, d.deadline]), [["一要", "2023-08-31"], ["二要", null]]);
});

test("the readable plan shows speakers, units and dates; --help tells the options", () => {
  const run = cli([fixturePath("dongping-formal-numbered.txt")]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /【钱立国】/);
  assert.match(run.stdout, /units: 区应急管理局、区消防救援大队、区武装部 \| due 2022-06-10/);
  const help = cli(["--help"]);
  for (const option of ["--json", "--ref", "--county", "--units", "--tz"]) assert.ok(help.stdout.includes(option), option);
});

test("empty and binary files end with a clear message, not a stack trace", () => {
  const dir = mkdtempSync(join(tmpdir(), "ingest-"));
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "blob.bin"), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
  for (const [file, code] of [["empty.txt", "empty"], ["blob.bin", "binary"]] as const) {
    const run = cli([join(dir, file)]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`\\(${code}\\)`));
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  }
  assert.equal(cli(["--json"]).status, 2);
});
