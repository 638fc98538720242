import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/db';
import { setDemoBalance } from './demo-ledger';
import { checkWallets, type WalletRef } from './gate';
import { clearHoldingsCache, forgetBalance } from './holdings-service';
import type { GateRule } from './rules';

const nft: GateRule = { id: 'nft', chain: 'ethereum', asset: { standard: 'erc721', contract: '0x00000000000000000000000000000000000000a1' }, min: 1n, label: 'NFT' };
const ft: GateRule = { id: 'ft', chain: 'near', asset: { standard: 'nep141', contract: 'token.near' }, min: 100n, label: 'FT' };
const eth: WalletRef = { chain: 'ethereum', address: '0x00000000000000000000000000000000000000e1' };
const near: WalletRef = { chain: 'near', address: 'alice.near' };

describe('gate (demo ledger)', () => {
  beforeAll(async () => void (await freshDatabase()));
  beforeEach(() => clearHoldingsCache());

  it('denies when no wallet holds anything', async () => {
    expect(await checkWallets([eth, near], [nft, ft])).toMatchObject({ status: 'denied' });
  });

  it('grants when any wallet satisfies any rule, and says which', async () => {
    await setDemoBalance(ft, near.address, 150n);
    const d = await checkWallets([eth, near], [nft, ft]);
    expect(d).toMatchObject({ status: 'granted', wallet: near, rule: { id: 'ft' }, balance: 150n });
    await setDemoBalance(ft, near.address, 0n);
  });

  it('respects the minimum', async () => {
    await setDemoBalance(ft, near.address, 99n);
    expect(await checkWallets([near], [ft])).toMatchObject({ status: 'denied' });
    await setDemoBalance(ft, near.address, 0n);
  });

  it('only checks rules of the wallet\'s own chain', async () => {
    await setDemoBalance(nft, near.address, 1n); // an Ethereum asset recorded for a NEAR account never counts
    expect(await checkWallets([near], [nft])).toMatchObject({ status: 'denied' });
  });

  it('serves from the cache until the ledger changes and the entry is forgotten', async () => {
    expect(await checkWallets([eth], [nft])).toMatchObject({ status: 'denied' });
    await setDemoBalance(nft, eth.address, 1n);
    expect(await checkWallets([eth], [nft])).toMatchObject({ status: 'denied' }); // cached 0
    forgetBalance('ethereum', eth.address, nft.asset);
    expect(await checkWallets([eth], [nft])).toMatchObject({ status: 'granted' });
  });
});
