import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import { DomainError, type TIssue } from "../errors";
import { FORM_VERSION, parseTag, PROP, requirementDigest, type TAnswer } from "../export/docx/form";

/**
 * Reads a filled 廠商資安自評表 (lib/export/docx/form.ts) back: the form's identity from its custom
 * properties, and each row's 符合 / 佐證資料 / 說明 from the 自評項目 table. Rows are matched to the
 * manifest by position and requirement digest — LibreOffice keeps the content controls but drops
 * their tags on save — and a tag, where Word kept one, must name the same row. No database.
 */

export interface TChecklistAnswer {
  id: string;
  answer: TAnswer | null;
  evidence: string;
  note: string;
}

export interface TFilledChecklist {
  caseId: string | null;
  revision: number | null;
  contractId: string | null;
  answers: TChecklistAnswer[];
}

export class ChecklistReadError extends DomainError {
  constructor(message: string, issues: TIssue[] = []) {
    super("invalid", message, issues);
    this.name = "ChecklistReadError";
  }
}

const NOT_OURS = "這不是 SecReq 匯出之廠商資安自評表（找不到表單識別資料），請使用本系統匯出之檔案填寫";
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MAX_ENTRIES = 2000;
const MAX_XML = 40 * 1024 * 1024;

export function readFilledChecklist(bytes: Uint8Array): TFilledChecklist {
  const files = unpack(bytes);
  const props = customProperties(files["docProps/custom.xml"]);
  if (props.get(PROP.form) !== FORM_VERSION) throw new ChecklistReadError(NOT_OURS);
  const manifest = manifestOf(props);
  const documentXml = files["word/document.xml"];
  if (!documentXml) throw new ChecklistReadError(NOT_OURS);
  const rows = formRows(parse(documentXml));

  const problems: string[] = [];
  const known = new Map(manifest.map((m, i) => [m.id, i]));
  for (const row of rows) for (const tag of row.tags) if (!known.has(tag)) problems.push(`第 ${row.position} 列：項目代碼「${tag}」不在本表之項目中`);
  if (rows.length !== manifest.length) problems.push(`自評項目應有 ${manifest.length} 列，檔案中有 ${rows.length} 列；請勿新增或刪除列，請重新下載本表填寫`);
  else
    rows.forEach((row, i) => {
      const expected = manifest[i]!;
      if (row.tags.some((t) => t !== expected.id && known.has(t)))
        problems.push(`第 ${row.position} 列：項目順序與匯出時不同（應為「${row.name}」之項目）；請勿移動列`);
      else if (requirementDigest(row.requirement) !== expected.digest)
        problems.push(`第 ${row.position} 列（${row.name}）：「要求」欄內容與匯出時不同；要求不得修改，請於「說明」欄敘明`);
    });
  if (problems.length)
    throw new ChecklistReadError(
      problems[0]!,
      problems.map((message) => ({ path: "", message })),
    );

  const answers = rows.map((row, i) => {
    const answer = answerOf(row.answer);
    if (answer === undefined) problems.push(`第 ${row.position} 列（${row.name}）：「符合」欄應為「是」、「否」或「不適用」，檔案中為「${row.answer.trim()}」`);
    return { id: manifest[i]!.id, answer: answer ?? null, evidence: row.evidence, note: row.note };
  });
  if (problems.length)
    throw new ChecklistReadError(
      problems[0]!,
      problems.map((message) => ({ path: "", message })),
    );

  const revision = props.get(PROP.revision) ?? "";
  return {
    caseId: props.get(PROP.caseId) || null,
    revision: /^\d+$/.test(revision) ? Number(revision) : null,
    contractId: props.get(PROP.contractId) || null,
    answers,
  };
}

function unpack(bytes: Uint8Array): Record<string, string> {
  let entries: Record<string, Uint8Array>;
  try {
    let count = 0;
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (++count > MAX_ENTRIES || f.originalSize > MAX_XML) throw new ChecklistReadError("檔案過大或結構異常，無法讀取");
        return f.name === "word/document.xml" || f.name === "docProps/custom.xml";
      },
    });
  } catch (e) {
    if (e instanceof ChecklistReadError) throw e;
    throw new ChecklistReadError("無法讀取檔案：不是有效的 Word（.docx）檔");
  }
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strFromU8(v)]));
}

function parse(xml: string) {
  try {
    return new DOMParser({ onError: () => undefined }).parseFromString(xml, "text/xml");
  } catch {
    throw new ChecklistReadError("無法讀取檔案：文件內容已損毀");
  }
}

function customProperties(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!xml) return out;
  const doc = parse(xml);
  const list = doc.getElementsByTagNameNS("*", "property");
  for (let i = 0; i < list.length; i++) {
    const el = list.item(i)!;
    const name = el.getAttribute("name");
    if (name) out.set(name, el.textContent ?? "");
  }
  return out;
}

