"use client";

import { useState } from "react";
import { OneTimePassword } from "./OneTimePassword";
import { OFFLINE, type TAdminAction } from "./result";
import { BUTTON_DANGER, BUTTON_QUIET } from "./styles";

type TUserRef = { userId: string };
export type TUserActionSet = {
  resetPassword: TAdminAction<TUserRef, { password: string }>;
  unlock: TAdminAction<TUserRef>;
  deactivate: TAdminAction<TUserRef>;
  activate: TAdminAction<TUserRef>;
};

type TConfirm = "reset" | "deactivate" | null;

/**
 * The row's account actions. The two that cut a user off (reset, deactivate) ask once more in place, so a
 * keyboard user confirms with the next button rather than a browser dialog. Own account: none of them.
 */
export function UserActions({
  user,
  isSelf,
  actions,
}: {
  user: { id: string; name: string; active: boolean; lockable: boolean };
  isSelf: boolean;
  actions: TUserActionSet;
}) {
  const [confirm, setConfirm] = useState<TConfirm>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (isSelf) return <p className="text-sm text-slate-600">（您本人；請至「變更密碼」頁面變更自己的密碼）</p>;

  const run = async <T extends object>(action: TAdminAction<TUserRef, T>, done: string, after?: (r: T) => void) => {
    setBusy(true);
    setConfirm(null);
    setMessage(null);
    const r = await action({ userId: user.id }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setMessage({ text: done, error: false });
      after?.(r);
    } else setMessage({ text: r.message, error: true });
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {confirm === "reset" ? (
          <>
            <button
              type="button"
              disabled={busy}
              className={BUTTON_DANGER}
              onClick={() => run(actions.resetPassword, "密碼已重設，原有登入已全部登出。", (r) => setPassword(r.password))}
            >
              確認重設 {user.name} 的密碼
            </button>
            <button type="button" className={BUTTON_QUIET} onClick={() => setConfirm(null)}>
              取消
            </button>
          </>
        ) : confirm === "deactivate" ? (
          <>
            <button type="button" disabled={busy} className={BUTTON_DANGER} onClick={() => run(actions.deactivate, "帳號已停用，原有登入已全部登出。")}>
              確認停用 {user.name}
            </button>
            <button type="button" className={BUTTON_QUIET} onClick={() => setConfirm(null)}>
              取消
            </button>
          </>
        ) : (
          <>
            <button type="button" disabled={busy} className={BUTTON_QUIET} aria-label={`重設 ${user.name} 的密碼`} onClick={() => setConfirm("reset")}>
              重設密碼
            </button>
            {user.lockable && (
              <button
                type="button"
                disabled={busy}
                className={BUTTON_QUIET}
                aria-label={`解除 ${user.name} 的鎖定`}
                onClick={() => run(actions.unlock, "已解除鎖定。")}
              >
                解除鎖定
              </button>
            )}
            {user.active ? (
              <button type="button" disabled={busy} className={BUTTON_DANGER} aria-label={`停用 ${user.name}`} onClick={() => setConfirm("deactivate")}>
                停用
              </button>
            ) : (
              <button
                type="button"
                disabled={busy}
                className={BUTTON_QUIET}
                aria-label={`重新啟用 ${user.name}`}
                onClick={() => run(actions.activate, "帳號已重新啟用。")}
              >
                重新啟用
              </button>
            )}
          </>
        )}
      </div>
      <p role="status" className={`text-sm ${message?.error ? "font-semibold text-red-700" : "text-emerald-800"}`}>
        {message?.text}
      </p>
      {password && <OneTimePassword title="密碼已重設" who={user.name} password={password} onDone={() => setPassword(null)} />}
    </div>
  );
}
