import { KNOWN_VERSIONS } from "../helpers/catalogue";
import { afterAll, describe, expect, it } from "vitest";
import { cliRunner } from "../helpers/cli";

const { cli, cleanup } = cliRunner("cli-diff");
afterAll(cleanup);

describe("npm run -s cli -- catalogue diff", () => {
  it("a version against itself exits 0 with an empty diff on stdout", () => {
    const r = cli("catalogue", "diff", "--from", "2023-09-25", "--to", "2023-09-25", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      from: "2023-09-25",
      to: "2023-09-25",
      added: [],
      retired: [],
      changed: [],
      serviceTypes: { added: [], retired: [], notesChanged: [] },
    });
  });

  it("an unknown version exits 2 with one line naming the versions that exist", () => {
    const r = cli("catalogue", "diff", "--from", "2023-09-25", "--to", "2020-01-01", "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([`找不到目錄版本 2020-01-01。現有版本：${KNOWN_VERSIONS}`]);
  });

  it("missing --from or --to exits 2 with usage", () => {
    const r = cli("catalogue", "diff", "--from", "2023-09-25", "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("用法");
  });
});
