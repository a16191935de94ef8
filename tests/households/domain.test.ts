import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { compactIdNumber, idCheckCharacter, parseIdNumber } from "../../src/domain/id-number.js";
import { parsePhone } from "../../src/domain/phone.js";
import { maskIdNumber, maskNumbersIn, maskPhone } from "../../src/domain/pii-mask.js";
import { householdSettings, withHouseholdSettings } from "../../src/domain/household-settings.js";
import { findPii } from "../../src/testing/pii-scan.js";

const TODAY = "2026-11-24";
const withCheck = (first17: string): string => first17 + idCheckCharacter(first17);

describe("ID numbers (B6)", () => {
  test("the published GB 11643 example and a check character X are valid", () => {
    assert.deepEqual(parseIdNumber("11010519491231002X", TODAY), { ok: true, value: "11010519491231002X", legacy: false });
    assert.equal(idCheckCharacter("11010519491231002"), "X");
    assert.deepEqual(parseIdNumber("440524188001010014", TODAY), { ok: false, problem: "birth-date" }, "born before 1900");
  });

  test("spaces, dashes and a lower-case x are forgiven; other characters are not", () => {
    assert.deepEqual(parseIdNumber(" 110105 19491231 002x ", TODAY), { ok: true, value: "11010519491231002X", legacy: false });
    assert.equal(compactIdNumber("1101-05"), "110105");
    assert.deepEqual(parseIdNumber("11010519491231002Y", TODAY), { ok: false, problem: "format" });
    assert.deepEqual(parseIdNumber("1101051949123100", TODAY), { ok: false, problem: "format" });
    assert.deepEqual(parseIdNumber("", TODAY), { ok: false, problem: "format" });
  });

  test("a wrong check character, region or birth date is named", () => {
    assert.deepEqual(parseIdNumber("110105194912310021", TODAY), { ok: false, problem: "checksum" });
    assert.deepEqual(parseIdNumber(withCheck("99010519491231002"), TODAY), { ok: false, problem: "region" });
    assert.deepEqual(parseIdNumber(withCheck("11010519490230002"), TODAY), { ok: false, problem: "birth-date" }, "30 February");
    assert.deepEqual(parseIdNumber(withCheck("11010520270101002"), TODAY), { ok: false, problem: "birth-date" }, "born in the future");
    assert.equal(parseIdNumber(withCheck("11010520000229002"), TODAY).ok, true, "2000 was a leap year");
    assert.deepEqual(parseIdNumber(withCheck("11010519000229002"), TODAY), { ok: false, problem: "birth-date" }, "1900 was not");
  });

  test("15-digit legacy numbers convert to 18: century 19 inserted, check character computed", () => {
    const converted = parseIdNumber("110105491231002", TODAY);
    assert.deepEqual(converted, { ok: true, value: "11010519491231002X", legacy: true });
    assert.deepEqual(parseIdNumber("110105490230002", TODAY), { ok: false, problem: "birth-date" });
    assert.deepEqual(parseIdNumber("990105491231002", TODAY), { ok: false, problem: "region" });
  });

  test("property: every 17 digits with a real birth date and its check character is valid; any other last character is not", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 38_000 }), fc.integer({ min: 0, max: 999 }), (dayOffset, seq) => {
      const birth = new Date(Date.UTC(1920, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
      const first17 = `510100${birth}${String(seq).padStart(3, "0")}`;
      const good = parseIdNumber(first17 + idCheckCharacter(first17), TODAY);
      assert.ok(good.ok);
      for (const other of "0123456789X".replace(idCheckCharacter(first17), "")) {
        assert.deepEqual(parseIdNumber(first17 + other, TODAY), { ok: false, problem: "checksum" });
      }
    }), { numRuns: 200 });
  });
});

describe("phone numbers (B6)", () => {
  test("mobiles with +86, 0086, 86, spaces, dashes and brackets normalize to 11 digits", () => {
    for (const text of ["13812345678", "+86 138 1234 5678", "+86-138-1234-5678", "0086 13812345678", "8613812345678", "(+86) 138 1234 5678", " 138-1234-5678 ", "+8613812345678"]) {
      assert.deepEqual(parsePhone(text), { ok: true, value: "13812345678", kind: "mobile" }, text);
    }
    assert.deepEqual(parsePhone("19912345678"), { ok: true, value: "19912345678", kind: "mobile" });
  });

  test("landlines keep their area code", () => {
    assert.deepEqual(parsePhone("0871-65123456"), { ok: true, value: "0871-65123456", kind: "landline" });
    assert.deepEqual(parsePhone("010 12345678"), { ok: true, value: "010-12345678", kind: "landline" });
    assert.deepEqual(parsePhone("+86 871 6512 3456"), { ok: true, value: "0871-65123456", kind: "landline" });
  });

  test("invalid numbers are refused", () => {
    for (const text of ["12812345678", "1381234567", "138123456789", "+1 415 555 0100", "+44 7911 123456", "abc", "", "138-1234-567x", "00000000"]) {
      assert.deepEqual(parsePhone(text), { ok: false }, text);
    }
  });
});

describe("masks (P2)", () => {
  test("ID: first 6 and last 4; phone: first 3 and last 4; landline: area code and last 4", () => {
    assert.equal(maskIdNumber("11010519491231002X"), "110105********002X");
    assert.equal(maskIdNumber("110101199001011234"), "110101********1234");
    assert.equal(maskIdNumber("12345"), "*****");
    assert.equal(maskPhone("13812345678"), "138****5678");
    assert.equal(maskPhone("0871-65123456"), "0871-****3456");
    assert.equal(maskPhone("12345"), "*****");
  });

  test("numbers inside free text are masked, other numbers are left alone", () => {
    assert.equal(maskNumbersIn("我的电话 +86 138 1234 5678，身份证11010519491231002x"), "我的电话 138****5678，身份证110105********002X");
    assert.equal(maskNumbersIn("订单 2026112412 金额 300"), "订单 2026112412 金额 300");
  });

  test("property: nothing a mask produces is found by the P1 scan", () => {
    fc.assert(fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), fc.integer({ min: 0, max: 30_000 }), (mobile, offset) => {
      const birth = new Date(Date.UTC(1940, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
      const id = withCheck(`530100${birth}123`);
      assert.equal(findPii(`${id} ${mobile}`).length, 2, "the unmasked numbers are found");
      assert.deepEqual(findPii(`${maskIdNumber(id)} ${maskPhone(mobile)} ${maskNumbersIn(`${id}/${mobile}`)}`), []);
    }), { numRuns: 200 });
  });
});

describe("county household settings", () => {
  test("defaults, a stored section, other keys kept, invalid values refused", () => {
    assert.deepEqual(householdSettings(null), { phoneReveal: "off", retentionDays: 365, contactRule: { freq: "quarterly", interval: 1, count: 1 }, leafletRule: { freq: "yearly", interval: 1, count: 1 } });
    const stored = withHouseholdSettings({ reminderTime: "10:00" }, { phoneReveal: "helper", retentionDays: 30 });
    assert.equal(stored["reminderTime"], "10:00");
    assert.equal(householdSettings(stored).phoneReveal, "helper");
    assert.equal(householdSettings(stored).retentionDays, 30);
    assert.throws(() => householdSettings({ households: { retentionDays: 0 } }), /retentionDays/);
  });
});
