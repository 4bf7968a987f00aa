import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The second bundled version: the 112-09-25 一覽表 with its legal references brought up to the
// 2025–2026 amendments (regulations.md §3), and nothing else changed.

type LegalBasis = { citation: string; current: string | null; reliability: string; source: string };
type Item = { id: string; category: string; text: string; marks: unknown; note: string; hints: unknown; legalBasis: LegalBasis[] };
type ServiceType = { key: string; name: string; description: string; notes: string[]; items: Item[] };
type CatalogueJson = Record<string, unknown> & { serviceTypes: ServiceType[] };

const read = (name: string): CatalogueJson => JSON.parse(readFileSync(path.join(process.cwd(), "data/catalogue", name), "utf8")) as CatalogueJson;

const base = read("2023-09-25.json");
const amended = read("2023-09-25-law2026.json");
const items = (c: CatalogueJson) => c.serviceTypes.flatMap((t) => t.items);
const byId = (c: CatalogueJson) => new Map(items(c).map((i) => [i.id, i]));

const OLD_NOTE = "資通安全管理法施行細則第4條第1項第1款規定：「受託者辦理受託業務之相關程序及環境，應具備完善之資通安全管理措施或通過第三方驗證。」";
// 資通安全管理法第10條第2項 (114-09-24), verbatim per regulations.md §3.3 [P].
const NEW_NOTE = "資通安全管理法第10條第2項規定：「前項受託者辦理受託業務之相關程序及環境，應具備完善之資通安全管理措施或通過公正第三方驗證。」";

const ACT_10_2 = "資通安全管理法第10條第2項（114-09-24 修正，114-12-01 施行）";
const RULES_7_1_4 = "資通安全管理法施行細則第7條第1項第4款（115-01-05）";
const OLD_4_1_1 = "資通安全管理法施行細則第4條第1項第1款（110-08-23）";
const OLD_4_1_5 = "資通安全管理法施行細則第4條第1項第5款（110-08-23）";

const NOTE_CHANGED = [
  "saas-package.isms-certification",
  "saas-office.isms-certification",
  "development.isms-measures",
  "development.isms-certification",
  "extension.isms-certification",
];

const TESTING_MOVED = [
  "paas-iaas.host-vuln-scan",
  "paas-iaas.web-vuln-scan",
  "paas-iaas.pentest",
  "development.source-code-review",
  "development.pre-launch-host-vuln-scan",
  "development.pre-launch-web-vuln-scan",
  "development.pre-launch-pentest",
  "development.host-vuln-scan",
  "development.web-vuln-scan",
  "development.pentest",
  "extension.source-code-review",
  "extension.pre-launch-host-vuln-scan",
  "extension.pre-launch-web-vuln-scan",
  "extension.pre-launch-pentest",
  "extension.host-vuln-scan",
  "extension.web-vuln-scan",
  "extension.pentest",
];

