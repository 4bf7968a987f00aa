import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

// Issue 19 #6 (English messages): zod's defaults were English at the field. Every boundary loads the
// one zh-TW error map (lib/validation/zh-tw.ts); a schema's own message still wins.

const CJK = /[\u4e00-\u9fff]/;
const config = (globalThis as { __zod_globalConfig?: { localeError?: unknown } }).__zod_globalConfig!;

const BOUNDARIES = {
  "the action client": () => import("@/app/_server/action"),
  "the session helpers (pages, routes, form actions)": () => import("@/app/_server/auth"),
  "every API route (apiRoute)": () => import("@/lib/http/route"),
  "the CLI": () => import("@/lib/cli"),
};

describe("one zh-TW error map, loaded by every boundary", () => {
  for (const [name, load] of Object.entries(BOUNDARIES))
    it(`${name} installs it`, async () => {
      config.localeError = undefined;
      vi.resetModules();
      expect(z.string().safeParse(1).error!.issues[0]!.message).toMatch(/^Invalid input/);
      await load();
      expect(z.string().safeParse(1).error!.issues[0]!.message).toBe("須為文字");
    }, 60_000);

  it("reads plainly for the common refusals, and leaves a schema's own message alone", async () => {
    await import("@/lib/validation/zh-tw");
    const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues.map((i) => i.message);
    const schema = z.object({
      id: z.uuid(),
      name: z.string().min(2).max(5),
      count: z.int().min(0).max(9),
      kind: z.enum(["a", "b"]),
      list: z.array(z.string()).min(1),
      extra: z.strictObject({}),
      own: z.string().min(1, "請填寫自己的訊息"),
    });
    expect(messages(schema, { id: "x", name: "123456", count: 1.5, kind: "c", list: [], extra: { k: 1 }, own: "" })).toEqual([
      "代碼格式有誤",
      "最多 5 字",
      "須為整數",
      "不是可接受的選項",
      "請至少選擇一項",
      "不接受的欄位：k",
      "請填寫自己的訊息",
    ]);
    expect(messages(schema, {})).toContain("此欄位為必填");
    expect(messages(z.int().max(3), 10)).toEqual(["不可大於 3"]);
    expect(messages(z.string().min(3), "a")).toEqual(["至少 3 字"]);
    // Anything else: zod's bundled zh-TW locale.
    expect(messages(z.number().multipleOf(5), 3)[0]).toMatch(CJK);
    expect(messages(z.union([z.string(), z.number()]), true)[0]).toMatch(CJK);
  });
});
