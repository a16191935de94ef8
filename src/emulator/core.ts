// The emulator's parts wired together, independent of HTTP: state, flood control,
// faults, the journal and the simulated clock.
import { type AdjustableClock, createOffsetClock } from "../clock.js";
import { FaultInjector } from "./faults.js";
import { Journal } from "./journal.js";
import { FloodControl, type FloodLimits, defaultFloodLimits } from "./limits.js";
import { EmulatorState } from "./state.js";
import { UserActions } from "./user-actions.js";

/**
 * A pane the host shows beside the chats on the demo page, for a channel that is not
 * Telegram (the demo's WeCom group): what it received, oldest first.
 */
export interface SidePane {
  id: string;
  title: string;
  subtitle: string;
  messages: Array<{ text: string; at: string }>;
}

export interface EmulatorOptions {
  /** Simulated time for message dates and callback timeouts; real time plus an offset by default. */
  clock?: AdjustableClock;
  /** Called after the test API moved the clock (the demo runs its scheduler here). */
  onClockChange?: (now: Date) => void | Promise<void>;
  /** Tokens to register up front, so tests can set up chats before the bot first calls. */
  tokens?: string[];
  botUsername?: string;
  botFirstName?: string;
  /** Group privacy mode as BotFather sets it; true (Telegram's default) unless disabled. */
  privacyMode?: boolean;
  limits?: Partial<FloodLimits>;
  /** Artificial latency added to every Bot API call (ms). */
  latencyMs?: number;
  webhookRetryMs?: number;
  webhookTimeoutMs?: number;
  /** How many Bot API calls the request log keeps. */
  logCapacity?: number;
  /** Source of randomness for fault probabilities (deterministic tests pass their own). */
  random?: () => number;
  /** The demo page's panes for other channels, read at every poll. */
  sidePanes?: () => SidePane[];
}

export class EmulatorCore {
  readonly clock: AdjustableClock;
  readonly state: EmulatorState;
  readonly flood: FloodControl;
  readonly faults: FaultInjector;
  readonly journal: Journal;
  readonly actions: UserActions;
  latencyMs: number;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.clock = options.clock ?? createOffsetClock();
    this.state = new EmulatorState({
      clock: this.clock,
      botUsername: options.botUsername ?? "duban_bot",
      botFirstName: options.botFirstName ?? "督办",
      webhookRetryMs: options.webhookRetryMs ?? 1000,
      webhookTimeoutMs: options.webhookTimeoutMs ?? 60_000,
      privacyMode: options.privacyMode ?? true,
    });
    this.flood = new FloodControl({ ...defaultFloodLimits, ...options.limits });
    this.faults = new FaultInjector(options.random);
    this.journal = new Journal(options.logCapacity ?? 100_000);
    this.actions = new UserActions(this.state);
    this.latencyMs = options.latencyMs ?? 0;
    this.registerTokens();
  }

  private registerTokens(): void {
    for (const token of this.options.tokens ?? []) {
      if (!this.state.botForToken(token)) throw new Error("emulator: malformed bot token in options.tokens");
    }
  }

  /** Back to a fresh emulator: people, chats, faults, log and limits forgotten; preset tokens re-registered. */
  reset(): void {
    this.state.reset();
    this.flood.clear();
    this.faults.clear();
    this.journal.clear();
    this.registerTokens();
  }

  sidePanes(): SidePane[] {
    return this.options.sidePanes?.() ?? [];
  }

  clockView(): { now: string; ms: number } {
    const now = this.clock.now();
    return { now: now.toISOString(), ms: now.getTime() };
  }

  async moveClock(move: { advanceMs: number } | { to: Date }): Promise<{ now: string; ms: number }> {
    if ("advanceMs" in move) this.clock.advance(move.advanceMs);
    else this.clock.set(move.to);
    this.state.touch();
    await this.options.onClockChange?.(this.clock.now());
    return this.clockView();
  }
}
