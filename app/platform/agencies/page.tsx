import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { listAgencies } from "@/lib/platform";
import { CreateAgencyForm, AgencyRowActions } from "@/components/platform/AgencyForms";
import { requireUser } from "../../_server/auth";
import { createAgencyAction, renameAgencyAction, setAgencyActiveAction } from "./actions";
import { TableHead } from "@/components/ui/TableHead";

export const metadata: Metadata = { title: "機關（平台管理）" };
export const dynamic = "force-dynamic";

export default async function PlatformAgenciesPage() {
  const user = await requireUser({ roles: ["platform-admin"] });
  const agencies = await listAgencies(db(), user);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">機關</h1>
        <p className="max-w-3xl text-slate-700">
          平台管理者建立與停用使用 SecReq 的機關；各機關的案件內容只有該機關的使用者看得到。停用的機關其使用者無法登入，資料保留。
        </p>
      </div>
      <table className="w-full max-w-5xl border-collapse rounded-lg border border-slate-200 bg-white text-left">
        <caption className="sr-only">機關清單</caption>
        <TableHead columns={["機關名稱", "狀態", "使用者", "案件", "操作"]} />
        <tbody>
          {agencies.map((a) => (
            <tr key={a.id} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2 font-semibold">{a.name}</td>
              <td className="px-3 py-2">{a.active ? "啟用" : "已停用"}</td>
              <td className="px-3 py-2">{a.users}</td>
              <td className="px-3 py-2">{a.cases}</td>
              <td className="px-3 py-2">
                <AgencyRowActions agencyId={a.id} name={a.name} active={a.active} rename={renameAgencyAction} setActive={setAgencyActiveAction} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CreateAgencyForm create={createAgencyAction} />
    </div>
  );
}
