import Link from "next/link";

/** The page title with the way back to the admin overview. */
export function AdminHeader({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <nav aria-label="導覽路徑" className="text-sm">
        <Link href="/admin" className="text-brand-700 underline">
          管理
        </Link>
        <span aria-hidden="true"> ／ </span>
        <span aria-current="page">{title}</span>
      </nav>
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </div>
  );
}
