import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { draftsAffectedByProfile, getAgencyProfile, listReasonPresets, profileIssues } from "@/lib/agency";
import { ReasonPresetsForm } from "@/components/agency/ReasonPresetsForm";
import { resolveService } from "@/lib/api/resolve";
import { coverableMeasures } from "@/lib/resolve/recommend";
import { AdminHeader } from "@/components/admin/AdminHeader";
import { AgencyProfileForm } from "@/components/agency/AgencyProfileForm";
import { requireUser } from "../../_server/auth";
import { saveAgencyProfileAction, saveReasonPresetsAction } from "./actions";

export const metadata: Metadata = { title: "機關資料" };
export const dynamic = "force-dynamic";

export default async function AgencyProfilePage() {
  const user = await requireUser({ roles: ["admin"] });
  const current = (await getAgencyProfile(db(), user.agencyId))!;
  const incomplete = profileIssues(current.profile).length > 0;
  const affected = await draftsAffectedByProfile(db(), user.agencyId, current.profile);
  const presets = await listReasonPresets(db(), user.agencyId);
  // The ▲ measures of the newest published catalogue (what new cases resolve against).
  const measures = coverableMeasures(await resolveService().catalogue());
  return (
    <div className="space-y-6">
      <AdminHeader title="機關資料">
        <p className="max-w-3xl text-slate-700">
          本機關每一件採購案件都依這些資料產出資安需求；承辦人在案件中只能檢視。已送審或已核准的案件保留送審時的資料，之後的變更只影響未送審的案件。
        </p>
      </AdminHeader>
      {incomplete && (
        <p role="alert" className="max-w-3xl rounded border border-amber-300 bg-amber-50 p-3">
          機關資料尚未填寫完整：承辦人在資料完整前無法建立案件。
        </p>
      )}
      <AgencyProfileForm
        initial={current.profile}
        profileVersion={current.profileVersion}
        save={saveAgencyProfileAction}
        measures={measures}
        affected={affected.map((a) => ({ id: a.id, title: a.title, changes: a.changes.map((c) => `${c.label}：${c.from} → ${c.to}`) }))}
      />
      <ReasonPresetsForm initial={presets} save={saveReasonPresetsAction} />
    </div>
  );
}
