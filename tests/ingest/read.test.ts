import { test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { readReport } from "../../src/ingest/read.js";
import { fixtureBytes, fixtureText } from "./fixtures.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

test("UTF-8 with and without BOM gives the same text", async () => {
  const text = fixtureText("qinghe-province-parallel.txt");
  const plain = await readReport(utf8(text), "a.txt");
  const bom = await readReport(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), "a.txt");
  assert.ok(plain.ok && bom.ok);
  assert.equal(plain.text, bom.text);
  assert.ok(!bom.text.startsWith("\uFEFF"));
});

test("GBK files saved by offices are detected and decoded, simplified and traditional", async () => {
  for (const name of ["lanxi-web-simplified", "heping-pinyin-traditional"]) {
    const result = await readReport(fixtureBytes(`${name}.gbk.txt`), `${name}.gbk.txt`);
    assert.ok(result.ok, name);
    assert.match(result.encoding, /gb/);
    assert.equal(result.text, fixtureText(`${name}.txt`));
  }
});

test("GB18030 bytes made in memory decode like the UTF-8 original", async () => {
  const text = "县财政局要在10月15日前完成资金拨付。縣扶貧辦要加強監管。";
  const result = await readReport(iconv.encode(text, "gb18030"));
  assert.ok(result.ok);
  assert.equal(result.text, text);
});

test(".docx gives its paragraphs as lines", async () => {
  const result = await readReport(fixtureBytes("heping-pinyin-traditional.docx"), "heping.docx");
  assert.ok(result.ok);
  assert.equal(result.encoding, "docx");
  const lines = result.text.trim().split("\n");
  assert.equal(lines.length, fixtureText("heping-pinyin-traditional.txt").trim().split("\n").length);
  assert.ok(lines[0]?.startsWith("3月8日,和平縣"));
});

test("empty, blank, binary, oversized, foreign and broken files give clear error codes", async () => {
  const code = async (bytes: Uint8Array, name?: string) => {
    const r = await readReport(bytes, name);
    return r.ok ? "ok" : r.error.code;
  };
  assert.equal(await code(new Uint8Array()), "empty");
  assert.equal(await code(utf8(" \n\t\n")), "empty");
  assert.equal(await code(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), "binary");
  assert.equal(await code(utf8("会".repeat(5 * 1024 * 1024 / 3 + 10))), "too-large");
  assert.equal(await code(utf8("%PDF-1.7 ..."), "a.pdf"), "unsupported-format");
  assert.equal(await code(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), "a.docx"), "bad-docx");
  const err = await readReport(new Uint8Array());
  assert.ok(!err.ok && err.error.message.length > 0);
});
