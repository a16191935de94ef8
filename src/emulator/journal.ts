// A record of every Bot API call (without the token) and running counters, so tests
// can scan all outgoing payloads (e.g. for unmasked phone numbers) and count 429s.

export interface LoggedRequest {
  seq: number;
  /** Real time the call arrived (ISO). */
  at: string;
  botId: number | null;
  method: string;
  params: Record<string, unknown>;
  status: number;
  response: unknown;
}

export interface Counters {
  /** Successful sends by method (sendMessage, sendDocument, sendPhoto). */
  sent: Record<string, number>;
  /** All calls by method, whatever their outcome. */
  requests: Record<string, number>;
  status429: number;
  status4xx: number;
  status5xx: number;
  faultsInjected: number;
}

const emptyCounters = (): Counters => ({ sent: {}, requests: {}, status429: 0, status4xx: 0, status5xx: 0, faultsInjected: 0 });

/** Uploaded files appear in the log as their name and size, not their bytes. */
export function loggableParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, value instanceof File ? { file: value.name, size: value.size } : value]),
  );
}

export class Journal {
  private entries: LoggedRequest[] = [];
  private seq = 0;
  counters: Counters = emptyCounters();

  constructor(private readonly capacity: number) {}

  /** `delivered`: a send took effect (even if a reset fault then swallowed the answer). */
  record(entry: Omit<LoggedRequest, "seq" | "at">, delivered: boolean): void {
    const { method, status } = entry;
    this.counters.requests[method] = (this.counters.requests[method] ?? 0) + 1;
    if (delivered) this.counters.sent[method] = (this.counters.sent[method] ?? 0) + 1;
    if (status === 429) this.counters.status429++;
    if (status >= 400 && status < 500) this.counters.status4xx++;
    if (status >= 500) this.counters.status5xx++;
    this.entries.push({ seq: ++this.seq, at: new Date().toISOString(), ...entry });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  countFault(): void {
    this.counters.faultsInjected++;
  }

  /** Logged calls after sequence number `since`, optionally of one method. */
  list(since = 0, method?: string): LoggedRequest[] {
    return this.entries.filter((e) => e.seq > since && (method === undefined || e.method.toLowerCase() === method.toLowerCase()));
  }

  clear(): void {
    this.entries = [];
    this.counters = emptyCounters();
  }
}
