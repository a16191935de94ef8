// Figures of one bench run, read from the emulator's journal of sendMessage calls: what
// Telegram would have seen, whatever the dispatchers believe they did.
import type { LoggedRequest } from "../src/emulator/client.js";

export interface RunFigures {
  /** Distinct reminders delivered. */
  sent: number;
  msgPerSecond: number;
  lost: number;
  duplicates: number;
  status429: number;
  to429Groups: number;
  /** Most requests Telegram admitted within any one second: at most 30 when the pacing is honest. */
  busiestSecond: number;
}

/** The most timestamps (ms, sorted) within any window of `size` ms. */
function densest(times: number[], size: number): number {
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last++) {
    while ((times[last] ?? 0) - (times[first] ?? 0) >= size) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Figures of the requests whose text starts with `tag `: `expected` reminders of one run. */
export function runFigures(requests: LoggedRequest[], tag: string, expected: number): RunFigures {
  const mine = requests.filter((r) => String(r.params["text"]).startsWith(`${tag} `));
  const ok = mine.filter((r) => r.status === 200);
  const times = mine.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  const seconds = ((times[times.length - 1] ?? 0) - (times[0] ?? 0)) / 1000 || 1;
  const texts = ok.map((r) => String(r.params["text"]));
  const unique = new Set(texts).size;
  const limited = mine.filter((r) => r.status === 429);
  return {
    sent: unique,
    msgPerSecond: ok.length / seconds,
    lost: expected - unique,
    duplicates: texts.length - unique,
    status429: limited.length,
    to429Groups: limited.filter((r) => String(r.params["chat_id"]).startsWith("-")).length,
    busiestSecond: densest(ok.map((r) => Date.parse(r.at)).sort((a, b) => a - b), 1000),
  };
}

export const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(2)}%`;

/** One line of a run's figures: sent, rate, losses, duplicates, 429s (to groups among them), the busiest second. */
export function describe(figures: RunFigures, expected: number): string {
  return `${figures.sent} sent, ${figures.msgPerSecond.toFixed(1)} msg/s, lost ${figures.lost}, duplicates ${figures.duplicates}, `
    + `429s ${figures.status429} (${percent(figures.status429, expected)}, ${figures.to429Groups} to groups), busiest second ${figures.busiestSecond} sends`;
}
