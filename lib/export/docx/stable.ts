import { unzipSync, zipSync, strFromU8, strToU8 } from "fflate";

// `docx` numbers bookmarks (the table of contents' _Toc anchors) from one counter for the whole process,
// so the same case written twice would differ. Renumbering them by order of appearance, and writing the
// package with a fixed entry time, makes a document the same bytes each time it is written from the same
// case: an approved revision's documents never change, and their hashes can be quoted.
const ZIP_TIME = new Date("2000-01-01T00:00:00Z");
const TOC_NAME = /_Toc(\d+)/g;
const BOOKMARK_ID = /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g;

export function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  const idOf = (n: string) => {
    if (!ids.has(n)) ids.set(n, ids.size + 1);
    return ids.get(n)!;
  };
  // A heading's bookmark has the same number in its name and its id: one map for both.
  return xml.replace(TOC_NAME, (_m, n: string) => `_Toc${idOf(n)}`).replace(BOOKMARK_ID, (_m, pre: string, n: string) => `${pre}${idOf(n)}"`);
}

/** The package with deterministic bookmark ids and entry times (entries keep their order); `document` post-processes document.xml. */
export function stablePackage(bytes: Uint8Array, document: (xml: string) => string = (xml) => xml): Buffer {
  const files = unzipSync(bytes);
  const out: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of Object.entries(files)) {
    const body = name === "word/document.xml" ? strToU8(document(renumberBookmarks(strFromU8(data)))) : data;
    out[name] = [body, { mtime: ZIP_TIME }];
  }
  return Buffer.from(zipSync(out, { level: 6 }));
}
