/**
 * /members for a holder (proxy + page, holdings cache hit) beside the ungated dynamic home page `/`, same session,
 * in interleaved halves (p50 is the halves' mean median), with the server's CPU time per request.
 * On Postgres also the database round trips per /members request, from pg_stat_database (PG counts lazily: idle
 * backends flush within ~10 s, so the bench waits that long before reading).
 */
import { fmt, load, type Figures } from './http';
import { committedTransactions, get, post, signInOnce, type BenchServer } from './server';

export interface GatedFigures {
  signIns: Figures;
  members: Figures;
  home: Figures;
  ratio: number;
  /** Server CPU ms per request (whole process group). */
  cpuMembersMs: number;
  cpuHomeMs: number;
  roundTripsPerMembers?: number;
}

const settle = () => new Promise((r) => setTimeout(r, 11_000));

export async function runGatedBench(server: BenchServer, seconds: number): Promise<GatedFigures> {
  const { base } = server;
  await load(async () => void (await signInOnce(base)), { concurrency: 4, seconds: 2 }); // warm-up
  const signIns = await load(async () => void (await signInOnce(base)), { concurrency: 8, seconds });
  const cookie = await signInOnce(base);
  if ((await post(base, '/api/demo/holdings', { action: 'grant' }, cookie)).status !== 200) throw new Error('grant failed');
  await load(() => get(base, '/members', cookie, 200), { concurrency: 8, seconds: 2 });
  await load(() => get(base, '/', cookie, 200), { concurrency: 8, seconds: 2 });
  // Interleaved halves, so a burst of load from elsewhere on the machine falls on both pages alike.
  const half = seconds / 2;
  const cpu = { members: 0, home: 0 };
  const timed = async (page: 'members' | 'home') => {
    const before = server.cpuSeconds();
    const f = await load(() => get(base, page === 'members' ? '/members' : '/', cookie, 200), { concurrency: 16, seconds: half });
    cpu[page] += server.cpuSeconds() - before;
    return f;
  };
  const m1 = await timed('members');
  const h1 = await timed('home');
  const h2 = await timed('home');
  const m2 = await timed('members');
  const members = merge(m1, m2);
  const home = merge(h1, h2);
  const cpuMembersMs = (cpu.members * 1000) / members.count;
  const cpuHomeMs = (cpu.home * 1000) / home.count;
  let roundTripsPerMembers: number | undefined;
  if (server.databaseUrl) {
    const n = 200;
    await settle();
    const before = await committedTransactions(server.databaseUrl);
    await load(() => get(base, '/members', cookie, 200), { concurrency: 4, seconds: 600, maxCount: n });
    await settle();
    roundTripsPerMembers = ((await committedTransactions(server.databaseUrl)) - before - 1) / n; // -1: the first read
  }
  return { signIns, members, home, ratio: members.perSecond / home.perSecond, cpuMembersMs, cpuHomeMs, roundTripsPerMembers };
}

const merge = (a: Figures, b: Figures): Figures => ({
  count: a.count + b.count,
  perSecond: (a.count + b.count) / (a.count / a.perSecond + b.count / b.perSecond),
  p50: (a.p50 * a.count + b.p50 * b.count) / (a.count + b.count),
  p99: Math.max(a.p99, b.p99),
});

export function formatGated(label: string, f: GatedFigures): string {
  return [
    `— ${label}`,
    `Ethereum sign-ins (nonce + verify, real key)   ${fmt(f.signIns)}`,
    `/members, holder (cache hit)                   ${fmt(f.members)}`,
    `/ (ungated dynamic page, same session)         ${fmt(f.home)}`,
    `ratio /members : /                              ${f.ratio.toFixed(2)} (target >= 0.9)`,
    `server CPU per request: /members ${f.cpuMembersMs.toFixed(1)} ms, / ${f.cpuHomeMs.toFixed(1)} ms — ratio / : /members ${(f.cpuHomeMs / f.cpuMembersMs).toFixed(2)} (the req/s ratio a quiet machine would show)`,
    ...(f.roundTripsPerMembers === undefined ? [] : [`database round trips per /members request       ${f.roundTripsPerMembers.toFixed(2)} (pg_stat_database xact_commit)`]),
    '',
  ].join('\n');
}
