import { unzip } from "./unzip";

export interface TDocxParts {
  files: Map<string, Buffer>;
  document: string;
  headers: string[];
  footers: string[];
  styles: string;
  settings: string;
}

export function readDocx(bytes: Uint8Array): TDocxParts {
  const files = unzip(bytes);
  const text = (name: string) => files.get(name)?.toString("utf8") ?? "";
  const named = (re: RegExp) =>
    [...files.keys()]
      .filter((k) => re.test(k))
      .sort()
      .map(text);
  return {
    files,
    document: text("word/document.xml"),
    headers: named(/^word\/header\d*\.xml$/),
    footers: named(/^word\/footer\d*\.xml$/),
    styles: text("word/styles.xml"),
    settings: text("word/settings.xml"),
  };
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of each paragraph (w:p), tabs as "\t". */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[1] === undefined ? "\t" : unescape(t[1]))).join(""),
  );
}

/** All the text of a part, paragraphs joined with newlines. */
export const textOf = (xml: string) => paragraphs(xml).join("\n");

/**
 * XML 1.0 well-formedness, the parts Word is strict about: only legal characters, balanced tags,
 * quoted attributes, no stray `<` or `&`. Returns the first problem, or null.
 */
export function xmlProblem(xml: string): string | null {
  const bad = xml.match(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  if (bad) return `illegal character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  if (/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(xml)) return "unescaped &";
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|</g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(body))) {
    if (m[0] === "<") return `stray < at ${m.index}`;
    const [, close, name, , selfClose] = m;
    if (selfClose) continue;
    if (close) {
      if (stack.pop() !== name) return `mismatched </${name}> at ${m.index}`;
    } else stack.push(name!);
  }
  return stack.length ? `unclosed <${stack.at(-1)}>` : null;
}

const ZH = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
/** Word's taiwaneseCountingThousand for 1–99 (all a document here needs). */
function zh(n: number): string {
  if (n < 10) return ZH[n]!;
  if (n < 20) return `十${n % 10 ? ZH[n % 10] : ""}`;
  return `${ZH[Math.floor(n / 10)]}十${n % 10 ? ZH[n % 10] : ""}`;
}

interface TLvl {
  fmt: string;
  text: string;
  start: number;
}

/** numbering.xml → numId → its levels (abstractNum, startOverride applied). */
export function numberingOf(xml: string): Map<string, TLvl[]> {
  const abstract = new Map<string, TLvl[]>();
  for (const m of xml.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels: TLvl[] = [];
    for (const l of m[2]!.matchAll(/<w:lvl [^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g))
      levels[Number(l[1])] = {
        fmt: l[2]!.match(/<w:numFmt w:val="([^"]+)"/)?.[1] ?? "decimal",
        text: l[2]!.match(/<w:lvlText w:val="([^"]*)"/)?.[1] ?? "",
        start: Number(l[2]!.match(/<w:start w:val="(\d+)"/)?.[1] ?? 1),
      };
    abstract.set(m[1]!, levels);
  }
  const nums = new Map<string, TLvl[]>();
  for (const m of xml.matchAll(/<w:num w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const levels = (abstract.get(m[2]!.match(/<w:abstractNumId w:val="(\d+)"/)?.[1] ?? "") ?? []).map((l) => ({ ...l }));
    for (const o of m[2]!.matchAll(/<w:lvlOverride w:ilvl="(\d+)">[\s\S]*?<w:startOverride w:val="(\d+)"/g))
      if (levels[Number(o[1])]) levels[Number(o[1])]!.start = Number(o[2]);
    nums.set(m[1]!, levels);
  }
  return nums;
}

/**
 * The document as a reader sees it in Word: each paragraph's text with the number Word gives it
 * (counting per list, deeper levels restarting under a higher one), in reading order, tabs dropped.
 */
export function numberedLines(parts: TDocxParts): string[] {
  const label = labeller(parts);
  return [...parts.document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => label(m[0]));
}

/** A paragraph's (w:p) text with its Word number; counts on from call to call, in document order. */
export function labeller(parts: TDocxParts): (p: string) => string {
  const nums = numberingOf(parts.files.get("word/numbering.xml")?.toString("utf8") ?? "");
  const counters = new Map<string, number[]>();
  return (p: string) => {
    const text = (paragraphs(p)[0] ?? "").replace(/\t/g, "");
    const numId = p.match(/<w:numId w:val="(\d+)"\/>/)?.[1];
    const ilvl = Number(p.match(/<w:ilvl w:val="(\d+)"\/>/)?.[1] ?? 0);
    const levels = numId ? nums.get(numId) : undefined;
    if (!numId || !levels) return text;
    const c = counters.get(numId) ?? levels.map((l) => l.start - 1);
    c[ilvl] = (c[ilvl] ?? 0) + 1;
    for (let k = ilvl + 1; k < levels.length; k++) c[k] = levels[k]!.start - 1;
    counters.set(numId, c);
    const label = levels[ilvl]!.text.replace(/%(\d)/g, (_, d) => {
      const k = Number(d) - 1;
      return levels[k]!.fmt === "decimal" ? String(c[k]) : zh(c[k]!);
    });
    return label + text;
  };
}

/**
 * The document as plain text in reading order, for golden files a reviewer can read: paragraphs with
 * the numbers Word gives them, a table row per line (cells 「 | 」, a cell's paragraphs 「 / 」), the
 * table of contents as one marker line (Word rewrites it).
 */
/** The table of contents' block-level content control (not the checklist's inline form controls). */
export const TOC_SDT = /<w:sdt>(?:(?!<\/w:sdt>)[\s\S])*?<w:docPartObj>[\s\S]*?<\/w:sdt>/g;

export function readingText(parts: TDocxParts): string {
  const label = labeller(parts);
  const body = parts.document.replace(TOC_SDT, "<w:p><w:r><w:t>［目錄］</w:t></w:r></w:p>");
  const out: string[] = [];
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)) {
    if (!m[0].startsWith("<w:tbl>")) {
      const line = label(m[0]);
      if (line) out.push(line);
      continue;
    }
    for (const row of m[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g))
      out.push(
        [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)]
          .map((c) =>
            [...c[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
              .map((p) => label(p[0]))
              .filter(Boolean)
              .join(" / "),
          )
          .join(" | "),
      );
  }
  return `${out.join("\n")}\n`;
}
