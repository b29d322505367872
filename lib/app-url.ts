// The address people reach this server at, for links that leave the browser (e-mails,
// export-ready notices). Production must name it (lib/startup.ts refuses to start otherwise);
// the demo (`npm start`) derives it from PORT, so a server on another port never sends links
// to localhost:3000.
export function appUrl(env: Record<string, string | undefined> = process.env): string {
  const url = env.APP_URL || env.AUTH_URL || `http://localhost:${env.PORT || "3000"}`;
  return url.replace(/\/$/, "");
}
