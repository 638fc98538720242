/** Browser-safe Ergo constants shared by the verifier, the connector and the demo wallet. */

/** challenge (24 bytes) ‖ z (32 bytes): the Schnorr proof of one P2PK key, as sigma-rust writes it. */
export const P2PK_PROOF_LENGTH = 56;

/** First base58 character of a P2PK address per network (prefix byte 0x01 / 0x11). */
export const P2PK_ADDRESS_START = { mainnet: '9', testnet: '3' } as const;
