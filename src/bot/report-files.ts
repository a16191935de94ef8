// Which uploaded files may be read as meeting reports. The name and size are checked before
// downloading (Telegram lets bots fetch at most 20 MB); the first bytes afterwards, so an
// executable or an archive renamed to .txt is refused for what it is, not for its name.

/** Telegram's getFile limit for bots; a larger file could not be fetched anyway. */
export const MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024;

export type FileRefusal = "empty" | "too-large" | "executable" | "archive" | "unsupported-format";

const EXECUTABLE_NAMES = /\.(exe|com|bat|cmd|msi|scr|dll|apk|app|sh|ps1|vbs|js|jar|bin|elf)$/i;
const ARCHIVE_NAMES = /\.(zip|rar|7z|tar|gz|tgz|bz2|xz|cab|iso)$/i;
const REPORT_NAMES = /\.(txt|docx)$/i;

const EXECUTABLE_MAGIC = [
  [0x4d, 0x5a], // MZ: Windows programs and libraries
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0x23, 0x21], // #! scripts
];
const ARCHIVE_MAGIC = [
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

export function fileRefusal(file: { name: string; size: number; bytes?: Uint8Array }): FileRefusal | null {
  if (file.size > MAX_REPORT_FILE_BYTES) return "too-large";
  if (EXECUTABLE_NAMES.test(file.name)) return "executable";
  if (ARCHIVE_NAMES.test(file.name)) return "archive";
  if (!REPORT_NAMES.test(file.name)) return "unsupported-format";
  if (file.size === 0) return "empty";
  const bytes = file.bytes;
  if (!bytes) return null;
  if (EXECUTABLE_MAGIC.some((m) => startsWith(bytes, m))) return "executable";
  if (ARCHIVE_MAGIC.some((m) => startsWith(bytes, m))) return "archive";
  // A .docx is a zip by design; a zip under any other name is an archive.
  if (startsWith(bytes, ZIP_MAGIC) && !/\.docx$/i.test(file.name)) return "archive";
  return null;
}
