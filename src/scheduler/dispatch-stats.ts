/** Running counts of one dispatcher, for logs, the bench and the admin's report. */
export interface DispatchStats {
  /** Rows delivered. */
  sent: number;
  /** Messages the channel accepted (merged rows count once). */
  messages: number;
  retried: number;
  failed: number;
  /** Rows dropped because the recipient is gone (blocked, deactivated). */
  dead: number;
  /** Rows that expired before they could go out. */
  skipped: number;
  rateLimited: number;
  /** Rows resent after a lost answer or an expired lease on the wire (F2). */
  possibleDuplicates: number;
  reclaimed: number;
  /** Sends that would have left late and took a fresh slot instead (keeps the token's window honest). */
  reslotted: number;
}

export const emptyStats = (): DispatchStats => ({
  sent: 0, messages: 0, retried: 0, failed: 0, dead: 0, skipped: 0, rateLimited: 0, possibleDuplicates: 0, reclaimed: 0, reslotted: 0,
});
