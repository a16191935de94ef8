// A logger whose lines are kept in memory, for tests and benches that read what the app
// logged (failed updates, lock errors, the token never appearing: S3).
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../logger.js";

export function capturedLogger(secrets: readonly string[]): { logger: Logger; text(): string } {
  let text = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString("utf8");
      done();
    },
  });
  return { logger: createLogger("info", secrets, sink), text: () => text };
}
