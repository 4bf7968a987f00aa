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
  const named = (re: RegExp) => [...files.keys()].filter((k) => re.test(k)).sort().map(text);
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
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

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
