// Runs a command with DATABASE_URL pointing at the app database, starting the embedded
// PostgreSQL first when no DATABASE_URL is configured. Usage: tsx scripts/with-db.ts cmd …
import { ensureAppDatabase } from "./app-database";
import { run } from "./process";
import { checkRuntime } from "./runtime";

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error("usage: tsx scripts/with-db.ts <command> [args…]");
  process.exit(2);
}
checkRuntime("db");
const db = await ensureAppDatabase();
const code = await run(cmd, args, { DATABASE_URL: db.url });
await db.stop();
process.exit(code);
