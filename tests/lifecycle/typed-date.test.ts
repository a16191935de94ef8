import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTypedDate } from "../../src/domain/typed-date.js";

test("typed dates resolve to the next such day from today in the county", () => {
  const today = "2026-05-04";
  assert.equal(parseTypedDate("6月30日", today), "2026-06-30");
  assert.equal(parseTypedDate("6月30号", today), "2026-06-30");
  assert.equal(parseTypedDate("6/30", today), "2026-06-30");
  assert.equal(parseTypedDate("６月３０日", today), "2026-06-30", "full-width digits from a Chinese keyboard");
  assert.equal(parseTypedDate("5月4日", today), "2026-05-04", "today is still ahead");
  assert.equal(parseTypedDate("3月1日", today), "2027-03-01", "a day already past this year means next year");
  assert.equal(parseTypedDate("2026-06-30", today), "2026-06-30");
  assert.equal(parseTypedDate("2027年1月5日", today), "2027-01-05");
  assert.equal(parseTypedDate("2026.6.3", today), "2026-06-03");
});

test("what is not a calendar date is refused", () => {
  const today = "2026-05-04";
  for (const text of ["下个月", "6月31日", "13/1", "2026-02-30", "", "30"]) assert.equal(parseTypedDate(text, today), null, text);
  assert.equal(parseTypedDate("2月29日", "2027-03-01"), "2028-02-29", "the next 29 February");
});
