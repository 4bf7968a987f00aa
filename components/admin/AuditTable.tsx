import Link from "next/link";
import type { TAuditRecord } from "@/lib/audit";
import { formatTaipei } from "@/lib/audit";
import { actionLabel } from "@/lib/admin/audit-labels";
import { TableHead } from "@/components/ui/TableHead";

const TARGET_LABEL: Record<string, string> = { user: "使用者", agency: "機關", case: "案件", decision: "決定", review: "審查" };

const snapshot = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The log as a table; times in Taipei, snapshots as the JSON that was recorded. */
export function AuditTable({ entries, names }: { entries: TAuditRecord[]; names: Map<string, string> }) {
  if (entries.length === 0) return <p className="text-slate-700">沒有符合條件的紀錄。</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">稽核紀錄，新的在前</caption>
        <TableHead columns={["時間", "使用者", "動作", "對象", "變更前 → 變更後"]} />
        <tbody className="divide-y divide-slate-200 align-top">
          {entries.map((e) => {
            const before = snapshot(e.before);
            const after = snapshot(e.after);
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
                  {TARGET_LABEL[e.targetType] ?? e.targetType}
                  {e.targetType === "case" ? (
                    <Link href={`/cases/${e.targetId}/history`} className="block break-all text-xs text-brand-700 underline">
                      {e.targetId}
                    </Link>
                  ) : (
                    <span className="block break-all text-xs text-slate-600">{names.get(e.targetId) ?? e.targetId}</span>
                  )}
                </td>
                <td className="max-w-md px-3 py-2 font-mono text-xs">
                  {before && <span className="block break-all">前：{before}</span>}
                  {after && <span className="block break-all">後：{after}</span>}
                  {!before && !after && <span className="text-slate-500">—</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
