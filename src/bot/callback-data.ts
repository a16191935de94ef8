/**
 * Typed callback data: a short prefix and ids only, never trusted (B3) and at most
 * 64 bytes, which is checked when the data is built rather than when Telegram refuses it.
 */
const MAX_BYTES = 64;

export interface CallbackCodec<F extends string> {
  prefix: string;
  /** Matches the data of this kind of button, for bot.callbackQuery(). */
  filter: RegExp;
  pack(values: Record<F, string | number>): string;
  unpack(data: string): Record<F, string> | null;
}

export function callbackData<const F extends string>(prefix: string, fields: readonly F[]): CallbackCodec<F> {
  if (!/^[a-z]{1,8}$/.test(prefix)) throw new Error(`callback prefix ${prefix} must be 1–8 lower-case letters`);
  return {
    prefix,
    filter: new RegExp(`^${prefix}(:|$)`),
    pack(values) {
      const parts = fields.map((f) => String(values[f]));
      for (const part of parts) if (part.includes(":")) throw new Error(`callback value ${part} must not contain ':'`);
      const data = [prefix, ...parts].join(":");
      if (Buffer.byteLength(data, "utf8") > MAX_BYTES) throw new Error(`callback data ${data} is over ${MAX_BYTES} bytes`);
      return data;
    },
    unpack(data) {
      const [head, ...parts] = data.split(":");
      if (head !== prefix || parts.length !== fields.length) return null;
      return Object.fromEntries(fields.map((f, i) => [f, parts[i] ?? ""])) as Record<F, string>;
    },
  };
}
