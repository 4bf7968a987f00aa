import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { getAgencySettings, getClauseDefaults, IDLE_TIMEOUT_MAX, IDLE_TIMEOUT_MIN } from "@/lib/admin";
import { IdleTimeoutForm } from "@/components/admin/IdleTimeoutForm";
import { requireUser } from "../../_server/auth";
import { AdminHeader } from "@/components/admin/AdminHeader";
import { ClauseParametersForm } from "@/components/clauses/ClauseParametersForm";
import { clauseParameterView } from "@/lib/cases/set-clause-parameters";
import { newestCatalogue } from "@/lib/cases/load";
import { setClauseDefaultsAction, setIdleTimeoutAction } from "./actions";

export const metadata: Metadata = { title: "機關設定" };
export const dynamic = "force-dynamic";

export default async function AdminSettingsPage() {
  const user = await requireUser({ roles: ["admin"] });
  const settings = await getAgencySettings(db(), user);
  const clauseDefaults = await getClauseDefaults(db(), user);
  return (
    <div className="space-y-6">
      <AdminHeader title="機關設定">
        <p className="text-slate-700">{settings.name}</p>
      </AdminHeader>
      <IdleTimeoutForm initial={settings.idleTimeoutMinutes} min={IDLE_TIMEOUT_MIN} max={IDLE_TIMEOUT_MAX} save={setIdleTimeoutAction} />
      <section aria-labelledby="clause-defaults-title" className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="clause-defaults-title" className="text-lg font-semibold">
          契約條款參數（機關預設）
        </h2>
        <ClauseParametersForm
          layer="agency"
          {...clauseParameterView((await newestCatalogue(db())).clauses, { agency: clauseDefaults }, "agency")}
          save={setClauseDefaultsAction}
        />
      </section>
    </div>
  );
}
