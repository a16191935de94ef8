// node-cron ticks. They only trigger: the outbox decides what is due, so a tick that
// node-cron skips (it drops ticks that wake more than 1 s late and never catches up) or
// a restart loses nothing — the next look at the table sends it (F13).
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../logger.js";

export interface TickJobs {
  /** Wakes the dispatcher. */
  dispatch: () => void;
  /** Re-plans open assignments (rolling overdue reminders, unknown-year warnings). */
  plan: () => Promise<unknown>;
  /** Deletes old outbox rows. */
  retention: () => Promise<unknown>;
}

export interface TickOptions {
  /** Zone of the daily jobs' wall times. */
  timeZone: string;
  logger: Logger;
  dispatchEvery?: string;
  planAt?: string;
  retentionAt?: string;
}

export function startTicks(jobs: TickJobs, options: TickOptions): { stop(): Promise<void> } {
  const run = (name: string, job: () => Promise<unknown>) => async (): Promise<void> => {
    try {
      await job();
    } catch (err) {
      options.logger.error({ err, job: name }, "scheduled job failed; it runs again at its next tick");
    }
  };
  const common = { timezone: options.timeZone, noOverlap: true };
  const tasks: ScheduledTask[] = [
    cron.schedule(options.dispatchEvery ?? "*/5 * * * * *", () => jobs.dispatch(), { ...common, name: "dispatch" }),
    // Hourly rather than daily: a restart or a skipped tick delays rolling plans by an hour at most.
    cron.schedule(options.planAt ?? "7 * * * *", run("plan", jobs.plan), { ...common, name: "plan" }),
    cron.schedule(options.retentionAt ?? "30 3 * * *", run("retention", jobs.retention), { ...common, name: "retention" }),
  ];
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}
