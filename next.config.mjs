/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // ergo-lib-wasm-nodejs reads its .wasm from its own folder; PGlite loads its wasm/data files the same way.
  // The app applies its own migrations at start (lib/db/migrate.ts), so they ship with every server function.
  outputFileTracingIncludes: { '/**': ['./prisma/migrations/**/*'] },
  serverExternalPackages: ['ergo-lib-wasm-nodejs', '@electric-sql/pglite'],
  // Build assets and public files skip proxy.ts (lib/http/security-headers.ts sets the rest on pages and the API).
  async headers() {
    return [{ source: '/:path*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }, { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' }] }];
  },
};

export default nextConfig;
