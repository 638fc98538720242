/**
 * Cold verify cost: in a FRESH Node process, the time from the start of `import('lib/auth/core')` to the end of the
 * first successful verifySignIn, and the time of a second call. The signed input is made by the parent and piped in
 * as JSON, so the child loads no chain library before the clock starts.
 *
 *   npx tsx scripts/bench/verify-cold.ts <chain>           # builds a real signed input, runs 3 fresh children
 *   … verify-cold.ts <chain> --child  < {input, expectations}   # the child itself (prints one JSON line)
 *
 * Only node: builtins are imported statically: the child must start clean.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ColdFigures {
  /** import('lib/auth/core') alone (loads every chain's verifier module). */
  importMs: number;
  /** Start of the import to the end of the first successful verifySignIn. */
  firstMs: number;
  /** The second verifySignIn in the same process. */
  secondMs: number;
}

const SELF = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(SELF), '../..');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function child(): Promise<void> {
  const { input, expectations } = JSON.parse(await readStdin());
  const x = { ...expectations, now: new Date(expectations.now) };
  const t0 = performance.now();
  const { verifySignIn } = await import('../../lib/auth/core');
  const t1 = performance.now();
  const first = await verifySignIn(input, x);
  const t2 = performance.now();
  const second = await verifySignIn(input, x);
  const t3 = performance.now();
  if (!first.ok || !second.ok) {
    console.error(`verify-cold: ${input.chain} did not verify: ${JSON.stringify(first.ok ? second : first)}`);
    process.exit(1);
  }
  const figures: ColdFigures = { importMs: t1 - t0, firstMs: t2 - t0, secondMs: t3 - t2 };
  console.log(JSON.stringify(figures));
}

/** One fresh `node --import tsx verify-cold.ts --child` process verifying `input`. */
function spawnChild(chain: string, payload: string): Promise<ColdFigures> {
  return new Promise((ok, fail) => {
    const p = spawn(process.execPath, ['--import', 'tsx', SELF, chain, '--child'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', fail);
    p.on('close', (code) => (code === 0 ? ok(JSON.parse(out.trim().split('\n').pop()!)) : fail(new Error(`verify-cold child for ${chain} exited ${code}`))));
    p.stdin.end(payload);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median, per figure, over `runs` fresh processes. */
export async function measureCold(chain: string, input: unknown, expectations: unknown, runs = 3): Promise<ColdFigures> {
  const payload = JSON.stringify({ input, expectations });
  const all: ColdFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await spawnChild(chain, payload));
  return { importMs: median(all.map((f) => f.importMs)), firstMs: median(all.map((f) => f.firstMs)), secondMs: median(all.map((f) => f.secondMs)) };
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  const [chain, mode] = process.argv.slice(2);
  if (mode === '--child') await child();
  else {
    const { SIGNED_INPUTS, EXPECTATIONS } = await import('./signed-inputs');
    const build = SIGNED_INPUTS[chain as keyof typeof SIGNED_INPUTS];
    if (!build) {
      console.error(`usage: npx tsx scripts/bench/verify-cold.ts <${Object.keys(SIGNED_INPUTS).join('|')}>`);
      process.exit(2);
    }
    const f = await measureCold(chain!, (await build()).input, EXPECTATIONS);
    console.log(`${chain}: import ${f.importMs.toFixed(1)} ms, import + first verify ${f.firstMs.toFixed(1)} ms, second verify ${f.secondMs.toFixed(2)} ms`);
    process.exit(0);
  }
}
