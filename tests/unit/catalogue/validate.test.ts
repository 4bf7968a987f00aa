import { describe, expect, it } from "vitest";
import { validateCatalogue } from "@/lib/catalogue/validate";
import { parseCatalogueData as parseCatalogueText } from "@/lib/catalogue/bundled";
import { CatalogueError } from "@/lib/catalogue/errors";
import { rawBundled } from "../../helpers/catalogue";

type Raw = { serviceTypes: { key: string; items: Record<string, unknown>[] }[] };

function broken(edit: (raw: Raw) => void): unknown {
  const raw = rawBundled() as unknown as Raw;
  edit(raw);
  return raw;
}

function messageOf(raw: unknown): string {
  try {
    validateCatalogue("data/catalogue/broken.json", raw);
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogueError);
    return (e as Error).message;
  }
  throw new Error("expected the file to be refused");
}

describe("a broken catalogue file is refused, naming the file, the table and the row", () => {
  it("a missing mark", () => {
    const msg = messageOf(broken((r) => delete (r.serviceTypes[6]!.items[2]!.marks as Record<string, string>).medium));
    expect(msg).toContain("data/catalogue/broken.json");
    expect(msg).toContain("第 7 表「應用軟體或系統開發服務」（development） 第 3 列（development.iec62443-cbtl） 欄位 marks.medium");
    expect(msg).toContain("缺少標記");
  });

  it("an unknown symbol", () => {
    const msg = messageOf(broken((r) => ((r.serviceTypes[0]!.items[0]!.marks as Record<string, string>).high = "○")));
    expect(msg).toContain("第 1 表「雲端微服務（SaaS）套裝型」（saas-package） 第 1 列");
    expect(msg).toContain("未知的標記「○」");
  });

  it("a duplicate id", () => {
    const msg = messageOf(broken((r) => (r.serviceTypes[8]!.items[1]!.id = r.serviceTypes[8]!.items[0]!.id)));
    expect(msg).toContain("第 9 表「應用軟體或系統維運服務」（maintenance） 第 2 列");
    expect(msg).toContain("重複");
  });

  it("an unknown service type", () => {
    const msg = messageOf(broken((r) => (r.serviceTypes[4]!.key = "mainframe")));
    expect(msg).toContain("第 5 表「資訊系統規劃服務」（mainframe） 欄位 key");
    expect(msg).toContain("未知的服務類型「mainframe」");
  });

  it("an empty requirement text", () => {
    const msg = messageOf(broken((r) => (r.serviceTypes[3]!.items[4]!.text = "  ")));
    expect(msg).toContain("第 4 表「雲端平台(PaaS或IaaS)」（paas-iaas） 第 5 列");
    expect(msg).toContain("子項內容不可為空白");
  });

  it("text that is not JSON", () => {
    expect(() => parseCatalogueText("data/catalogue/x.json", "{ nope")).toThrow(/x\.json 不是有效的 JSON/);
  });
});
