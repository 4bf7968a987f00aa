"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { OFFLINE } from "../admin/result";
import { BUTTON_QUIET } from "../admin/styles";
import type { TEditAction } from "./ItemEditor";

/** The whole ▲ table as a JSON file: export it, or import one (checked by the loader's schema on the server). */
export function ObligationsJsonTools({ version, lockVersion, initial, save }: { version: string; lockVersion: number; initial: unknown; save: TEditAction }) {
  const router = useRouter();
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);

  const download = () => {
    const blob = new Blob([`${JSON.stringify(initial, null, 2)}\n`], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `obligations-${version}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const upload = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setStatus(null);
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch (err) {
      setProblems([`${file.name} 不是有效的 JSON：${(err as Error).message}`]);
      return;
    }
    const r = await save({ version, lockVersion, edit: { op: "set-obligations", obligations: value } }).catch(() => OFFLINE);
    if (r.ok) {
      setProblems([]);
      setStatus(`已匯入 ${file.name}。`);
      router.refresh();
    } else setProblems(r.issues.length ? r.issues.map((i) => `${i.path || "（整份）"}：${i.message}`) : [r.message]);
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={download} className={BUTTON_QUIET}>
          匯出應辦事項表（JSON）
        </button>
        <label htmlFor="obligations-import" className="font-semibold">
          匯入應辦事項表（JSON 檔）
        </label>
        <input
          id="obligations-import"
          type="file"
          accept="application/json,.json"
          onChange={upload}
          aria-describedby={problems.length ? "obligations-import-error" : undefined}
        />
        <span role="status" className="text-emerald-800">
          {status}
        </span>
      </div>
      {problems.length > 0 && (
        <ul id="obligations-import-error" role="alert" className="list-disc pl-6 text-sm font-semibold text-red-700">
          {problems.slice(0, 20).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
