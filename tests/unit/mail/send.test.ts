import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeMailTransports, currentMailStatus, mailConfig, mailStatus, sendMail, userMailStatus } from "@/lib/mail";
import { bodyText, startSmtp, subjectOf } from "../../helpers/smtp";

describe("mailer", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp({ rejectTo: /^nobody@/ });
  });
  afterAll(async () => {
    closeMailTransports();
    await smtp.close();
  });

  it("is off without SMTP_URL: sending is a no-op and the status says so", async () => {
    const config = mailConfig({});
    expect(config).toBeNull();
    expect(await sendMail(config, { to: "a@example.gov.tw", subject: "x", text: "y" })).toEqual({ sent: false, reason: "disabled" });
    expect(mailStatus(config)).toContain("未設定 SMTP_URL");
  });

  it("refuses a URL that is not smtp(s) and never shows credentials in its status", () => {
    expect(() => mailConfig({ SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
    const status = mailStatus(mailConfig({ SMTP_URL: "smtps://user:secret@mail.example.gov.tw:465" }));
    expect(status).toContain("mail.example.gov.tw:465");
    expect(status).not.toContain("secret");
  });

  it("delivers one message with a zh-TW subject and body to a real SMTP server", async () => {
    const config = mailConfig({ SMTP_URL: smtp.url, SMTP_FROM: "SecReq <secreq@example.gov.tw>" });
    const result = await sendMail(config, { to: "ciso@example.gov.tw", subject: "案件待審：資訊系統維運案", text: "請至 SecReq 審查。\nhttps://x/cases/1" });
    expect(result.sent).toBe(true);
    const m = (await smtp.waitFor(1))[0]!;
    expect(m.from).toBe("secreq@example.gov.tw");
    expect(m.to).toEqual(["ciso@example.gov.tw"]);
    expect(subjectOf(m.raw)).toBe("案件待審：資訊系統維運案");
    expect(bodyText(m.raw)).toContain("請至 SecReq 審查。");
  });

  it("throws when the server refuses the recipient (the outbox retries it)", async () => {
    const config = mailConfig({ SMTP_URL: smtp.url });
    await expect(sendMail(config, { to: "nobody@example.gov.tw", subject: "s", text: "t" })).rejects.toThrow();
  });
});

describe("currentMailStatus", () => {
  it("reports a malformed SMTP_URL instead of throwing", () => {
    expect(currentMailStatus({ SMTP_URL: "mail.example.gov.tw" })).toMatch(/SMTP_URL 設定有誤/);
    expect(currentMailStatus({})).toContain("未設定 SMTP_URL");
  });
});

describe("userMailStatus", () => {
  it("tells a user whether mail goes out without naming environment variables", () => {
    for (const env of [{}, { SMTP_URL: "mail.example.gov.tw" }, { SMTP_URL: "smtp://mail.example.gov.tw:587" }])
      expect(userMailStatus(env)).not.toMatch(/SMTP|_URL/);
    expect(userMailStatus({})).toContain("尚未設定寄送電子郵件");
    expect(userMailStatus({ SMTP_URL: "mail.example.gov.tw" })).toContain("請洽系統管理者");
    expect(userMailStatus({ SMTP_URL: "smtp://mail.example.gov.tw:587" })).toBe("電子郵件通知已啟用。");
  });
});
