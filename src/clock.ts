/** The one seam through which the application reads the current time. */
export interface Clock {
  now(): Date;
}

/** A clock that can be moved forward: the demo's clock control and tests use it. */
export interface AdjustableClock extends Clock {
  /** Moves simulated time forward (or back, with a negative amount). */
  advance(ms: number): void;
  /** Jumps simulated time to the given instant. */
  set(instant: Date): void;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Real time plus an offset: time keeps flowing as on a wall clock, and the offset
 * lets a demo or a test jump ahead to watch reminders fire.
 */
export function createOffsetClock(base: Clock = systemClock, offsetMs = 0): AdjustableClock {
  let offset = offsetMs;
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms) => {
      offset += ms;
    },
    set: (instant) => {
      offset = instant.getTime() - base.now().getTime();
    },
  };
}

/** A clock that stands still until told to move: for deterministic tests. */
export function createManualClock(start: Date): AdjustableClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (instant) => {
      current = instant.getTime();
    },
  };
}
