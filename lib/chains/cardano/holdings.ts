/**
 * Cardano holdings through Koios: POST /account_assets for stake addresses (everything the account's addresses hold),
 * POST /address_assets for payment addresses (that one address). Accepts Koios v1's flat rows
 * ({policy_id, asset_name, quantity}) and the older nested rows ({asset_list: [...]}). Any upstream failure or a reply
 * of another shape throws UpstreamError, so the gate fails closed; a large account is paged, never silently cut short.
 */
import { UpstreamError, fetchJson } from '../../net/fetch-json';
import type { Asset, Endpoint, HoldingsSource } from '../types';
import { parseAddress } from './address';

const PAGE_SIZE = 1000; // Koios's maximum rows per response
const MAX_PAGES = 50;
const POLICY_RE = /^[0-9a-f]{56}$/;
const ASSET_NAME_RE = /^([0-9a-f]{2}){0,32}$/;

interface AssetRow {
  policyId: string;
  assetName: string;
  quantity: bigint;
}

const garbage = (detail: string): never => {
  throw new UpstreamError(`Koios answered in an unexpected shape (${detail})`);
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readQuantity(value: unknown): bigint {
  if (typeof value === 'string' && /^\d{1,40}$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return garbage('quantity');
}

function readAssetRow(row: unknown): AssetRow {
  if (!isRecord(row) || typeof row.policy_id !== 'string') return garbage('policy_id');
  const assetName = row.asset_name ?? '';
  if (typeof assetName !== 'string') return garbage('asset_name');
  return { policyId: row.policy_id.toLowerCase(), assetName: assetName.toLowerCase(), quantity: readQuantity(row.quantity) };
}

/** Flattens one page of Koios rows (either shape), checking each row is about `address`. */
function readRows(body: unknown, addressField: string, address: string): AssetRow[] {
  if (!Array.isArray(body)) return garbage('not an array');
  return body.flatMap((row): AssetRow[] => {
    if (!isRecord(row)) return garbage('row');
    if (row[addressField] !== undefined && row[addressField] !== address) return garbage(`${addressField} of another address`);
    if ('asset_list' in row) {
      if (!Array.isArray(row.asset_list)) return garbage('asset_list');
      return row.asset_list.map(readAssetRow);
    }
    return [readAssetRow(row)];
  });
}

function checkAsset(asset: Asset<'cardano'>): { policyId: string; assetName?: string } {
  const policyId = asset.policyId.toLowerCase();
  const assetName = asset.assetName?.toLowerCase();
  if (!POLICY_RE.test(policyId)) throw new Error(`Cardano gate rule: policy id must be 56 hex digits, got "${asset.policyId}".`);
  if (assetName !== undefined && !ASSET_NAME_RE.test(assetName)) throw new Error('Cardano gate rule: asset name must be hex (up to 32 bytes).');
  return { policyId, assetName };
}

export function createCardanoHoldings(endpoint: Endpoint): HoldingsSource<'cardano'> {
  return {
    chain: 'cardano',
    async balance(address, asset, signal) {
      const wanted = checkAsset(asset);
      const parsed = parseAddress(address);
      const isStake = parsed.kind === 'reward';
      const path = isStake ? 'account_assets' : 'address_assets';
      const body = isStake ? { _stake_addresses: [parsed.bech32] } : { _addresses: [parsed.bech32] };
      const addressField = isStake ? 'stake_address' : 'address';
      let total = 0n;
      for (let page = 0; page < MAX_PAGES; page++) {
        const reply = await fetchJson(endpoint, `${path}?offset=${page * PAGE_SIZE}&limit=${PAGE_SIZE}`, { body, signal });
        for (const row of readRows(reply, addressField, parsed.bech32)) {
          if (row.policyId === wanted.policyId && (wanted.assetName === undefined || row.assetName === wanted.assetName)) total += row.quantity;
        }
        if ((reply as unknown[]).length < PAGE_SIZE) return total;
      }
      throw new UpstreamError(`Koios: more than ${MAX_PAGES * PAGE_SIZE} asset rows for one address`);
    },
  };
}
