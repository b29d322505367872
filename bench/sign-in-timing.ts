// Does sign-in timing tell whether an e-mail has an account? (issue #14 measured 80 ms for an
// unknown e-mail vs 128 ms for a wrong password.) Times verifyCredentials for a wrong password
// on a real account and for an unknown e-mail, each from a fresh address so throttling never
// answers early, and prints the medians and their ratio.
// Run: DATABASE_URL=… npx tsx --conditions=react-server bench/sign-in-timing.ts
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { verifyCredentials } from "@/lib/auth/credentials";
import { measure } from "./measure";

const province = await db.province.create({
  data: { code: `B-${randomUUID().slice(0, 8)}`, nameFa: "سنجش", nameEn: "Bench" },
});
const email = `bench-${randomUUID()}@bench.local`;
await db.user.create({
  data: {
    email,
    name: "سنجش",
    roles: ["MEMBER"],
    provinceId: province.id,
    passwordHash: await hashPassword("bench-password-1404"),
  },
});
let n = 0;
const address = () => `10.99.${Math.floor(++n / 250)}.${n % 250}`;
const samples = 21;
const wrong = await measure(() => verifyCredentials({ email, password: `wrong-${n}` }, address()), samples);
const unknown = await measure(
  () =>
    verifyCredentials({ email: `nobody-${randomUUID()}@bench.local`, password: "whatever-1404" }, address()),
  samples,
);
console.log(
  `wrong password: median ${wrong.median.toFixed(1)} ms; unknown e-mail: median ${unknown.median.toFixed(1)} ms; ratio ${(unknown.median / wrong.median).toFixed(2)}`,
);
await db.user.deleteMany({ where: { email } });
await db.loginAttempt.deleteMany({ where: { ip: { startsWith: "10.99." } } });
await db.auditEvent.deleteMany({
  where: { OR: [{ provinceId: province.id }, { entityId: { endsWith: "@bench.local" } }] },
});
await db.province.delete({ where: { id: province.id } });
process.exit(0);
