// `npm run db:grants`: for a deployment whose operator made the app's database role
// (docs/deploy.md): as the owner (MIGRATION_DATABASE_URL), grants the role DATABASE_URL signs
// in as what the app needs and nothing more (scripts/database-roles.ts). Run after every
// `npm run db:migrate`; `npm start` does both by itself.
import { grantToAppRole } from "./database-roles";

const owner = process.env.MIGRATION_DATABASE_URL;
const app = process.env.DATABASE_URL;
if (!owner || !app) {
  console.error(
    "[db] set MIGRATION_DATABASE_URL (the owner, who runs migrations) and DATABASE_URL (the app's role) first.",
  );
  process.exit(2);
}
const role = decodeURIComponent(new URL(app).username);
if (role === decodeURIComponent(new URL(owner).username)) {
  console.error("[db] DATABASE_URL signs in as the owner: give the app a role of its own (docs/deploy.md).");
  process.exit(2);
}
try {
  await grantToAppRole(owner, role);
  console.log(`[db] ${role}: reads and writes rows, adds audit events; owns nothing, changes no table.`);
} catch (err) {
  console.error(`[db] the grants could not be made: ${(err as Error).message}`);
  process.exit(1);
}
