/** The e2e servers' ports; playwright.config.ts moves them all with E2E_PORT_BASE (default 3100). */
export const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
export const appUrl = (offset: 0 | 1 | 2 | 3) => `http://localhost:${PORT_BASE + offset}`;
export const STUB_URL = `http://127.0.0.1:${PORT_BASE + 90}`;
