import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-policy";
import { idleState } from "@/lib/auth/idle";
import { parseRoles } from "@/lib/auth/roles";

describe("password complexity (附表十 身分驗證管理)", () => {
  it("needs 12 characters and three of four character classes", () => {
    expect(passwordProblem("Short-1a")).toBe("密碼至少須 12 個字元");
    expect(passwordProblem("alllowercaseletters")).toBe("密碼須包含大寫字母、小寫字母、數字、符號其中至少三種");
    expect(passwordProblem("lowercase-and-1234")).toBeNull();
    expect(passwordProblem("Upper-and-lower")).toBeNull();
  });

  it("refuses a password containing the account name", () => {
    expect(passwordProblem("Officer-2026-long", { email: "officer@demo.secreq.tw" })).toBe("密碼不可包含帳號名稱");
  });
});

describe("idle timeout", () => {
  const t0 = new Date("2026-11-25T08:00:00Z");
  const after = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  it("expires after the agency's minutes, touches at most once a minute", () => {
    expect(idleState(t0, 30, after(0.5))).toBe("fresh");
    expect(idleState(t0, 30, after(5))).toBe("touch");
    expect(idleState(t0, 30, after(30))).toBe("touch");
    expect(idleState(t0, 30, after(30.1))).toBe("expired");
    expect(idleState(t0, 10, after(11))).toBe("expired");
  });
});

describe("roles", () => {
  it("grants nothing for unreadable or unknown roles", () => {
    expect(parseRoles('["officer","ciso","officer"]')).toEqual(["officer", "ciso"]);
    expect(parseRoles('["root"]')).toEqual([]);
    expect(parseRoles("{")).toEqual([]);
  });
});
