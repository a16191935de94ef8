// The per-county loop of the jobs that queue something in each county's own time (the daily
// digest, the weekly bulletin).
import type { Region } from "../../prisma/sqlite/generated/client.js";
import type { Db } from "../db/client.js";

/**
 * Runs `queue` for every county and resolves to the sum of what it queued. One county's
 * failure (bad settings) must not hold back the others: failures are thrown after them, together.
 */
export async function queueForEachCounty(db: Db, job: string, queue: (region: Region) => Promise<number>): Promise<number> {
  const counties = await db.region.findMany({ where: { level: "county" }, orderBy: { id: "asc" } });
  let queued = 0;
  const failures: string[] = [];
  for (const region of counties) {
    try {
      queued += await queue(region);
    } catch (err) {
      failures.push(`${region.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (failures.length > 0) throw new Error(`${job} failed for counties ${failures.join("; ")}`);
  return queued;
}
