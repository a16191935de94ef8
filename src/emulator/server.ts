// The emulator's HTTP server: Bot API at /bot<token>/<method>, file downloads at
// /file/bot<token>/<path>, the test API at /__emulator/ and the demo page at /.
// Nothing listens until listen() is called.
import { readFile } from "node:fs/promises";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ZodError } from "zod";
import { handleBotCall } from "./bot-endpoint.js";
import { EmulatorCore, type EmulatorOptions } from "./core.js";
import { MAX_DOWNLOAD_BYTES } from "./files.js";
import { readBody, sendBytes, sendJson } from "./http.js";
import { findRoute, NotFoundError } from "./test-api.js";

export type { EmulatorOptions } from "./core.js";

export interface Emulator {
  /** Base URL (e.g. http://127.0.0.1:8081); use it as grammY's `apiRoot`. Throws before listen(). */
  readonly url: string;
  readonly port: number;
  /** The emulator's parts, for tests that inspect or drive it in-process. */
  readonly core: EmulatorCore;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const WEB_ASSETS: Readonly<Record<string, [file: string, type: string]>> = {
  "/": ["index.html", "text/html; charset=utf-8"],
  "/app.js": ["app.js", "text/javascript; charset=utf-8"],
  "/style.css": ["style.css", "text/css; charset=utf-8"],
};

const notFound = (res: ServerResponse): void => sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });

async function serveAsset(res: ServerResponse, path: string): Promise<boolean> {
  const asset = WEB_ASSETS[path];
  if (!asset) return false;
  const bytes = await readFile(new URL(`./web/${asset[0]}`, import.meta.url));
  res.setHeader("cache-control", "no-store");
  sendBytes(res, bytes, asset[1]);
  return true;
}

function serveDownload(core: EmulatorCore, res: ServerResponse, token: string, filePath: string): void {
  const file = core.state.botForToken(token) ? core.state.files.atPath(filePath) : undefined;
  if (!file) return notFound(res);
  if (file.bytes.length > MAX_DOWNLOAD_BYTES) {
    return sendJson(res, 400, { ok: false, error_code: 400, description: "Bad Request: file is too big" });
  }
  sendBytes(res, file.bytes, file.mimeType ?? "application/octet-stream");
}

async function serveTestApi(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
  const fileId = /^files\/([^/]+)$/.exec(path)?.[1];
  const file = fileId !== undefined && req.method === "GET" ? core.state.files.get(decodeURIComponent(fileId)) : undefined;
  if (file) return sendBytes(res, file.bytes, file.mimeType ?? (file.kind === "photo" ? "image/jpeg" : "application/octet-stream"));
  const route = findRoute(req.method ?? "GET", path);
  if (!route) return sendJson(res, 404, { error: `no test API route ${req.method} /__emulator/${path}` });
  try {
    const raw = await readBody(req);
    const body: unknown = raw.length > 0 ? JSON.parse(raw.toString("utf8")) : undefined;
    sendJson(res, 200, (await route(core, body, url.searchParams)) ?? null);
  } catch (error) {
    const status = error instanceof NotFoundError ? 404 : 400;
    const message = error instanceof ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : error instanceof Error ? error.message : String(error);
    sendJson(res, status, { error: message });
  }
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const core = new EmulatorCore(options);
  let server: Server | null = null;
  let address: AddressInfo | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    const path = url.pathname;
    const botCall = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(path);
    if (botCall) return handleBotCall(core, req, res, decodeURIComponent(botCall[1] ?? ""), botCall[2] ?? "", url);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
    if (download) return serveDownload(core, res, decodeURIComponent(download[1] ?? ""), decodeURIComponent(download[2] ?? ""));
    if (path.startsWith("/__emulator/")) return serveTestApi(core, req, res, path.slice("/__emulator/".length), url);
    if (req.method === "GET" && (await serveAsset(res, path))) return;
    notFound(res);
  };

  const emulator: Emulator = {
    core,
    get url(): string {
      if (!address) throw new Error("emulator: call listen() first");
      const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
      return `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${address.port}`;
    },
    get port(): number {
      if (!address) throw new Error("emulator: call listen() first");
      return address.port;
    },
    listen(port = 0, host = "127.0.0.1"): Promise<string> {
      const listening = createServer((req, res) => {
        handle(req, res).catch((error: unknown) => {
          if (!res.headersSent) sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
        });
      });
      // Long polls last up to 50 s; keep Node's request timeouts out of their way.
      listening.requestTimeout = 0;
      listening.keepAliveTimeout = 65_000;
      server = listening;
      return new Promise((resolve, reject) => {
        listening.once("error", reject);
        listening.listen(port, host, () => {
          address = listening.address() as AddressInfo;
          resolve(emulator.url);
        });
      });
    },
    async close(): Promise<void> {
      for (const bot of core.state.bots.values()) bot.updates.close();
      const closing = server;
      server = null;
      if (!closing) return;
      await new Promise<void>((resolve) => {
        closing.close(() => resolve());
        closing.closeAllConnections();
      });
    },
  };
  return emulator;
}
