import Link from "next/link";
import type { TAuditRecord } from "@/lib/audit";
import { actionLabel, fieldChanges, formatTaipei, targetLabel } from "@/lib/audit";
import { TableHead } from "@/components/ui/TableHead";

/** The log as a table; times in Taipei, the target by name, before/after as the fields that changed. */
export function AuditTable({ entries, names }: { entries: TAuditRecord[]; names: Map<string, string> }) {
  if (entries.length === 0) return <p className="text-slate-700">沒有符合條件的紀錄。</p>;
  return (
    <div role="region" aria-label="稽核紀錄表格（可左右捲動）" tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">稽核紀錄，新的在前</caption>
        <TableHead columns={["時間", "使用者", "動作", "對象", "變更（欄位：變更前 → 變更後）"]} />
        <tbody className="divide-y divide-slate-200 align-top">
          {entries.map((e) => {
            const changes = fieldChanges(e.before, e.after);
            const name = names.get(e.targetId);
            return (
              <tr key={e.id}>
                <td className="whitespace-nowrap px-3 py-2">
                  <time dateTime={e.at.toISOString()}>{formatTaipei(e.at).slice(0, 19).replace("T", " ")}</time>
                </td>
                <td className="px-3 py-2">{e.actorName}</td>
                <td className="px-3 py-2">
                  {actionLabel(e.action)}
                  <span className="block font-mono text-xs text-slate-600">{e.action}</span>
                </td>
                <td className="px-3 py-2">
                  {targetLabel(e.targetType)}
                  {e.targetType === "case" ? (
                    <Link href={`/cases/${e.targetId}/history`} className="block text-brand-700 underline">
                      {name ?? "（案件）"}
                    </Link>
                  ) : (
                    name && <span className="block">{name}</span>
                  )}
                  <span className="block break-all font-mono text-xs text-slate-600">{e.targetId}</span>
                </td>
                <td className="max-w-md px-3 py-2">
                  {changes.length ? (
                    <ul className="space-y-0.5">
                      {changes.map((c) => (
                        <li key={c.field} className="break-words">
                          <span className="font-semibold">{c.field}</span>：<span className="text-slate-600">{c.before ?? "（無）"}</span> →{" "}
                          <span>{c.after ?? "（無）"}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-slate-500">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
