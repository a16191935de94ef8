// Throughput of ingestReport on one core: ≥1,000 reports of about 3 KB, built from the
// sample reports in tests/fixtures/reports with varied numbers, dates and names.
// Last line: `ingest: N reports, X reports/s, median Y ms`, from the fastest of three
// rounds, since other work on a shared machine only ever slows a round down.
import { readdirSync, readFileSync } from "node:fs";
import { ingestReport } from "../src/ingest/plan.js";

const COUNT = Number(process.env.BENCH_REPORTS ?? 1000);
const dir = new URL("../tests/fixtures/reports/", import.meta.url);
const samples = readdirSync(dir)
  .filter((f) => f.endsWith(".txt") && !f.includes(".gbk."))
  .map((f) => readFileSync(new URL(f, dir), "utf8"));

const NAMES = ["周明远", "陈立新", "郑海川", "钱立国", "孔令远", "林清源"];
const COUNTIES = ["岚溪", "和平", "东平", "松原", "青禾", "白沙"];

/** A deterministic variant of about 3 KB: one sample, then paragraphs of the others. */
function variant(i: number): string {
  const vary = (text: string) =>
    text
      .replace(/\d+(?=[个户人名%])/g, (n) => String((Number(n) * (i % 7 + 1)) % 9999))
      .replace(/(\d{1,2})月/g, (_m, mm: string) => `${((Number(mm) + i) % 12) + 1}月`)
      .replace(/周明远|陈立新|郑海川|钱立国/g, NAMES[i % NAMES.length] ?? "")
      .replace(/岚溪|和平|东平/g, COUNTIES[i % COUNTIES.length] ?? "");
  let text = vary(samples[i % samples.length] ?? "");
  for (let k = 1; Buffer.byteLength(text) < 3000; k++) {
    const body = (samples[(i + k) % samples.length] ?? "").split("\n").filter((line) => line.length > 40);
    text += `\n${vary(body.join("\n"))}`;
  }
  return text;
}

const reports = Array.from({ length: COUNT }, (_, i) => variant(i));
const bytes = reports.reduce((n, r) => n + Buffer.byteLength(r), 0);
for (const r of reports.slice(0, 20)) ingestReport(r);

function round(): { elapsed: number; times: number[] } {
  const times: number[] = [];
  const started = performance.now();
  for (const report of reports) {
    const t0 = performance.now();
    ingestReport(report);
    times.push(performance.now() - t0);
  }
  return { elapsed: (performance.now() - started) / 1000, times: times.sort((a, b) => a - b) };
}

const rounds = [round(), round(), round()];
const best = rounds.reduce((a, b) => (b.elapsed < a.elapsed ? b : a));
const median = best.times[Math.floor(best.times.length / 2)] ?? 0;
console.log(`average report ${(bytes / COUNT / 1024).toFixed(1)} KB; rounds ${rounds.map((r) => Math.round(COUNT / r.elapsed)).join(", ")} reports/s; p95 ${(best.times[Math.floor(best.times.length * 0.95)] ?? 0).toFixed(2)} ms`);
console.log(`ingest: ${COUNT} reports, ${Math.round(COUNT / best.elapsed)} reports/s, median ${median.toFixed(2)} ms`);
