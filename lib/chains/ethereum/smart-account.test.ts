import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { getAddress, hashMessage, serializeErc6492Signature } from 'viem';
import { verifySignIn } from '../../auth/core';
import { expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { startSmartAccountRpc } from '../../../test/helpers/smart-account-rpc';
import { startStub } from '../../../test/helpers/stub-server';

const owner = privateKeyToAccount(generatePrivateKey());
const smartAccount = getAddress('0x5afe00000000000000000000000000000000c0de');
const counterfactual = getAddress('0x5afe00000000000000000000000000000000beef');

async function ownerSigned(address: string) {
  const req = signInRequest('ethereum', address);
  // An owner-checked smart account validates the owner's signature over the EIP-191 hash of the message.
  const signature = await owner.sign({ hash: hashMessage(req.message) });
  return { chain: 'ethereum', address, message: req.message, signature };
}

describe('ethereum smart accounts (ERC-1271 / ERC-6492) through ETHEREUM_RPC_URL', () => {
  let deployed: Awaited<ReturnType<typeof startSmartAccountRpc>>;
  let undeployed: Awaited<ReturnType<typeof startSmartAccountRpc>>;
  beforeAll(async () => {
    deployed = await startSmartAccountRpc({ account: smartAccount, owner: owner.address, deployed: true });
    undeployed = await startSmartAccountRpc({ account: counterfactual, owner: owner.address, deployed: false });
  });
  afterAll(async () => Promise.all([deployed.close(), undeployed.close()]));

  const rpcOf = (url: string) => ({ ethereum: { url, timeoutMs: 2000 } });

  it('accepts an ERC-1271 signature of a deployed account', async () => {
    const r = await verifySignIn(await ownerSigned(smartAccount), { ...expectAt(), rpc: rpcOf(deployed.url) });
    expect(r).toMatchObject({ ok: true, account: { address: smartAccount } });
  });

  it('rejects an ERC-1271 signature by a key that does not own the account', async () => {
    const body = await ownerSigned(smartAccount);
    const stranger = privateKeyToAccount(generatePrivateKey());
    body.signature = await stranger.sign({ hash: hashMessage(body.message) });
    expect(await verifySignIn(body, { ...expectAt(), rpc: rpcOf(deployed.url) })).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('accepts an ERC-6492 wrapped signature of a counterfactual account', async () => {
    const body = await ownerSigned(counterfactual);
    body.signature = serializeErc6492Signature({ address: '0x00000000000000000000000000000000000fac70', data: '0xdeadbeef', signature: body.signature as `0x${string}` });
    expect(await verifySignIn(body, { ...expectAt(), rpc: rpcOf(undeployed.url) })).toMatchObject({ ok: true });
  });

  it('refuses smart-account signatures when no RPC is configured (never guesses)', async () => {
    const body = await ownerSigned(counterfactual);
    body.signature = serializeErc6492Signature({ address: '0x00000000000000000000000000000000000fac70', data: '0xdeadbeef', signature: body.signature as `0x${string}` });
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
  });

  it('an RPC that serves another chain is not trusted', async () => {
    const other = await startSmartAccountRpc({ account: smartAccount, owner: owner.address, deployed: true, chainId: 137 });
    expect(await verifySignIn(await ownerSigned(smartAccount), { ...expectAt(), rpc: rpcOf(other.url) })).toMatchObject({ ok: false, code: 'unavailable' });
    await other.close();
  });

  it('an RPC that is down gives unavailable, not a session', async () => {
    const down = await startStub((_req, res) => void res.writeHead(502).end());
    expect(await verifySignIn(await ownerSigned(smartAccount), { ...expectAt(), rpc: rpcOf(down.url) })).toMatchObject({ ok: false, code: 'unavailable' });
    await down.close();
  });
});
