import { z } from "zod";
import { ITEM_ID_PATTERN, type TCatalogueFile } from "../../catalogue/schema";
import { AGENCY_SECTORS } from "../../catalogue/schema/supplement";
import { decisionKind } from "../../cases/decisions";
import { inputIssues, ZResolveInput, type TInputIssue } from "../../resolve/input";
import type { TObligationsFile } from "../../catalogue/schema/obligations";
import { resolve } from "../../resolve/resolve";
import { resolveParameters } from "../clauses/parameters";
import type { TExportDecision, TExportInput, TExportItem } from "./types";

/**
 * `case.json` for `cli export`: the `POST /api/v1/resolve` body plus names and the officer's choices.
 * Only optional / needs-decision items listed in `include` are included; every other one is left out.
 * `otherProcurement` places required ▲ items in another procurement (本案免辦), with its reference;
 * `parameters` overrides clause parameters for this case (e.g. { "vulnFixDays": 10 }).
 */
const name = (label: string, max: number) =>
  z
    .string({ error: `${label}須為文字` })
    .max(max, `${label}最多 ${max} 字`)
    .nullable()
    .optional();
const itemId = z.string({ error: "項目代碼須為文字" }).regex(ITEM_ID_PATTERN, "項目代碼格式須為 <服務類型>.<代稱>，例如 development.sbom");

export const ZExportCaseFile = ZResolveInput.extend({
  agencyName: name("機關名稱", 200),
  caseName: name("案件名稱", 300),
  caseNumber: name("案號", 100),
  agencySector: z.enum(AGENCY_SECTORS, { error: () => `agencySector 須為 ${AGENCY_SECTORS.join("、")} 之一` }).optional(),
  ciProvider: z.boolean({ error: "ciProvider 須為 true 或 false" }).optional(),
  include: z.array(itemId, { error: "include 須為項目代碼清單" }).max(1000, "include 最多 1000 項").superRefine(noDuplicates).default([]),
  otherProcurement: z
    .array(
      z.strictObject(
        {
          id: itemId,
          reference: z
            .string({ error: "請填寫納入辦理之他案名稱或案號" })
            .trim()
            .min(1, "請填寫納入辦理之他案名稱或案號")
            .max(200, "他案名稱或案號最多 200 字"),
          reason: z.string({ error: "理由須為文字" }).trim().max(500, "理由最多 500 字").default(""),
        },
        { error: (issue) => (issue.code === "unrecognized_keys" ? `不接受的欄位：${issue.keys.join("、")}` : "須為 { id, reference } 物件") },
      ),
      { error: "otherProcurement 須為清單" },
    )
    .max(200, "otherProcurement 最多 200 項")
    .default([]),
  parameters: z.record(z.string(), z.unknown(), { error: 'parameters 須為物件，例如 { "vulnFixDays": 14 }' }).optional(),
});
export type TExportCaseFile = z.infer<typeof ZExportCaseFile>;

function noDuplicates(ids: string[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: "custom", path: [i], message: `項目「${id}」重複` });
    seen.add(id);
  });
}

export type TParsedCaseFile = { ok: true; file: TExportCaseFile } | { ok: false; issues: TInputIssue[] };

export function parseExportCaseFile(raw: unknown): TParsedCaseFile {
  const parsed = ZExportCaseFile.safeParse(raw);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, issues: inputIssues(parsed.error) };
}

/**
 * The parsed file against its catalogue → the export input (a draft: the CLI has no approval).
 * Ids the case does not have, `include` of an item that does not apply, and `otherProcurement` of an
 * item that is not a required ▲ are refused with the path of the entry.
 */
export function caseFileExportInput(
  file: TExportCaseFile,
  catalogue: TCatalogueFile,
  obligations: TObligationsFile,
  generatedAt: Date,
): { ok: true; input: TExportInput } | { ok: false; issues: TInputIssue[] } {
  const { agencyName, caseName, caseNumber, agencySector, ciProvider, include, otherProcurement, parameters: overrides, ...resolveInput } = file;
  const issues: TInputIssue[] = [];
  const library = catalogue.clauses;
  const parameters = resolveParameters(library, { case: overrides });
  if (!parameters.ok) for (const p of parameters.issues) issues.push({ path: p.path ? `parameters.${p.path}` : "parameters", message: p.message });

  const resolution = resolve(catalogue, obligations, resolveInput);
  const byId = new Map(resolution.items.map((item) => [item.id, item]));
  const decisions = new Map<string, TExportDecision>();

  include.forEach((id, i) => {
    const item = byId.get(id);
    if (!item) issues.push({ path: `include.${i}`, message: `找不到項目「${id}」：代碼有誤，或不屬本案所選之服務類型` });
    else if (item.status === "not-applicable") issues.push({ path: `include.${i}`, message: `項目「${id}」依本案條件不適用，無法納入` });
    // A standard item is in the documents anyway; listing it is harmless.
    else if (decisionKind(item) === "choice") decisions.set(id, { choice: "include", reason: "列於 case.json 之 include" });
  });
  otherProcurement.forEach((entry, i) => {
    const item = byId.get(entry.id);
    if (!item) issues.push({ path: `otherProcurement.${i}.id`, message: `找不到項目「${entry.id}」：代碼有誤，或不屬本案所選之服務類型` });
    else if (decisionKind(item) !== "placement")
      issues.push({ path: `otherProcurement.${i}.id`, message: `項目「${entry.id}」不是依責任等級應辦之 ▲ 項目，不能改於他案辦理` });
    else decisions.set(entry.id, { choice: "other-procurement", reference: entry.reference, reason: entry.reason });
  });
  if (issues.length || !parameters.ok) return { ok: false, issues };

  const items: TExportItem[] = resolution.items.map((item) => {
    const kind = decisionKind(item);
    // The file states every choice: optional items not listed are out, required ▲ not placed elsewhere are in.
    const decision =
      decisions.get(item.id) ??
      (kind === "choice"
        ? { choice: "exclude", reason: "未列於 case.json 之 include", implied: true }
        : kind === "placement"
          ? { choice: "this-case", implied: true }
          : null);
    return { ...item, decisionKind: kind, decision };
  });
  return {
    ok: true,
    input: {
      case: { ...resolveInput, agencyName, caseName, caseNumber, agencySector: agencySector ?? null, ciProvider: ciProvider ?? false },
      catalogue,
      items,
      parameters: parameters.parameters,
      approval: null,
      generatedAt,
      library,
    },
  };
}
