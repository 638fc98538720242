// Before the browser tests: make sure a Chromium exists (CHROMIUM_PATH, Debian's /usr/bin/chromium, or
// Playwright's own download on machines that can reach it). Says what to do instead of failing obscurely.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', chromium.executablePath()].filter(Boolean);
if (candidates.some((p) => existsSync(p))) process.exit(0);
console.log('No Chromium found; trying `npx playwright install chromium`…');
try {
  execSync('npx playwright install chromium', { stdio: 'inherit' });
} catch {
  console.error('Could not get a browser. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.');
  process.exit(1);
}
