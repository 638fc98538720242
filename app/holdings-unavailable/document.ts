/**
 * The 503 page proxy.ts answers when holdings cannot be read. A complete document rather than a rendered route:
 * Next 16 drops a rewrite's status, and an app-router page cannot choose 503. Same words as
 * components/gate/holdings-unavailable.tsx; styles from a static file, so no inline style is needed under a CSP.
 */
export function unavailableDocument(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b0d12">
<title>Holdings unavailable · walletgate</title>
<link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/holdings-unavailable.css">
</head>
<body>
<header class="site-header"><a class="brand" href="/">walletgate</a></header>
<main>
<section class="card" role="alert" data-testid="holdings-unavailable">
<h1>We can’t check your holdings right now</h1>
<p class="muted">The chain indexer did not answer in time. Nothing is wrong with your wallet; the members area stays closed until we can check.</p>
<a class="button" href="/members">Try again</a>
</section>
</main>
</body>
</html>
`;
}
