import type { TCatalogueItem } from "@/lib/catalogue/schema";
import type { TTextSegment } from "@/lib/catalogue/glossary";
import { GlossaryText } from "../ui/Term";
import { Mark } from "./Mark";

const GRADES = [
  ["high", "高"],
  ["medium", "中"],
  ["normal", "普"],
] as const;

/** The source table's columns; on narrow screens each row becomes a labelled card. */
/** `segments`: each item's text cut by the glossary (its terms explained on hover and focus). */
export function RequirementTable({ items, caption, segments }: { items: TCatalogueItem[]; caption: string; segments?: Record<string, TTextSegment[]> }) {
  return (
    <table className="w-full border-collapse text-left text-[15px]">
      <caption className="sr-only">{caption}</caption>
      <thead className="hidden bg-slate-100 md:table-header-group">
        <tr>
          <th scope="col" className="w-40 border border-slate-300 px-2 py-2">
            項目
          </th>
          <th scope="col" className="border border-slate-300 px-2 py-2">
            子項
          </th>
          {GRADES.map(([g, label]) => (
            <th key={g} scope="col" className="w-12 border border-slate-300 px-2 py-2 text-center">
              {label}
            </th>
          ))}
          <th scope="col" className="w-72 border border-slate-300 px-2 py-2">
            說明
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-item-id={item.id} className="mb-3 block rounded border border-slate-300 bg-white md:mb-0 md:table-row md:rounded-none">
            <td className="block px-3 pt-2 text-sm font-semibold text-slate-700 md:table-cell md:border md:border-slate-300 md:px-2 md:py-2 md:align-top md:text-[15px]">
              {item.category}
            </td>
            <td className="block px-3 py-1 leading-relaxed md:table-cell md:border md:border-slate-300 md:px-2 md:py-2 md:align-top">
              {segments?.[item.id] ? <GlossaryText segments={segments[item.id]!} /> : item.text}
              <span className="mt-1 block font-mono text-xs text-slate-500">{item.id}</span>
            </td>
            {GRADES.map(([g, label]) => (
              <td key={g} className="inline-block px-3 py-1 md:table-cell md:border md:border-slate-300 md:px-2 md:py-2 md:text-center md:align-top">
                <span className="mr-1 text-sm text-slate-600 md:hidden">{label}</span>
                <Mark mark={item.marks[g]} />
              </td>
            ))}
            <td className="block px-3 pb-2 text-sm leading-relaxed text-slate-700 md:table-cell md:border md:border-slate-300 md:px-2 md:py-2 md:align-top">
              {item.note ? (
                <>
                  <span className="font-semibold md:hidden">說明：</span>
                  {item.note}
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
