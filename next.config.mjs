/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // ergo-lib-wasm-nodejs reads its .wasm from its own folder; PGlite loads its wasm/data files the same way.
  serverExternalPackages: ['ergo-lib-wasm-nodejs', '@electric-sql/pglite'],
};

export default nextConfig;
