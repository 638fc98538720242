/**
 * Ethereum: EIP-191 personal_sign over the exact EIP-4361 text.
 * EOAs verify offline (65-byte signature, ecrecover). Smart accounts (ERC-1271 deployed, ERC-6492 counterfactual)
 * verify through ETHEREUM_RPC_URL with viem's universal validator; without an RPC they are refused, never guessed.
 */
import { createPublicClient, getAddress, http, isAddress, isHex, recoverMessageAddress, size, type Hex } from 'viem';
import { fail } from '../../errors';
import type { ChainVerifier, Endpoint } from '../types';

const COMPACT_LENGTH = 64; // ERC-2098: refused, wallets' personal_sign returns 65 bytes
const EOA_LENGTH = 65;

export function normalizeEthereumAddress(address: string): `0x${string}` {
  if (!isAddress(address, { strict: false })) fail('malformed_input', 'That is not an Ethereum address (0x followed by 40 hex digits).');
  return getAddress(address);
}

function readSignature(signature: string): Hex {
  if (!isHex(signature, { strict: true }) || signature.length % 2 !== 0)
    fail('malformed_input', 'The signature must be 0x-prefixed hex.');
  const length = size(signature as Hex);
  if (length === COMPACT_LENGTH) fail('malformed_input', 'The signature must be 65 bytes; the 64-byte compact form is not accepted.');
  return signature as Hex;
}

async function recoversTo(address: string, message: string, signature: Hex): Promise<boolean> {
  try {
    return (await recoverMessageAddress({ message, signature })) === address;
  } catch {
    return false; // unrecoverable r/s/v: not a valid EOA signature
  }
}

async function verifySmartAccount(rpc: Endpoint, chainId: number, address: `0x${string}`, message: string, signature: Hex) {
  const client = createPublicClient({ transport: http(rpc.url, { timeout: rpc.timeoutMs, retryCount: 0 }) });
  const rpcChainId = await client.getChainId();
  if (rpcChainId !== chainId) fail('unavailable', `ETHEREUM_RPC_URL serves chain ${rpcChainId}, not ${chainId}.`);
  return client.verifyMessage({ address, message, signature });
}

export const ethereumVerifier: ChainVerifier<'ethereum'> = {
  chain: 'ethereum',
  chainReference: (chainId) => String(chainId),
  normalizeAddress: (address) => normalizeEthereumAddress(address),
  signingParams: (_message, parsed) => ({ chainId: Number(parsed.chainId) }),

  async verify({ input, address, network, rpc }) {
    const signature = readSignature(input.signature);
    if (size(signature) === EOA_LENGTH && (await recoversTo(address, input.message, signature))) return;
    if (!rpc) {
      if (size(signature) !== EOA_LENGTH)
        fail('malformed_input', 'Smart-account signatures need ETHEREUM_RPC_URL; an EOA signature must be 65 bytes.');
      fail('invalid_signature', 'The signature was not made by this address.');
    }
    let valid: boolean;
    try {
      valid = await verifySmartAccount(rpc, network, address as `0x${string}`, input.message, signature);
    } catch (e) {
      if (e instanceof Error && e.name === 'AppError') throw e;
      fail('unavailable', 'Could not reach the Ethereum RPC to check a smart-account signature.', e);
    }
    if (!valid) fail('invalid_signature', 'The signature was not made by this address.');
  },
};
