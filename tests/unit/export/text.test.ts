import { describe, expect, it } from "vitest";
import { compactDate, formatNtd, rocLongDate, zhNumber } from "../../../lib/export/text/format";
import { cleanLine, cleanText } from "../../../lib/export/text/sanitize";

describe("cleanText / cleanLine", () => {
  it("drops what XML 1.0 cannot carry: C0/C1 controls, U+FFFE/U+FFFF, noncharacters, lone surrogates", () => {
    expect(cleanText("a\u0000b\u0008c\u000Bd\u001Fe\u007Ff\u0085g\uFFFEh\uFFFFi\uFDD0j")).toBe("abcdefghij");
    expect(cleanText("x\uD800y\uDC00z\uDBFF")).toBe("xyz");
    expect(cleanText("\uD83F\uDFFE astral nonchar")).toBe(" astral nonchar");
  });

  it("keeps valid surrogate pairs, CJK, tab and line breaks; removes bidi overrides", () => {
    expect(cleanText("資安 𠀀 😀\t行\n二")).toBe("資安 𠀀 😀\t行\n二");
    expect(cleanText("abc\u202Edef\u2066g")).toBe("abcdefg");
  });

  it("cleanLine folds whitespace runs to one space but keeps the ideographic space", () => {
    expect(cleanLine("  臺北市政府\r\n\t資訊局　第一科  ")).toBe("臺北市政府 資訊局　第一科");
  });

  it("normalises to NFC, so the same name is the same text", () => {
    expect(cleanText("e\u0301")).toBe("é");
  });
});

describe("zh-TW wording", () => {
  it("counts in Chinese as Word's taiwaneseCountingThousand does", () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 115].map(zhNumber)).toEqual([
      "一",
      "九",
      "十",
      "十一",
      "十九",
      "二十",
      "二十一",
      "九十九",
      "一百",
      "一百零一",
      "一百一十",
      "一百一十五",
    ]);
  });

  it("formats money with thousands separators and dates in the ROC calendar, in Taiwan's time zone", () => {
    expect(formatNtd(12_000_000)).toBe("新臺幣12,000,000元");
    expect(rocLongDate(new Date("2026-03-04T02:00:00Z"))).toBe("中華民國115年3月4日");
    expect(compactDate(new Date("2026-12-31T16:30:00Z"))).toBe("20270101");
  });
});
