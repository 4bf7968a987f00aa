import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import newTableJson from "../../../data/obligations/2026-12-01.json" with { type: "json" };
import { SERVICE_TYPE_KEYS } from "../../../lib/catalogue/schema";
import { LEVELS, parseObligations } from "../../../lib/catalogue/schema/obligations";
import { renderDocx, type TDocKind } from "../../../lib/export/docx/render";
import { buildExportModel } from "../../../lib/export/model/build";
import { exportInput } from "../export/helpers/cases";
import { paragraphs, readDocx } from "../export/helpers/docx";
import { obligations, run } from "./fixtures";

/*
 * Provenance notes are for the catalogue's stewards (the matrix page and the 目錄管理者's editor), never for
 * officers, CISOs or the documents: no reason, warning or agency duty of any case, no officer-facing source
 * file and no exported document may carry them.
 */
const PROVENANCE = [/僅憑記憶/, /記憶所及/, /FileId\W*\d/i, /0000410766/, /待與官方附表核對/, /regulations\.md/, /annex-tables\.md/, /出處（如/, /\.md\b/];
const hits = (text: string) => PROVENANCE.filter((re) => re.test(text)).map(String);

const newTable = parseObligations(newTableJson);

describe("no provenance notes reach officers", () => {
  it("in any case's reasons, warnings or agency duties (every level × kind × service type, both tables)", () => {
    for (const table of [obligations, newTable])
      for (const level of LEVELS)
        for (const agencyKind of ["public", "non-public"] as const)
          for (const ciProvider of [false, true])
            for (const coreSystem of [false, true]) {
              const r = run(
                {
                  responsibilityLevel: level,
                  agencyKind,
                  ciProvider,
                  grade: coreSystem ? "high" : "medium",
                  serviceTypes: [...SERVICE_TYPE_KEYS],
                  conditions: { coreSystem, mailServer: true, externalService: true },
                },
                table,
              );
              const text = [...r.warnings, ...r.agencyObligations, ...r.items.flatMap((i) => [...i.reasons, i.frequency ?? "", i.basis?.citation ?? ""])].join(
                "\n",
              );
              expect(hits(text), `${table.version} ${level} ${agencyKind}`).toEqual([]);
            }
  });

  it("in the officer-facing pages and components (source text)", () => {
    const roots = [
      "app/cases",
      "app/page.tsx",
      "components/review",
      "components/wizard",
      "components/workflow",
      "components/clauses",
      "components/catalogue/BasisBadge.tsx",
      "lib/export",
      "lib/resolve/text.ts",
      "lib/resolve/rules",
      "lib/resolve/warnings.ts",
      "lib/resolve/agency-obligations.ts",
    ];
    const files: string[] = [];
    const walk = (p: string) => (statSync(p).isDirectory() ? readdirSync(p).forEach((f) => walk(path.join(p, f))) : /\.(tsx?|json)$/.test(p) && files.push(p));
    roots.forEach(walk);
    expect(files.length).toBeGreaterThan(20);
    // Code comments are for developers; everything else (strings, JSX text) can reach a page.
    const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    for (const file of files) expect(hits(code(readFileSync(file, "utf8"))), file).toEqual([]);
  });

  it.each(["annex", "clauses", "checklist"] as TDocKind[])("in the exported %s", async (kind) => {
    for (const level of ["B", "D"] as const) {
      const model = buildExportModel(
        exportInput({
          case: {
            serviceTypes: ["development", "paas-iaas", "maintenance"],
            responsibilityLevel: level,
            grade: "high",
            contractValue: 12_000_000,
            conditions: { personalData: true, coreSystem: true, mailServer: true, externalService: true },
          },
          decisions: {},
        }),
      );
      const text = paragraphs((await readDocx(await renderDocx(model, kind))).document).join("\n");
      expect(text.length).toBeGreaterThan(100);
      expect(hits(text), `${kind} ${level}`).toEqual([]);
    }
  });
});
