import { describe, expect, it } from "vitest";
import { diffCatalogues, tokenize, wordDiff } from "@/lib/catalogue/diff";
import type { TCatalogueFile, TCatalogueItem } from "@/lib/catalogue/schema";
import { bundled } from "../../helpers/catalogue";

const EMPTY = { added: [], retired: [], changed: [], serviceTypes: { added: [], retired: [], notesChanged: [] } };

function item(file: TCatalogueFile, id: string): TCatalogueItem {
  const found = file.serviceTypes.flatMap((t) => t.items).find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe("tokenize", () => {
  it("splits CJK into characters, Latin words and numbers into words, whitespace and punctuation apart", () => {
    expect(tokenize("須通過CNS 27001或ISO/IEC 27001, 等標準。")).toEqual([
      "須",
      "通",
      "過",
      "CNS",
      " ",
      "27001",
      "或",
      "ISO",
      "/",
      "IEC",
      " ",
      "27001",
      ",",
      " ",
      "等",
      "標",
      "準",
      "。",
    ]);
    expect(tokenize("身分偽冒辨識(anti-spoofing)")).toEqual(["身", "分", "偽", "冒", "辨", "識", "(", "anti", "-", "spoofing", ")"]);
    expect(tokenize("IP  位址\n")).toEqual(["IP", "  ", "位", "址", "\n"]);
    expect(tokenize("")).toEqual([]);
  });

  it("loses nothing: the tokens join back into the text for every bundled text and note", () => {
    for (const i of bundled().serviceTypes.flatMap((t) => t.items)) for (const s of [i.text, i.note]) expect(tokenize(s).join("")).toBe(s);
  });
});

describe("wordDiff", () => {
  it("replaces a whole Latin word, not its characters", () => {
    expect(wordDiff("通過ISO 27001標準", "通過ISO 27002標準")).toEqual([
      { op: "same", text: "通過ISO " },
      { op: "del", text: "27001" },
      { op: "add", text: "27002" },
      { op: "same", text: "標準" },
    ]);
  });

  it("diffs Chinese character by character and merges runs", () => {
    expect(wordDiff("資料外洩防護", "資料外洩偵測與防護")).toEqual([
      { op: "same", text: "資料外洩" },
      { op: "add", text: "偵測與" },
      { op: "same", text: "防護" },
    ]);
    expect(wordDiff("", "新增說明")).toEqual([{ op: "add", text: "新增說明" }]);
    expect(wordDiff("刪除說明", "")).toEqual([{ op: "del", text: "刪除說明" }]);
  });
});

describe("diffCatalogues", () => {
  it("a version diffed with itself is empty", () => {
    const file = bundled();
    expect(diffCatalogues(file, bundled())).toEqual({ from: "2023-09-25", to: "2023-09-25", ...EMPTY });
  });

  it("reports exactly a changed mark, a changed text word, a changed note, a retired and an added item", () => {
    const from = bundled();
    const to = structuredClone(from);
    to.version = "2025-01-01";
    item(to, "saas-package.cmmc").marks.normal = "◎";
    const isms = item(to, "saas-office.isms-certification");
    isms.text = isms.text.replace("CNS 27001", "CNS 27002");
    const pims = item(to, "saas-package.pims-certification");
    pims.note = pims.note.replace("個資", "個人資料");
    const office = to.serviceTypes.find((t) => t.key === "saas-office")!;
    const retired = item(from, "saas-office.phishing-filter");
    office.items = office.items.filter((i) => i.id !== "saas-office.phishing-filter");
    const added: TCatalogueItem = { ...structuredClone(item(from, "saas-office.mfa")), id: "saas-office.passkeys", text: "支援 FIDO2 無密碼登入" };
    office.items.splice(office.items.findIndex((i) => i.id === "saas-office.mfa") + 1, 0, added);

    expect(diffCatalogues(from, to)).toEqual({
      from: "2023-09-25",
      to: "2025-01-01",
      added: [{ id: "saas-office.passkeys", serviceType: "saas-office", category: added.category, text: "支援 FIDO2 無密碼登入" }],
      retired: [{ id: "saas-office.phishing-filter", serviceType: "saas-office", category: retired.category, text: "釣魚郵件過濾" }],
      changed: [
        // catalogue order: saas-package before saas-office, item order within a type
        {
          id: "saas-package.pims-certification",
          serviceType: "saas-package",
          fields: {
            note: [
              { op: "same", text: "提供服務項目涉及個" },
              { op: "add", text: "人" },
              { op: "same", text: "資" },
              { op: "add", text: "料" },
              { op: "same", text: "時應納入要求。" },
            ],
          },
        },
        { id: "saas-package.cmmc", serviceType: "saas-package", fields: { marks: [{ grade: "normal", from: "-", to: "◎" }] } },
        {
          id: "saas-office.isms-certification",
          serviceType: "saas-office",
          fields: {
            text: [
              { op: "same", text: "須具備完善資通安全管理措施或通過CNS " },
              { op: "del", text: "27001" },
              { op: "add", text: "27002" },
              { op: "same", text: isms.text.slice(isms.text.indexOf("27002") + 5) },
            ],
          },
        },
      ],
      serviceTypes: { added: [], retired: [], notesChanged: [] },
    });
  });

  it("reports service types added and retired with their items, and changed table notes", () => {
    const from = bundled();
    const to = structuredClone(from);
    const dropped = to.serviceTypes.splice(0, 1)[0]!; // saas-package retired
    to.serviceTypes.find((t) => t.key === "paas-iaas")!.notes.push("新增一則說明");
    const back = structuredClone(from);
    back.serviceTypes.splice(1, 1); // saas-office absent in the older one

    const d = diffCatalogues(from, to);
    expect(d.serviceTypes).toEqual({ added: [], retired: ["saas-package"], notesChanged: ["paas-iaas"] });
    expect(d.retired.map((r) => r.id)).toEqual(dropped.items.map((i) => i.id));
    expect(d.added).toEqual([]);
    expect(d.changed).toEqual([]);

    const d2 = diffCatalogues(back, from);
    expect(d2.serviceTypes).toEqual({ added: ["saas-office"], retired: [], notesChanged: [] });
    expect(d2.added.every((a) => a.serviceType === "saas-office")).toBe(true);
    expect(d2.added).toHaveLength(from.serviceTypes[1]!.items.length);
  });

  it("reports category, legal basis and hint changes as from/to", () => {
    const from = bundled();
    const to = structuredClone(from);
    const i = item(to, "saas-package.account-control");
    i.category = "帳號管理";
    i.hints.personalData = !i.hints.personalData;
    i.legalBasis = [{ citation: "資通安全管理法第9條", current: null, reliability: "P", source: "regulations.md §1" }];
    const old = item(from, "saas-package.account-control");
    expect(diffCatalogues(from, to).changed).toEqual([
      {
        id: "saas-package.account-control",
        serviceType: "saas-package",
        fields: {
          category: { from: old.category, to: "帳號管理" },
          legalBasis: { from: old.legalBasis, to: i.legalBasis },
          hints: { from: old.hints, to: i.hints },
        },
      },
    ]);
  });
});
