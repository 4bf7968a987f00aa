import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GRADES, SERVICE_TYPE_KEYS, type TGrade, type TMark, type TServiceTypeKey } from "../../../lib/catalogue/schema";
import type { TEngineInput as TResolveInput } from "../../../lib/resolve/input";
import { LEVELS } from "../../../lib/catalogue/schema/obligations";
import { resolve } from "../../../lib/resolve/resolve";
import { STATUSES, type TResolvedItem } from "../../../lib/resolve/types";
import { catalogue, obligations } from "./fixtures";

const serviceTypes = fc.uniqueArray(fc.constantFrom(...SERVICE_TYPE_KEYS), { minLength: 1, maxLength: SERVICE_TYPE_KEYS.length });
const contractValue = fc.oneof(
  fc.integer({ min: 0, max: 50_000_000 }),
  fc.integer({ min: 9_999_990, max: 10_000_010 }),
  fc.constantFrom(0, 9_999_999, 10_000_000, Number.MAX_SAFE_INTEGER),
);
const input: fc.Arbitrary<TResolveInput> = fc.record(
  {
    serviceTypes,
    grade: fc.constantFrom(...GRADES),
    responsibilityLevel: fc.constantFrom(...LEVELS),
    agencyKind: fc.constantFrom("public" as const, "non-public" as const),
    ciProvider: fc.boolean(),
    contractValue,
    conditions: fc.record({
      personalData: fc.boolean(),
      coreSystem: fc.boolean(),
      cii: fc.boolean(),
      externalService: fc.boolean(),
      mobileApp: fc.boolean(),
      mailServer: fc.boolean(),
    }),
    riskLevel: fc.constantFrom("高", "中高", "中"),
  },
  { requiredKeys: ["serviceTypes", "grade", "responsibilityLevel", "agencyKind", "ciProvider", "contractValue", "conditions"] },
);

const run = (value: TResolveInput) => resolve(catalogue, obligations, value);
const byId = (items: readonly TResolvedItem[]) => new Map(items.map((x) => [x.id, x]));
const CJK = /[\u4e00-\u9fff]/;

describe("properties over the real catalogue and obligations", () => {
  it("every item has exactly one valid status and at least one zh-TW reason; one row per selected catalogue row", () => {
    fc.assert(
      fc.property(input, (value) => {
        const r = run(value);
        const expected = catalogue.serviceTypes.filter((t) => value.serviceTypes.includes(t.key)).flatMap((t) => t.items.map((x) => x.id));
        expect(r.items.map((x) => x.id)).toEqual(expected);
        for (const x of r.items) {
          expect(STATUSES).toContain(x.status);
          expect(x.reasons.length).toBeGreaterThanOrEqual(1);
          for (const reason of x.reasons) expect(reason).toMatch(CJK);
          if (x.frequency !== null) expect(x.status).toBe("standard");
        }
        expect(r.effectiveGrade).toBe(value.grade);
      }),
      { numRuns: 300 },
    );
  });

  /*
   * Stated precisely: for one case, raising the grade (普 → 中 → 高) keeps every `standard` item `standard`.
   * It rests on the source table: no row has a weaker mark at a higher grade (checked below), the ▲
   * rows are ▲ at every grade, and 高 only adds facts (核心資通系統), which only ever raise a status.
   */
  it("the source table has no row whose mark weakens as the grade rises", () => {
    const strength: Record<TMark, number> = { "-": 0, "◎": 1, "●": 2, "▲": -1 };
    const exceptions: string[] = [];
    for (const type of catalogue.serviceTypes)
      for (const row of type.items) {
        const { high, medium, normal } = row.marks;
        const triangles = [high, medium, normal].filter((m) => m === "▲").length;
        if (triangles === 3) continue;
        if (triangles > 0 || strength[medium] < strength[normal] || strength[high] < strength[medium]) exceptions.push(row.id);
      }
    expect(exceptions).toEqual([]);
  });

  it("raising the grade never turns a standard item into anything else", () => {
    const order: TGrade[] = ["normal", "medium", "high"];
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 2 }), (value, from, step) => {
        const lower = order[from] as TGrade;
        const higher = order[Math.min(from + step, 2)] as TGrade;
        const low = run({ ...value, grade: lower });
        const high = byId(run({ ...value, grade: higher }).items);
        for (const x of low.items) if (x.status === "standard") expect(high.get(x.id)?.status, `${x.id} ${lower}→${higher}`).toBe("standard");
      }),
      { numRuns: 300 },
    );
  });

  it("adding a service type never changes another type's items", () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...SERVICE_TYPE_KEYS), (value, extra) => {
        fc.pre(!value.serviceTypes.includes(extra));
        const before = run(value);
        const after = run({ ...value, serviceTypes: [...value.serviceTypes, extra] });
        const kept = new Set<TServiceTypeKey>(value.serviceTypes);
        // Only the links to the new type's copies of the same requirement (sameAs) may be added.
        const own = (items: typeof before.items) =>
          items.map(({ sameAs, ...rest }) => ({ ...rest, sameAs: sameAs.filter((id) => kept.has(id.split(".")[0] as TServiceTypeKey)) }));
        expect(own(after.items.filter((x) => kept.has(x.serviceType)))).toEqual(own(before.items));
      }),
      { numRuns: 300 },
    );
  });

  it("NT$9,999,999 vs NT$10,000,000 flips the third-party flag and nothing else", () => {
    fc.assert(
      fc.property(input, (value) => {
        const below = run({ ...value, contractValue: 9_999_999 });
        const at = run({ ...value, contractValue: 10_000_000 });
        const core = value.conditions.coreSystem || value.grade === "high";
        expect(at.warnings).toEqual(below.warnings);
        expect(at.effectiveGrade).toEqual(below.effectiveGrade);
        expect(at.items.length).toBe(below.items.length);
        const hinted = new Set(catalogue.serviceTypes.flatMap((t) => t.items.filter((x) => x.hints.thirdPartyTesting).map((x) => x.id)));
        at.items.forEach((a, i) => {
          const b = below.items[i] as TResolvedItem;
          const { thirdPartyTesting: fa, reasons: ra, ...restA } = a;
          const { thirdPartyTesting: fb, reasons: rb, ...restB } = b;
          expect(restA).toEqual(restB); // status, frequency, cisoConfirm, mark, text…
          const carries = hinted.has(a.id) && a.status !== "not-applicable";
          if (core) {
            // Already triggered by the core system: the flag does not move; the reason just names both triggers.
            expect(fa).toBe(fb);
            expect(fa).toBe(carries);
          } else {
            expect(fb).toBe(false);
            expect(fa).toBe(carries);
            // The only added reason is the one carrying the flag.
            expect(ra.slice(0, rb.length)).toEqual(rb);
            expect(ra.length - rb.length).toBe(carries ? 1 : 0);
          }
          if (!carries) expect(ra).toEqual(rb);
        });
        const anyFlag = at.items.some((x) => x.thirdPartyTesting);
        expect(at.agencyObligations).toHaveLength(anyFlag ? 1 : 0);
        expect(below.agencyObligations).toHaveLength(core && anyFlag ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it("resolve is pure: same input, same output; the catalogue and input are not mutated", () => {
    const frozen = structuredClone(catalogue);
    deepFreeze(frozen);
    fc.assert(
      fc.property(input, (value) => {
        const copy = structuredClone(value);
        deepFreeze(value);
        const first = resolve(frozen, obligations, value);
        expect(resolve(frozen, obligations, value)).toEqual(first);
        expect(value).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });
});

function deepFreeze(value: unknown): void {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
}
