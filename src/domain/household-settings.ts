// A county's household settings, under the `households` key of Region.settings (the
// reminder settings parser in county-settings.ts ignores it). Pure: parsing only.
import { z } from "zod";
import type { RecurrenceRule } from "./recurrence.js";

export type PhoneReveal = "off" | "helper";

export interface HouseholdSettings {
  /** "helper": a household's helper cadre may reveal its full phone with a button; "off": never in chat. */
  phoneReveal: PhoneReveal;
  /** Days after a household is deactivated before its personal data is purged (P6). */
  retentionDays: number;
  /** County defaults when no published directive states the rule. */
  contactRule: RecurrenceRule;
  leafletRule: RecurrenceRule;
}

const rule = z.object({
  freq: z.enum(["monthly", "quarterly", "yearly"]),
  interval: z.number().int().min(1).max(12).default(1),
  count: z.number().int().min(1).max(20).default(1),
});

const schema = z.object({
  phoneReveal: z.enum(["off", "helper"]).default("off"),
  retentionDays: z.number().int().min(1).max(3650).default(365),
  contactRule: rule.default({ freq: "quarterly", interval: 1, count: 1 }),
  leafletRule: rule.default({ freq: "yearly", interval: 1, count: 1 }),
});

export class HouseholdSettingsError extends Error {}

export function householdSettings(settings: unknown): HouseholdSettings {
  const section = settings !== null && typeof settings === "object" ? (settings as Record<string, unknown>)["households"] : undefined;
  const parsed = schema.safeParse(section ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new HouseholdSettingsError(`household setting ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
}

/** Region.settings with the household section changed and every other key kept. */
export function withHouseholdSettings(settings: unknown, change: Partial<HouseholdSettings>): Record<string, unknown> {
  const base = settings !== null && typeof settings === "object" ? { ...(settings as Record<string, unknown>) } : {};
  return { ...base, households: { ...householdSettings(settings), ...change } };
}
