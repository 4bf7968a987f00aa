import type { TDecisionRow } from "@/lib/cases/decision-rows";
import { INCONSISTENT_FLAG } from "@/lib/cases/decision-rows";
import { CHOICE_TEXT, STATUS_LABEL } from "@/lib/cases/labels";
import { taipeiTime } from "@/lib/time";

const STATE: Record<TDecisionRow["state"], string> = {
  fixed: "無須決定",
  open: "尚未決定",
  decided: "",
  split: "各服務類型分開決定",
  inconsistent: INCONSISTENT_FLAG,
};

/** One table of every row (server-rendered, print-friendly). */
export function DecisionSummary({ rows, typeNames }: { rows: TDecisionRow[]; typeNames: Record<string, string> }) {
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b-2 border-slate-400 text-left">
          <th scope="col" className="p-1">
            需求
          </th>
          <th scope="col" className="p-1">
            狀態
          </th>
          <th scope="col" className="p-1">
            決定
          </th>
          <th scope="col" className="p-1">
            理由
          </th>
          <th scope="col" className="p-1">
            決定者
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const copies = r.state === "split" || r.state === "inconsistent" ? r.items.filter((i) => i.decisionKind) : [];
          return (
            <tr key={r.key} className="break-inside-avoid border-b border-slate-200 align-top">
              <td className="p-1">
                {r.text}
                <span className="block text-xs text-slate-600">
                  {r.category}．{r.serviceTypes.map((t) => typeNames[t] ?? t).join("、")}
                </span>
              </td>
              <td className="p-1">{STATUS_LABEL[r.status]}</td>
              <td className="p-1">
                {r.decision
                  ? `${CHOICE_TEXT[r.decision.choice] ?? r.decision.choice}${r.decision.reference ? `（${r.decision.reference}）` : ""}`
                  : STATE[r.state]}
                {copies.map((i) => (
                  <span key={i.id} className="block text-xs">
                    {typeNames[i.serviceType] ?? i.serviceType}：{i.decision ? (CHOICE_TEXT[i.decision.choice] ?? i.decision.choice) : "尚未決定"}
                  </span>
                ))}
              </td>
              <td className="p-1">
                {r.decision?.reason}
                {copies.map((i) => (
                  <span key={i.id} className="block text-xs">
                    {i.decision?.reason}
                  </span>
                ))}
              </td>
              <td className="p-1">
                {r.decision && (
                  <>
                    {r.decision.decidedBy}
                    {r.decision.origin === "recommendation" && "（依系統建議）"}
                    <span className="block text-xs text-slate-600">{taipeiTime(r.decision.decidedAt)}</span>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
