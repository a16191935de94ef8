// The reports' node-cron ticks. They only trigger: sendWeeklyBulletins and sendDailyDigests
// decide from the county clocks and the outbox whether anything is due, so a skipped tick or
// a restart sends it at the next one. Started by src/scheduler/scheduler.ts in processes that
// run jobs.
import cron from "node-cron";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import { sendDailyDigests } from "../scheduler/daily-digest.js";
import { sendWeeklyBulletins, type BulletinDeps } from "./weekly-bulletin.js";

export interface ReportJobOptions extends BulletinDeps {
  clock: Clock;
  logger: Logger;
  /** Zone node-cron reads the expressions in; the ticks themselves are zone-free (every few minutes). */
  timeZone: string;
  bulletinEvery?: string;
  digestEvery?: string;
}

export function startReportJobs(options: ReportJobOptions): { stop(): Promise<void> } {
  const job = (name: string, every: string, send: (now: Date) => Promise<number>, done: string) =>
    cron.schedule(
      every,
      async () => {
        try {
          const queued = await send(options.clock.now());
          if (queued > 0) options.logger.info({ queued }, done);
        } catch (err) {
          options.logger.error({ err, job: name }, "scheduled job failed; it runs again at its next tick");
        }
      },
      { timezone: options.timeZone, noOverlap: true, name },
    );
  const tasks = [
    job("bulletin", options.bulletinEvery ?? "*/5 * * * *", (now) => sendWeeklyBulletins(options, now), "weekly bulletins queued"),
    job("digest", options.digestEvery ?? "*/5 * * * *", (now) => sendDailyDigests(options, now), "daily digests queued"),
  ];
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}
