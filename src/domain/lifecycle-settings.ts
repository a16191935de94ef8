// County rules for the task loop, kept in Region.settings next to the reminder settings.
import { z } from "zod";

export interface LifecycleSettings {
  /** 销号 without a supervisor's confirmation once a unit marks a task done. */
  autoClose: boolean;
  /** A unit counts as signed for when this many of its members have signed. */
  signaturesPerUnit: number;
}

const schema = z.object({
  autoClose: z.boolean().default(false),
  signaturesPerUnit: z.number().int().min(1).max(50).default(1),
});

export function lifecycleSettings(settings: unknown): LifecycleSettings {
  const parsed = schema.safeParse(settings ?? {});
  return parsed.success ? parsed.data : { autoClose: false, signaturesPerUnit: 1 };
}
