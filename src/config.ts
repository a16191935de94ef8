import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export const SUPPORTED_LOCALES = ["zh-CN", "zh-TW", "en"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const telegramIds = z
  .string()
  .trim()
  .regex(/^(\d+(\s*,\s*\d+)*)?$/, "a comma-separated list of Telegram user ids")
  .transform((v) => (v === "" ? [] : v.split(",").map((x) => Number(x.trim()))));

const schema = z
  .object({
    BOT_TOKEN: optionalText.pipe(
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "a token from @BotFather, like 123456:ABC-DEF…")
        .optional(),
    ),
    DATABASE_URL: z
      .string()
      .trim()
      .default("file:./data/duban.db")
      .refine((v) => /^file:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), "file:PATH (SQLite) or postgresql://… (PostgreSQL)"),
    TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
    WEBHOOK_URL: optionalText.pipe(z.url().optional()),
    WEBHOOK_SECRET: optionalText.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "16–256 characters of A-Z a-z 0-9 _ -").optional(),
    ),
    WEBHOOK_HOST: z.string().default("0.0.0.0"),
    WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    OWNER_IDS: telegramIds.default([]),
    DEFAULT_LOCALE: z.enum(SUPPORTED_LOCALES).default("zh-CN"),
    DEFAULT_TIME_ZONE: z
      .string()
      .default("Asia/Shanghai")
      .refine(isTimeZone, "an IANA time zone such as Asia/Shanghai"),
    SCHEDULER_JOBS: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    USER_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    DEMO_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    /** Key of the households' ID numbers (AES-256-GCM); without it ID numbers cannot be imported. */
    PII_KEY: optionalText.pipe(
      z.string().refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v), "32 random bytes in base64, e.g. from `openssl rand -base64 32`").optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_SECRET"],
        message: "required when WEBHOOK_URL is set (Telegram sends it with each update; requests without it are refused)",
      });
    }
  });

export type Config = z.output<typeof schema>;
export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

/** Validates an environment (process.env by default) into one typed Config. Never throws. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  const parsed = schema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0];
  const name = issue?.path.join(".") || "environment";
  return { ok: false, error: `Invalid configuration: ${name}: ${issue?.message ?? "invalid"}` };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
