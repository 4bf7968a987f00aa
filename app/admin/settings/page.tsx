import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { getAgencySettings, IDLE_TIMEOUT_MAX, IDLE_TIMEOUT_MIN } from "@/lib/admin";
import { IdleTimeoutForm } from "@/components/admin/IdleTimeoutForm";
import { requireUser } from "../../_server/auth";
import { AdminHeader } from "@/components/admin/AdminHeader";
import { setIdleTimeoutAction } from "./actions";

export const metadata: Metadata = { title: "機關設定" };
export const dynamic = "force-dynamic";

export default async function AdminSettingsPage() {
  const user = await requireUser({ roles: ["admin"] });
  const settings = await getAgencySettings(db(), user);
  return (
    <div className="space-y-6">
      <AdminHeader title="機關設定">
        <p className="text-slate-700">{settings.name}</p>
      </AdminHeader>
      <IdleTimeoutForm initial={settings.idleTimeoutMinutes} min={IDLE_TIMEOUT_MIN} max={IDLE_TIMEOUT_MAX} save={setIdleTimeoutAction} />
    </div>
  );
}
