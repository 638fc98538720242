/**
 * In-process verify bench — printed figures, never assertions. `npx tsx scripts/bench/verify.ts`
 * Per chain, on one real signed input: our verifySignIn (no consumeNonce) beside the raw library call alone
 * (mean, p50, p99 after a warm-up), then the cold cost in fresh processes (verify-cold.ts).
 * Every input must verify (ok: true and raw true) before anything is timed.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifySignIn } from '../../lib/auth/core';
import type { ChainId } from '../../lib/chains/types';
import { percentile } from './http';
import { EXPECTATIONS, SIGNED_INPUTS, type SignedInput } from './signed-inputs';
import { measureCold, type ColdFigures } from './verify-cold';

export interface Stats {
  mean: number;
  p50: number;
  p99: number;
}

export interface ChainFigures {
  chain: ChainId;
  rawLabel: string;
  ours: Stats;
  raw: Stats;
  /** ours.p50 / raw.p50 */
  ratio: number;
  cold: ColdFigures;
}

export interface VerifyFigures {
  iterations: number;
  warmup: number;
  chains: ChainFigures[];
}

const stats = (ms: number[]): Stats => {
  ms.sort((a, b) => a - b);
  return { mean: ms.reduce((a, b) => a + b, 0) / ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99) };
};

/** Times `a` and `b` interleaved (alternating which goes first), so both see the same machine noise. */
async function timePair(a: () => unknown, b: () => unknown, iterations: number, warmup: number): Promise<[Stats, Stats]> {
  const ta: number[] = [];
  const tb: number[] = [];
  const once = async (fn: () => unknown, into: number[]) => {
    const t = performance.now();
    await fn();
    into.push(performance.now() - t);
  };
  for (let i = 0; i < warmup + iterations; i++) {
    const [first, second] = i % 2 ? [() => once(a, ta), () => once(b, tb)] : [() => once(b, tb), () => once(a, ta)];
    await first();
    await second();
  }
  return [stats(ta.slice(warmup)), stats(tb.slice(warmup))];
}

async function checkVerifies(chain: ChainId, s: SignedInput): Promise<void> {
  const r = await verifySignIn(s.input, EXPECTATIONS);
  if (!r.ok) throw new Error(`verify bench: the ${chain} input does not verify (${r.code}: ${r.message})`);
  if ((await s.raw()) !== true) throw new Error(`verify bench: ${s.rawLabel} rejects the ${chain} input`);
}

export async function runVerifyBench({ print = true, iterations = 300, warmup = 20, coldRuns = 3 } = {}): Promise<VerifyFigures> {
  const chains = Object.keys(SIGNED_INPUTS) as ChainId[];
  const inputs = new Map<ChainId, SignedInput>();
  for (const chain of chains) {
    const s = await SIGNED_INPUTS[chain]();
    await checkVerifies(chain, s);
    inputs.set(chain, s);
  }
  const figures: VerifyFigures = { iterations, warmup, chains: [] };
  for (const chain of chains) {
    const s = inputs.get(chain)!;
    const [ours, raw] = await timePair(() => verifySignIn(s.input, EXPECTATIONS), s.raw, iterations, warmup);
    const cold = await measureCold(chain, s.input, EXPECTATIONS, coldRuns);
    figures.chains.push({ chain, rawLabel: s.rawLabel, ours, raw, ratio: ours.p50 / raw.p50, cold });
  }
  if (print) console.log(formatVerifyFigures(figures));
  return figures;
}

const ms = (n: number, width = 9) => n.toFixed(n < 10 ? 3 : 1).padStart(width);

export function formatVerifyFigures(f: VerifyFigures): string {
  const lines = [
    `In-process verify, per call (ms; ${f.iterations} iterations after ${f.warmup} warm-up, ours and raw interleaved; ours = verifySignIn without consumeNonce)`,
    `chain     ours mean  ours p50  ours p99   raw mean   raw p50   raw p99  ratio(p50)  raw call`,
    ...f.chains.map((c) =>
      `${c.chain.padEnd(8)}${ms(c.ours.mean, 11)}${ms(c.ours.p50, 10)}${ms(c.ours.p99, 10)}${ms(c.raw.mean, 11)}${ms(c.raw.p50, 10)}${ms(c.raw.p99, 10)}${c.ratio.toFixed(2).padStart(12)}  ${c.rawLabel}`,
    ),
    '',
    `Cold, fresh process each (ms; median of runs; node --import tsx, transforms cached; import loads all five verifiers)`,
    `chain     import core  import + 1st verify  1st verify alone  2nd verify`,
    ...f.chains.map((c) =>
      `${c.chain.padEnd(8)}${ms(c.cold.importMs, 13)}${ms(c.cold.firstMs, 21)}${ms(c.cold.firstMs - c.cold.importMs, 18)}${ms(c.cold.secondMs, 12)}`,
    ),
  ];
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await runVerifyBench();
    process.exit(0);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
