/**
 * ergo-lib-wasm-nodejs, loaded on first use (its .wasm compiles at import; other chains' tests and routes skip it).
 * Every wasm call is wrapped: a throw on unreadable input means "not a valid proof", never a crash.
 */
type ErgoLib = typeof import('ergo-lib-wasm-nodejs');

let loading: Promise<ErgoLib> | undefined;

export function loadErgoLib(): Promise<ErgoLib> {
  loading ??= import('ergo-lib-wasm-nodejs').then((m) => ((m as { default?: ErgoLib }).default ?? m) as ErgoLib);
  return loading;
}

/** True when `proof` proves knowledge of the key of P2PK `address` over one of `layouts`. */
export async function proofVerifiesAny(address: string, layouts: Uint8Array[], proof: Uint8Array): Promise<boolean> {
  const lib = await loadErgoLib();
  let parsed: InstanceType<ErgoLib['Address']>;
  try {
    parsed = lib.Address.from_base58(address);
  } catch {
    return false;
  }
  try {
    if (parsed.address_type_prefix() !== lib.AddressTypePrefix.P2Pk) return false;
    return layouts.some((bytes) => {
      try {
        return lib.verify_signature(parsed, bytes, proof);
      } catch {
        return false;
      }
    });
  } finally {
    parsed.free();
  }
}
