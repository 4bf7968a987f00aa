// SMTP_URL configures the mailer (nodemailer's connection URL: smtp:// or smtps://, credentials in the URL);
// SMTP_FROM is the sender. Unset SMTP_URL means e-mail is off: sending is a no-op, in-app notifications remain.

export type TMailConfig = { url: string; from: string } | null;

export const DEFAULT_FROM = "SecReq <no-reply@localhost>";

export function mailConfig(env: Record<string, string | undefined> = process.env): TMailConfig {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  if (!/^smtps?:\/\//i.test(url)) throw new Error("SMTP_URL 應以 smtp:// 或 smtps:// 開頭");
  return { url, from: env.SMTP_FROM?.trim() || DEFAULT_FROM };
}

/** One line for start-up and the admin page; never shows the URL's credentials. */
export function mailStatus(config: TMailConfig): string {
  if (!config) return "未設定 SMTP_URL：不寄送電子郵件通知（僅站內通知）";
  const u = new URL(config.url);
  return `電子郵件通知經由 ${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ""} 寄送`;
}

/** The status line for the environment as it is, a malformed SMTP_URL included (start-up, /admin). */
export function currentMailStatus(env: Record<string, string | undefined> = process.env): string {
  try {
    return mailStatus(mailConfig(env));
  } catch (e) {
    return `SMTP_URL 設定有誤，無法寄送電子郵件通知：${e instanceof Error ? e.message : String(e)}`;
  }
}

/** The same for a user's own page (帳號): no environment variable names, which mean nothing to an officer. */
export function userMailStatus(env: Record<string, string | undefined> = process.env): string {
  try {
    return mailConfig(env) ? "電子郵件通知已啟用。" : "本系統尚未設定寄送電子郵件：通知只顯示在通知頁面；以下設定於系統管理者設定寄信後生效。";
  } catch {
    return "系統的寄信設定有誤，目前無法寄送電子郵件通知，請洽系統管理者。";
  }
}
