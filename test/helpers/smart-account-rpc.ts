/**
 * A stub Ethereum JSON-RPC that behaves like a node for viem's deployless ERC-6492 validator call, for ONE smart
 * account whose owner is a real key: the validator's answer is computed by recovering the owner from the
 * (ERC-6492-unwrapped) signature, as an ERC-1271 `isValidSignature` of an owner-checked account would.
 */
import { decodeAbiParameters, encodeAbiParameters, erc6492SignatureValidatorByteCode, isErc6492Signature, parseErc6492Signature, recoverAddress, type Hex } from 'viem';
import { sendJson, startStub } from './stub-server';

export async function startSmartAccountRpc(opts: { account: string; owner: string; deployed: boolean; chainId?: number }) {
  return startStub(async (req, res) => {
    const call = JSON.parse(req.body) as { id: number; method: string; params: [{ to?: string; data: Hex }] };
    const ok = (result: unknown) => sendJson(res, 200, { jsonrpc: '2.0', id: call.id, result });
    if (call.method === 'eth_chainId') return ok(`0x${(opts.chainId ?? 1).toString(16)}`);
    if (call.method !== 'eth_call' || call.params[0].to) return sendJson(res, 200, { jsonrpc: '2.0', id: call.id, error: { code: -32601, message: 'unsupported' } });
    const data = call.params[0].data;
    if (!data.startsWith(erc6492SignatureValidatorByteCode)) return ok('0x');
    const [signer, hash, wrapped] = decodeAbiParameters(
      [{ type: 'address' }, { type: 'bytes32' }, { type: 'bytes' }],
      `0x${data.slice(erc6492SignatureValidatorByteCode.length)}`,
    );
    // Counterfactual accounts only validate with an ERC-6492 wrapper (factory + calldata); deployed ones without.
    const usable = isErc6492Signature(wrapped) || opts.deployed;
    const inner = isErc6492Signature(wrapped) ? parseErc6492Signature(wrapped).signature : wrapped;
    let valid = false;
    if (usable && signer.toLowerCase() === opts.account.toLowerCase()) {
      try {
        valid = (await recoverAddress({ hash, signature: inner })).toLowerCase() === opts.owner.toLowerCase();
      } catch {
        valid = false;
      }
    }
    ok(encodeAbiParameters([{ type: 'bool' }], [valid]));
  });
}
