// A lenient multipart/form-data parser. grammY writes headers without spaces and
// file names unquoted (`filename=汇总.csv`), which undici's strict parser rejects but
// Telegram accepts, so the emulator parses parts itself.

export type FormValue = string | File;

/** A header parameter such as name="x" or filename=y.csv (quoted or not). */
function headerParam(header: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i").exec(header);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : match[2]?.trim();
}

export function parseMultipart(body: Buffer, contentType: string): Map<string, FormValue> {
  const boundary = headerParam(contentType, "boundary");
  if (!boundary) throw new Error("multipart body without boundary");
  const delimiter = Buffer.from(`--${boundary}`);
  const fields = new Map<string, FormValue>();
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === "--") break;
    const end = body.indexOf(delimiter, partStart);
    if (end === -1) throw new Error("multipart body is not terminated");
    // Each part is CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = body.subarray(partStart + 2, end - 2);
    const split = part.indexOf("\r\n\r\n");
    if (split === -1) throw new Error("multipart part without headers");
    const headers = part.subarray(0, split).toString("utf8").split("\r\n");
    const content = part.subarray(split + 4);
    const header = (name: string): string =>
      headers.find((h) => h.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? "";
    const disposition = header("content-disposition");
    const name = headerParam(disposition, "name");
    const fileName = headerParam(disposition, "filename");
    if (name !== undefined) {
      fields.set(
        name,
        fileName !== undefined
          ? new File([new Uint8Array(content)], fileName, { type: header("content-type") || "application/octet-stream" })
          : content.toString("utf8"),
      );
    }
    start = end;
  }
  return fields;
}
