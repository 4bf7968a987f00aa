import { ZNewAgency } from "@/lib/platform/schemas";
import { ZAgencyProfile } from "@/lib/agency/profile";
import { describe, expect, it } from "vitest";
import { stripControl, stripControlLine, zLine, zText } from "@/lib/validation/text";
import { ZNewUser } from "@/lib/admin/schemas";
import { DRAFT_SCHEMAS, ZCaseStep } from "@/lib/cases/answers";
import { ZChoiceDecision, ZPlacementDecision } from "@/lib/cases/decisions";
import { ZReviewInput } from "@/lib/workflow/reviews";
import { ZCatalogueItem } from "@/lib/catalogue/schema";
import { ZDraftEdit } from "@/lib/catalogue/edit";

// Issue 19 #6 (control characters): bidi overrides and control characters are removed where text comes in.

const RLO = "\u202E";
const HOSTILE = `a${RLO}b\u2066c\u2069\u0000d\u0007e\u200Ff\uFEFF\u009Bg`;

describe("stripControl / stripControlLine", () => {
  it("removes controls, bidi embeddings/overrides/isolates and direction marks; keeps CJK, emoji and line breaks", () => {
    expect(stripControl(HOSTILE)).toBe("abcdefg");
    expect(stripControl("第一行\n第二行\t縮排 🙂")).toBe("第一行\n第二行\t縮排 🙂");
    expect(stripControlLine("甲\r\n乙\t丙")).toBe("甲 乙 丙");
  });

  it("runs before the schema's own checks: a name of only controls is empty", () => {
    expect(zLine().trim().min(1, "空白").safeParse(`${RLO}\u0000 `).error?.issues[0]?.message).toBe("空白");
    expect(zText().max(3).safeParse(`ab${RLO}${RLO}c`).data).toBe("abc");
  });
});

describe("the input boundaries clean what they accept", () => {
  it("user names", () => {
    const r = ZNewUser.safeParse({ email: "new@test.secreq.tw", name: `王${RLO}小明\n`, roles: ["officer"] });
    expect(r.success && r.data.name).toBe("王小明");
  });

  it("agency names and profile fields", () => {
    expect(ZNewAgency.parse({ name: `測試${RLO}市\n政府`, adminEmail: "a@test.secreq.tw" }).name).toBe("測試市 政府");
    const p = ZAgencyProfile.shape.cisoName.parse(`林\u0007資安長${RLO}`);
    expect(p).toBe("林資安長");
  });

  it("case text fields, as saved (draft) and as checked (strict)", () => {
    const draft = DRAFT_SCHEMAS.case.parse({ caseName: `市民${RLO}平台\u0000`, caseNumber: "A\u2066-1\u2069", contractValue: "1,000", serviceTypes: [] });
    expect(draft).toMatchObject({ caseName: "市民平台", caseNumber: "A-1" });
    expect(ZCaseStep.safeParse({ caseName: RLO, caseNumber: "A-1", contractValue: "1000", serviceTypes: ["development"] }).success).toBe(false);
  });

  it("decisions and review comments", () => {
    expect(ZChoiceDecision.parse({ choice: "include", reason: `理由${RLO}\n第二行` }).reason).toBe("理由\n第二行");
    expect(ZPlacementDecision.parse({ choice: "other-procurement", reference: `案號${RLO}1` }).reference).toBe("案號1");
    expect(ZReviewInput.parse({ itemId: "development.x", verdict: "return", comment: `請${RLO}修正` }).comment).toBe("請修正");
  });

  it("catalogue draft items and metadata", () => {
    const item = ZCatalogueItem.parse({
      id: "development.log-retention",
      category: "稽核",
      text: `保存${RLO}日誌\u0000`,
      marks: { high: "●", medium: "●", normal: "●" },
      note: `說明\u202D`,
    });
    expect(item).toMatchObject({ text: "保存日誌", note: "說明" });
    const meta = ZDraftEdit.parse({ op: "set-meta", title: `標題${RLO}\n`, changeSummary: `摘要\u2066` });
    expect(meta).toMatchObject({ title: "標題 ", changeSummary: "摘要" });
  });
});
