import pino, { type Logger } from "pino";

export type { Logger };

/**
 * A pino logger that never writes a secret: every line is scrubbed of the given
 * secrets (the bot token) before it reaches the stream (S3).
 */
export function createLogger(level: string, secrets: readonly string[] = [], destination?: pino.DestinationStream): Logger {
  const hidden = secrets.filter((s) => s.length > 0);
  return pino(
    {
      level,
      base: undefined,
      hooks: {
        streamWrite: (line) => hidden.reduce((out, secret) => out.replaceAll(secret, "[secret]"), line),
      },
    },
    destination,
  );
}
