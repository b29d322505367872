// A real network fault between the app and PostgreSQL: a TCP relay the test can cut and
// restore. Not a mock — the app's own Prisma client talks through it to the real server.
import net from "node:net";

export type DatabaseRelay = {
  /** DATABASE_URL through the relay. */
  url: string;
  /** Drops every open connection and refuses new ones, as a database restart does. */
  cut: () => void;
  restore: () => void;
  close: () => Promise<void>;
};

export async function startDatabaseRelay(targetUrl: string): Promise<DatabaseRelay> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    cut: () => {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore: () => {
      down = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
