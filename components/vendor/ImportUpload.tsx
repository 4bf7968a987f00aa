"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { BUTTON } from "../admin/styles";

/**
 * Uploads a filled Word 自評表 to the import route (a route handler: files up to 20 MB) and goes on to its
 * preview. Every reason a copy is refused is listed at the file field; the chosen file stays selected.
 */
export function ImportUpload({ url, initialErrors = [] }: { url: string; initialErrors?: string[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<string[]>(initialErrors);
  const id = "import-file";
  return (
    <form
      className="space-y-2 rounded border border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        start(async () => {
          const res = await fetch(url, { method: "POST", body: form, headers: { accept: "application/json" } }).catch(() => null);
          if (!res) return setErrors(["無法連線到伺服器，請稍後再試。"]);
          const json = (res.headers.get("content-type") ?? "").includes("json") ? await res.json().catch(() => null) : null;
          if (!res.ok || !json?.href) {
            const issues = (json?.error?.issues ?? []) as { message: string }[];
            return setErrors(issues.length ? issues.map((i) => i.message) : [json?.error?.message ?? ((await res.text().catch(() => "")) || "上傳失敗。")]);
          }
          setErrors([]);
          router.push(json.href as string);
        });
      }}
    >
      <label htmlFor={id} className="block font-semibold">
        填妥之廠商資安自評表（Word .docx）
      </label>
      <input
        id={id}
        name="file"
        type="file"
        required
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        className="block text-sm"
      />
      {errors.length > 0 && (
        <div id={`${id}-error`} role="alert" className="text-sm font-semibold text-red-700">
          {errors.length === 1 ? (
            <p>{errors[0]}</p>
          ) : (
            <>
              <p>此檔案有 {errors.length} 處問題，無法匯入：</p>
              <ul className="list-disc pl-6">
                {errors.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <button type="submit" disabled={pending} className={BUTTON}>
        {pending ? "讀取中…" : "上傳並預覽"}
      </button>
    </form>
  );
}
