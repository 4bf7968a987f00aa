import Link from "next/link";

/** 導覽路徑: the links up, then the current page (aria-current). */
export function Breadcrumbs({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="導覽路徑" className="text-sm">
      {trail.map((t) => (
        <span key={t.href}>
          <Link href={t.href} className="text-brand-700 underline">
            {t.label}
          </Link>
          <span aria-hidden="true"> ／ </span>
        </span>
      ))}
      <span aria-current="page">{current}</span>
    </nav>
  );
}
