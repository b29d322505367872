// Next's start-up hook: the e-mail worker runs inside the Node.js server (never the edge
// runtime), unless switched off — for tests, or when a separate process runs it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Which Node.js serves: the pinned runtime (docs/decisions/010-node-runtime.md) unless
  // someone started the server by hand with another.
  console.log(`[server] Node.js ${process.version}`);
  if (
    process.env.NOTIFICATIONS_DISABLED === "1" ||
    process.env.NODE_ENV === "test" ||
    !process.env.DATABASE_URL
  )
    return;
  try {
    const { startNotificationWorker } = await import("./lib/notifications/worker");
    await startNotificationWorker();
  } catch (err) {
    // A mail problem must never keep the application from serving pages.
    console.error("[notifications] worker did not start", err);
  }
}
