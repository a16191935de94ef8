// Small HTTP helpers shared by the Bot API and test API routes.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseMultipart } from "./multipart.js";
import type { Params } from "./params.js";

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Bot API parameters from the query string and a JSON, urlencoded or multipart body. */
export async function readParams(req: IncomingMessage, url: URL, body: Buffer): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return params;
  if (type.includes("application/json")) {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    return typeof parsed === "object" && parsed !== null ? { ...params, ...(parsed as Params) } : params;
  }
  if (type.includes("application/x-www-form-urlencoded")) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) };
  }
  if (type.includes("multipart/form-data")) {
    for (const [key, value] of parseMultipart(body, type)) params[key] = value;
  }
  return params;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendBytes(res: ServerResponse, bytes: Buffer, contentType: string): void {
  res.writeHead(200, { "content-type": contentType, "content-length": bytes.length });
  res.end(bytes);
}
