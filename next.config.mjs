/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // ergo-lib-wasm-nodejs reads its .wasm from its own folder; PGlite loads its wasm/data files the same way.
  // The app applies its own migrations at start (lib/db/migrate.ts), so they ship with every server function.
  outputFileTracingIncludes: { '/**': ['./prisma/migrations/**/*'] },
  serverExternalPackages: ['ergo-lib-wasm-nodejs', '@electric-sql/pglite'],
};

export default nextConfig;
