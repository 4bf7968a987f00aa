/** Below this, a request does not rewrite the session row: one write a minute is enough. */
const TOUCH_AFTER_MS = 60_000;

/** 附表十 帳號管理: a session idle longer than the agency allows ends. */
export function idleState(lastActiveAt: Date, idleTimeoutMinutes: number, now: Date): "expired" | "touch" | "fresh" {
  const idle = now.getTime() - lastActiveAt.getTime();
  if (idle > idleTimeoutMinutes * 60_000) return "expired";
  return idle > TOUCH_AFTER_MS ? "touch" : "fresh";
}
