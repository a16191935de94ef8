// Bytes → text. Decoding is not I/O, so it lives here: the CLI and the bot hand over
// the bytes they received and get text or a machine-readable error back.
import chardet from "chardet";
import iconv from "iconv-lite";

export const MAX_TEXT_CHARS = 1_000_000;
const MAX_INPUT_BYTES = 8 * MAX_TEXT_CHARS;

export type IngestErrorCode = "empty" | "binary" | "too-large" | "unsupported-format" | "bad-docx";

export interface IngestError {
  code: IngestErrorCode;
  message: string;
  details?: Record<string, string | number>;
}

export type ReadResult = { ok: true; text: string; encoding: string } | { ok: false; error: IngestError };

const fail = (code: IngestErrorCode, message: string, details?: Record<string, string | number>): ReadResult => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const UNSUPPORTED_MAGIC: Array<{ name: string; bytes: number[] }> = [
  { name: "pdf", bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: "doc", bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: "png", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "jpeg", bytes: [0xff, 0xd8, 0xff] },
  { name: "gzip", bytes: [0x1f, 0x8b] },
];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

export async function readReport(bytes: Uint8Array, fileName?: string): Promise<ReadResult> {
  if (bytes.length === 0) return fail("empty", "the report is empty");
  if (bytes.length > MAX_INPUT_BYTES) return fail("too-large", "the report is larger than 1 MB of text", { bytes: bytes.length });
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  if (startsWith(bytes, ZIP_MAGIC) || ext === "docx") return readDocx(bytes);
  const unsupported = UNSUPPORTED_MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (unsupported) return fail("unsupported-format", `${unsupported.name} files are not supported; send .txt or .docx`, { format: unsupported.name });
  const decoded = decodeText(bytes);
  if (!decoded) return fail("binary", "the file is not text");
  return checkText(decoded.text, decoded.encoding);
}

function checkText(raw: string, encoding: string): ReadResult {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") return fail("empty", "the report holds no text");
  if (text.length > MAX_TEXT_CHARS) return fail("too-large", "the report is larger than 1 MB of text", { chars: text.length });
  return { ok: true, text, encoding };
}

function decodeText(bytes: Uint8Array): { text: string; encoding: string } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: buf.toString("utf8"), encoding: "utf-8-bom" };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(buf, "utf-16le"), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv.decode(buf, "utf-16be"), encoding: "utf-16be" };
  if (looksBinary(bytes)) return null;
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    // Not valid UTF-8: offices save .txt in GBK/GB18030, which is a superset of GB2312 and GBK.
    const guess = chardet.detect(bytes)?.toLowerCase() ?? "";
    const encoding = /big5/.test(guess) ? "big5" : "gb18030";
    const text = iconv.decode(buf, encoding);
    return controlRatio(text) > 0.05 ? null : { text, encoding };
  }
}

/** NUL bytes or many control characters mean the bytes are not a text file in any of our encodings. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / sample.length > 0.05;
}

function controlRatio(text: string): number {
  let bad = 0;
  for (const ch of text.slice(0, 8192)) if (ch === "\uFFFD" || /[\u0000-\u0008\u000e-\u001f]/.test(ch)) bad++;
  return bad / Math.max(1, Math.min(text.length, 8192));
}

async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  try {
    // mammoth takes longer to load than a .txt takes to read: only .docx pays for it.
    const { default: mammoth } = await import("mammoth");
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    // mammoth separates paragraphs with blank lines; one line per paragraph is what the cleaner expects.
    return checkText(result.value.replace(/\n{2,}/g, "\n"), "docx");
  } catch (err) {
    return fail("bad-docx", "the .docx file could not be read", { reason: err instanceof Error ? err.message : String(err) });
  }
}