describe("catalogue version 2023-09-25-law2026 (legal references after the 2025–2026 amendments)", () => {
  it("names its base, says what changed and keeps the authority's document data", () => {
    expect(amended.version).toBe("2023-09-25-law2026");
    expect(amended.basedOn).toBe("2023-09-25");
    expect(amended.status).toBe("published");
    expect(amended.changeSummary).toEqual(expect.stringContaining("資通安全管理法第10條第2項"));
    expect(amended.changeSummary).toEqual(expect.stringContaining("施行細則第7條第1項第4款"));
    expect(amended.title).toBe(`${String(base.title)}（法規條次更新）`);
    for (const key of ["issuer", "documentNumber", "issuedOn", "effective", "legend"]) expect(amended[key]).toEqual(base[key]);
  });

  it("has the base's top-level fields (besides its own version metadata) with the same values", () => {
    const own = new Set(["version", "basedOn", "changeSummary", "status", "title"]);
    const rest = (c: CatalogueJson) =>
      Object.keys(c)
        .filter((k) => !own.has(k))
        .sort();
    expect(rest(amended)).toEqual(rest(base));
    for (const key of rest(base)) if (key !== "serviceTypes") expect(amended[key], key).toEqual(base[key]);
  });

  it("has the same service types, with the same names, descriptions and table notes", () => {
    const strip = (c: CatalogueJson) => c.serviceTypes.map(({ items: _items, ...t }) => t);
    expect(amended.serviceTypes.map((t) => t.key)).toEqual(base.serviceTypes.map((t) => t.key));
    expect(strip(amended)).toEqual(strip(base));
  });

  it("has the same item ids in the same order, with identical categories, texts, marks and hints", () => {
    expect(amended.serviceTypes.map((t) => t.items.map((i) => i.id))).toEqual(base.serviceTypes.map((t) => t.items.map((i) => i.id)));
    expect(items(amended).length).toBe(149);
    const old = byId(base);
    for (const item of items(amended)) {
      const before = old.get(item.id)!;
      expect(Object.keys(item), item.id).toEqual(Object.keys(before));
      expect({ category: item.category, text: item.text, marks: item.marks, hints: item.hints }, item.id).toEqual({
        category: before.category,
        text: before.text,
        marks: before.marks,
        hints: before.hints,
      });
    }
  });

  it("changes exactly the notes that quoted 施行細則第4條第1項第1款, to 資通安全管理法第10條第2項", () => {
    const old = byId(base);
    const changed = items(amended).filter((i) => i.note !== old.get(i.id)!.note);
    expect(changed.map((i) => i.id)).toEqual(NOTE_CHANGED);
    for (const item of changed) {
      expect(old.get(item.id)!.note).toBe(OLD_NOTE);
      expect(item.note).toBe(NEW_NOTE);
    }
    expect(
      items(base)
        .filter((i) => i.note === OLD_NOTE)
        .map((i) => i.id),
    ).toEqual(NOTE_CHANGED);
    expect(items(amended).filter((i) => /施行細則第4條/.test(i.note))).toEqual([]);
    expect(amended.serviceTypes.flatMap((t) => t.notes).filter((n) => /施行細則第4條/.test(n))).toEqual([]);
  });

  it("moves only the legal bases whose move regulations.md gives as [P], and only their citation", () => {
    const old = byId(base);
    const moved: [string, string, string][] = [];
    for (const item of items(amended)) {
      const before = old.get(item.id)!.legalBasis;
      expect(item.legalBasis.length, item.id).toBe(before.length);
      item.legalBasis.forEach((lb, n) => {
        const was = before[n]!;
        if (JSON.stringify(lb) === JSON.stringify(was)) return;
        // A move: the base already recorded the current provision, which is now the citation.
        expect(lb.citation, item.id).toBe(was.current);
        expect(lb.current, item.id).toBeNull();
        expect(lb.reliability, item.id).toBe("P");
        expect(was.reliability, item.id).toBe("P");
        moved.push([item.id, was.citation, lb.citation]);
      });
    }
    expect(moved).toEqual([
      ...NOTE_CHANGED.slice(0, 2).map((id) => [id, OLD_4_1_1, ACT_10_2]),
      ...TESTING_MOVED.slice(0, 3).map((id) => [id, OLD_4_1_5, RULES_7_1_4]),
      ...NOTE_CHANGED.slice(2, 4).map((id) => [id, OLD_4_1_1, ACT_10_2]),
      ...TESTING_MOVED.slice(3, 10).map((id) => [id, OLD_4_1_5, RULES_7_1_4]),
      [NOTE_CHANGED[4], OLD_4_1_1, ACT_10_2],
      ...TESTING_MOVED.slice(10).map((id) => [id, OLD_4_1_5, RULES_7_1_4]),
    ]);
    const sources = items(amended).flatMap((i) => i.legalBasis.filter((lb) => lb.citation === ACT_10_2 || lb.citation === RULES_7_1_4));
    expect(new Set(sources.map((lb) => `${lb.citation}|${lb.source}`))).toEqual(
      new Set([`${ACT_10_2}|regulations.md §3.3`, `${RULES_7_1_4}|regulations.md §3.2`]),
    );
  });

  it("cites no superseded 施行細則第4條 anywhere and leaves the non-[P] 危害國家資通安全產品 basis as it was", () => {
    const citations = items(amended).flatMap((i) => i.legalBasis.map((lb) => lb.citation));
    expect(citations.filter((c) => c.includes("施行細則第4條"))).toEqual([]);
    for (const id of ["development.no-prc-source-code", "extension.no-prc-source-code"])
      expect(byId(amended).get(id)!.legalBasis).toEqual([
        {
          citation: "危害國家資通安全產品限制使用原則（一覽表說明欄）",
          current: "資通安全管理法第11條（114-09-24 修正，114-12-01 施行）",
          reliability: "P",
          source: "regulations.md §3.3",
        },
      ]);
  });

  it("is the base file with the citation changes undone (nothing else differs)", () => {
    const undo = (c: CatalogueJson) =>
      c.serviceTypes.map((t) => ({
        ...t,
        items: t.items.map((i) => ({
          ...i,
          note: i.note === NEW_NOTE ? OLD_NOTE : i.note,
          legalBasis: i.legalBasis.map((lb) =>
            lb.citation === ACT_10_2 && lb.current === null
              ? { citation: OLD_4_1_1, current: ACT_10_2, reliability: "P", source: "regulations.md §3.1、§3.3" }
              : lb.citation === RULES_7_1_4 && lb.current === null
                ? { citation: OLD_4_1_5, current: RULES_7_1_4, reliability: "P", source: "regulations.md §3.1、§3.2" }
                : lb,
          ),
        })),
      }));
    expect(undo(amended)).toEqual(base.serviceTypes);
  });

  it("is written the way the base file is (2-space JSON with a trailing newline)", () => {
    const text = readFileSync(path.join(process.cwd(), "data/catalogue/2023-09-25-law2026.json"), "utf8");
    expect(text).toBe(`${JSON.stringify(amended, null, 2)}\n`);
  });
});
