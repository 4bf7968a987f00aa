import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pageCount, pageWindow, zPageNumber, zSearchWords } from "@/lib/paging";

// The list pages (cases, contracts) page alike: a bad page number or search in the URL never errors.

describe("paging", () => {
  const Q = z.object({ page: zPageNumber(), q: zSearchWords() });

  it("reads the page number and search words from the query string, falling back on anything malformed", () => {
    expect(Q.parse({ page: "3", q: "  資安 " })).toEqual({ page: 3, q: "資安" });
    for (const page of [undefined, "", "0", "-2", "1.5", "abc", "100001"]) expect(Q.parse({ page }).page).toBe(1);
    for (const q of [undefined, "", "   ", "x".repeat(101), 5]) expect(Q.parse({ q }).q).toBeUndefined();
    expect(Q.parse({ q: "x".repeat(100) }).q).toHaveLength(100);
  });

  it("gives the rows of a page and the number of pages", () => {
    expect(pageWindow(1, 20)).toEqual({ skip: 0, take: 20 });
    expect(pageWindow(3, 20)).toEqual({ skip: 40, take: 20 });
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});
