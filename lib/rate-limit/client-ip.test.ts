import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

const h = (headers: Record<string, string>) => new Headers(headers);

describe('client IP for rate limits', () => {
  it('believes no header unless a proxy is configured as trusted', () => {
    expect(clientIp(h({ 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' }), 'none')).toBeNull();
  });

  it('vercel: x-real-ip, else the first x-forwarded-for hop', () => {
    expect(clientIp(h({ 'x-real-ip': '203.0.113.9', 'x-forwarded-for': '198.51.100.1' }), 'vercel')).toBe('203.0.113.9');
    expect(clientIp(h({ 'x-forwarded-for': '198.51.100.1, 10.0.0.1' }), 'vercel')).toBe('198.51.100.1');
    expect(clientIp(h({}), 'vercel')).toBeNull();
  });

  it('N appending proxies: the N-th entry from the right, so a client-sent prefix is ignored', () => {
    const spoofed = h({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9' }); // client sent 1.1.1.1; our proxy appended the real one
    expect(clientIp(spoofed, 1)).toBe('203.0.113.9');
    expect(clientIp(h({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.2' }), 2)).toBe('203.0.113.9');
    expect(clientIp(h({ 'x-forwarded-for': '203.0.113.9' }), 2)).toBeNull();
  });

  it('rejects garbage, strips ports, unmaps IPv4-in-IPv6, groups IPv6 by /64', () => {
    expect(clientIp(h({ 'x-real-ip': 'not-an-ip' }), 'vercel')).toBeNull();
    expect(clientIp(h({ 'x-real-ip': '203.0.113.9:4711' }), 'vercel')).toBe('203.0.113.9');
    expect(clientIp(h({ 'x-real-ip': '::ffff:203.0.113.9' }), 'vercel')).toBe('203.0.113.9');
    const a = clientIp(h({ 'x-real-ip': '2001:db8:1:2::1' }), 'vercel');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(clientIp(h({ 'x-real-ip': '[2001:db8:1:2:ffff::9]:443' }), 'vercel')).toBe(a);
  });
});
