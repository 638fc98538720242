import { readFileSync } from 'node:fs';
import { verifySignIn } from './lib/auth/core';
const { input, x } = JSON.parse(readFileSync(`/tmp/perf/${process.argv[2]}-input.json`, 'utf8'));
x.now = new Date(x.now);
for (let i = 0; i < 300; i++) await verifySignIn(input, x);
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 100 }); await s.post('Profiler.start');
const t = performance.now();
for (let i = 0; i < 2000; i++) { const r = await verifySignIn(input, x); if (!r.ok) throw new Error(r.message); }
console.log('per call µs', ((performance.now() - t) / 2000 * 1000).toFixed(0));
const { profile } = await s.post('Profiler.stop');
(await import('node:fs')).writeFileSync('/tmp/perf/prof2/p.cpuprofile', JSON.stringify(profile));
