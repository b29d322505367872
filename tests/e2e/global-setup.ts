// Playwright's global setup: the SMTP server and the SMS gateway the shared e2e server sends
// through (tests/e2e/inbox.ts), a real SMTP conversation and a real HTTP round trip as in the
// integration tests. Started in Playwright's process; stopped when the run ends.
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { startKavenegar } from "../support/kavenegar";
import {
  emptyInbox,
  INBOX_DIR,
  SMS_API_KEY,
  SMS_PORT,
  SMTP_PORT,
  type ReceivedMail,
  type ReceivedSms,
} from "./inbox";

let count = 0;
/** One file per message, named in arrival order; written whole, then renamed, so a reader never sees half. */
function keep(kind: "mail" | "sms", message: ReceivedMail | ReceivedSms) {
  const name = `${String(++count).padStart(6, "0")}-${process.hrtime.bigint()}.json`;
  const file = path.join(INBOX_DIR, kind, name);
  writeFileSync(`${file}.part`, JSON.stringify(message));
  renameSync(`${file}.part`, file);
}

export default async function globalSetup() {
  emptyInbox();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
          a.value.map((v) => (v.address ?? "").toLowerCase()),
        );
        keep("mail", { to, from: mail.from?.text ?? "", subject: mail.subject ?? "", text: mail.text ?? "" });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once("error", reject);
    smtp.listen(SMTP_PORT, "127.0.0.1", resolve);
  });
  const gateway = await startKavenegar(SMS_API_KEY, {
    port: SMS_PORT,
    onSent: ({ receptor, message, messageid }) => keep("sms", { receptor, message, messageid }),
  });
  return async () => {
    await gateway.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  };
}
