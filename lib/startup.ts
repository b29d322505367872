// Checks made once when the server starts (instrumentation.ts), before it answers anyone.

/** Why production must not start with this environment, in one sentence; null when fine. */
export function productionConfigProblem(env: NodeJS.ProcessEnv): string | null {
  if (env.NODE_ENV !== "production") return null;
  const secret = env.AUTH_SECRET ?? "";
  // Without it Auth.js would fail on the first sign-in; with a weak one, sessions can be forged.
  if (secret.length === 0)
    return "AUTH_SECRET is not set: production needs a random secret of at least 32 characters, the same on every instance (generate one with `openssl rand -base64 32`, see docs/deploy.md).";
  if (secret.length < 32)
    return "AUTH_SECRET is shorter than 32 characters: use a random one (`openssl rand -base64 32`, see docs/deploy.md).";
  // Every e-mail link is built from it; guessing would send people to http://localhost.
  if (!env.APP_URL && !env.AUTH_URL)
    return "APP_URL is not set: production needs the public address people open Tashil at, such as APP_URL=https://tashil.example.ir (links in e-mails are built from it, see docs/deploy.md).";
  return null;
}
