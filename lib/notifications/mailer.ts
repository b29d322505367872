import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

/** What delivery needs from a mail transport; nodemailer's SMTP transport is one. */
export type MailTransport = Pick<Transporter, "sendMail">;

/**
 * SMTP from the environment: SMTP_URL (smtp://user:pass@host:587), or SMTP_HOST with
 * SMTP_PORT, SMTP_USER, SMTP_PASS. Null when neither is set: messages then stay in the
 * local outbox the administrator reads at /admin/outbox.
 */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport | null {
  if (env.SMTP_URL) return nodemailer.createTransport(env.SMTP_URL);
  if (!env.SMTP_HOST) return null;
  const port = Number(env.SMTP_PORT ?? 587);
  return nodemailer.createTransport({
    host: env.SMTP_HOST,
    port,
    secure: port === 465,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? "" } : undefined,
  });
}

export const mailFrom = (env: NodeJS.ProcessEnv = process.env) =>
  env.MAIL_FROM ?? "Tashil <no-reply@tashil.local>";
