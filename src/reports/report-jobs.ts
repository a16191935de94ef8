// The reports' node-cron tick. It only triggers: sendWeeklyBulletins decides from the
// county clocks and the outbox whether a bulletin is due, so a skipped tick or a restart
// sends it at the next one. Started by src/scheduler/scheduler.ts in processes that run jobs.
import cron from "node-cron";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import { sendWeeklyBulletins, type BulletinDeps } from "./weekly-bulletin.js";

export interface ReportJobOptions extends BulletinDeps {
  clock: Clock;
  logger: Logger;
  /** Zone node-cron reads the expression in; the tick itself is zone-free (every few minutes). */
  timeZone: string;
  bulletinEvery?: string;
}

export function startReportJobs(options: ReportJobOptions): { stop(): Promise<void> } {
  const task = cron.schedule(
    options.bulletinEvery ?? "*/5 * * * *",
    async () => {
      try {
        const queued = await sendWeeklyBulletins(options, options.clock.now());
        if (queued > 0) options.logger.info({ queued }, "weekly bulletins queued");
      } catch (err) {
        options.logger.error({ err, job: "bulletin" }, "scheduled job failed; it runs again at its next tick");
      }
    },
    { timezone: options.timeZone, noOverlap: true, name: "bulletin" },
  );
  return {
    async stop() {
      await task.destroy();
    },
  };
}
