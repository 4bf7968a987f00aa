import { describe, expect, it, vi } from "vitest";
import { BadInputError } from "@/lib/api/errors";
import { toHttpError } from "@/lib/http/errors";
import { apiRoute } from "@/lib/http/route";

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
