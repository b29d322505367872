// The typed database client of the e2e tests: the app's generated Prisma client, so a column
// renamed in prisma/schema.prisma breaks `tsc` here instead of a journey at run time. Made
// directly rather than through lib/db.ts, whose "server-only" marker throws outside Next.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";

export type E2eDb = PrismaClient;

let shared: PrismaClient | null = null;

/**
 * One small client per Playwright worker process, made on first use. Playwright ends its
 * workers when the run is over, and the worker fixture in fixtures.ts disconnects it first.
 */
export function e2eDb(): PrismaClient {
  shared ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "", max: 2 }),
  });
  return shared;
}

export async function closeE2eDb(): Promise<void> {
  const client = shared;
  shared = null;
  await client?.$disconnect();
}
