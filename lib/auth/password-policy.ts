/**
 * 附表十 身分驗證管理: minimum complexity, no reuse of the last three passwords, lockout after five
 * failures for at least fifteen minutes. The numbers live here so SECURITY.md can point at one place.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_HISTORY = 3;
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
/** Failures from one (account, client address) before that address is held back for the account (SECURITY.md). */
export const LOCKOUT_PER_SOURCE = 3;

/** zh-TW reason the password is too weak, or null when it passes. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密碼至少須 ${PASSWORD_MIN_LENGTH} 個字元`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密碼最多 ${PASSWORD_MAX_LENGTH} 個字元`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return "密碼須包含大寫字母、小寫字母、數字、符號其中至少三種";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return "密碼不可包含帳號名稱";
  return null;
}
