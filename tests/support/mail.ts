// An in-process SMTP server and a nodemailer transport to it: what arrives is what a mailbox
// gets, after a real SMTP conversation (no mocked mailer, CONTRIBUTING.md). Seven integration
// files started the same server with the same 15 lines (issue #29); they start this one.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import { kavenegarProvider } from "@/lib/sms/providers";
import { startKavenegar, type KavenegarServer } from "./kavenegar";

export type MailServer = {
  /** Every message the server accepted, in order of arrival. */
  received: ParsedMail[];
  /** A transport that sends to this server, as the app's would. */
  transport: ReturnType<typeof nodemailer.createTransport>;
  port: number;
  /** `smtp://127.0.0.1:<port>`, what SMTP_URL names for the app's own transport. */
  url: string;
  /** The messages addressed to `address` (lower-cased, as the app writes addresses). */
  to(address: string): ParsedMail[];
  close(): Promise<void>;
};

/** A message's recipients' addresses. */
export const recipients = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));

/**
 * Starts the server on a free port. With `setEnv`, SMTP_URL points at it: as a deployment with
 * a mail server, mails written inside a transaction wait as PENDING for the every-minute job
 * (without one they would be the administrator's outbox).
 */
export async function startMailServer(options: { setEnv?: boolean } = {}): Promise<MailServer> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;
  if (options.setEnv) process.env.SMTP_URL = url;
  return {
    received,
    transport: nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }),
    port,
    url,
    to: (address) => received.filter((m) => recipients(m).includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Outboxes = {
  mail: MailServer;
  /** The in-process Kavenegar the SMS leave through. */
  gateway: KavenegarServer;
  /** The app's Kavenegar provider, pointed at `gateway`. */
  sms: ReturnType<typeof kavenegarProvider>;
  /** The texts the gateway carried to `mobile`. */
  textsTo(mobile: string): KavenegarServer["sent"];
  close(): Promise<void>;
};

/** The mail server (SMTP_URL set) and the SMS gateway, for the files that follow both. */
export async function startOutboxes(): Promise<Outboxes> {
  const mail = await startMailServer({ setEnv: true });
  const gateway = await startKavenegar();
  return {
    mail,
    gateway,
    sms: kavenegarProvider({ apiKey: gateway.apiKey, baseUrl: gateway.url }),
    textsTo: (mobile) => gateway.sent.filter((m) => m.receptor === mobile),
    close: async () => {
      await mail.close();
      await gateway.close();
    },
  };
}
