import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CatalogueError } from "../../../lib/catalogue/errors";
import { exportCommand, type TExportDeps } from "../../../lib/cli/export";
import { supplementFor } from "../../../lib/catalogue/bundled";
import { paragraphs, readDocx } from "./helpers/docx";
import { catalogue } from "./helpers/cases";

const dir = mkdtempSync(path.join(tmpdir(), "secreq-export-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REALISTIC = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures/realistic-case.json"), "utf8")) as Record<string, unknown>;

const deps: TExportDeps = {
  readCatalogue: async (version) => {
    if (version && version !== catalogue.version) throw new CatalogueError("unknown-version", `找不到目錄版本 ${version}。現有版本：${catalogue.version}`);
    return catalogue;
  },
  now: () => new Date("2026-11-25T01:00:00Z"),
  supplementFor,
};

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await exportCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, deps);
  return { code, out, err };
}
function input(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}
const outFile = (name: string) => path.join(dir, name);

describe("cli export", () => {
  it.each(["annex", "clauses", "checklist"])("writes the %s for the realistic case.json", async (doc) => {
    const target = outFile(`${doc}.docx`);
    const r = await cli(["--input", input("case.json", REALISTIC), "--doc", doc, "--out", target]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([expect.stringMatching(new RegExp(`^已寫入 ${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}（.+，草稿，[\\d,]+ 位元組）$`))]);
    const text = paragraphs(readDocx(readFileSync(target)).document).join("\n");
    expect(text).toContain("市民服務整合平臺開發暨維運案");
    expect(text).toContain("開發系統導入安全軟體發展生命週期"); // in `include`
    expect(text).not.toContain("IEC 62443"); // optional, not in `include`
    if (doc !== "checklist") expect(text).toContain("納入辦理之他案：115年度資安監控（SOC）委外服務案（案號：TPE-IT-115-007）");
    // The file states every choice: nothing is left for a 待決定 appendix.
    expect(text).not.toContain("待決定事項");
  });

  it("lists a requirement both service types carry once, and refuses one ▲ placed in two different procurements", async () => {
    const target = outFile("once.docx");
    expect((await cli(["--input", input("once.json", REALISTIC), "--doc", "annex", "--out", target])).code).toBe(0);
    const doc = paragraphs(readDocx(readFileSync(target)).document);
    const all = doc.slice(
      0,
      doc.findLastIndex((p) => p.startsWith("資安經費編列提示")),
    );
    expect(all.filter((p) => p.startsWith("資安健診")).length).toBe(1);
    expect(all.filter((p) => p.includes("於更新程式時提供軟體物料清單")).length).toBe(1);

    const split = {
      ...REALISTIC,
      otherProcurement: [
        { id: "development.health-check", reference: "甲案" },
        { id: "maintenance.health-check", reference: "乙案" },
      ],
    };
    const r = await cli(["--input", input("split.json", split), "--doc", "annex", "--out", outFile("split.docx")]);
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toContain("「資安健診」（應用軟體或系統開發服務：納入他案辦理（甲案）；應用軟體或系統維運服務：納入他案辦理（乙案））");
  });

  it("agencySector tailors the regime list; an unknown sector is refused at the field", async () => {
    const target = outFile("education.docx");
    expect((await cli(["--input", input("education.json", { ...REALISTIC, agencySector: "education" }), "--doc", "annex", "--out", target])).code).toBe(0);
    const text = paragraphs(readDocx(readFileSync(target)).document).join("\n");
    expect(text).toContain("教育體系資通安全暨個人資料管理規範");
    expect(text).not.toContain("金融監督管理委員會");
    const bad = await cli(["--input", input("school.json", { ...REALISTIC, agencySector: "school" }), "--doc", "annex", "--out", outFile("school.docx")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("agencySector: agencySector 須為 government、cii-provider、financial、education、medical、other 之一");
  });

  it("falls back to neutral names when the file has none", async () => {
    const { agencyName: _a, caseName: _c, caseNumber: _n, ...bare } = REALISTIC;
    const target = outFile("bare.docx");
    expect((await cli(["--input", input("bare.json", bare), "--doc", "annex", "--out", target])).code).toBe(0);
    const parts = readDocx(readFileSync(target));
    expect(paragraphs(parts.headers.join("")).join("")).toContain("本機關　本案");
  });

  it("bad arguments → exit 2 with zh-TW lines and the usage", async () => {
    const r = await cli(["--doc", "rfp", "--out", "x.pdf"]);
    expect(r.code).toBe(2);
    expect(r.err.slice(0, 3)).toEqual([
      "--input: 請指定個案 JSON 檔",
      "--doc: 未知的文件種類「rfp」；須為 annex（資通安全需求規範）、clauses（契約條款）或 checklist（廠商資安自評表）",
      "--out: 輸出檔名須以 .docx 結尾",
    ]);
    expect(r.err.at(-1)).toContain("用法：");
    expect((await cli(["--bogus"])).err[0]).toMatch(/^參數有誤：/);
    expect((await cli(["--input", "x.json", "--doc", "risks", "--out", "x.docx"])).err[0]).toMatch(/^--doc: 資安風險接受紀錄出自系統中資安長之審查/);
  });

  it("unreadable or malformed input → exit 2, naming the file", async () => {
    const missing = path.join(dir, "missing.json");
    expect((await cli(["--input", missing, "--doc", "annex", "--out", outFile("m.docx")])).err).toEqual([`${missing}: 找不到輸入檔`]);
    const broken = input("broken.json", "{ not json");
    expect((await cli(["--input", broken, "--doc", "annex", "--out", outFile("m.docx")])).err).toEqual([
      `${broken}: 輸入檔不是有效的 JSON，請檢查括號、引號與逗號`,
    ]);
    const latin1 = path.join(dir, "latin1.json");
    writeFileSync(latin1, Buffer.from([0x7b, 0xe9, 0x7d]));
    expect((await cli(["--input", latin1, "--doc", "annex", "--out", outFile("m.docx")])).err).toEqual([`${latin1}: 輸入檔須為 UTF-8 編碼的 JSON`]);
    // A device is refused at once: its stat() size is 0, and reading it would never end.
    expect((await cli(["--input", "/dev/zero", "--doc", "annex", "--out", outFile("m.docx")])).err).toEqual([
      "/dev/zero: 輸入檔不是一般檔案（裝置、管線或通訊端）；請指定檔案，或以 --input - 從標準輸入讀取",
    ]);
    const big = input("big.json", " ".repeat(260 * 1024));
    expect((await cli(["--input", big, "--doc", "annex", "--out", outFile("m.docx")])).err).toEqual([`${big}: 輸入檔超過 256 KiB 上限`]);
  });

  it("schema issues → one `path: message` line each", async () => {
    const file = input("bad.json", { ...REALISTIC, grade: "extreme", caseName: 12, include: ["development.ssdlc", "development.ssdlc", "Bad Id"], extra: 1 });
    const r = await cli(["--input", file, "--doc", "annex", "--out", outFile("bad.docx")]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      "grade: 系統防護需求等級須為 high（高）、medium（中）或 normal（普）",
      "caseName: 案件名稱須為文字",
      "include.2: 項目代碼格式須為 <服務類型>.<代稱>，例如 development.sbom",
      "include.1: 項目「development.ssdlc」重複",
      `${file}: 不接受的欄位：extra`,
    ]);
    expect(existsSync(outFile("bad.docx"))).toBe(false);
  });

  it("ids the case does not have, or cannot take, are refused at their entry", async () => {
    const file = input("ids.json", {
      ...REALISTIC,
      include: ["development.no-such-thing", "development.app-security-label", "saas-office.mfa"],
      otherProcurement: [{ id: "development.ssdlc", reference: "甲案" }],
      parameters: { vulnFixDays: 0, foo: 1 },
    });
    const r = await cli(["--input", file, "--doc", "annex", "--out", outFile("ids.docx")]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      "parameters.vulnFixDays: 「中風險（含）以上弱點完成修補之時限」須介於 1～90 個日曆天",
      "parameters.foo: 未知的參數「foo」",
      "include.0: 找不到項目「development.no-such-thing」：代碼有誤，或不屬本案所選之服務類型",
      "include.1: 項目「development.app-security-label」依本案條件不適用，無法納入",
      "include.2: 找不到項目「saas-office.mfa」：代碼有誤，或不屬本案所選之服務類型",
      "otherProcurement.0.id: 項目「development.ssdlc」不是依責任等級應辦之 ▲ 項目，不能改於他案辦理",
    ]);
  });

  it("an unknown catalogue version → exit 2 at catalogueVersion", async () => {
    const r = await cli(["--input", input("v.json", { ...REALISTIC, catalogueVersion: "2020-01-01" }), "--doc", "annex", "--out", outFile("v.docx")]);
    expect(r).toMatchObject({ code: 2, err: ["catalogueVersion: 找不到目錄版本 2020-01-01。現有版本：2023-09-25"] });
  });

  it("an output that cannot be written → exit 2, and no temporary file left behind", async () => {
    const target = path.join(dir, "no-such-dir", "x.docx");
    const r = await cli(["--input", input("ok.json", REALISTIC), "--doc", "annex", "--out", target]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^--out: 無法寫入輸出檔 .*x\.docx（ENOENT）$/);
    expect(readdirSync(dir).some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  it("case parameters reach the clauses", async () => {
    const target = outFile("params.docx");
    await cli(["--input", input("params.json", { ...REALISTIC, parameters: { vulnFixDays: 10 } }), "--doc", "clauses", "--out", target]);
    expect(paragraphs(readDocx(readFileSync(target)).document).join("\n")).toContain("之日起10個日曆天內完成修補");
  });
});
