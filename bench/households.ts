// Import of 5,000 outgoing households (CSV with ID and phone numbers, 20 helper cadres) into
// a fresh SQLite database: every row checked, ID numbers encrypted and hashed, then this
// period's duties created. Then the same file again, which updates every row. Target < 10 s.
// Last line: `households: N rows imported in X s (Y rows/s), re-import in Z s`.
import { createManualClock } from "../src/clock.js";
import { idCheckCharacter } from "../src/domain/id-number.js";
import { ensureHouseholdDuties } from "../src/services/household-duties.js";
import { importHouseholds } from "../src/services/household-import.js";
import { piiKeys } from "../src/services/pii-crypto.js";
import { createTestDatabase } from "../src/testing/databases.js";

const ROWS = Number(process.env.BENCH_HOUSEHOLDS ?? 5000);
const LIMIT_S = 10;
const clock = createManualClock(new Date("2026-05-06T02:00:00Z"));
const keys = piiKeys(Buffer.alloc(32, 9).toString("base64"));

function row(i: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + (i % 15_000) * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  const first17 = `5301${String(10 + (i % 80)).padStart(2, "0")}${birth}${String(i % 1000).padStart(3, "0")}`;
  return [`户主${i}`, first17 + idCheckCharacter(first17), `乡镇${i % 12}`, `村${i % 150}`, "广东省东莞市", `+86 139 ${String(i).padStart(8, "0")}`, String(1 + (i % 6)), `干部${i % 20}`, ""].join(",");
}

const file = Buffer.from(["户主姓名,身份证号,乡镇,村,务工地,联系电话,家庭人口,帮扶责任人,备注", ...Array.from({ length: ROWS }, (_, i) => row(i))].join("\r\n"), "utf8");
const database = await createTestDatabase("sqlite");
try {
  const region = await database.db.region.create({ data: { name: "基准县" } });
  for (let c = 0; c < 20; c++) {
    const person = await database.db.person.create({ data: { name: `干部${c}` } });
    await database.db.membership.create({ data: { personId: person.id, regionId: region.id, role: "cadre" } });
  }
  const options = { regionId: region.id, actorId: null, mode: "all-or-nothing" as const, keys };
  const started = performance.now();
  const first = await importHouseholds(database, clock, { bytes: file, fileName: "bench.csv" }, options);
  await ensureHouseholdDuties(database, clock, region.id);
  const elapsed = (performance.now() - started) / 1000;
  if (!first.ok || !first.applied || first.created !== ROWS) throw new Error(`import failed: ${JSON.stringify(first.ok ? first.errors.slice(0, 3) : first)}`);
  const again = performance.now();
  const second = await importHouseholds(database, clock, { bytes: file, fileName: "bench.csv" }, options);
  const reimport = (performance.now() - again) / 1000;
  if (!second.ok || second.updated !== ROWS) throw new Error("re-import did not update every row");
  console.log(`households: ${ROWS} rows imported in ${elapsed.toFixed(2)} s (${Math.round(ROWS / elapsed)} rows/s), re-import in ${reimport.toFixed(2)} s`);
  if (elapsed > LIMIT_S) process.exitCode = 1;
} finally {
  await database.drop();
}
