// The application's database: DATABASE_URL when set, else `tashil` on the embedded server.
import { createDatabaseIfMissing, databaseName, ensureDatabaseServer, withDatabaseName } from "./db";

export async function ensureAppDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const configured = process.env.DATABASE_URL;
  const server = await ensureDatabaseServer(configured);
  const url = configured ?? withDatabaseName(server.serverUrl, "tashil");
  await createDatabaseIfMissing(server.serverUrl, databaseName(url));
  return { url, stop: server.stop };
}
