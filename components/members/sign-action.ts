/** A wallet-signed action from the browser: nonce (the exact text) -> sign with the tab's wallet -> confirm. */
import type { ChainId, ConnectorContext } from '@/lib/chains/types';
import { WalletError } from '@/lib/chains/types';
import { api } from '@/lib/ui/api';

export interface Signer {
  /** The linked wallet's id on the server. */
  id: string;
  chain: ChainId;
  address: string;
  /** The wallet in this browser (connector wallet id, e.g. "demo"). */
  walletId: string;
}

interface ActionRequest {
  message: string;
  signing: Record<string, unknown>;
  chain: ChainId;
  address: string;
  params: unknown;
}

export async function signAction(signer: Signer, config: ConnectorContext, action: string, params: unknown, report: (step: 'signing' | 'saving', message: string) => void) {
  const request = await api<ActionRequest>('/api/actions/nonce', { action, params, walletId: signer.id });
  report('signing', request.message);
  const { loadConnector } = await import('@/components/sign-in/sign-in-flow');
  const wallet = await (await loadConnector(signer.chain, config)).connect(signer.walletId);
  const matches = signer.chain === 'ethereum' ? wallet.address.toLowerCase() === request.address.toLowerCase() : wallet.address === request.address;
  if (!matches) throw new WalletError('failed', `Your wallet now shows ${wallet.address}; switch back to ${request.address} to sign.`);
  const signed = await wallet.sign({ message: request.message, signing: request.signing });
  report('saving', request.message);
  const body = { ...signed.extras, action, params, chain: request.chain, address: request.address, message: request.message, signature: signed.signature, publicKey: signed.publicKey };
  return api<{ action: string; result: unknown }>('/api/actions/confirm', body);
}
