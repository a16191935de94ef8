// A small HTTP server on 127.0.0.1 for the providers' fakes, which can go down for a
// while: it stops listening (new connections are refused, as with a crashed gateway)
// and comes back on the same port.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeReply {
  status?: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

export type FakeHandler = (request: { method: string; url: URL; headers: IncomingMessage["headers"]; body: string }) => FakeReply;

export class FakeServer {
  private server: Server;
  private port = 0;
  private downTimer: NodeJS.Timeout | null = null;

  constructor(private readonly handler: FakeHandler) {
    this.server = this.create();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(port = 0): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Refuses connections for `forMs`, then listens again on the same port. */
  async down(forMs: number): Promise<void> {
    await this.stop();
    this.downTimer = setTimeout(() => {
      this.downTimer = null;
      this.server = this.create();
      this.listen(this.port).catch((error: unknown) => console.error("fake server could not come back", error));
    }, forMs);
  }

  async close(): Promise<void> {
    if (this.downTimer) clearTimeout(this.downTimer);
    this.downTimer = null;
    await this.stop();
  }

  private async stop(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private create(): Server {
    return createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const reply = this.handler({ method: req.method ?? "GET", url: new URL(req.url ?? "/", "http://127.0.0.1"), headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        const type = reply.html !== undefined ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
        res.writeHead(reply.status ?? 200, { "content-type": type, ...reply.headers });
        res.end(reply.html ?? JSON.stringify(reply.json ?? {}));
      });
    });
  }
}

/** The JSON body of a request, or null when it is not an object. */
export function jsonBody(body: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
