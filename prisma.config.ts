// Prisma CLI config (Prisma 7). The app itself never reads this: lib/db.ts picks PGlite or pg at run time.
// `prisma migrate deploy` works here on a machine that can reach Prisma's engine binaries.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/walletgate' },
});
