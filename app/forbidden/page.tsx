import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-bold">您沒有權限檢視這個頁面</h1>
      <Link href="/cases" className="text-brand-700 underline">
        回到案件列表
      </Link>
    </div>
  );
}
