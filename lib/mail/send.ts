import nodemailer, { type Transporter } from "nodemailer";
import type { TMailConfig } from "./config";

export type TMailMessage = { to: string; subject: string; text: string };
export type TSendResult = { sent: true; messageId: string } | { sent: false; reason: "disabled" };

// One pooled transport per configuration per process; nodemailer reconnects on its own.
const transports = new Map<string, Transporter>();

function transport(config: NonNullable<TMailConfig>): Transporter {
  let t = transports.get(config.url);
  if (!t) {
    t = nodemailer.createTransport(config.url, { from: config.from });
    transports.set(config.url, t);
  }
  return t;
}

/**
 * Sends one plain-text message. A no-op when e-mail is off (config null). Throws when the server refuses:
 * callers decide whether that matters (the outbox retries; never call this inside a DB transaction).
 */
export async function sendMail(config: TMailConfig, message: TMailMessage): Promise<TSendResult> {
  if (!config) return { sent: false, reason: "disabled" };
  const info = await transport(config).sendMail({ to: message.to, subject: message.subject, text: message.text });
  return { sent: true, messageId: String(info.messageId) };
}

/** Closes pooled connections (tests, shutdown). */
export function closeMailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
