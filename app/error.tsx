"use client";

// Brief by design (附表十: 發生錯誤時僅顯示簡短錯誤訊息及代碼); details stay in the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-xl font-bold">系統暫時無法處理您的請求</h1>
      <p>請稍後再試；若問題持續，請將錯誤代碼提供給系統管理者。</p>
      {error.digest && <p className="font-mono text-sm">錯誤代碼：{error.digest}</p>}
      <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 text-white">
        重試
      </button>
    </div>
  );
}