function manifestOf(props: Map<string, string>): { id: string; digest: string }[] {
  const parts: string[] = [];
  for (let n = 1; props.has(`${PROP.manifest}${n}`); n++) parts.push(props.get(`${PROP.manifest}${n}`)!);
  const manifest = parts
    .join(";")
    .split(";")
    .filter(Boolean)
    .map((entry) => {
      const at = entry.lastIndexOf("=");
      return { id: entry.slice(0, at), digest: entry.slice(at + 1) };
    });
  if (String(manifest.length) !== props.get(PROP.rows) || manifest.some((m) => !m.id || !m.digest)) throw new ChecklistReadError(NOT_OURS);
  return manifest;
}

const children = (el: Element, local: string): Element[] => {
  const out: Element[] = [];
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === W) out.push(n as Element);
  return out;
};

interface TRow {
  position: number;
  name: string;
  requirement: string;
  answer: string;
  evidence: string;
  note: string;
  tags: string[];
}

/** The data rows of the 自評項目 table: the table whose header reads 項目 | 要求 | 符合…, rows of six cells. */
function formRows(doc: ReturnType<DOMParser["parseFromString"]>): TRow[] {
  const tables = doc.getElementsByTagNameNS(W, "tbl");
  for (let t = 0; t < tables.length; t++) {
    const table = tables.item(t)!;
    const trs = children(table, "tr");
    const header = trs[0] ? children(trs[0], "tc").map((c) => cellText(c).replace(/\s+/g, "")) : [];
    if (header[0] !== "項目" || header[1] !== "要求" || !header[2]?.startsWith("符合")) continue;
    const rows: TRow[] = [];
    for (const tr of trs.slice(1)) {
      const cells = children(tr, "tc");
      if (cells.length !== 6) continue; // group titles span the table
      const tags = [...tagsIn(tr)];
      rows.push({
        position: rows.length + 1,
        name: cellText(cells[0]!).trim(),
        requirement: cellText(cells[1]!),
        answer: controlText(cells[2]!),
        evidence: controlText(cells[3]!).trim(),
        note: controlText(cells[4]!).trim(),
        tags: tags.map((t) => parseTag(t)?.id).filter((id): id is string => !!id),
      });
    }
    return rows;
  }
  throw new ChecklistReadError("找不到「自評項目」表格；本檔案之表格可能已被修改，請重新下載本表填寫");
}

function* tagsIn(el: Element): Generator<string> {
  const tags = el.getElementsByTagNameNS(W, "tag");
  for (let i = 0; i < tags.length; i++) {
    const v = tags.item(i)!.getAttributeNS(W, "val") ?? tags.item(i)!.getAttribute("w:val");
    if (v && v.startsWith("secreq:")) yield v;
  }
}

/** A cell's text, paragraphs and line breaks as newlines. */
function cellText(el: Node, skip: (e: Element) => boolean = () => false): string {
  let out = "";
  const walk = (n: Node) => {
    if (n.nodeType !== 1) return;
    const e = n as Element;
    if (skip(e)) return;
    if (e.namespaceURI === W) {
      if (e.localName === "t") out += e.textContent ?? "";
      else if (e.localName === "tab") out += "\t";
      else if (e.localName === "br" || e.localName === "cr") out += "\n";
      else if (e.localName === "delText" || e.localName === "instrText") return;
    }
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
    if (e.namespaceURI === W && e.localName === "p") out += "\n";
  };
  walk(el);
  return out.replace(/\n+$/, "");
}

/** The text of a cell, without a content control still showing its placeholder. */
function controlText(cell: Element): string {
  const showingPlaceholder = (e: Element) =>
    e.namespaceURI === W && e.localName === "sdt" && children(e, "sdtPr").some((pr) => children(pr, "showingPlcHdr").length > 0);
  return cellText(cell, showingPlaceholder).replace(/\u3000/g, " ");
}

const CHOICE: Record<string, TAnswer> = { 是: "yes", 否: "no", 不適用: "na" };
const TICK = /[■☑☒✓✔√✗✘Xx▉●◼]/;

/** 是 / 否 / 不適用, a ticked box among the three, or nothing chosen (null); undefined: something else. */
function answerOf(raw: string): TAnswer | null | undefined {
  const text = raw.replace(/\s+/g, "");
  if (!text || text === "□是□否□不適用") return null;
  if (CHOICE[text]) return CHOICE[text];
  // A printed form ticked in the editor: one of 是/否/不適用 preceded by a mark other than □.
  const ticked = [...text.matchAll(/(.)(不適用|是|否)/g)].filter((m) => TICK.test(m[1]!)).map((m) => CHOICE[m[2]!]!);
  if (ticked.length === 1) return ticked[0]!;
  return undefined;
}
