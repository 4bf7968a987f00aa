/** The audit hash chain's verification on the log page: a plain note when intact, an alarm on a break. */
export function AuditChainStatus({ ok, count, message, checkedAt }: { ok: boolean; count: number; message: string | null; checkedAt: string }) {
  if (ok)
    return (
      <p className="text-sm text-emerald-800">
        稽核紀錄雜湊鏈驗證通過（全系統 {count.toLocaleString("en-US")} 筆，驗證於 {checkedAt}）。
      </p>
    );
  return (
    <div role="alert" className="rounded border-2 border-red-700 bg-red-50 p-4 text-red-900">
      <p className="text-lg font-bold">警告：稽核紀錄遭竄改</p>
      <p className="mt-1">{message}</p>
      <p className="mt-1 text-sm">
        紀錄在資料庫中被修改、刪除或繞過系統寫入。請立即通知系統管理者，以 <code>npm run -s cli -- audit verify</code> 調查，並與外部保存的鏈頭比對（驗證於{" "}
        {checkedAt}）。
      </p>
    </div>
  );
}
