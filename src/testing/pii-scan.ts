// P1: scans what the bot sent to Telegram — every Bot API request the emulator logged, and
// the text of every CSV/XLSX document it uploaded — for unmasked ID numbers (18 characters
// with a valid check character and birth date) and mainland mobile numbers. Other
// engineers' e2e tests call scanBotRequests(h.client, h.emulator.url) at the end.
import { parseIdNumber } from "../domain/id-number.js";
import type { EmulatorClient } from "../emulator/client.js";
import { readTable } from "../services/directory-import.js";

export interface PiiFinding {
  kind: "id-number" | "mobile";
  value: string;
  /** Where it was found: `seq/method` of the request, or `document:<name>`. */
  where: string;
}

const ID_CANDIDATE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE_CANDIDATE = /(?<![\d*])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?![\d*])/g;

/** Unmasked ID and mobile numbers in a text; a masked one (with *) never matches. */
export function findPii(text: string, where = "text"): PiiFinding[] {
  const found: PiiFinding[] = [];
  for (const match of text.matchAll(ID_CANDIDATE)) {
    if (parseIdNumber(match[0], "9999-12-31").ok) found.push({ kind: "id-number", value: match[0], where });
  }
  for (const match of text.matchAll(MOBILE_CANDIDATE)) found.push({ kind: "mobile", value: match[0], where });
  return found;
}

interface UploadedDocument {
  file_id: string;
  file_name?: string;
}

function uploadedDocument(response: unknown): UploadedDocument | null {
  const result = (response as { result?: { document?: UploadedDocument } } | null)?.result;
  return result?.document ?? null;
}

/** Every finding in the emulator's request log since `since` (a request seq), documents included. */
export async function scanBotRequests(client: EmulatorClient, emulatorUrl: string, since = 0): Promise<PiiFinding[]> {
  const findings: PiiFinding[] = [];
  for (const request of await client.requests({ since })) {
    const where = `${request.seq}/${request.method}`;
    findings.push(...findPii(JSON.stringify(request.params), where));
    const document = uploadedDocument(request.response);
    const name = document?.file_name ?? "";
    if (!document || !/\.(csv|xlsx)$/i.test(name)) continue;
    const response = await fetch(`${emulatorUrl}/__emulator/files/${encodeURIComponent(document.file_id)}`);
    const table = await readTable(new Uint8Array(await response.arrayBuffer()), name);
    if (Array.isArray(table)) findings.push(...findPii(table.map((row) => row.join("\t")).join("\n"), `document:${name}`));
  }
  return findings;
}
