import { describe, expect, it } from "vitest";
import { actionFailure } from "@/lib/action-result";
import { AdminError } from "@/lib/admin/errors";
import { BadInputError } from "@/lib/api/errors";
import { CaseError } from "@/lib/cases/errors";
import { ConflictError } from "@/lib/cases/store";
import { CatalogueError } from "@/lib/catalogue/errors";
import { refusal } from "@/lib/cli/io";
import { DomainError } from "@/lib/errors";
import { toHttpError } from "@/lib/http/errors";

describe("one DomainError, one translator per surface", () => {
  it("the old classes are DomainErrors with a generic code and their finer reason", () => {
    expect(new CatalogueError("immutable", "x")).toMatchObject({ code: "conflict", reason: "immutable" });
    expect(new CatalogueError("unknown-version", "x")).toMatchObject({ code: "not-found" });
    expect(new CaseError("not-applicable", "x")).toMatchObject({ code: "invalid", reason: "not-applicable" });
    for (const e of [new AdminError("conflict", "x"), new BadInputError("x"), new CaseError("invalid", "x")]) expect(e).toBeInstanceOf(DomainError);
  });

  it("HTTP: one code → status table; message and issues shown, nothing logged", () => {
    const issues = [{ path: "email", message: "此電子郵件已有帳號" }];
    const log = () => {
      throw new Error("a domain error is not logged");
    };
    expect(toHttpError(new DomainError("invalid", "有誤", issues), log)).toEqual({ status: 400, body: { error: { message: "有誤", issues } } });
    expect(toHttpError(new AdminError("forbidden", "不可"), log).status).toBe(403);
    expect(toHttpError(new CaseError("not-found", "找不到這個案件"), log).status).toBe(404);
    expect(toHttpError(new CatalogueError("conflict", "已修改"), log).status).toBe(409);
  });

  it("action: not-found reads as forbidden (another agency's record is not revealed); a conflict carries the stored values", () => {
    expect(actionFailure(new CaseError("not-found", "找不到這個案件"))).toEqual({ ok: false, code: "forbidden", message: "找不到這個案件", issues: [] });
    expect(actionFailure(new AdminError("invalid", "不可", [{ path: "roles", message: "不可" }]))).toMatchObject({
      code: "invalid",
      issues: [{ path: "roles" }],
    });
    const stored = { name: "甲" };
    expect(actionFailure(new ConflictError(stored, "王小明", new Date("2026-01-01T00:00:00Z")))).toMatchObject({ code: "conflict", current: stored });
    expect(actionFailure(new TypeError("bug"))).toBeNull();
  });

  it("CLI: any DomainError → its lines on stderr, exit 2; anything else is rethrown", () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (s: string) => err.push(s) };
    expect(refusal(new CatalogueError("unknown-version", "找不到目錄版本 x"), io)).toBe(2);
    expect(refusal(new CaseError("invalid", "案件尚未送審"), io)).toBe(2);
    expect(err).toEqual(["找不到目錄版本 x", "案件尚未送審"]);
    expect(() => refusal(new TypeError("bug"), io)).toThrow(TypeError);
  });
});
