// Files that bots and simulated users upload: kept in memory, addressed by file_id
// (for re-sends and getFile) and by file_path (for downloads).
import { randomBytes } from "node:crypto";

export type FileKind = "document" | "photo" | "sticker" | "voice";

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  filePath: string;
  kind: FileKind;
  bytes: Buffer;
  fileName?: string;
  mimeType?: string;
}

/** Telegram refuses getFile for bots above this size. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

const DIRECTORIES: Readonly<Record<FileKind, string>> = {
  document: "documents",
  photo: "photos",
  sticker: "stickers",
  voice: "voice",
};

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  put(bytes: Buffer, kind: FileKind, meta: { fileName?: string; mimeType?: string } = {}): StoredFile {
    this.counter++;
    const extension = meta.fileName?.match(/\.([A-Za-z0-9]{1,8})$/)?.[1] ?? (kind === "photo" ? "jpg" : "bin");
    const file: StoredFile = {
      fileId: `${kind.slice(0, 2).toUpperCase()}${randomBytes(24).toString("base64url")}`,
      fileUniqueId: `AQAD${randomBytes(6).toString("base64url")}`,
      filePath: `${DIRECTORIES[kind]}/file_${this.counter}.${extension}`,
      kind,
      bytes,
      ...(meta.fileName !== undefined ? { fileName: meta.fileName } : {}),
      ...(meta.mimeType !== undefined ? { mimeType: meta.mimeType } : {}),
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.filePath, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }

  clear(): void {
    this.byId.clear();
    this.byPath.clear();
  }
}

/** Width and height of a PNG, GIF or JPEG image; null when the bytes are none of these. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 10 && bytes.toString("latin1", 0, 4) === "GIF8") {
    return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  }
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let pos = 2;
  while (pos + 9 < bytes.length) {
    if (bytes[pos] !== 0xff) return null;
    const marker = bytes[pos + 1] as number;
    const length = bytes.readUInt16BE(pos + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: bytes.readUInt16BE(pos + 7), height: bytes.readUInt16BE(pos + 5) };
    }
    pos += 2 + length;
  }
  return null;
}
