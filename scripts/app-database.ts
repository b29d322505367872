// The application's database as its owner: MIGRATION_DATABASE_URL when a deployment keeps the
// owner apart from the app's role (docs/deploy.md), else DATABASE_URL, else `tashil` on the
// embedded server.
import { createDatabaseIfMissing, databaseName, ensureDatabaseServer, withDatabaseName } from "./db";

export async function ensureAppDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const configured = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
  const server = await ensureDatabaseServer(configured);
  const url = configured ?? withDatabaseName(server.serverUrl, "tashil");
  await createDatabaseIfMissing(server.serverUrl, databaseName(url));
  return { url, stop: server.stop };
}
