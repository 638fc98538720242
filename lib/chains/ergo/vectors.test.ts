import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors';
import dlog from '../../../test/vectors/ergo/prove-dlog.json';
import messages from '../../../test/vectors/ergo/ergo-message.json';
import { ergoMessageBytes } from './layouts';
import { encodeAddress } from './test-keys';
import { verifyProof } from './verifier';

const fromHex = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
const P2PK_MAINNET = 0x01;

async function outcome(address: string, message: Uint8Array, signature: string): Promise<string> {
  try {
    await verifyProof(address, [message], signature);
    return 'valid';
  } catch (e) {
    return isAppError(e) ? e.code : `threw ${String(e)}`;
  }
}

describe('ergo published vectors', () => {
  it.each(dlog.vectors)('ProveDlog: $source', async (v) => {
    const address = encodeAddress(P2PK_MAINNET, fromHex(v.publicKey));
    expect(await outcome(address, fromHex(v.message), v.signature)).toBe(v.expected);
  });

  it('the valid ProveDlog proofs fail for another key', async () => {
    const [first, , second] = dlog.vectors;
    const wrongKey = encodeAddress(P2PK_MAINNET, fromHex(first.publicKey));
    expect(await outcome(wrongKey, fromHex(second.message), second.signature)).toBe('invalid_signature');
  });

  it.each(messages.vectors)('ErgoMessage hash: $source', (v) => {
    const bytes = ergoMessageBytes(v.data, 0x00);
    expect(Buffer.from(bytes).toString('hex')).toBe(`0000${v.hash}`);
    expect(Buffer.from(ergoMessageBytes(v.data, 0x10)).toString('hex')).toBe(`0010${v.hash}`);
  });
});
