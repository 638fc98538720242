// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded PGlite database).
import { openDatabase } from '../lib/db';
import { env } from '../lib/env';

const e = env();
const db = await openDatabase(e.databaseUrl, e.pgliteDataDir);
console.log(`walletgate: migrations are up to date on ${e.databaseUrl ? 'DATABASE_URL' : e.pgliteDataDir}.`);
await db.close();
