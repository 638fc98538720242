/**
 * Ergo: Schnorr proofs of a P2PK key (what EIP-12 `sign_data`, Nautilus's EIP-28 `auth` and ErgoAuth mobile wallets
 * return), checked with ergo-lib-wasm-nodejs `verify_signature`. Body extras: `form` ('sign_data', the default, 'auth'
 * or 'ergoauth') and, for auth and ergoauth, `signedMessage` (the text the wallet signed). sign_data proofs are tried against every layout Nautilus has
 * produced (raw UTF-8, ErgoMessage hash): EIP-12 returns only the proof, so the client cannot know which one.
 */
import { fail } from '../../errors';
import type { ChainVerifier } from '../types';
import { parseP2pkAddress } from './address';
import { checkAuthText } from './auth-text';
import { checkErgoAuthText } from './ergoauth-text';
import { P2PK_PROOF_LENGTH } from './constants';
import { signDataLayouts, utf8 } from './layouts';
import { proofVerifiesAny } from './wasm';

const HEX_RE = /^(?:[0-9a-fA-F]{2})+$/;

export type ErgoSignForm = 'sign_data' | 'auth' | 'ergoauth';
const FORMS: readonly unknown[] = ['sign_data', 'auth', 'ergoauth'] satisfies ErgoSignForm[];

function readProof(signature: string): Uint8Array {
  const hex = signature.startsWith('0x') ? signature.slice(2) : signature;
  if (!HEX_RE.test(hex)) fail('malformed_input', 'The proof must be hex.');
  if (hex.length !== P2PK_PROOF_LENGTH * 2) fail('malformed_input', `A P2PK proof is ${P2PK_PROOF_LENGTH} bytes; this one is ${hex.length / 2}.`);
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

function readForm(extras: Record<string, unknown> | undefined): ErgoSignForm {
  const form = extras?.form === undefined ? 'sign_data' : extras.form;
  if (!FORMS.includes(form)) fail('malformed_input', 'Field "form" must be "sign_data", "auth" or "ergoauth".');
  return form as ErgoSignForm;
}

/** The proof check alone: throws `malformed_input` (not a 56-byte hex proof) or `invalid_signature`. */
export async function verifyProof(address: string, layouts: Uint8Array[], signature: string): Promise<void> {
  const proof = readProof(signature);
  if (!(await proofVerifiesAny(address, layouts, proof))) fail('invalid_signature', 'The proof was not made by this address over this message.');
}

export const ergoVerifier: ChainVerifier<'ergo'> = {
  chain: 'ergo',
  chainReference: (network) => network,
  normalizeAddress: (address, network) => parseP2pkAddress(address, network).address,
  signingParams: () => ({}),

  async verify({ input, address, message, network, origin, domain, now }) {
    readProof(input.signature); // a malformed proof is reported before the form is looked at
    const form = readForm(input.extras);
    const signedMessage = input.extras?.signedMessage;
    const layouts =
      form === 'auth'
        ? [utf8(checkAuthText(signedMessage, { message: input.message, parsed: message, domain, now }))]
        : form === 'ergoauth'
          ? [utf8(checkErgoAuthText(signedMessage, { message: input.message, parsed: message, origin }))]
          : signDataLayouts(input.message, network);
    await verifyProof(address, layouts, input.signature);
  },
};
