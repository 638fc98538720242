/**
 * Gate rules, in one typed place: access if ANY of the user's wallets holds at least `min` of ANY rule's asset.
 * Fork this file (or set GATE_RULES to a JSON array of the same shape) to gate on your own collection.
 */
import { z } from 'zod';
import type { Asset, ChainId } from '../chains/types';

export interface GateRule<C extends ChainId = ChainId> {
  id: string;
  chain: C;
  asset: Asset<C>;
  /** Minimum balance in base units (1 for an NFT). */
  min: bigint;
  /** What a person is told they need. */
  label: string;
}

/** The defaults: one demo pass per chain (the demo ledger grants them; point them at real assets to go live). */
export const DEFAULT_RULES: GateRule[] = [
  { id: 'eth-pass', chain: 'ethereum', asset: { standard: 'erc721', contract: '0x5a1f0000000000000000000000000000000000a1' }, min: 1n, label: 'walletgate Pass (ERC-721)' },
  { id: 'ada-pass', chain: 'cardano', asset: { policyId: 'a0028f350aaabe0545fdcb56b039bfb08e4bb4d8c4d7c3c7d481c235', assetName: '57616c6c657447617465' }, min: 1n, label: 'WalletGate pass (Cardano native asset)' },
  { id: 'near-pass', chain: 'near', asset: { standard: 'nep171', contract: 'pass.walletgate.near' }, min: 1n, label: 'walletgate Pass (NEP-171 NFT)' },
  { id: 'xtz-pass', chain: 'tezos', asset: { standard: 'fa2', contract: 'KT1RJ6PbjHpwc3M5rw5s2Nbmefwbuwbdxton', tokenId: '0' }, min: 1n, label: 'walletgate Pass (FA2)' },
  { id: 'erg-pass', chain: 'ergo', asset: { tokenId: '03faf2cb329f2e90d6d23b58d91bbb6c046aa143261cc21f52fbe2824bfcbf04' }, min: 1n, label: 'walletgate Pass (Ergo token)' },
];

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-fA-F]{${n}}$`));
const base = { id: z.string().min(1).max(64), min: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(BigInt), label: z.string().min(1).max(120) };
const ruleSchema = z.discriminatedUnion('chain', [
  z.object({ ...base, chain: z.literal('ethereum'), asset: z.object({ standard: z.enum(['erc20', 'erc721', 'erc1155']), contract: z.string().regex(/^0x[0-9a-fA-F]{40}$/), tokenId: z.string().regex(/^\d+$/).optional() }) }),
  z.object({ ...base, chain: z.literal('cardano'), asset: z.object({ policyId: hex(56), assetName: z.string().regex(/^([0-9a-fA-F]{2}){0,32}$/).optional() }) }),
  z.object({ ...base, chain: z.literal('near'), asset: z.object({ standard: z.enum(['nep171', 'nep141']), contract: z.string().min(2).max(64) }) }),
  z.object({ ...base, chain: z.literal('tezos'), asset: z.object({ standard: z.enum(['fa2', 'fa1.2']), contract: z.string().regex(/^KT1[1-9A-HJ-NP-Za-km-z]{33}$/), tokenId: z.string().regex(/^\d+$/).optional() }) }),
  z.object({ ...base, chain: z.literal('ergo'), asset: z.object({ tokenId: hex(64) }) }),
]);

export function parseRules(json: string | undefined): GateRule[] {
  if (json === undefined) return DEFAULT_RULES;
  const parsed = z.array(ruleSchema).min(1).safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`walletgate: GATE_RULES is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data as GateRule[];
}

/** A stable key for an asset (cache and demo ledger), e.g. `contract=0x…;standard=erc721`. */
export function assetKey(asset: Asset): string {
  return Object.entries(asset)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(';');
}
