import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { FileError, fileDownload, isFileImmutableViolation, listFiles, readStoredFile, storeFile, readUploadForm, UPLOAD_BODY_LIMIT_BYTES } from "@/lib/files";
import type { TDb } from "@/lib/db/client";
import { freshDb, TEST_DB } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { EXE, PDF, PNG } from "../helpers/files";

let db: TDb;
let cleanup: () => Promise<void>;
let agencyId: string;
let otherAgency: string;
const uploader = { id: "u1", name: "王小明" };

beforeAll(async () => {
  ({ db, cleanup } = await freshDb());
  agencyId = (await createAgencyWithUsers(db, "檔案測試市政府")).agencyId;
  otherAgency = (await createAgencyWithUsers(db, "別的市政府")).agencyId;
});
afterAll(() => cleanup());

const put = (over: Partial<Parameters<typeof storeFile>[1]> = {}) =>
  db.$transaction((tx) => storeFile(tx, { agencyId, ownerType: "test", ownerId: "o1", name: "計畫書.pdf", bytes: PDF, uploader, ...over }));

describe(`stored files (${TEST_DB})`, () => {
  it("stores the bytes with SHA-256, size, sniffed type, uploader and time; reads them back exactly", async () => {
    const meta = await put();
    expect(meta).toMatchObject({ name: "計畫書.pdf", type: "application/pdf", size: PDF.byteLength, uploadedByName: "王小明", replacedById: null });
    expect(meta.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    const back = await readStoredFile(db, { agencyId, id: meta.id });
    expect(Buffer.from(back.content).equals(Buffer.from(PDF))).toBe(true);
    const res = fileDownload(back);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="file-[0-9a-f]{12}\.pdf"; filename\*=UTF-8''%E8%A8%88/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);
  });

  it("another agency cannot read a file by its id", async () => {
    const meta = await put();
    await expect(readStoredFile(db, { agencyId: otherAgency, id: meta.id })).rejects.toMatchObject({ code: "not-found" });
  });

  it("a replaced file stays in the history; it cannot be replaced twice", async () => {
    const first = await put({ ownerId: "o2" });
    const second = await put({ ownerId: "o2", name: "畫面.png", bytes: PNG, replaces: first.id });
    const history = await listFiles(db, { agencyId, ownerType: "test", ownerIds: ["o2"] });
    expect(history.map((f) => [f.name, f.replacedById])).toEqual([
      ["計畫書.pdf", second.id],
      ["畫面.png", null],
    ]);
    await expect(put({ ownerId: "o2", replaces: first.id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("a bad upload writes nothing, and a transaction that fails after the file keeps nothing", async () => {
    const before = await db.storedFile.count();
    await expect(put({ name: "a.pdf", bytes: EXE })).rejects.toBeInstanceOf(FileError);
    await expect(
      db.$transaction(async (tx) => {
        await storeFile(tx, { agencyId, ownerType: "test", ownerId: "o3", name: "a.pdf", bytes: PDF, uploader });
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await db.storedFile.count()).toBe(before);
  });

  it("the database refuses to delete or rewrite a stored file", async () => {
    const meta = await put({ ownerId: "o4" });
    const refused = (p: Promise<unknown>) => p.then(() => false, isFileImmutableViolation);
    expect(await refused(db.storedFile.delete({ where: { id: meta.id } }))).toBe(true);
    expect(await refused(db.storedFile.update({ where: { id: meta.id }, data: { name: "x.pdf" } }))).toBe(true);
    expect(await refused(db.storedFile.update({ where: { id: meta.id }, data: { content: new Uint8Array([1]) } }))).toBe(true);
    expect((await readStoredFile(db, { agencyId, id: meta.id })).name).toBe("計畫書.pdf");
  });
});

describe("readUploadForm", () => {
  const form = (file: Blob, name: string, headers: Record<string, string> = {}) => {
    const fd = new FormData();
    fd.set("note", "第一版");
    fd.set("file", file, name);
    return new Request("http://localhost/api/x", { method: "POST", body: fd, headers: { host: "localhost", ...headers } });
  };
  it("reads the file and the fields", async () => {
    const r = await readUploadForm(form(new Blob([PDF]), "計畫書.pdf"));
    expect(r.fields).toEqual({ note: "第一版" });
    expect(r.file.name).toBe("計畫書.pdf");
    expect(Buffer.from(r.file.bytes).equals(Buffer.from(PDF))).toBe(true);
  });
  it("refuses a body over the limit before parsing it, a form without a file, and another origin", async () => {
    await expect(readUploadForm(form(new Blob([new Uint8Array(UPLOAD_BODY_LIMIT_BYTES + 1)]), "big.pdf"))).rejects.toMatchObject({ reason: "too-large" });
    const empty = new Request("http://localhost/api/x", { method: "POST", body: new FormData() });
    await expect(readUploadForm(empty)).rejects.toMatchObject({ reason: "missing" });
    await expect(readUploadForm(form(new Blob([PDF]), "a.pdf", { origin: "https://evil.example" }))).rejects.toMatchObject({ code: "forbidden" });
  });
});
