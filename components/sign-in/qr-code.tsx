'use client';
/** A QR code drawn as one SVG path (uqr encodes; nothing is fetched), with the same link to open on this device. */
import { encode } from 'uqr';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RemoteView } from '@/lib/chains/types';

function qrPath(data: boolean[][]): string {
  let d = '';
  data.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
  return d;
}

export function QrCode({ value, label }: { value: string; label: string }) {
  const qr = useMemo(() => encode(value, { ecc: 'M', border: 2 }), [value]);
  return (
    <svg className="qr" role="img" aria-label={label} viewBox={`0 0 ${qr.size} ${qr.size}`} shapeRendering="crispEdges" data-testid="qr-code" data-value={value}>
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qrPath(qr.data)} fill="#000" />
    </svg>
  );
}

/** The remote-wallet step: scan on another device, or open the link on this one (a phone with the wallet). */
export function RemoteWallet({ view }: { view: RemoteView }) {
  const [copied, setCopied] = useState(false);
  const copy = () => navigator.clipboard?.writeText(view.uri).then(() => setCopied(true), () => setCopied(false));
  // The code appears below the wallet list: bring it into view, or on a phone it is off-screen and nothing seems to happen.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }); // newer Chromium returns a promise: not a cleanup
  }, [view.uri]);
  return (
    <div className="remote" data-testid="remote-wallet" ref={box}>
      <p>{view.title}</p>
      <QrCode value={view.uri} label={view.title} />
      {view.hint && <p className="muted">{view.hint}</p>}
      <div className="row">
        <a className="button" href={view.uri} data-testid="remote-link">Open in a wallet on this device</a>
        <button type="button" className="button" onClick={copy}>{copied ? 'Link copied' : 'Copy link'}</button>
      </div>
    </div>
  );
}
