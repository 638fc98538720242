import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, decodesCleanly, staticSecurityHeaders } from './security-headers';
import { originsOf, WALLET_ORIGINS } from './wallet-origins';

describe('security headers', () => {
  it('the CSP carries the nonce, frame-ancestors none, and the wallet origins from the one list', () => {
    const csp = contentSecurityPolicy('abc123', { development: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic' 'wasm-unsafe-eval';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    for (const o of originsOf('connect')) expect(csp).toMatch(new RegExp(`connect-src [^;]*${o.replace(/[.]/g, '\\.')}`));
    expect(csp).toMatch(/frame-src [^;]*https:\/\/wallet\.kukai\.app/);
    expect(csp).toMatch(/connect-src [^;]*wss:\/\/relay\.walletconnect\.org/);
    expect(csp).toMatch(/connect-src [^;]*https:\/\/beacon-node-1\.diamond\.papers\.tech/);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy('n', { development: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy('n', { development: false, https: false })).not.toContain('upgrade-insecure-requests');
  });
  it('originsOf de-duplicates (WalletConnect is listed for Beacon and on its own)', () => {
    expect(WALLET_ORIGINS.beacon.connect).toContain('wss://relay.walletconnect.org');
    expect(originsOf('connect').filter((o) => o === 'wss://relay.walletconnect.org')).toHaveLength(1);
  });
  it('HSTS only in production over https; no-store and nosniff always', () => {
    expect(staticSecurityHeaders({ production: true, https: true })['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(staticSecurityHeaders({ production: true, https: false })['strict-transport-security']).toBeUndefined();
    expect(staticSecurityHeaders({ production: false, https: true })['strict-transport-security']).toBeUndefined();
    expect(staticSecurityHeaders({ production: false, https: false })).toMatchObject({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  });
  it.each(['/api/account/wallets/%FF', '/api/account/wallets/%ZZ', '/api/account/wallets/%E0%A4%A', '/a/%', '/a/%ED%A0%80'])('%s does not decode', (p) => {
    expect(decodesCleanly(p)).toBe(false);
  });
  it.each(['/', '/members', '/api/account/wallets/abc', '/api/account/wallets/%41%20b', '/x/%C3%A9'])('%s decodes', (p) => {
    expect(decodesCleanly(p)).toBe(true);
  });
});
