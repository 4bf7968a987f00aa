import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { listUsers } from "@/lib/admin";
import { CreateUserForm } from "@/components/admin/CreateUserForm";
import { RolesForm } from "@/components/admin/RolesForm";
import { APP_WIDE_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { UserActions } from "@/components/admin/UserActions";
import { UserStatus } from "@/components/admin/UserStatus";
import { requireUser } from "../../_server/auth";
import { AdminHeader } from "@/components/admin/AdminHeader";
import { activateUserAction, createUserAction, deactivateUserAction, resetPasswordAction, setRolesAction, unlockUserAction } from "./actions";
import { TableHead } from "@/components/ui/TableHead";

export const metadata: Metadata = { title: "使用者與角色" };
export const dynamic = "force-dynamic";

const ROW_ACTIONS = { resetPassword: resetPasswordAction, unlock: unlockUserAction, deactivate: deactivateUserAction, activate: activateUserAction };

export default async function AdminUsersPage() {
  const me = await requireUser({ roles: ["admin"] });
  const users = await listUsers(db(), me);
  // The app-wide 目錄管理者 is handed out only by a holder (lib/admin/set-roles.ts refuses anyone else).
  const grantable = STAFF_ROLES.filter((r) => !APP_WIDE_ROLES.includes(r) || me.roles.includes(r));
  const now = new Date();
  return (
    <div className="space-y-6">
      <AdminHeader title="使用者與角色">
        <p className="text-slate-700">{me.agencyName}的帳號。帳號不會刪除（稽核紀錄與案件仍指向它），不再使用時請停用；停用與重設密碼都會立即登出該使用者。</p>
      </AdminHeader>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[40rem] text-left">
          <caption className="sr-only">本機關使用者</caption>
          <TableHead columns={["姓名", "電子郵件", "角色", "狀態", "操作"]} />
          <tbody className="divide-y divide-slate-200 align-top">
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row" className="px-3 py-3 font-semibold">
                  {u.name}
                </th>
                <td className="break-all px-3 py-3">{u.email}</td>
                <td className="px-3 py-3">
                  <RolesForm userId={u.id} userName={u.name} initial={u.roles} grantable={grantable} save={setRolesAction} />
                </td>
                <td className="px-3 py-3">
                  <UserStatus user={u} now={now} />
                </td>
                <td className="px-3 py-3">
                  <UserActions
                    user={{ id: u.id, name: u.name, active: u.active, lockable: u.failedLogins > 0 || (u.lockedUntil !== null && u.lockedUntil > now) }}
                    isSelf={u.id === me.id}
                    actions={ROW_ACTIONS}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CreateUserForm create={createUserAction} grantable={grantable} />
    </div>
  );
}
