// The providers' per-robot limit: at most `limit` messages in any `windowMs` (20 per
// minute for both WeCom and DingTalk). DingTalk also blocks the robot for `blockMs`
// (10 minutes) once it is exceeded. Tests scale both windows down.
export interface WindowOptions {
  limit?: number;
  windowMs?: number;
  blockMs?: number;
}

export class RobotWindow {
  private readonly sent = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(private readonly options: WindowOptions = {}) {}

  /** Whether robot `key` may send now; a refusal is not counted as a message. */
  admit(key: string, now = Date.now()): boolean {
    const { limit = 20, windowMs = 60_000, blockMs = 0 } = this.options;
    if ((this.blockedUntil.get(key) ?? 0) > now) return false;
    const recent = (this.sent.get(key) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= limit) {
      if (blockMs > 0) this.blockedUntil.set(key, now + blockMs);
      this.sent.set(key, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(key, recent);
    return true;
  }
}
