import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { InputFile } from "grammy";
import { type Harness, PNG, TOKEN, assertApiError, startEmulator } from "./helpers.js";

describe("emulator: files", () => {
  let h: Harness;
  let userId: number;
  before(async () => {
    h = await startEmulator();
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.client.reset();
    userId = (await h.client.createUser({ first_name: "周", startedBot: true })).id;
  });

  const download = async (filePath: string): Promise<Response> => fetch(`${h.emulator.url}/file/bot${TOKEN}/${filePath}`);

  it("lets the bot download a document a user uploaded", async () => {
    const bytes = Buffer.from("会议纪要\n一、……", "utf8");
    await h.client.sendDocument(userId, "纪要.txt", bytes, { caption: "请查收", mimeType: "text/plain" });
    const message = (await h.api.getUpdates())[0]?.message;
    assert.equal(message?.document?.file_name, "纪要.txt");
    assert.equal(message?.caption, "请查收");
    const file = await h.api.getFile(message?.document?.file_id ?? "");
    assert.equal(file.file_size, bytes.length);
    const response = await download(file.file_path ?? "");
    assert.equal(response.status, 200);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes);
    assert.equal((await fetch(`${h.emulator.url}/file/bot${TOKEN}/documents/nope.txt`)).status, 404);
  });

  it("accepts multipart uploads from grammY and shows them to the user; file_ids can be re-sent", async () => {
    const sent = await h.api.sendDocument(userId, new InputFile(Buffer.from("a,b\n1,2"), "汇总.csv"), { caption: "<b>汇总</b>", parse_mode: "HTML" });
    assert.equal(sent.document?.file_name, "汇总.csv");
    assert.deepEqual(sent.caption_entities, [{ type: "bold", offset: 0, length: 2 }]);
    const photo = await h.api.sendPhoto(userId, new InputFile(PNG, "p.png"));
    assert.equal(photo.photo?.[0]?.width, 1);
    const again = await h.api.sendDocument(userId, sent.document?.file_id ?? "");
    assert.equal(again.document?.file_id, sent.document?.file_id);
    const seen = await h.client.messages(userId);
    assert.equal(seen.filter((m) => m.document?.file_name === "汇总.csv").length, 2);
    assert.ok(seen.some((m) => m.photo !== undefined));
    await assertApiError(h.api.sendPhoto(userId, new InputFile(Buffer.from("not an image"), "x.png")), 400, "Bad Request: IMAGE_PROCESS_FAILED");
    await assertApiError(h.api.sendDocument(userId, "unknown-id"), 400, "Bad Request: wrong file identifier/HTTP URL specified");
  });

  it("refuses getFile above Telegram's 20 MB bot download limit", async () => {
    await h.client.sendDocument(userId, "big.bin", Buffer.alloc(20 * 1024 * 1024 + 1));
    const document = (await h.api.getUpdates())[0]?.message?.document;
    await assertApiError(h.api.getFile(document?.file_id ?? ""), 400, "Bad Request: file is too big");
  });

  it("serves uploaded photos to the page through the test API", async () => {
    const message = await h.client.sendPhoto(userId, "照片.png", PNG);
    const response = await fetch(`${h.emulator.url}/__emulator/files/${message.photo?.[0]?.file_id}`);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), PNG);
  });
});
