import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7 no longer reads .env by itself.
if (existsSync(".env")) process.loadEnvFile(".env");

// Prisma's CLI downloads a native schema engine from its own CDN, which this network cannot
// reach. Our stand-in drives the wasm build of the same engine (docs/decisions/003).
// `??=` keeps a machine that has the native engine free to use it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/prisma-schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  // PRISMA_MIGRATIONS_DIR: `npm run restore` first replays only the migrations a backup was
  // taken at (scripts/restore.ts).
  migrations: { path: process.env.PRISMA_MIGRATIONS_DIR ?? "prisma/migrations", seed: "tsx prisma/seed.ts" },
  // `env()` throws when unset, which would break `prisma generate` during `npm ci`.
  // Migrations run as the tables' owner; a deployment names it apart from the app's role.
  datasource: { url: process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL ?? "" },
});
