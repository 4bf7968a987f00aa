import type { Metadata } from "next";
import { PasswordForm } from "@/components/auth/PasswordForm";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { requireUser } from "../../_server/auth";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "變更密碼" };
export const dynamic = "force-dynamic";

export default async function PasswordPage() {
  const user = await requireUser({ allowPasswordChange: true });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">變更密碼</h1>
      {user.mustChangePassword && (
        <p role="status" className="max-w-md rounded border border-amber-300 bg-amber-50 p-3">
          這是您第一次登入或密碼已被重設，請先設定新密碼才能繼續使用。
        </p>
      )}
      <PasswordForm
        action={changePasswordAction}
        hint={`新密碼至少 ${PASSWORD_MIN_LENGTH} 個字元，包含大寫字母、小寫字母、數字、符號其中至少三種；不可包含帳號名稱（電子郵件 @ 之前的部分），也不可與最近三次使用過的密碼相同。`}
      />
    </div>
  );
}
