import "dotenv/config";
import { configOrExit } from "./startup.js";
import { migrate } from "../db/migrate.js";

const HELP = `Usage: npm run db:migrate

Applies the SQL migrations in prisma/<provider>/migrations to the database named by
DATABASE_URL (file:PATH for SQLite, the default file:./data/duban.db; postgresql://…
for PostgreSQL). Safe to run again: applied migrations are recorded and skipped.`;

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(HELP);
  process.exit(0);
}
const config = configOrExit();
try {
  const report = await migrate(config.DATABASE_URL);
  const applied = report.applied.length ? report.applied.join(", ") : "nothing new";
  console.log(`db:migrate (${report.provider}): applied ${applied}; ${report.alreadyApplied} already applied`);
} catch (err) {
  console.error(`db:migrate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
