import { Breadcrumbs } from "../ui/Breadcrumbs";

/** The page title with the way back to the admin overview. */
export function AdminHeader({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <Breadcrumbs trail={[{ href: "/admin", label: "管理" }]} current={title} />
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </div>
  );
}
