'use client';
/** Step 2: the wallets of the chosen chain, and every state of one sign-in said in words. */
import { useEffect, useRef, useState } from 'react';
import { CHAINS } from '@/lib/chains/registry';
import type { ChainId, ConnectorContext, WalletConnector, WalletOption } from '@/lib/chains/types';
import { RemoteWallet } from './qr-code';
import { describeFailure, loadConnector, signIn, type FlowMode, type Step } from './sign-in-flow';

const STEP_TEXT: Partial<Record<Step['name'], string>> = {
  preparing: 'Preparing a one-time sign-in message…',
  signing: 'Check your wallet… Sign the message to continue.',
  verifying: 'Verifying your signature…',
};

export function WalletPanel({ chain, config, next, mode }: { chain: ChainId; config: ConnectorContext; next: string; mode: 'sign-in' | 'link' }) {
  const [connector, setConnector] = useState<WalletConnector | null>(null);
  const [wallets, setWallets] = useState<WalletOption[] | null>(null);
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [last, setLast] = useState<WalletOption | null>(null);
  const [asking, setAsking] = useState<WalletOption | null>(null);
  const [typedAddress, setTypedAddress] = useState('');
  const flow = useRef<AbortController | null>(null);
  // Leaving the panel (another chain chosen, another page) cancels the flow in progress: a stale sign-in never lands.
  useEffect(() => () => flow.current?.abort(), []);

  useEffect(() => {
    let live = true;
    loadConnector(chain, config)
      .then(async (c) => {
        const list = await c.listWallets();
        if (live) (setConnector(c), setWallets(list));
      })
      .catch((e) => live && setStep({ name: 'failed', ...describeFailure(e) }));
    return () => void (live = false);
  }, [chain, config]);

  const start = async (w: WalletOption, flowMode: FlowMode = mode, address?: string) => {
    if (!connector) return;
    if (w.needsAddress && address === undefined) return setAsking(w);
    setAsking(null);
    flow.current?.abort();
    const controller = (flow.current = new AbortController());
    const report = (s: Step) => !controller.signal.aborted && setStep(s);
    setLast(w);
    try {
      const signedIn = await signIn(connector, w.id, w.name, report, { mode: flowMode, signal: controller.signal, address });
      if (controller.signal.aborted) return;
      setStep({ name: 'done', address: signedIn });
      // A full navigation: every server component (and the proxy) sees the new session cookie.
      window.location.assign(next);
    } catch (e) {
      if (controller === flow.current) setStep({ name: 'failed', ...describeFailure(e) });
    }
  };
  const cancel = () => flow.current?.abort();

  const busy = !['idle', 'failed'].includes(step.name);
  const installable = wallets?.filter((w) => w.installUrl) ?? [];
  const found = wallets?.filter((w) => !w.installUrl && w.kind !== 'demo') ?? [];
  const demo = wallets?.filter((w) => w.kind === 'demo') ?? [];
  const name = CHAINS[chain].name;
  const walletButton = (w: WalletOption) => (
    <button key={w.id} type="button" className="wallet" data-testid={`wallet-${w.id}`} disabled={busy} onClick={() => start(w)}>
      {w.icon ? <img src={w.icon} alt="" /> : <span className="icon" aria-hidden>{w.name.slice(0, 1)}</span>}
      <span>
        {w.name}
        {w.kind === 'demo' && <span className="muted"> — a real key kept in this browser, for trying the app</span>}
      </span>
    </button>
  );
  return (
    <section className="card" aria-labelledby="wallets-title" data-testid="wallet-panel">
      <h2 id="wallets-title">
        2. Choose {/^[AEIOU]/.test(name) ? 'an' : 'a'} {name} wallet{mode === 'link' ? ' to link' : ''}
      </h2>
      {wallets === null && step.name !== 'failed' && <p role="status" className="muted">Looking for wallets in this browser…</p>}
      {wallets && found.every((w) => w.kind === 'remote') && (
        <p className="muted" data-testid="no-wallet">No {name} wallet found in this browser.{installable.length > 0 && ' Install one:'}</p>
      )}
      <div className="wallets">
        {found.map(walletButton)}
        {installable.map((w) => (
          <a key={w.id} className="wallet" href={w.installUrl} target="_blank" rel="noreferrer noopener">
            <span className="icon" aria-hidden>↗</span>
            <span>Install {w.name}</span>
          </a>
        ))}
      </div>
      {demo.length > 0 && (
        <>
          <p className="muted" style={{ marginTop: 16 }}>No wallet at hand? Try the app with a demo wallet:</p>
          <div className="wallets">{demo.map(walletButton)}</div>
        </>
      )}
      {asking?.needsAddress && (
        <form
          className="status"
          data-testid="address-form"
          onSubmit={(e) => {
            e.preventDefault();
            void start(asking, mode, typedAddress.trim());
          }}
        >
          <label htmlFor="typed-address">{asking.needsAddress.label}</label>
          <input
            id="typed-address"
            data-testid="address-input"
            value={typedAddress}
            onChange={(e) => setTypedAddress(e.target.value)}
            placeholder={asking.needsAddress.placeholder}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            required
            style={{ width: '100%', margin: '8px 0', fontFamily: 'monospace' }}
          />
          <div className="row">
            <button type="submit" className="button" data-testid="address-continue">Continue</button>
            <button type="button" className="button" onClick={() => setAsking(null)}>Cancel</button>
          </div>
        </form>
      )}
      <StepView
        step={step}
        onRetry={last ? () => start(last, mode, last.needsAddress ? typedAddress.trim() : undefined) : undefined}
        onMove={last ? () => start(last, 'move', last.needsAddress ? typedAddress.trim() : undefined) : undefined}
        onCancel={cancel}
      />
    </section>
  );
}

function StepView({ step, onRetry, onMove, onCancel }: { step: Step; onRetry?: () => void; onMove?: () => void; onCancel: () => void }) {
  if (step.name === 'idle') return null;
  if (step.name === 'failed')
    return (
      <div className="status error" role="alert" data-testid="sign-in-error">
        <p>{step.text}</p>
        {step.retry && onRetry && <button type="button" className="button" onClick={onRetry}>Try again</button>}
        {step.move && onMove && (
          <button type="button" className="button" onClick={onMove} data-testid="move-wallet">Sign the move request</button>
        )}
      </div>
    );
  if (step.name === 'done') return <p className="status ok" role="status" data-testid="signed-in">Done. Taking you on…</p>;
  const text = step.name === 'connecting' ? `Connecting to ${step.wallet}…` : STEP_TEXT[step.name];
  return (
    <div className="status" role="status" data-testid={`step-${step.name}`}>
      <p>{text}</p>
      {'remote' in step && step.remote && <RemoteWallet view={step.remote} />}
      {'message' in step && (
        <>
          <p className="muted">The exact text you are signing:</p>
          <pre className="message-preview" data-testid="message-preview">{step.message}</pre>
        </>
      )}
      {/* Above a wallet's own full-screen layer (Kukai's iframe, Beacon's dialog), so Cancel works at any moment. */}
      <button type="button" className="button" onClick={onCancel} data-testid="cancel-flow" style={{ position: 'relative', zIndex: 2147483647 }}>Cancel</button>
    </div>
  );
}
