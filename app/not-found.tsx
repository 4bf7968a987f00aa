import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-bold">找不到這個頁面</h1>
      <Link href="/" className="text-brand-700 underline">
        回到首頁
      </Link>
    </div>
  );
}
