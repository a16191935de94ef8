// Injected failures for the reliability tests: the emulator consults these rules
// before handling each Bot API call.
import { z } from "zod";

export const faultRuleSchema = z.object({
  /** Bot API method the rule applies to (case-insensitive); all methods when absent. */
  method: z.string().optional(),
  /** Only calls whose chat_id equals this. */
  chatId: z.number().optional(),
  kind: z.enum(["delay", "5xx", "reset", "429", "hang", "401"]),
  /** Chance (0..1) that a matching call is hit; 1 when absent. */
  probability: z.number().min(0).max(1).optional(),
  /** How many calls the rule hits before it retires itself. */
  count: z.number().int().positive().optional(),
  /** Real-time epoch milliseconds after which the rule retires. */
  untilMs: z.number().optional(),
  /** Convenience: retire the rule this many real milliseconds after it is added. */
  forMs: z.number().positive().optional(),
  /** For "delay": how long to hold the call before handling it normally. */
  delayMs: z.number().nonnegative().optional(),
  /** For "429": the retry_after to announce (seconds). */
  retryAfter: z.number().int().positive().optional(),
  /** For "5xx": the status to answer with (500 when absent). */
  status: z.number().int().min(500).max(599).optional(),
  /** For "reset": apply the call (e.g. deliver the message) before dropping the connection. */
  applied: z.boolean().optional(),
});

export type FaultRule = z.infer<typeof faultRuleSchema>;

interface ActiveRule {
  id: number;
  rule: FaultRule;
  hits: number;
  untilMs?: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  constructor(
    private readonly random: () => number = Math.random,
    private readonly wallNow: () => number = Date.now,
  ) {}

  add(rule: FaultRule): number {
    const id = this.nextId++;
    const untilMs = rule.forMs !== undefined ? this.wallNow() + rule.forMs : rule.untilMs;
    this.rules.push({ id, rule, hits: 0, ...(untilMs !== undefined ? { untilMs } : {}) });
    return id;
  }

  clear(): void {
    this.rules = [];
  }

  list(): Array<FaultRule & { id: number; hits: number }> {
    this.expire();
    return this.rules.map(({ id, rule, hits }) => ({ ...rule, id, hits }));
  }

  /** The first live rule matching this call, counted as a hit; null when the call goes through. */
  match(method: string, chatId: number | undefined): FaultRule | null {
    this.expire();
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.method !== undefined && rule.method.toLowerCase() !== method.toLowerCase()) continue;
      if (rule.chatId !== undefined && rule.chatId !== chatId) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      active.hits++;
      if (rule.count !== undefined && active.hits >= rule.count) {
        this.rules = this.rules.filter((r) => r !== active);
      }
      return rule;
    }
    return null;
  }

  private expire(): void {
    const now = this.wallNow();
    this.rules = this.rules.filter((r) => r.untilMs === undefined || r.untilMs > now);
  }
}
