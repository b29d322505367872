// `npm run admin:create` as an operator scripts it: the command run as a child process with
// its answers on stdin, against the test database. A weak password is refused and writes
// nothing; a strong one makes an administrator who signs in through the app's own credential
// check; the same e-mail again is refused in words. (The no-echo prompt on a terminal is the
// same code reading the same lines; only the echo is muted.)
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/credentials";
import { translator } from "@/lib/i18n/messages";

const en = translator("en");

function adminCreate(input: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/admin-create.ts"],
      { env: { ...process.env, LANG: "en_GB.UTF-8", LC_ALL: "" } },
    );
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c));
    child.stderr.on("data", (c: Buffer) => (output += c));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
    child.stdin.end(input);
  });
}

describe("npm run admin:create", () => {
  const email = `first-admin-${randomUUID().slice(0, 8)}@example.ir`;
  const strong = "Kuh-e-Sabz 1404 ganjeh";

  it("refuses a common password and writes nothing", async () => {
    const { code, output } = await adminCreate(`${email}\nFirst Administrator\npassword123\n`);
    expect(code).toBe(1);
    expect(output).toContain(en("admin.cli.refused"));
    expect(output).toContain(en("validation.passwordCommon"));
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  }, 120_000);

  it("refuses a short password with the user form's words", async () => {
    const { code, output } = await adminCreate(`${email}\nFirst Administrator\nshort\n`);
    expect(code).toBe(1);
    expect(output).toContain(en("validation.passwordMin"));
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  }, 120_000);

  it("creates a national administrator who signs in with the password, and audits it", async () => {
    const { code, output } = await adminCreate(`${email.toUpperCase()}\nFirst Administrator\n${strong}\n`);
    expect(code, output).toBe(0);
    expect(output).toContain(en("admin.cli.created", { email }));
    expect(output).not.toContain(strong);

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({
      name: "First Administrator",
      roles: ["ADMIN"],
      provinceId: null,
      active: true,
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.mustChangePassword).toBe(false);

    const signIn = await verifyCredentials({ email, password: strong }, "198.51.100.7");
    expect(signIn).toMatchObject({ ok: true, user: { id: user.id, email } });
    expect(await verifyCredentials({ email, password: "Kuh-e-Sabz 1404 ganje" }, "198.51.100.7")).toEqual({
      ok: false,
      reason: "invalid",
    });

    const audit = await db.auditEvent.findFirst({ where: { action: "user.create", entityId: user.id } });
    expect(audit).toMatchObject({ actorId: null, provinceId: null, entityType: "User" });
    expect(JSON.stringify(audit?.after)).not.toContain("passwordHash");
  }, 120_000);

  it("refuses the same e-mail again, before asking for a password", async () => {
    const { code, output } = await adminCreate(`${email}\n`);
    expect(code).toBe(1);
    expect(output).toContain(en("admin.cli.emailTaken", { email }));
    expect(await db.user.count({ where: { email } })).toBe(1);
  }, 120_000);
});
