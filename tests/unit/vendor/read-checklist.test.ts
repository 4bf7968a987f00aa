import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { renderDocx } from "../../../lib/export/docx/render";
import { checklistRows } from "../../../lib/export/docx/checklist";
import { readFilledChecklist } from "../../../lib/vendor/read-checklist";
import { runCli } from "../../../lib/cli";
import { model } from "../export/helpers/cases";
import { fillChecklist } from "./fill";

const dir = mkdtempSync(path.join(tmpdir(), "secreq-checklist-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FORM = { caseId: "case-abc", revision: 3 };
const m = model();
const ids = checklistRows(m).flatMap((g) => g.rows.map((r) => r.id));
const blank = () => renderDocx(m, "checklist", { form: FORM });
const first = ids[0]!;
const tech = ids.find((id) => !id.startsWith("clause.") && !id.startsWith("pm."))!;
const FILLED = {
  [first]: { answer: "是", evidence: "ISO 27001 證書（第 3 頁）" },
  [tech]: { answer: "否", note: "本公司尚未導入 SSDLC，\n預計於決標後 3 個月內完成。" },
  [ids[2]!]: { answer: "不適用", note: "本案不涉及此項" },
} as const;

function readError(bytes: Uint8Array): string[] {
  try {
    readFilledChecklist(bytes);
  } catch (e) {
    return (e as { issues: { message: string }[] }).issues.map((i) => i.message).concat([(e as Error).message]);
  }
  throw new Error("read did not refuse");
}
const editXml = (bytes: Uint8Array, edit: (xml: string) => string) => fillChecklist(bytes, {}, edit);

describe("the Word round trip of 廠商資安自評表", () => {
  it("an exported blank form reads back: its case and revision, every row, nothing answered", async () => {
    const r = readFilledChecklist(await blank());
    expect(r).toMatchObject({ caseId: "case-abc", revision: 3, contractId: null });
    expect(r.answers.map((a) => a.id)).toEqual(ids);
    expect(ids.length).toBeGreaterThan(50);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.answers.every((a) => a.answer === null && a.evidence === "" && a.note === "")).toBe(true);
  });

  it("answers filled by a program (是 with evidence, 否 and 不適用 with notes) read back as typed", async () => {
    const r = readFilledChecklist(fillChecklist(await blank(), FILLED));
    const byId = new Map(r.answers.map((a) => [a.id, a]));
    expect(byId.get(first)).toEqual({ id: first, answer: "yes", evidence: "ISO 27001 證書（第 3 頁）", note: "" });
    expect(byId.get(tech)).toEqual({ id: tech, answer: "no", evidence: "", note: "本公司尚未導入 SSDLC，\n預計於決標後 3 個月內完成。" });
    expect(byId.get(ids[2]!)).toMatchObject({ answer: "na", note: "本案不涉及此項" });
    expect(r.answers.filter((a) => a.answer !== null)).toHaveLength(3);
  });

  it("a printed box ticked in the editor (■是□否□不適用) counts as the choice", async () => {
    const bytes = editXml(await blank(), (xml) =>
      xml.replace("<w:showingPlcHdr/><w:dropDownList>", "<w:dropDownList>").replace("<w:t>□否</w:t>", "<w:t>■否</w:t>"),
    );
    expect(readFilledChecklist(bytes).answers[0]!.answer).toBe("no");
  });

  it("the contract id travels with the form when there is one", async () => {
    const r = readFilledChecklist(await renderDocx(m, "checklist", { form: { ...FORM, contractId: "contract-9" } }));
    expect(r.contractId).toBe("contract-9");
  });

  describe("refusals", () => {
    it("another SecReq document, or not a Word file at all", async () => {
      expect(readError(await renderDocx(m, "annex"))[0]).toMatch(/不是 SecReq 匯出之廠商資安自評表/);
      expect(readError(strToU8("hello"))[0]).toMatch(/不是有效的 Word/);
    });

    it("a requirement's text edited", async () => {
      const bytes = editXml(await blank(), (xml) => xml.replace("廠商應遵守資通安全管理法", "廠商得參考資通安全管理法"));
      expect(readError(bytes)[0]).toMatch(/^第 1 列（法令遵循（一））：「要求」欄內容與匯出時不同/);
    });

    it("a row deleted", async () => {
      const bytes = editXml(await blank(), (xml) => {
        const tag = xml.indexOf(`secreq:answer:${tech}"`);
        const start = xml.lastIndexOf("<w:tr>", tag);
        const end = xml.indexOf("</w:tr>", tag) + "</w:tr>".length;
        return xml.slice(0, start) + xml.slice(end);
      });
      expect(readError(bytes)[0]).toBe(`自評項目應有 ${ids.length} 列，檔案中有 ${ids.length - 1} 列；請勿新增或刪除列，請重新下載本表填寫`);
    });

    it("an unknown item id in a control's tag", async () => {
      const bytes = editXml(await blank(), (xml) => xml.replace(`secreq:note:${first}"`, `secreq:note:development.invented"`));
      expect(readError(bytes)[0]).toBe("第 1 列：項目代碼「development.invented」不在本表之項目中");
    });

    it("something other than 是/否/不適用 in 符合", async () => {
      const bytes = fillChecklist(await blank(), { [first]: { answer: "大致符合" as "是" } });
      expect(readError(bytes)[0]).toBe("第 1 列（法令遵循（一））：「符合」欄應為「是」、「否」或「不適用」，檔案中為「大致符合」");
    });

    it("the manifest tampered with", async () => {
      const files = unzipSync(await blank());
      files["docProps/custom.xml"] = strToU8(strFromU8(files["docProps/custom.xml"]!).replace(/(SecReq\.rows"><vt:lpwstr>)\d+/, "$11"));
      expect(readError(zipSync(files))[0]).toMatch(/不是 SecReq 匯出之廠商資安自評表/);
    });
  });

  // CI installs LibreOffice (scripts/test-all.sh): there the round trip must run and fail without it, not skip.
  const soffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
  it.runIf(soffice || process.env.CI === "true")(
    "a filled copy saved again by LibreOffice (which drops the controls' tags) still reads the same answers",
    async () => {
      expect(soffice, "CI=true: soffice must be installed (scripts/test-all.sh installs libreoffice-writer-nogui)").toBe(true);
      const filled = path.join(dir, "filled.docx");
      writeFileSync(filled, fillChecklist(await blank(), FILLED));
      const out = path.join(dir, "lo");
      execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "docx", "--outdir", out, filled], {
        stdio: "ignore",
        timeout: 120_000,
      });
      const saved = readFileSync(path.join(out, "filled.docx"));
      expect(strFromU8(unzipSync(saved)["word/document.xml"]!)).not.toContain("secreq:answer:");
      expect(readFilledChecklist(saved)).toEqual(readFilledChecklist(readFileSync(filled)));
    },
    180_000,
  );

  it("cli checklist read --json prints it; a refused file exits 2 with the reason", async () => {
    const filled = path.join(dir, "cli.docx");
    writeFileSync(filled, fillChecklist(await blank(), FILLED));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const deps = { openDb: () => Promise.reject(new Error("no database")) };
    expect(await runCli(["checklist", "read", "--in", filled, "--json"], io, deps)).toBe(0);
    const json = JSON.parse(out.join("")) as { caseId: string; revision: number; answers: { id: string; answer: string | null }[] };
    expect(json.caseId).toBe("case-abc");
    expect(json.revision).toBe(3);
    expect(json.answers.find((a) => a.id === tech)?.answer).toBe("no");

    const annex = path.join(dir, "annex.docx");
    writeFileSync(annex, await renderDocx(m, "annex"));
    err.length = 0;
    expect(await runCli(["checklist", "read", "--in", annex, "--json"], io, deps)).toBe(2);
    expect(err.join("\n")).toMatch(/不是 SecReq 匯出之廠商資安自評表/);
    err.length = 0;
    expect(await runCli(["checklist", "read", "--in", path.join(dir, "missing.docx"), "--json"], io, deps)).toBe(2);
    expect(err).toEqual([`${path.join(dir, "missing.docx")}: 找不到輸入檔`]);
  });
});
