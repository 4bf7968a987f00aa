/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
// The CSP (per-request nonce) and HSTS are set in proxy.ts, at run time.

const nextConfig = {
  poweredByHeader: false,
  // The catalogue import takes 5 MB files (sent escaped, so a little larger); = ACTION_BODY_LIMIT_BYTES.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
  // `npm test` type-checks the whole project with tsc first; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Native driver and the WASM schema engine stay outside the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "@prisma/schema-engine-wasm", "nodemailer"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
