// `npm run admin:create`: the first administrator of a new installation (docs/deploy.md), who
// then creates everyone else in the app. Asks for the e-mail, the name and the password; on
// a terminal the password is not echoed and is asked twice. Without a terminal (a script,
// `printf 'a@b.ir\nName\npassword\n' | npm run admin:create`) it reads the three lines from
// stdin, the password once. The rules are the user form's (schema, password policy, argon2
// hash, audit event): lib/users/mutations.ts createFirstAdministrator. Works against
// DATABASE_URL (or MIGRATION_DATABASE_URL, through scripts/with-db.ts). Exit 0 when the user
// was created, 1 when nothing was. The words follow LANG (Persian for fa_*, else English).
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { db } from "@/lib/db";
import { translator, type Locale } from "@/lib/i18n/messages";
import { emailField } from "@/lib/users/schema";
import { createFirstAdministrator } from "@/lib/users/mutations";

const locale: Locale = /^fa/i.test(process.env.LC_ALL || process.env.LANG || "") ? "fa" : "en";
const t = translator(locale);
const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);

// readline echoes what is typed to its output; a muted output is how the password stays off
// the screen (and out of the terminal's scrollback) while the line is still edited normally.
let muted = false;
const output = new Writable({
  write(chunk: Buffer, _encoding, done) {
    if (!muted) process.stdout.write(chunk);
    done();
  },
});
const rl = createInterface({ input: process.stdin, output, terminal });
rl.on("SIGINT", () => {
  process.stdout.write("\n");
  process.exit(130);
});

// Lines as they come, so piped input answers the questions in order.
const lines: string[] = [];
const waiting: ((line: string | null) => void)[] = [];
let closed = false;
rl.on("line", (line) => {
  const next = waiting.shift();
  if (next) next(line);
  else lines.push(line);
});
rl.on("close", () => {
  closed = true;
  for (const next of waiting.splice(0)) next(null);
});
const nextLine = (): Promise<string | null> =>
  lines.length > 0
    ? Promise.resolve(lines.shift() ?? null)
    : closed
      ? Promise.resolve(null)
      : new Promise((resolve) => waiting.push(resolve));

async function ask(prompt: string, { hidden = false } = {}): Promise<string> {
  process.stdout.write(prompt);
  muted = hidden && terminal;
  const answer = await nextLine();
  muted = false;
  if (!terminal || hidden) process.stdout.write("\n");
  if (answer === null) return refuse(t("admin.cli.noInput"));
  return answer;
}

async function refuse(...messages: string[]): Promise<never> {
  for (const message of messages) console.error(message);
  await db.$disconnect();
  process.exit(1);
}

console.log(t("admin.cli.intro"));
const email = await ask(t("admin.cli.email"));
// Said before the password is asked for, so nobody types one for nothing. The insert still
// refuses a duplicate by itself (the unique index) if one appears meanwhile.
const normalised = emailField().safeParse(email);
if (
  normalised.success &&
  (await db.user.findUnique({ where: { email: normalised.data }, select: { id: true } }))
)
  await refuse(t("admin.cli.emailTaken", { email: normalised.data }));
const name = await ask(t("admin.cli.name"));
const password = await ask(t("admin.cli.password"), { hidden: true });
if (terminal && (await ask(t("admin.cli.confirm"), { hidden: true })) !== password)
  await refuse(t("admin.cli.mismatch"));
rl.close();

const answer = await createFirstAdministrator({ email, name, password }, t);
if (!answer.ok) {
  const fields = Object.values(answer.fieldErrors ?? {}).flat();
  await refuse(
    t("admin.cli.refused"),
    ...(fields.length > 0 ? fields : [answer.message ?? ""]).map((m) => `- ${m}`),
  );
}
console.log(answer.message);
await db.$disconnect();
process.exit(0);
