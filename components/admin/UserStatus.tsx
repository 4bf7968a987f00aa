import type { TAdminUser } from "@/lib/admin";
import { taipeiTime } from "@/lib/time";

const BADGE = "inline-block rounded px-2 py-0.5 text-sm";

/** Every state that matters to the admin, in words (not colour alone). */
export function UserStatus({ user, now }: { user: TAdminUser; now: Date }) {
  const locked = user.lockedUntil && user.lockedUntil > now;
  const badges: { text: string; className: string }[] = [];
  if (!user.active) badges.push({ text: "已停用", className: "bg-slate-300 text-slate-900" });
  if (locked)
    badges.push({
      text: `鎖定至 ${taipeiTime(user.lockedUntil!, "short")}`,
      className: "bg-red-100 text-red-900",
    });
  else if (user.failedLogins > 0) badges.push({ text: `登入失敗 ${user.failedLogins} 次`, className: "bg-amber-100 text-amber-900" });
  if (user.mustChangePassword) badges.push({ text: "須變更密碼", className: "bg-amber-100 text-amber-900" });
  if (badges.length === 0) badges.push({ text: "正常", className: "bg-emerald-100 text-emerald-900" });
  return (
    <ul className="flex flex-wrap gap-1">
      {badges.map((b) => (
        <li key={b.text} className={`${BADGE} ${b.className}`}>
          {b.text}
        </li>
      ))}
    </ul>
  );
}
