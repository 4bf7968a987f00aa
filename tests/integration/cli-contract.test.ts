import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliRunner } from "../helpers/cli";

const { cli, dir, cleanup } = cliRunner("cli-contract");
afterAll(cleanup);

const CASE = readFileSync(path.join(process.cwd(), "tests/unit/export/fixtures/realistic-case.json"), "utf8");
const input = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe("npm run -s cli -- contract schedule", () => {
  it("prints the contract's obligations with their due dates, recurrences up to the end", () => {
    const r = cli(
      "contract",
      "schedule",
      "--input",
      input("case.json", CASE),
      "--award",
      "2027-01-05",
      "--start",
      "2027-01-01",
      "--end",
      "2027-12-31",
      "--json",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const { obligations } = JSON.parse(r.stdout) as {
      obligations: { itemId?: string; clauseId?: string; pmItemId?: number; title: string; owner: string; kind: string; due: string[]; basis: string }[];
    };
    const plan = obligations.find((o) => o.clauseId === "project-plan")!;
    expect(plan).toMatchObject({ owner: "vendor", kind: "plan", due: ["2027-01-20"] });
    expect(plan.basis).toContain("15日曆天");
    const quarterly = obligations.find((o) => o.itemId === "development.sbom" && o.due.length > 0)!;
    expect(quarterly).toMatchObject({ kind: "sbom", due: ["2027-03-31", "2027-06-30", "2027-09-30", "2027-12-31"] });
    expect(obligations.find((o) => o.clauseId === "agency-data-return")).toMatchObject({ owner: "agency", due: ["2027-12-31"] });
    // SOC is placed in another procurement: nothing of it in this contract.
    expect(obligations.some((o) => o.itemId?.endsWith(".soc"))).toBe(false);
    for (const o of obligations) expect(o.basis.length).toBeGreaterThan(10);
  });

  it("an end before the start, a bad date or a missing option exits 2 naming the field in zh-TW", () => {
    const file = input("case2.json", CASE);
    const before = cli("contract", "schedule", "--input", file, "--award", "2027-01-05", "--start", "2027-02-01", "--end", "2027-01-31", "--json");
    expect(before.code).toBe(2);
    expect(before.stdout).toBe("");
    expect(before.stderr.trim()).toBe("--end: 契約結束日（2027-01-31）不得早於契約開始日（2027-02-01）");
    const bad = cli("contract", "schedule", "--input", file, "--award", "2027-02-29", "--start", "2027-03-01", "--end", "2027-12-31", "--json");
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe("--award: 決標日須為有效日期（YYYY-MM-DD），收到「2027-02-29」");
    const missing = cli("contract", "schedule", "--input", file, "--json");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--award: 請指定決標日");
    expect(missing.stderr).toContain("--end: 請指定契約結束日");
  });
});

describe("npm run -s cli -- incident deadlines", () => {
  it("prints each deadline in +08:00 with its basis; --parameters overrides", () => {
    const r = cli("incident", "deadlines", "--level", "2", "--known-at", "2026-12-02T01:30:00Z", "--parameters", '{"incidentNoticeHours":2}', "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const { deadlines } = JSON.parse(r.stdout) as { deadlines: { key: string; at: string; basis: string }[] };
    expect(Object.fromEntries(deadlines.map((d) => [d.key, d.at]))).toEqual({
      notice: "2026-12-02T11:30:00+08:00",
      "on-site": "2026-12-02T17:30:00+08:00",
      "initial-response": "2026-12-03T09:30:00+08:00",
      recovery: "2026-12-05T09:30:00+08:00",
      report: "2026-12-11T23:59:59+08:00",
    });
  });

  it("refuses a level outside 1–4, a time without offset and an out-of-bounds parameter (exit 2)", () => {
    const r = cli("incident", "deadlines", "--level", "5", "--known-at", "2026-12-02T09:30:00", "--json");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      "--level: 事件等級須為 1～4 之整數",
      "--known-at: 知悉時間須為含時區之 ISO 8601 時間，例如 2026-12-02T09:30:00+08:00",
    ]);
    const p = cli("incident", "deadlines", "--level", "3", "--known-at", "2026-12-02T09:30:00+08:00", "--parameters", '{"majorRecoveryHours":48}', "--json");
    expect(p.code).toBe(2);
    expect(p.stderr).toContain("--parameters.majorRecoveryHours:");
    const j = cli("incident", "deadlines", "--level", "3", "--known-at", "2026-12-02T09:30:00+08:00", "--parameters", "{x", "--json");
    expect(j.code).toBe(2);
    expect(j.stderr).toContain("--parameters: 須為 JSON 物件");
  });
});
