// `npm run households:import -- FILE --county NAME [--valid-rows]`
// Imports outgoing households from a CSV or XLSX file into the database of DATABASE_URL,
// as the bot does (same checks, all-or-nothing unless --valid-rows). Rejected rows are
// printed with their reasons, numbers masked; PII_KEY encrypts ID numbers.
import "dotenv/config";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { systemClock } from "../clock.js";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { ensureHouseholdDuties } from "../services/household-duties.js";
import { importHouseholds, rejectedRowsCsv } from "../services/household-import.js";
import { optionalPiiKeys } from "../services/pii-crypto.js";

const HELP = `usage: npm run households:import -- FILE --county NAME [--valid-rows]

Imports outgoing households (CSV in UTF-8/GBK, or XLSX) into a county. Columns: 户主姓名,
身份证号, 乡镇, 村, 务工地, 联系电话, 家庭人口, 帮扶责任人, 备注 (or their English names).
A file with any rejected row changes nothing unless --valid-rows is given.`;

function parseArgs(argv: string[]): { file: string; county: string; validRows: boolean } | string {
  let file: string | null = null;
  let county: string | null = null;
  let validRows = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--county") county = argv[++i] ?? null;
    else if (a === "--valid-rows") validRows = true;
    else if (a === "-h" || a === "--help") return "help";
    else if (a.startsWith("--")) return `unknown option ${a}`;
    else file = a;
  }
  if (file === null) return "no file given";
  return county === null ? "--county NAME is required" : { file, county, validRows };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === "string") {
    console.error(args === "help" ? HELP : `${args}\n\n${HELP}`);
    return args === "help" ? 0 : 2;
  }
  const loaded = loadConfig();
  if (!loaded.ok) {
    console.error(loaded.error);
    return 2;
  }
  await migrate(loaded.config.DATABASE_URL);
  const database = await openDatabase(loaded.config.DATABASE_URL);
  try {
    const region = await database.db.region.findFirst({ where: { name: args.county, level: "county" } });
    if (!region) {
      console.error(`no county named ${args.county}`);
      return 1;
    }
    const bytes = new Uint8Array(await readFile(args.file));
    const result = await importHouseholds(database, systemClock, { bytes, fileName: basename(args.file) }, {
      regionId: region.id, actorId: null, mode: args.validRows ? "valid-rows" : "all-or-nothing", keys: optionalPiiKeys(loaded.config.PII_KEY),
    });
    if (!result.ok) {
      console.error(`file refused: ${result.file}${result.missing ? ` (${result.missing.join(", ")})` : ""}`);
      return 1;
    }
    if (result.errors.length > 0) process.stderr.write(rejectedRowsCsv(result.errors, ["row", "name", "township", "village", "id", "phone", "helper", "problem"], (p) => p));
    if (!result.applied) {
      console.error(`${result.errors.length} rows rejected, ${result.valid} valid: nothing imported (use --valid-rows to import the valid ones)`);
      return 1;
    }
    const duties = await ensureHouseholdDuties(database, systemClock, region.id);
    console.log(`imported: ${result.created} new, ${result.updated} updated, ${result.errors.length} rejected; ${duties} duties created`);
    return 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
