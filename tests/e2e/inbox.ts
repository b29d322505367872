// What the shared e2e server sends beyond the browser: it mails through an SMTP server and texts
// through a Kavenegar-speaking gateway, both started by tests/e2e/global-setup.ts in
// Playwright's own process on fixed ports next to the app's (the app is a separate process,
// configured before it starts). Each message that arrives is written as a JSON file to a folder
// of this run, which the specs (other processes again) read.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// E2E_PORT + 5, + 6 and + 7 are the second app instances of session-room, applicant/start-up
// and database-outage.
export const SMTP_PORT = PORT + 8;
export const SMS_PORT = PORT + 9;
export const SMS_API_KEY = "e2e-kavenegar-key";
export const INBOX_DIR = path.join(tmpdir(), `tashil-e2e-inbox-${PORT}`);

/** The environment that points the app at both servers. */
export const inboxServerEnv = {
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  SMS_PROVIDER: "kavenegar",
  KAVENEGAR_API_KEY: SMS_API_KEY,
  KAVENEGAR_URL: `http://127.0.0.1:${SMS_PORT}`,
  // The journeys run at any hour; the quiet hours are tested in tests/integration/sms.test.ts.
  SMS_QUIET_HOURS: "off",
};

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string };
export type ReceivedSms = { receptor: string; message: string; messageid: number };

/** A fresh folder for this run's messages (global setup). */
export function emptyInbox() {
  rmSync(INBOX_DIR, { recursive: true, force: true });
  mkdirSync(path.join(INBOX_DIR, "mail"), { recursive: true });
  mkdirSync(path.join(INBOX_DIR, "sms"), { recursive: true });
}

function read<T>(kind: "mail" | "sms"): T[] {
  const dir = path.join(INBOX_DIR, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as T);
}

/** Every e-mail the SMTP server accepted in this run, oldest first. */
export const receivedMails = () => read<ReceivedMail>("mail");
/** Every SMS the gateway carried in this run, oldest first. */
export const receivedSms = () => read<ReceivedSms>("sms");
