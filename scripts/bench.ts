/**
 * npm run bench — figures, not assertions. Starts the production build (`next start`, demo mode) on a loopback
 * port and measures, on embedded PGlite and, when BENCH_DATABASE_URL=postgres://… is set, on Postgres too:
 *  - Ethereum sign-ins per second (nonce + verify with a real key, as a client does);
 *  - /members for a holder (proxy + page, holdings cache hit) beside the ungated dynamic home page (ratio; target
 *    >= 0.9), and on Postgres the database round trips per /members request;
 * then per-chain verify time in-process beside the raw library call, and the first verify after start
 * (scripts/bench/verify.ts). On a shared machine read the ratios: they move much less than the absolute figures.
 *
 *   npm run bench                    npm run bench -- --http-only      npm run bench -- --verify-only
 *   npm run bench -- --soak          (10,000 sign-ins, RSS and row counts: scripts/bench/soak.ts)
 * Needs `npm run build` first. BENCH_SECONDS (default 8) per measured run.
 */
import { existsSync } from 'node:fs';
import { formatGated, runGatedBench } from './bench/gated';
import { startServer } from './bench/server';
import { runSoak } from './bench/soak';
import { runVerifyBench } from './bench/verify';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const args = new Set(process.argv.slice(2));
const postgres = process.env.BENCH_DATABASE_URL;

const needsBuild = !args.has('--verify-only');
if (needsBuild && !existsSync('.next/BUILD_ID')) {
  console.error('bench: no production build; run `npm run build` first.');
  process.exit(1);
}

if (args.has('--soak')) {
  await runSoak(PORT, postgres);
  process.exit(0);
}

if (!args.has('--verify-only')) {
  console.log(`walletgate bench — next start on loopback, demo mode, ${SECONDS}s per run\n`);
  const ratios: string[] = [];
  for (const url of [undefined, ...(postgres ? [postgres] : [])]) {
    const server = await startServer(PORT, url);
    try {
      const f = await runGatedBench(server, SECONDS);
      console.log(formatGated(server.label, f));
      ratios.push(`${server.label} ${f.ratio.toFixed(2)}`);
    } finally {
      server.stop();
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  if (!postgres) console.log('(set BENCH_DATABASE_URL=postgres://… to measure on Postgres as well)\n');
  console.log(`ratio /members : / — ${ratios.join(', ')} (target >= 0.9)\n`);
}
if (!args.has('--http-only')) await runVerifyBench();
process.exit(0);
