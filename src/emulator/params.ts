// Reading Bot API parameters the way Telegram does: the same method may arrive as
// JSON (typed values), urlencoded or multipart (everything a string, objects as JSON).
import { badRequest } from "./errors.js";

export type Params = Record<string, unknown>;

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

export function optionalNumber(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(number)) throw badRequest(`field "${name}" must be a valid Number`);
  return number;
}

export function requiredNumber(params: Params, name: string, emptyText = `${name} is empty`): number {
  const number = optionalNumber(params, name);
  if (number === undefined) throw badRequest(emptyText);
  return number;
}

export function optionalBoolean(params: Params, name: string): boolean {
  const value = params[name];
  return value === true || value === "true" || value === "1" || value === 1;
}

/** An object parameter, parsed from JSON text when it came as a form field. */
export function optionalJson(params: Params, name: string): unknown {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw badRequest(`can't parse ${name} JSON object`);
  }
}

/** chat_id: a number, a numeric string or an "@username". */
export function chatIdParam(params: Params): number | string {
  const value = params["chat_id"];
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value === "") throw badRequest("chat_id is empty");
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

/** An uploaded file, either the field itself or an attach://name reference to another field. */
export function uploadedFile(params: Params, name: string): File | string | undefined {
  const value = params[name];
  if (value instanceof File) return value;
  if (typeof value !== "string" || value === "") return undefined;
  const attached = value.startsWith("attach://") ? params[value.slice("attach://".length)] : undefined;
  if (attached instanceof File) return attached;
  return value;
}
