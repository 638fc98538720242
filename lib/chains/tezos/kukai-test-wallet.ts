/**
 * Test-only: answers kukai-embed's authenticate(requestId, nonce) the way the Kukai wallet does, following
 * kukai-wallet/kukai src/app/services/embedded-auth/embedded-auth.service.ts:
 *  - createAuthMessage: `Tezos Signed Message: ${JSON.stringify(authPayload)}` with the keys in this order,
 *    currentTime = Math.floor(Date.now() / 1000).toString(), domain = the page origin, and an empty requestId/nonce
 *    deleted from the object;
 *  - signMessage: Micheline-parse `"${message.replace(/"/g, '\\"')}"`, `05` + valueEncoder (a string: 01, u32 BE byte
 *    length, UTF-8), then OperationService.sign: Blake2b-256 of the bytes, ed25519 or low-S secp256k1 → edsig/spsig1.
 * The Micheline step is written out here (@taquito/michel-codec is not installed); it equals Kukai's bytes for any
 * text without a backslash — kukai-template.test.ts checks it on Kukai's own published vector. Signing is
 * @taquito/signer's InMemorySigner (the same Blake2b + curve signature).
 */
import { michelinePayloadHex } from './micheline';
import type { TestKey } from './test-keys';

export interface KukaiAuthRequest {
  requestId?: string;
  nonce?: string;
  /** The page origin kukai-embed's iframe sees (`evt.origin`). */
  domain: string;
  network: string;
  now?: Date;
}

export function kukaiAuthMessage(key: Pick<TestKey, 'publicKey' | 'address'>, r: KukaiAuthRequest): string {
  const authPayload: Record<string, string> = {
    requestId: r.requestId ?? '',
    purpose: 'authentication',
    currentTime: Math.floor((r.now ?? new Date()).getTime() / 1000).toString(),
    nonce: r.nonce ?? '',
    network: r.network,
    publicKey: key.publicKey,
    address: key.address,
    domain: r.domain,
  };
  if (!r.requestId) delete authPayload.requestId;
  if (!r.nonce) delete authPayload.nonce;
  return `Tezos Signed Message: ${JSON.stringify(authPayload)}`;
}

/** Kukai's signMessage: the packed text's signature. Refuses a backslash, where our packing would not be Kukai's. */
export async function kukaiSign(key: TestKey, message: string): Promise<string> {
  if (message.includes('\\')) throw new Error('Kukai would Micheline-unescape this text; the test double does not model that.');
  return key.sign(michelinePayloadHex(message));
}

/** { message, signature } as kukai-embed's authenticate() resolves. */
export async function kukaiAuthenticate(key: TestKey, r: KukaiAuthRequest) {
  const message = kukaiAuthMessage(key, r);
  return { message, signature: await kukaiSign(key, message) };
}
