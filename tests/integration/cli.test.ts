import { afterAll, describe, expect, it } from "vitest";
import { NEWEST_VERSION, newestBundled, KNOWN_VERSIONS } from "../helpers/catalogue";
import { cliRunner } from "../helpers/cli";

const { cli, cleanup } = cliRunner("cli");
afterAll(cleanup);

describe("npm run -s cli -- catalogue --json", () => {
  it("on a fresh database prints the newest published version as JSON and nothing else", () => {
    const r = cli("catalogue", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(NEWEST_VERSION);
    expect(out.title).toBe("各類資訊(服務)採購之共通性資通安全基本要求參考一覽表（法規條次更新）");
    expect(out).toEqual(newestBundled());
    const first = out.serviceTypes[0].items[0];
    expect(Object.keys(first)).toEqual(expect.arrayContaining(["id", "category", "text", "marks", "note"]));
    expect(out.serviceTypes.find((t: { key: string }) => t.key === "saas-package").items.find((i: { id: string }) => i.id === "saas-package.cmmc").marks).toEqual({
      high: "◎",
      medium: "◎",
      normal: "-",
    });
  });

  it("takes --version", () => {
    const r = cli("catalogue", "--json", "--version", "2023-09-25");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).version).toBe("2023-09-25");
  });

  it("an unknown version exits 2 with one line naming the versions that exist", () => {
    const r = cli("catalogue", "--json", "--version", "2020-01-01");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([`找不到目錄版本 2020-01-01。現有版本：${KNOWN_VERSIONS}`]);
  });

  it("an unknown command or option exits 2 with usage", () => {
    expect(cli("frobnicate").code).toBe(2);
    expect(cli("catalogue", "--json", "--colour").code).toBe(2);
  });
});
