// Pure comparison of two catalogue versions (issue #6, "Compare any two versions"). No I/O.
import type { TCatalogueFile, TCatalogueItem, TGrade, TItemHints, TLegalBasis, TMark, TServiceTypeKey } from "./schema";
import { GRADES } from "./schema";

export type TWordSegment = { op: "same" | "add" | "del"; text: string };
export type TWordDiff = TWordSegment[];

export type TItemRef = { id: string; serviceType: string; category: string; text: string };

export type TItemChange = {
  id: string;
  serviceType: string;
  fields: {
    text?: TWordDiff;
    note?: TWordDiff;
    category?: { from: string; to: string };
    marks?: { grade: TGrade; from: TMark; to: TMark }[];
    legalBasis?: { from: TLegalBasis[]; to: TLegalBasis[] };
    hints?: { from: TItemHints; to: TItemHints };
  };
};

export type TCatalogueDiff = {
  from: string;
  to: string;
  added: TItemRef[];
  retired: TItemRef[];
  changed: TItemChange[];
  serviceTypes: { added: string[]; retired: string[]; notesChanged: string[] };
};

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}`;
const TOKEN = new RegExp(
  [
    `[${CJK}]`, // one CJK character per token
    `(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+`, // a Latin (or other alphabetic) word or a number
    `\\s+`, // a whitespace run
    `.`, // punctuation, symbols: each its own token
  ].join("|"),
  "gsu",
);

/** Splits text into diff tokens; joining the tokens gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** LCS word diff of two short texts; adjacent segments with the same op are merged. */
export function wordDiff(from: string, to: string): TWordDiff {
  const a = tokenize(from);
  const b = tokenize(to);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ma = a.slice(pre, a.length - suf);
  const mb = b.slice(pre, b.length - suf);
  const n = ma.length;
  const m = mb.length;
  // lcs[i][j] = LCS length of ma[i..] and mb[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = ma[i] === mb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);

  const out: TWordDiff = [];
  const push = (op: TWordSegment["op"], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  a.slice(0, pre).forEach((t) => push("same", t));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ma[i] === mb[j]) {
      push("same", ma[i]!);
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      push("del", ma[i]!);
      i++;
    } else {
      push("add", mb[j]!);
      j++;
    }
  }
  a.slice(a.length - suf).forEach((t) => push("same", t));
  return out;
}

/** JSON with object keys sorted, so equal content compares equal regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

const ref = (serviceType: string, item: TCatalogueItem): TItemRef => ({
  id: item.id,
  serviceType,
  category: item.category,
  text: item.text,
});

function compareItems(a: TCatalogueItem, b: TCatalogueItem): TItemChange["fields"] {
  const fields: TItemChange["fields"] = {};
  if (a.text !== b.text) fields.text = wordDiff(a.text, b.text);
  if (a.note !== b.note) fields.note = wordDiff(a.note, b.note);
  if (a.category !== b.category) fields.category = { from: a.category, to: b.category };
  const marks = GRADES.filter((g) => a.marks[g] !== b.marks[g]).map((grade) => ({
    grade,
    from: a.marks[grade],
    to: b.marks[grade],
  }));
  if (marks.length) fields.marks = marks;
  if (canonical(a.legalBasis) !== canonical(b.legalBasis)) fields.legalBasis = { from: a.legalBasis, to: b.legalBasis };
  if (canonical(a.hints) !== canonical(b.hints)) fields.hints = { from: a.hints, to: b.hints };
  return fields;
}

/**
 * What changed from one catalogue version to another. Items are matched by their stable id.
 * Results follow catalogue order: service type order, then item order in `to` (retired items in `from` order).
 */
export function diffCatalogues(from: TCatalogueFile, to: TCatalogueFile): TCatalogueDiff {
  const fromTypes = new Map(from.serviceTypes.map((t) => [t.key, t]));
  const toTypes = new Map(to.serviceTypes.map((t) => [t.key, t]));
  const fromItems = new Map(from.serviceTypes.flatMap((t) => t.items.map((i) => [i.id, i] as const)));
  const toItems = new Map(to.serviceTypes.flatMap((t) => t.items.map((i) => [i.id, i] as const)));

  // Service type order: the order of `to`, with types only in `from` placed after their predecessor there.
  const order: TServiceTypeKey[] = to.serviceTypes.map((t) => t.key);
  from.serviceTypes.forEach((t, idx) => {
    if (order.includes(t.key)) return;
    const prev = idx > 0 ? order.indexOf(from.serviceTypes[idx - 1]!.key) : -1;
    order.splice(prev + 1, 0, t.key);
  });

  const diff: TCatalogueDiff = {
    from: from.version,
    to: to.version,
    added: [],
    retired: [],
    changed: [],
    serviceTypes: { added: [], retired: [], notesChanged: [] },
  };
  for (const key of order) {
    const ft = fromTypes.get(key);
    const tt = toTypes.get(key);
    if (!ft) diff.serviceTypes.added.push(key);
    else if (!tt) diff.serviceTypes.retired.push(key);
    else if (canonical(ft.notes) !== canonical(tt.notes)) diff.serviceTypes.notesChanged.push(key);

    for (const item of tt?.items ?? []) {
      const old = fromItems.get(item.id);
      if (!old) {
        diff.added.push(ref(key, item));
        continue;
      }
      const fields = compareItems(old, item);
      if (Object.keys(fields).length) diff.changed.push({ id: item.id, serviceType: key, fields });
    }
    for (const item of ft?.items ?? []) if (!toItems.has(item.id)) diff.retired.push(ref(key, item));
  }
  return diff;
}
