/** `next` accepts same-origin paths only: "/members?x=1" yes; "//evil.test", "https://evil.test", "/\\evil" no. */
export function safeNext(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, 'http://same.origin');
    const path = url.pathname + url.search + url.hash;
    // Normalising can itself produce "//host" (e.g. "/..//evil.test"): check the result, not only the input.
    return url.origin === 'http://same.origin' && !path.startsWith('//') ? path : fallback;
  } catch {
    return fallback;
  }
}
