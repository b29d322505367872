import "server-only";
import { db } from "@/lib/db";
import { mailFrom, transportFromEnv, type MailTransport } from "./mailer";

export type Mail = {
  eventKey: string;
  toEmail: string;
  userId?: string | null;
  provinceId?: string | null;
  subject: string;
  body: string;
  /** A message laid out as HTML of its own (the governor's weekly report); else the body is wrapped. */
  html?: string | null;
  /** An .ics file sent along (a session's invitation): calendars offer to add the event. */
  calendar?: string | null;
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * The same text as HTML, so a Persian message reads right to left in every mail client: a
 * plain-text part has no direction, and many clients lay it out left to right, scattering the
 * punctuation and the Persian digits of a list. The direction follows the first letter (the
 * greeting), the lines stay as written, and links become links.
 */
export function htmlBody(text: string): string {
  const rtl = /^[^\p{L}]*[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u.test(text);
  const escaped = text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
  const linked = escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}" dir="ltr">${url}</a>`);
  const [lang, dir] = rtl ? ["fa", "rtl"] : ["en", "ltr"];
  return (
    `<!doctype html><html lang="${lang}" dir="${dir}"><body dir="${dir}">` +
    `<div dir="${dir}" style="white-space:pre-wrap;font-family:Vazirmatn,Tahoma,sans-serif;line-height:1.8">` +
    `${linked}</div></body></html>`
  );
}

/**
 * Sends each mail at most once per (event, recipient). The row is inserted first, with
 * ON CONFLICT DO NOTHING on EmailMessage @@unique([eventKey, toEmail]), then claimed by a
 * compare-and-set on `attempts` before sending, so a retried job or a second worker skips
 * what is already sent or being sent. Without SMTP the rows are the outbox.
 * Throws when some sending failed, so the job is retried (and only the failed rows resend).
 */
export async function deliver(mails: Mail[], transport: MailTransport | null = transportFromEnv()) {
  const unique = new Map(
    mails.map((m) => [
      `${m.eventKey}\n${m.toEmail.trim().toLowerCase()}`,
      { ...m, toEmail: m.toEmail.trim().toLowerCase() },
    ]),
  );
  const data = [...unique.values()];
  if (data.length === 0) return { sent: 0, failed: 0 };
  await db.emailMessage.createMany({
    data: data.map((m) => ({ ...m, status: transport ? "PENDING" : "OUTBOX" })),
    skipDuplicates: true,
  });
  if (!transport) return { sent: 0, failed: 0 };

  const rows = await db.emailMessage.findMany({
    where: {
      OR: data.map((m) => ({ eventKey: m.eventKey, toEmail: m.toEmail })),
      status: { in: ["PENDING", "FAILED"] },
    },
    select: {
      id: true,
      toEmail: true,
      subject: true,
      body: true,
      html: true,
      calendar: true,
      attempts: true,
      status: true,
    },
  });
  let sent = 0;
  let failed = 0;
  // A worker that died while sending leaves its claim; after ten minutes the row is free again.
  const staleClaim = new Date(Date.now() - 10 * 60_000);
  for (const row of rows) {
    // The claim: attempts as read, and nobody else's fresh claim. A second worker that read the
    // row before this claim finds attempts moved; one that reads it after finds the claim
    // (issue #37: the race decision 160 left open).
    const claim = await db.emailMessage.updateMany({
      where: {
        id: row.id,
        attempts: row.attempts,
        status: row.status,
        OR: [{ claimedAt: null }, { claimedAt: { lt: staleClaim } }],
      },
      data: { attempts: { increment: 1 }, claimedAt: new Date() },
    });
    if (claim.count === 0) continue;
    try {
      await transport.sendMail({
        from: mailFrom(),
        to: row.toEmail,
        subject: row.subject,
        text: row.body,
        html: row.html ?? htmlBody(row.body),
        ...(row.calendar
          ? { icalEvent: { method: "REQUEST", filename: "invitation.ics", content: row.calendar } }
          : {}),
      });
      await db.emailMessage.update({
        where: { id: row.id },
        data: { status: "SENT", sentAt: new Date(), lastError: null, claimedAt: null },
      });
      sent++;
    } catch (err) {
      await db.emailMessage.update({
        where: { id: row.id },
        data: {
          status: "FAILED",
          lastError: String((err as Error).message ?? err).slice(0, 500),
          claimedAt: null,
        },
      });
      failed++;
    }
  }
  if (failed > 0) throw new Error(`[notifications] ${failed} e-mail(s) failed; the job will retry them`);
  return { sent, failed };
}

/**
 * Writes mails in the caller's transaction, to be sent after it commits (sendQueuedMails, every
 * minute) — so a change that rolls back mails nobody, and one that commits cannot lose its mail.
 * Addresses are keyed lower-cased, as deliver() keys them.
 */
export async function queueMails(
  tx: Pick<typeof db, "emailMessage">,
  mails: Mail[],
  configured = transportFromEnv() !== null,
) {
  if (mails.length === 0) return 0;
  const { count } = await tx.emailMessage.createMany({
    data: mails.map((m) => ({
      ...m,
      toEmail: m.toEmail.trim().toLowerCase(),
      status: configured ? ("PENDING" as const) : ("OUTBOX" as const),
    })),
    skipDuplicates: true,
  });
  return count;
}

/**
 * Mails written in a change's own transaction (a notice's copy to the agency's head, issue #37)
 * and not sent by it, or sent and failed: the every-minute job sends them, five tries each.
 */
export async function sendQueuedMails(
  transport: MailTransport | null = transportFromEnv(),
  { provinceId }: { provinceId?: string } = {},
) {
  if (!transport) return { sent: 0, failed: 0 };
  const rows = await db.emailMessage.findMany({
    where: {
      status: { in: ["PENDING", "FAILED"] },
      attempts: { lt: 5 },
      ...(provinceId ? { provinceId } : {}),
    },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      eventKey: true,
      toEmail: true,
      userId: true,
      provinceId: true,
      subject: true,
      body: true,
      calendar: true,
    },
  });
  return deliver(rows, transport);
}
