import { test } from "node:test";
import assert from "node:assert/strict";
import { fileRefusal, MAX_REPORT_FILE_BYTES } from "../../src/bot/report-files.js";

const text = new TextEncoder().encode("会议要求，县财政局要在6月30日前完成。");

test("reports are .txt or .docx files of at most 20 MB", () => {
  assert.equal(fileRefusal({ name: "会议.txt", size: text.length, bytes: text }), null);
  assert.equal(fileRefusal({ name: "会议.DOCX", size: 4, bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04]) }), null);
  assert.equal(fileRefusal({ name: "会议.txt", size: MAX_REPORT_FILE_BYTES + 1 }), "too-large");
  assert.equal(fileRefusal({ name: "会议.txt", size: 0 }), "empty");
  assert.equal(fileRefusal({ name: "会议.pdf", size: 10 }), "unsupported-format");
  assert.equal(fileRefusal({ name: "setup.exe", size: 10 }), "executable");
  assert.equal(fileRefusal({ name: "材料.rar", size: 10 }), "archive");
});

test("the first bytes decide, whatever the name says", () => {
  const named = (bytes: number[]) => fileRefusal({ name: "会议.txt", size: bytes.length, bytes: new Uint8Array(bytes) });
  assert.equal(named([0x4d, 0x5a, 0x90, 0x00]), "executable");
  assert.equal(named([0x7f, 0x45, 0x4c, 0x46, 0x02]), "executable");
  assert.equal(named([0x50, 0x4b, 0x03, 0x04, 0x14]), "archive");
  assert.equal(named([0x52, 0x61, 0x72, 0x21, 0x1a]), "archive");
  assert.equal(named([0x1f, 0x8b, 0x08]), "archive");
});
