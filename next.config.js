import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/profile/intl-request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded by Node, not bundled: the native SQLite driver, and the logger and metrics, whose
  // one instance per process scripts/server.mjs shares.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pino", "prom-client"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default withNextIntl(nextConfig);
