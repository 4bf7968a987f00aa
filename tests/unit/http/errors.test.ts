import { describe, expect, it, vi } from "vitest";
import { BadInputError } from "@/lib/api/errors";
import { toHttpError } from "@/lib/http/errors";
import { apiRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/attachment";
import { DomainError } from "@/lib/errors";

const request = () => new Request("http://127.0.0.1/x", { method: "POST" });

describe("toHttpError, the one error → HTTP mapper", () => {
  it("bad input → 400 with its message and issues", () => {
    const issues = [{ path: "grade", message: "系統防護需求等級須為 high（高）、medium（中）或 normal（普）" }];
    expect(toHttpError(new BadInputError("輸入資料有誤", issues))).toEqual({ status: 400, body: { error: { message: "輸入資料有誤", issues } } });
  });

  it("anything else → 500 with a brief zh-TW message and an id; details only in the log", () => {
    const log = vi.fn();
    const secret = new Error("SQLITE_CORRUPT at /srv/secreq/var/secreq.db");
    const { status, body } = toHttpError(secret, log);
    expect(status).toBe(500);
    expect(body.error.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(body.error.message).toBe(`系統暫時無法處理您的請求，請稍後再試；錯誤代碼：${body.error.errorId}`);
    expect(body.error.issues).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|secreq\.db|\bat /);
    expect(log).toHaveBeenCalledWith(body.error.errorId, secret);
  });

  it("even a thrown non-Error", () => {
    expect(toHttpError("boom", () => {}).status).toBe(500);
  });
});

describe("apiRoute", () => {
  it("200 with the handler's value as JSON, not cacheable", async () => {
    const response = await apiRoute(async () => ({ ok: 1 }))(request());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: 1 });
  });

  it("a thrown error becomes the mapper's answer, without a stack", async () => {
    const log = vi.fn();
    const response = await apiRoute(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'items')");
    }, log)(request());
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/TypeError|items|\bat /);
    expect(log).toHaveBeenCalledOnce();
  });
});

describe("apiRoute for downloads (text errors) and attachment()", () => {
  it("an unexpected error is a brief plain-text 500 with an id, never Next's HTML page or a stack", async () => {
    const response = await apiRoute(
      async () => {
        throw new Error("ENOENT /srv/secreq/data");
      },
      () => {},
      "text",
    )(request());
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toMatch(/^系統暫時無法處理您的請求，請稍後再試；錯誤代碼：[0-9a-f]{8}$/);
  });

  it("a domain error keeps its status and message", async () => {
    const response = await apiRoute(
      async () => {
        throw new DomainError("not-found", "找不到這個目錄版本。");
      },
      undefined,
      "text",
    )(request());
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("找不到這個目錄版本。");
  });

  it("a handler's Response (a download) is sent as is, with one Content-Disposition builder", async () => {
    const response = await apiRoute(async () =>
      attachment("a,b\r\n", { name: "稽核紀錄_20260302.csv", fallback: "audit-log_20260302.csv", type: "text/csv; charset=utf-8" }),
    )(request());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="audit-log_20260302.csv"; filename*=UTF-8''${encodeURIComponent("稽核紀錄")}_20260302.csv`,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("a,b\r\n");
  });
});
