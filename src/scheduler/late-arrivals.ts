// How far the token's schedule must move on because requests reached Telegram late.
// Slots are 1000/r ms apart, so the request 30 places after a punctual one arrives more
// than a second after it; one that arrived late by more than the budget would share a
// second with its 30th successor unless every slot not reserved yet moves on by the
// excess. A request's lateness is how late it left after its slot plus how much longer
// than the fastest recent round trip it took: the most it can have been held up before
// Telegram counted it (a busy machine, a cold connection). The fastest trip is only known
// after some requests, so the recent ones are looked at again on every answer.

export interface LateArrivalOptions {
  /** How late a request may arrive without moving the schedule (see LATE_BUDGET_MS in token-gate.ts). */
  budgetMs: number;
  /** A slot is handed out this long before it; shifts from then on reach its 30th successor. */
  leadMs: number;
}

interface Answered {
  slotMs: number;
  lateMs: number;
  roundTripMs: number;
}

/** Round trips remembered; the fastest of them is the trip of a request not held up. */
const ROUND_TRIPS = 64;

/**
 * Requests whose 30th successor is surely not reserved yet: a second after a slot, less
 * what every process may hold reserved ahead (a few eighths of a second).
 */
const REACH_MS = 500;

export class LateArrivals {
  private readonly roundTrips: number[] = [];
  private answered: Answered[] = [];
  private shifts: Array<{ atMs: number; ms: number }> = [];

  constructor(private readonly options: LateArrivalOptions) {}

  /**
   * The request for `slotMs` left at `departedMs` and was answered at `nowMs`. Resolves to
   * the milliseconds by which the schedule not reserved yet must move on (0: none).
   */
  record(slotMs: number, departedMs: number, nowMs: number): number {
    const roundTripMs = nowMs - departedMs;
    // A call that took a second or more (a long text in parts, a hang) says nothing about one request.
    if (roundTripMs >= 1000) return 0;
    this.roundTrips.push(roundTripMs);
    if (this.roundTrips.length > ROUND_TRIPS) this.roundTrips.shift();
    this.answered = this.answered.filter((a) => a.slotMs > nowMs - REACH_MS);
    this.answered.push({ slotMs, lateMs: departedMs - slotMs, roundTripMs });
    this.shifts = this.shifts.filter((s) => s.atMs > nowMs - 2 * REACH_MS);
    const fastest = Math.min(...this.roundTrips);
    let needed = 0;
    for (const a of this.answered) {
      // Shifts made after its slot was handed out surely moved its 30th successor too.
      const covered = this.shifts.reduce((sum, s) => (s.atMs >= a.slotMs - this.options.leadMs ? sum + s.ms : sum), 0);
      needed = Math.max(needed, a.lateMs + a.roundTripMs - fastest - this.options.budgetMs - covered);
    }
    if (needed <= 0) return 0;
    this.shifts.push({ atMs: nowMs, ms: needed });
    return needed;
  }
}
