import { describe, expect, it } from "vitest";
import { Lru } from "@/lib/api/lru";
import { memoKey } from "@/lib/api/resolve";
import { parseResolveInput } from "@/lib/resolve/input";

describe("Lru", () => {
  it("keeps the most recently used entries up to its capacity", () => {
    const lru = new Lru<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect([lru.get("a"), lru.get("c"), lru.size]).toEqual([1, 3, 2]);
  });
});

describe("memoKey", () => {
  const conditions = { personalData: true, coreSystem: false, cii: false, externalService: true, mobileApp: false, mailServer: true };
  const input = (raw: unknown) => {
    const parsed = parseResolveInput(raw);
    if (!parsed.ok) throw new Error("invalid");
    return parsed.input;
  };

  it("does not depend on the order of keys the client sent, nor on naming the default version", () => {
    const a = input({ serviceTypes: ["development"], grade: "medium", responsibilityLevel: "B", contractValue: 1, conditions });
    const b = input({
      conditions: Object.fromEntries(Object.entries(conditions).reverse()),
      contractValue: 1,
      responsibilityLevel: "B",
      grade: "medium",
      serviceTypes: ["development"],
      catalogueVersion: "2023-09-25",
    });
    expect(memoKey("2023-09-25", b)).toBe(memoKey("2023-09-25", a));
  });

  it("differs whenever an answer differs", () => {
    const base = { serviceTypes: ["development"], grade: "medium", responsibilityLevel: "B", contractValue: 1, conditions };
    const key = memoKey("v", input(base));
    for (const changed of [
      { ...base, contractValue: 2 },
      { ...base, grade: "high" },
      { ...base, riskLevel: "中" },
      { ...base, conditions: { ...conditions, cii: true } },
      { ...base, serviceTypes: ["development", "maintenance"] },
    ])
      expect(memoKey("v", input(changed))).not.toBe(key);
    expect(memoKey("w", input(base))).not.toBe(key);
  });
});
