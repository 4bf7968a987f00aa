import { describe, expect, it } from "vitest";
import { asciiFileName, contentDisposition, exportFileName } from "../../../lib/export/filename";
import { model } from "./helpers/cases";

/** What a browser does with the header: the RFC 5987 value, decoded. */
function decodeExtended(header: string): string {
  const m = header.match(/filename\*=UTF-8''([^;\s]+)/);
  if (!m) throw new Error("no filename*");
  if (/[^A-Za-z0-9!#$&+\-.^_`|~%]/.test(m[1]!)) throw new Error(`not attr-chars: ${m[1]}`);
  return decodeURIComponent(m[1]!);
}

describe("file names", () => {
  it("<案名>_<文件>_<YYYYMMDD>.docx, dated in Taiwan", () => {
    const m = model();
    expect(exportFileName(m, "annex")).toBe("市民服務整合平臺開發暨維運案_資通安全需求規範_20261125.docx");
    expect(exportFileName(m, "clauses")).toBe("市民服務整合平臺開發暨維運案_資通安全契約條款_20261125.docx");
    expect(exportFileName(m, "checklist")).toBe("市民服務整合平臺開發暨維運案_廠商資安自評表_20261125.docx");
    expect(asciiFileName(m, "annex")).toBe("secreq-annex-20261125.docx");
  });

  it("a missing case name reads 本案; unsafe characters and control characters are replaced or dropped", () => {
    expect(exportFileName(model({ names: null }), "annex")).toBe("本案_資通安全需求規範_20261125.docx");
    const name = exportFileName(model({ names: { caseName: '../../etc/"passwd"\u0000:*?<>|\r\n案' } }), "annex");
    expect(name).toBe("etc__passwd_______ 案_資通安全需求規範_20261125.docx");
    expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
  });

  it("very long case names are cut, so the name stays within file-system limits", () => {
    const name = exportFileName(model({ names: { caseName: "甲".repeat(300) } }), "annex");
    expect(Buffer.byteLength(name)).toBeLessThan(255);
  });
});

describe("Content-Disposition", () => {
  it("carries an ASCII fallback and the UTF-8 name (RFC 6266 / 5987)", () => {
    const header = contentDisposition("市民服務整合平臺開發暨維運案_資通安全需求規範_20261125.docx", "secreq-annex-20261125.docx");
    expect(header).toBe(
      `attachment; filename="secreq-annex-20261125.docx"; filename*=UTF-8''${encodeURIComponent("市民服務整合平臺開發暨維運案_資通安全需求規範_20261125.docx")}`,
    );
    expect(decodeExtended(header)).toBe("市民服務整合平臺開發暨維運案_資通安全需求規範_20261125.docx");
  });

  it("encodes what attr-char excludes (' ( ) * space) and cannot be broken by quotes or line breaks", () => {
    const tricky = `案（一）'s "plan" (v2) *final*;\r\nX-Injected: 1.docx`;
    const header = contentDisposition(tricky, 'bad "fallback"\r\n.docx');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''\S+$/);
    expect(decodeExtended(header)).toBe(`案（一）'s "plan" (v2) *final*; X-Injected: 1.docx`);
  });

  it("inline when asked", () => {
    expect(contentDisposition("a.docx", "a.docx", "inline")).toMatch(/^inline; /);
  });
});
