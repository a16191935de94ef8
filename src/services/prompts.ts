// Questions waiting for a typed answer ("send the new name"), one per person and chat.
import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";

/** An unanswered question lapses after this long; the person starts again from the menu. */
const PROMPT_TTL_MS = 30 * 60_000;

export type PromptPayload = Record<string, number | string>;

export async function askFor(db: Pick<Db, "pendingPrompt">, clock: Clock, where: { telegramChatId: number; personId: number }, kind: string, payload: PromptPayload) {
  const key = { telegramChatId: BigInt(where.telegramChatId), personId: where.personId };
  const data = { kind, payload, expiresAt: new Date(clock.now().getTime() + PROMPT_TTL_MS), createdAt: clock.now() };
  await db.pendingPrompt.upsert({ where: { telegramChatId_personId: key }, update: data, create: { ...key, ...data } });
}

/** The person's open question in this chat, taken (removed) so it is answered once. */
export async function takePrompt(db: Pick<Db, "pendingPrompt">, clock: Clock, where: { telegramChatId: number; personId: number }) {
  const key = { telegramChatId: BigInt(where.telegramChatId), personId: where.personId };
  const prompt = await db.pendingPrompt.findUnique({ where: { telegramChatId_personId: key } });
  if (!prompt) return null;
  const taken = await db.pendingPrompt.deleteMany({ where: { id: prompt.id } });
  if (taken.count !== 1 || prompt.expiresAt <= clock.now()) return null;
  const payload = typeof prompt.payload === "object" && prompt.payload !== null && !Array.isArray(prompt.payload) ? (prompt.payload as PromptPayload) : {};
  return { kind: prompt.kind, payload };
}

export async function peekPrompt(db: Pick<Db, "pendingPrompt">, clock: Clock, where: { telegramChatId: number; personId: number }) {
  const prompt = await db.pendingPrompt.findUnique({
    where: { telegramChatId_personId: { telegramChatId: BigInt(where.telegramChatId), personId: where.personId } },
  });
  return prompt && prompt.expiresAt > clock.now() ? prompt : null;
}

export async function cancelPrompt(db: Pick<Db, "pendingPrompt">, where: { telegramChatId: number; personId: number }): Promise<void> {
  await db.pendingPrompt.deleteMany({ where: { telegramChatId: BigInt(where.telegramChatId), personId: where.personId } });
}
