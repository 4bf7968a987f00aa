import type { TCatalogueDiff, TItemChange, TItemRef } from "@/lib/catalogue/diff";
import { GRADE_LABEL, type TLegalBasis } from "@/lib/catalogue/schema";
import { Mark } from "./Mark";
import { WordDiff } from "./WordDiff";

const citations = (list: TLegalBasis[]) => (list.length ? list.map((l) => `${l.citation}〔${l.reliability}〕`).join("；") : "（無）");

/** What the catalogue changed in one item: word diffs of text and note, marks per grade, legal basis, hints. */
export function ItemChangeDetails({ fields }: { fields: TItemChange["fields"] }) {
  return (
    <dl className="space-y-1 text-sm">
      {fields.category && (
        <div>
          <dt className="inline font-semibold">項目：</dt>
          <dd className="inline">
            {fields.category.from} → {fields.category.to}
          </dd>
        </div>
      )}
      {fields.text && (
        <div>
          <dt className="inline font-semibold">子項內容：</dt>
          <dd className="inline">
            <WordDiff diff={fields.text} />
          </dd>
        </div>
      )}
      {fields.marks && (
        <div>
          <dt className="inline font-semibold">標記：</dt>
          <dd className="inline">
            {fields.marks.map((m) => (
              <span key={m.grade} className="mr-3 whitespace-nowrap">
                {GRADE_LABEL[m.grade]}級 <Mark mark={m.from} /> → <Mark mark={m.to} />
              </span>
            ))}
          </dd>
        </div>
      )}
      {fields.note && (
        <div>
          <dt className="inline font-semibold">說明：</dt>
          <dd className="inline">
            <WordDiff diff={fields.note} />
          </dd>
        </div>
      )}
      {fields.legalBasis && (
        <div>
          <dt className="inline font-semibold">法源：</dt>
          <dd className="inline">
            <del className="bg-red-100">{citations(fields.legalBasis.from)}</del> → <ins className="bg-emerald-100">{citations(fields.legalBasis.to)}</ins>
          </dd>
        </div>
      )}
      {fields.hints && (
        <div>
          <dt className="inline font-semibold">判定規則提示：</dt>
          <dd className="inline">已變更</dd>
        </div>
      )}
    </dl>
  );
}

function RefList({ id, title, items, typeNames, tone }: { id: string; title: string; items: TItemRef[]; typeNames: Record<string, string>; tone: string }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <ul className="space-y-2">
        {items.map((i) => (
          <li key={i.id} className={`rounded border p-3 ${tone}`}>
            <span className="text-sm text-slate-600">
              {typeNames[i.serviceType] ?? i.serviceType}．{i.category}．{i.id}
            </span>
            <p>{i.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Items added, retired and changed between two versions, in catalogue order. */
export function CatalogueDiffView({ diff, typeNames }: { diff: TCatalogueDiff; typeNames: Record<string, string> }) {
  const empty = !diff.added.length && !diff.retired.length && !diff.changed.length && !diff.serviceTypes.notesChanged.length;
  if (empty) return <p className="rounded border border-slate-200 bg-white p-4">兩個版本的內容相同。</p>;
  return (
    <div className="space-y-6">
      <p className="text-slate-700" aria-live="polite">
        新增 {diff.added.length} 列、停用 {diff.retired.length} 列、變更 {diff.changed.length} 列
        {diff.serviceTypes.notesChanged.length > 0 && `；${diff.serviceTypes.notesChanged.length} 個服務類型的表格說明有變更`}。
      </p>
      <RefList id="diff-added" title="新增的項目" items={diff.added} typeNames={typeNames} tone="border-emerald-300 bg-emerald-50" />
      <RefList id="diff-retired" title="停用的項目" items={diff.retired} typeNames={typeNames} tone="border-red-300 bg-red-50" />
      {diff.changed.length > 0 && (
        <section aria-labelledby="diff-changed" className="space-y-2">
          <h2 id="diff-changed" className="text-lg font-semibold">
            變更的項目
          </h2>
          <ul className="space-y-2">
            {diff.changed.map((c) => (
              <li key={c.id} className="rounded border border-slate-200 bg-white p-3">
                <span className="text-sm text-slate-600">
                  {typeNames[c.serviceType] ?? c.serviceType}．{c.id}
                </span>
                <ItemChangeDetails fields={c.fields} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
