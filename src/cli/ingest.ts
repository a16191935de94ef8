// `npm run ingest -- [--json] [--ref YYYY-MM-DD] [--county NAME] [--units FILE] FILE|-`
// The only place of the ingest engine that touches files, stdin and the process.
import { readFile } from "node:fs/promises";
import { readReport } from "../ingest/read.js";
import { ingestReport } from "../ingest/plan.js";
import { renderPlan } from "../ingest/render.js";
import type { IngestOptions, UnitDirectoryEntry } from "../ingest/types.js";

const HELP = `usage: npm run ingest -- [options] FILE|-

Reads a meeting report (.txt in UTF-8 or GBK/GB18030, or .docx; "-" reads stdin)
and prints the plan of directives: items by speaker, responsible units, deadlines,
recurrences, targets and warnings.

options:
  --json           print the plan as JSON (the contract in ../shared/eval/README.md)
  --ref DATE       reference date YYYY-MM-DD, used when the report gives no year
  --county NAME    the county the report is about (resolves 我县, sets the place)
  --units FILE     JSON list of known units [{"name": "...", "aliases": ["..."]}];
                   mentions map to them and unknown ones are flagged
  --tz ZONE        time zone of the deadlines (default Asia/Shanghai)
  -h, --help       show this text`;

interface Args {
  json: boolean;
  file: string | null;
  options: IngestOptions;
  units: string | null;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { json: false, file: null, options: {}, units: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--json") args.json = true;
    else if (a === "--ref") {
      const ref = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(ref)) return `--ref wants YYYY-MM-DD, got ${ref}`;
      args.options.referenceDate = ref;
    } else if (a === "--county") args.options.county = value();
    else if (a === "--tz") args.options.timeZone = value();
    else if (a === "--units") args.units = value();
    else if (a === "-h" || a === "--help") return "help";
    else if (a.startsWith("--")) return `unknown option ${a}`;
    else if (args.file === null) args.file = a;
    else return `one report at a time (got ${args.file} and ${a})`;
  }
  return args.file === null ? "no report given" : args;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function isDirectory(value: unknown): value is UnitDirectoryEntry[] {
  return Array.isArray(value) && value.every((e) => typeof e === "object" && e !== null && typeof (e as { name?: unknown }).name === "string" && Array.isArray((e as { aliases?: unknown }).aliases));
}

async function main(): Promise<number> {
  let parsed: Args | string;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    parsed = err instanceof Error ? err.message : String(err);
  }
  if (parsed === "help") {
    console.log(HELP);
    return 0;
  }
  if (typeof parsed === "string") {
    console.error(`ingest: ${parsed}\n\n${HELP}`);
    return 2;
  }
  const { file, json, options, units } = parsed;
  if (units) {
    const directory: unknown = JSON.parse(await readFile(units, "utf8"));
    if (!isDirectory(directory)) {
      console.error(`ingest: ${units} is not a list of {name, aliases}`);
      return 2;
    }
    options.directory = directory;
  }
  const bytes = file === "-" ? await readStdin() : await readFile(file ?? "");
  const read = await readReport(bytes, file === "-" ? undefined : file ?? undefined);
  if (!read.ok) {
    console.error(`ingest: ${file === "-" ? "stdin" : file}: ${read.error.message} (${read.error.code})`);
    return 1;
  }
  const plan = ingestReport(read.text, options);
  console.log(json ? JSON.stringify(plan, null, 2) : renderPlan(plan));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`ingest: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
