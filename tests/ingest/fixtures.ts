// Reads the sample reports written for these tests (tests/fixtures/reports).
import { readFileSync } from "node:fs";

export const fixturePath = (name: string): string => new URL(`../fixtures/reports/${name}`, import.meta.url).pathname;
export const fixtureBytes = (name: string): Uint8Array => readFileSync(fixturePath(name));
export const fixtureText = (name: string): string => readFileSync(fixturePath(name), "utf8");
