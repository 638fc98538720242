/** Ethereum holdings: ERC-20 / ERC-721 `balanceOf(owner)` and ERC-1155 `balanceOf(owner, id)` via eth_call. */
import { decodeFunctionResult, encodeFunctionData, isHex, parseAbi, type Hex } from 'viem';
import { jsonRpc, UpstreamError } from '../../net/fetch-json';
import type { Endpoint, HoldingsSource } from '../types';

const erc20or721 = parseAbi(['function balanceOf(address owner) view returns (uint256)']);
const erc1155 = parseAbi(['function balanceOf(address owner, uint256 id) view returns (uint256)']);

export function createEthereumHoldings(endpoint: Endpoint): HoldingsSource<'ethereum'> {
  return {
    chain: 'ethereum',
    async balance(address, asset, signal) {
      const data =
        asset.standard === 'erc1155'
          ? encodeFunctionData({ abi: erc1155, functionName: 'balanceOf', args: [address as Hex, BigInt(asset.tokenId ?? '0')] })
          : encodeFunctionData({ abi: erc20or721, functionName: 'balanceOf', args: [address as Hex] });
      const result = await jsonRpc(endpoint, 'eth_call', [{ to: asset.contract, data }, 'latest'], signal);
      if (typeof result !== 'string' || !isHex(result) || result.length !== 66)
        throw new UpstreamError('eth_call: balanceOf answered something that is not a uint256');
      return decodeFunctionResult({ abi: erc20or721, functionName: 'balanceOf', data: result });
    },
  };
}
