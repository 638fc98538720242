/**
 * Soak: N real sign-ins (default 10,000) over HTTP against `next start`, 8 at a time, each with a fresh key
 * (nonce + EIP-191 signature + verify, so every one creates a user, a wallet and a session) and each leaving one
 * more nonce unused, as an abandoned attempt does. Short TTLs (sessions 60 s, nonces 30 s) so expiry and the
 * purges happen within the run. Prints the server's RSS before/after and, on Postgres, the row counts at the end.
 *
 *   npm run bench -- --soak   (BENCH_DATABASE_URL=postgres://… for the row counts; SOAK_SIGN_INS=…, SOAK_MAX_SECONDS=…)
 */
import { fmt, load } from './http';
import { post, signInOnce, startServer, withPg, type BenchServer } from './server';

const TABLES = ['Nonce', 'Session'] as const;

async function rowCounts(url: string) {
  return withPg(url, async (q) => {
    const tables = {} as Record<(typeof TABLES)[number], { rows: number; expired: number }>;
    for (const t of TABLES) {
      const [r] = await q(`SELECT count(*)::int AS rows, (count(*) FILTER (WHERE "expiresAt" <= now()))::int AS expired FROM "${t}"`);
      tables[t] = { rows: Number(r.rows), expired: Number(r.expired) };
    }
    const [u] = await q('SELECT count(*)::int AS users FROM "User"');
    return { tables, users: Number(u.users) };
  });
}

async function abandonedNonce(base: string) {
  const address = `0x${[...crypto.getRandomValues(new Uint8Array(20))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  const res = await post(base, '/api/auth/nonce', { chain: 'ethereum', address });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`nonce answered ${res.status}`);
}

export async function runSoak(port: number, databaseUrl: string | undefined, total = Number(process.env.SOAK_SIGN_INS ?? 10_000)): Promise<void> {
  const server: BenchServer = await startServer(port, databaseUrl, { SESSION_TTL_SECONDS: '60', NONCE_TTL_SECONDS: '30' });
  try {
    console.log(`walletgate soak — ${total} sign-ins over HTTP, next start on ${server.base}, ${server.label}`);
    const rssStart = server.rssMiB();
    await load(() => signInOnce(server.base).then(() => undefined), { concurrency: 4, seconds: 60, maxCount: 50 }); // warm-up
    const before = databaseUrl ? await rowCounts(databaseUrl) : undefined; // after the warm-up: the app migrates on first use
    const rssBefore = server.rssMiB();
    let done = 0;
    const started = performance.now();
    const figures = await load(
      async () => {
        await signInOnce(server.base);
        await abandonedNonce(server.base);
        if (++done % 1000 === 0) console.log(`  ${String(done).padStart(6)} sign-ins, ${((performance.now() - started) / 1000).toFixed(0)} s, RSS ${server.rssMiB().toFixed(0)} MiB`);
      },
      { concurrency: 8, seconds: Number(process.env.SOAK_MAX_SECONDS ?? 24 * 3600), maxCount: total },
    );
    if (figures.count < total) console.log(`stopped at SOAK_MAX_SECONDS: ${figures.count} of ${total} sign-ins`);
    const rssAfter = server.rssMiB();
    console.log(`sign-in + abandoned nonce, per pair            ${fmt(figures)}`);
    console.log(`server RSS: at start ${rssStart.toFixed(0)} MiB, after warm-up ${rssBefore.toFixed(0)} MiB, after ${figures.count} sign-ins ${rssAfter.toFixed(0)} MiB`);
    if (databaseUrl) {
      const after = await rowCounts(databaseUrl);
      const line = (t: (typeof TABLES)[number]) => `${after.tables[t].rows} rows (${after.tables[t].expired} expired; ${before!.tables[t].rows} before the run)`;
      console.log(`Nonce table at the end:   ${line('Nonce')}  — ${figures.count * 2} issued`);
      console.log(`Session table at the end: ${line('Session')}  — ${figures.count} started`);
      console.log(`User table: ${after.users} rows (${after.users - before!.users} new: every sign-in was a new wallet; accounts are kept)`);
    } else {
      console.log('Row counts need BENCH_DATABASE_URL (embedded PGlite lives inside the server process).');
    }
  } finally {
    server.stop();
  }
}
