import { NEWEST_VERSION, KNOWN_VERSIONS } from "../helpers/catalogue";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRunner } from "../helpers/cli";
import { call, jsonRequest, REALISTIC_CASE, routeOnFreshDb, type TPost } from "../helpers/api";

const { dir, cli, cliStdin, cleanup: removeDir } = cliRunner("cli-resolve");
let POST: TPost;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ POST, cleanup } = await routeOnFreshDb()));
afterAll(async () => {
  await cleanup();
  await removeDir();
});

function inputFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const lines = (s: string) => s.trimEnd().split("\n");

describe("npm run -s cli -- resolve --input case.json", () => {
  it("prints the API's 200 body for the same case, pretty, and nothing else", async () => {
    const r = cli("resolve", "--input", inputFile("case.json", REALISTIC_CASE));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`{\n  "catalogueVersion": "${NEWEST_VERSION}",`)).toBe(true);
    const api = await call(POST, jsonRequest(JSON.stringify(REALISTIC_CASE)));
    expect(api.status).toBe(200);
    expect(JSON.parse(r.stdout)).toEqual(api.body);
    expect(JSON.parse(r.stdout).requirements).toHaveLength(58);
  });

  it("schema issues → exit 2, one `path: message` line each on stderr, empty stdout", () => {
    const file = inputFile("bad.json", { ...REALISTIC_CASE, serviceTypes: ["blockchain"], grade: 3, contractValue: 12.5, extra: true });
    const r = cli("resolve", "--input", file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual([
      "serviceTypes.0: 未知的服務類型「blockchain」",
      "grade: 系統防護需求等級須為 high（高）、medium（中）或 normal（普）",
      "contractValue: 契約金額須為整數（新臺幣元）",
      `${file}: 不接受的欄位：extra`,
    ]);
  });

  it("an unknown catalogue version → exit 2 at catalogueVersion", () => {
    const r = cli("resolve", "--input", inputFile("v.json", { ...REALISTIC_CASE, catalogueVersion: "2020-01-01" }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual([`catalogueVersion: 找不到一覽表版本「2020-01-01」；現有版本：${KNOWN_VERSIONS}`]);
  });

  it("a missing file, a file that is not JSON, a directory → exit 2 with one line", () => {
    const missing = path.join(dir, "nope.json");
    const notJson = inputFile("not.json", "grade: high\n");
    for (const [file, message] of [
      [missing, "找不到輸入檔"],
      [notJson, "輸入檔不是有效的 JSON，請檢查括號、引號與逗號"],
      [dir, "輸入檔是目錄，不是檔案"],
    ] as const) {
      const r = cli("resolve", "--input", file);
      expect(r.code, file).toBe(2);
      expect(r.stdout).toBe("");
      expect(lines(r.stderr)).toEqual([`${file}: ${message}`]);
    }
  });

  it("a device or pipe is refused at once, not read forever; stdin is read with `--input -`, capped", () => {
    const zero = cli("resolve", "--input", "/dev/zero");
    expect(zero.code).toBe(2);
    expect(lines(zero.stderr)).toEqual(["/dev/zero: 輸入檔不是一般檔案（裝置、管線或通訊端）；請指定檔案，或以 --input - 從標準輸入讀取"]);
    const piped = cliStdin(JSON.stringify(REALISTIC_CASE), "resolve", "--input", "-");
    expect(piped.code, piped.stderr).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ catalogueVersion: NEWEST_VERSION });
    const flood = cliStdin(Buffer.alloc(200 * 1024, 0x20), "resolve", "--input", "-");
    expect(flood.code).toBe(2);
    expect(lines(flood.stderr)).toEqual(["-: 輸入檔超過 64 KiB 上限"]);
  });

  it("without --input → exit 2 with usage", () => {
    const r = cli("resolve");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("resolve --input");
  });
});
