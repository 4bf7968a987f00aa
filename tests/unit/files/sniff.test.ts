import { describe, expect, it } from "vitest";
import { strToU8 } from "fflate";
import { FileError, MAX_FILE_BYTES, sniffUpload } from "@/lib/files";
import { docxBytes, EXE, JPEG, PDF, PNG, ZIP } from "../../helpers/files";

const refusal = async (name: string, bytes: Uint8Array) => {
  try {
    await sniffUpload(name, bytes);
  } catch (e) {
    if (e instanceof FileError) return { reason: e.reason, message: e.message, path: e.issues[0]?.path };
    throw e;
  }
  throw new Error("accepted");
};

describe("sniffUpload: the content decides, the extension only names the kind", () => {
  it("accepts each allowed kind and stores the sniffed type", async () => {
    expect(await sniffUpload("計畫書.pdf", PDF)).toEqual({ name: "計畫書.pdf", type: "application/pdf" });
    expect((await sniffUpload("a.png", PNG)).type).toBe("image/png");
    expect((await sniffUpload("a.JPG", JPEG)).type).toBe("image/jpeg");
    expect((await sniffUpload("a.zip", ZIP)).type).toBe("application/zip");
    expect((await sniffUpload("專案工作計畫書.docx", await docxBytes())).type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect((await sniffUpload("notes.txt", strToU8("弱點掃描結果：無高風險\n"))).type).toBe("text/plain; charset=utf-8");
    expect((await sniffUpload("bom.cdx.json", strToU8('{"bomFormat":"CycloneDX","specVersion":"1.5"}'))).type).toBe("application/json; charset=utf-8");
    expect((await sniffUpload("bom.cdx.xml", strToU8('<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>'))).type).toBe("application/xml");
    expect((await sniffUpload("sbom.spdx", strToU8("SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n"))).type).toBe("text/spdx; charset=utf-8");
  });

  it("refuses a renamed binary, a DOCX called PDF, a binary .txt, bad JSON and unlisted types", async () => {
    expect(await refusal("report.pdf", EXE)).toMatchObject({ reason: "bad-type", path: "file" });
    expect((await refusal("report.pdf", await docxBytes())).message).toMatch(/不是副檔名所稱的 \.pdf/);
    expect((await refusal("notes.txt", PNG)).reason).toBe("bad-type");
    expect((await refusal("notes.txt", new Uint8Array([0x41, 0, 0x42]))).reason).toBe("bad-type");
    expect((await refusal("bom.json", strToU8("{not json"))).message).toMatch(/JSON/);
    expect((await refusal("tool.exe", EXE)).message).toMatch(/不接受這種檔案類型（\.exe）/);
    expect((await refusal("README", strToU8("x"))).message).toMatch(/無副檔名/);
  });

  it("refuses empty and oversized files", async () => {
    expect(await refusal("a.pdf", new Uint8Array())).toMatchObject({ reason: "empty", message: expect.stringMatching(/空的/) });
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(PDF);
    expect(await refusal("a.pdf", big)).toMatchObject({ reason: "too-large", message: expect.stringMatching(/20 MB/) });
    const exact = new Uint8Array(MAX_FILE_BYTES);
    exact.set(PDF);
    expect((await sniffUpload("a.pdf", exact)).type).toBe("application/pdf");
  });

  it("refuses names that could name a path or hide their kind", async () => {
    for (const name of ["../etc/passwd.txt", "a/b.pdf", "a\\b.pdf", "C:x.pdf", ".hidden.pdf", "..", "a\u0000.pdf", "a\u202Efdp.exe", " ", "a?.pdf"])
      expect((await refusal(name, PDF)).reason, name).toBe("bad-name");
    expect((await refusal("x".repeat(201) + ".pdf", PDF)).reason).toBe("bad-name");
  });
});
