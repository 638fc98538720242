import { CHAINS } from '@/lib/chains/registry';
import type { GateRule } from '@/lib/gate/rules';

/** The gate's rules as a person reads them: asset, chain, minimum. */
export function RuleList({ rules }: { rules: GateRule[] }) {
  return (
    <ul data-testid="gate-rules">
      {rules.map((r) => (
        <li key={r.id}>
          <strong>{r.label}</strong> on {CHAINS[r.chain].name} — at least {r.min.toString()}
          <br />
          <span className="muted mono" style={{ fontSize: '0.8rem', wordBreak: 'break-all' }}>
            {Object.entries(r.asset).map(([k, v]) => `${k}: ${v}`).join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
