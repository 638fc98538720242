/**
 * EIP-4361 (SIWE) public vectors — spruceid/siwe test/*.json and spruceid/siwe-rs inline data (see README.md) —
 * run through our parser, builder, EIP-191 check and the whole verifySignIn. expectations.json holds OUR outcome
 * for each vector and says why it differs from the reference; `bug` entries assert the reference outcome (it.fails).
 */
import { describe, expect, it } from 'vitest';
import { verifyMessage, type Hex } from 'viem';
import { verifySignIn } from '../../../lib/auth/core';
import { createSignInMessage, parseSignInMessage, type SignInMessage } from '../../../lib/auth/message';
import { ethereumVerifier, normalizeEthereumAddress } from '../../../lib/chains/ethereum/verifier';
import { RP } from '../../helpers/relying-party';
import expectations from './expectations.json';
import siweRs from './siwe-rs.json';
import eip1271 from './spruceid-siwe/eip1271.json';
import invalidUris from './spruceid-siwe/invalid_uris.json';
import messageObjects from './spruceid-siwe/message_objects.json';
import parsingNegative from './spruceid-siwe/parsing_negative.json';
import parsingNegativeObjects from './spruceid-siwe/parsing_negative_objects.json';
import parsingPositive from './spruceid-siwe/parsing_positive.json';
import verificationNegative from './spruceid-siwe/verification_negative.json';
import verificationPositive from './spruceid-siwe/verification_positive.json';

type Fields = Record<string, string | number | string[] | undefined>;
interface Expected { ours: string; note?: string; bug?: string; signature?: string; incorrect?: string }
const FILES = expectations as unknown as Record<string, { default?: string; except?: Record<string, Expected> } & Record<string, Expected>>;
/** "Now" for vectors that give no `time` (siwe uses the wall clock): fixed, so results never drift. */
const VECTOR_NOW = new Date('2026-11-21T12:00:00Z');
const UNREACHABLE_RPC = { url: 'http://127.0.0.1:9', timeoutMs: 2000 };

function outcome(run: () => unknown, success: string): string {
  try {
    run();
    return success;
  } catch (e) {
    return (e as { code?: string }).code ?? 'throws';
  }
}

/** The EIP-4361 text for a vector's fields, written independently of lib/ (no validation: negatives must pass through). */
function eip4361Text(f: Fields): string {
  const lines = [`${f.domain} wants you to sign in with your Ethereum account:`, String(f.address), ''];
  lines.push(...(f.statement === undefined ? [''] : [String(f.statement), '']));
  lines.push(`URI: ${f.uri}`, `Version: ${f.version}`, `Chain ID: ${f.chainId}`, `Nonce: ${f.nonce}`, `Issued At: ${f.issuedAt}`);
  if (f.expirationTime) lines.push(`Expiration Time: ${f.expirationTime}`);
  if (f.notBefore) lines.push(`Not Before: ${f.notBefore}`);
  if (f.requestId) lines.push(`Request ID: ${f.requestId}`);
  if (Array.isArray(f.resources)) lines.push('Resources:', ...f.resources.map((r) => `- ${r}`));
  return lines.join('\n');
}

const asMessage = (o: Fields) =>
  ({ prefix: '', chainName: 'Ethereum', ...o, chainId: o.chainId === undefined ? undefined : String(o.chainId) }) as unknown as SignInMessage;

/** Our EIP-191 check alone (no message policy), as verifySignIn runs it after the policy checks. */
async function signatureOutcome(address: string, message: string, signature: string, rpc?: typeof UNREACHABLE_RPC) {
  try {
    const input = { chain: 'ethereum' as const, address, message, signature };
    // The Ethereum verifier reads only input, address, network and rpc; the parsed message is not used.
    await ethereumVerifier.verify({ input, address, message: {} as SignInMessage, network: 1, origin: '', domain: '', now: VECTOR_NOW, rpc });
    return 'valid';
  } catch (e) {
    return (e as { code: string }).code;
  }
}

/** The whole sign-in, with a relying party built from the vector itself (origin of its URI, its chain id, nonce, time). */
async function signInOutcome(text: string, f: { address: string; signature: string; origin: string; chainId: number; nonce: string; now: Date }) {
  const r = await verifySignIn(
    { chain: 'ethereum', address: f.address, message: text, signature: f.signature },
    { origin: f.origin, networks: { ...RP.networks, ethereum: f.chainId }, nonce: f.nonce, now: f.now },
  );
  return r.ok ? 'ok' : r.code;
}

function expectedFor(file: string, name: string): Expected {
  const spec = FILES[file];
  return spec.except?.[name] ?? (spec.default ? { ours: spec.default } : spec[name]);
}

const run = (e: Expected) => (e.bug ? it.fails : it);
/** With a known bug, the test asserts the reference outcome (and fails until lib/ is fixed). */
const target = (e: Expected, reference: string) => (e.bug ? reference : e.ours);

describe('EIP-4361 parsing vectors (spruceid/siwe)', () => {
  for (const [name, v] of Object.entries(parsingPositive)) {
    const e = expectedFor('parsing_positive.json', name);
    run(e)(`parsing_positive: ${name} → ${e.ours}`, () => {
      expect(outcome(() => parseSignInMessage(v.message), 'parses')).toBe(target(e, 'parses'));
      if (e.ours !== 'parses') return;
      const parsed = parseSignInMessage(v.message);
      expect(parsed).toMatchObject(v.fields);
      expect(createSignInMessage(parsed)).toBe(v.message); // our canonical layout is EIP-4361's
    });
  }
  const negatives = { 'parsing_negative.json': parsingNegative, 'invalid_uris.json': invalidUris } as Record<string, Record<string, string>>;
  for (const [file, vectors] of Object.entries(negatives))
    for (const [name, text] of Object.entries(vectors)) {
      const e = expectedFor(file, name);
      run(e)(`${file.replace('.json', '')}: ${name} → ${e.ours}`, () => {
        expect(outcome(() => parseSignInMessage(text), 'parses')).toBe(target(e, 'invalid_message'));
      });
    }
  it('a parsed non-EIP-55 address is refused by verifySignIn (address_mismatch)', async () => {
    const text = (parsingNegative as Record<string, string>)['address not EIP-55'];
    const r = await verifySignIn({ chain: 'ethereum', address: '0xe5a12547fe4e872d192e3ececb76f2ce1aea4946', message: text, signature: `0x${'11'.repeat(65)}` }, { origin: 'https://service.org', networks: RP.networks, nonce: parseSignInMessage(text).nonce, now: new Date('2022-03-17T13:00:00Z') });
    expect(r).toMatchObject({ ok: false, code: 'address_mismatch' });
  });
});

describe('EIP-4361 message objects (spruceid/siwe) through createSignInMessage', () => {
  const objects = {
    'parsing_negative_objects.json': parsingNegativeObjects,
    'message_objects.json': Object.fromEntries(Object.entries(messageObjects).map(([k, v]) => [k, v.msg])),
  } as Record<string, Record<string, Fields>>;
  for (const [file, vectors] of Object.entries(objects))
    for (const [name, object] of Object.entries(vectors)) {
      const e = expectedFor(file, name);
      run(e)(`${file.replace('.json', '')}: ${name} → ${e.ours}`, () => {
        const got = outcome(() => parseSignInMessage(createSignInMessage(asMessage(object))), 'builds');
        const reference = file === 'message_objects.json' && name.startsWith('valid') ? 'builds' : 'invalid_message';
        if (e.ours === 'throws') expect(got).not.toBe('builds');
        else expect(got).toBe(target(e, reference));
        // The builder is chain-agnostic; the Ethereum layer only ever writes (and accepts) the EIP-55 form.
        if (e.ours === 'builds' && !e.bug) expect(normalizeEthereumAddress(String(object.address)) === object.address).toBe(!name.includes('EIP-55'));
      });
    }
});

describe('EIP-4361 verification vectors (spruceid/siwe, siwe-rs)', () => {
  const files = { 'verification_positive.json': verificationPositive, 'verification_negative.json': verificationNegative } as Record<string, Record<string, Fields>>;
  for (const [file, vectors] of Object.entries(files))
    for (const [name, f] of Object.entries(vectors)) {
      const e = expectedFor(file, name);
      run(e)(`${file.replace('.json', '')}: ${name} → ${e.ours} (signature: ${e.signature})`, async () => {
        const text = eip4361Text(f);
        const [address, signature] = [String(f.address), String(f.signature)];
        const sig = await signatureOutcome(address, text, signature);
        expect(sig).toBe(e.signature);
        if (sig !== 'malformed_input') expect(await verifyMessage({ address: address as Hex, message: text, signature: signature as Hex })).toBe(sig === 'valid'); // viem agrees
        const origin = f.domainBinding ? `https://${f.domainBinding}` : new URL(String(f.uri)).origin;
        const now = f.time ? new Date(String(f.time)) : VECTOR_NOW;
        const got = await signInOutcome(text, { address, signature, origin, chainId: Number(f.chainId), nonce: String(f.matchNonce ?? f.nonce), now });
        expect(got).toBe(target(e, 'invalid_message'));
      });
    }

  for (const [name, v] of Object.entries(eip1271)) {
    const e = expectedFor('eip1271.json', name);
    it(`eip1271: ${name} → ${e.ours} (signature without RPC: ${e.signature}; with an unreachable RPC: unavailable)`, async () => {
      const parsed = parseSignInMessage(v.message);
      expect(await signatureOutcome(parsed.address, v.message, v.signature)).toBe(e.signature);
      expect(await signatureOutcome(parsed.address, v.message, v.signature, UNREACHABLE_RPC)).toBe('unavailable');
      const x = { address: parsed.address, signature: v.signature, origin: parsed.uri, chainId: 1, nonce: parsed.nonce, now: new Date(parsed.issuedAt) };
      expect(await signInOutcome(v.message, x)).toBe(e.ours);
    });
  }

  for (const [name, v] of Object.entries(siweRs.verification)) {
    const e = expectedFor('siwe-rs.json', name);
    it(`siwe-rs: ${name} → ${e.ours} (correct signature: ${e.signature}, incorrect: ${e.incorrect})`, async () => {
      const parsed = parseSignInMessage(v.message);
      expect(await signatureOutcome(parsed.address, v.message, v.correct)).toBe(e.signature);
      expect(await signatureOutcome(parsed.address, v.message, v.incorrect)).toBe(e.incorrect);
      const origin = `http://${parsed.domain}`;
      const x = { address: parsed.address, signature: v.correct, origin, chainId: 1, nonce: parsed.nonce, now: new Date(parsed.issuedAt) };
      expect(await signInOutcome(v.message, x)).toBe(e.ours);
    });
  }
});

describe('siwe-rs parsing and EIP-55 data', () => {
  for (const [name, v] of Object.entries(siweRs.parsing))
    it(`siwe-rs parsing: ${name} → ${v.valid ? 'parses, round-trips' : 'invalid_message'}`, () => {
      expect(outcome(() => parseSignInMessage(v.message), 'parses')).toBe(v.valid ? 'parses' : 'invalid_message');
      if (v.valid) expect(createSignInMessage(parseSignInMessage(v.message))).toBe(v.message);
    });
  it('EIP-55 checksummed addresses: we write exactly these from any case', () => {
    for (const a of siweRs.eip55.checksummed) {
      expect(normalizeEthereumAddress(a.toLowerCase())).toBe(a);
      expect(normalizeEthereumAddress(`0x${a.slice(2).toUpperCase()}`)).toBe(a);
    }
  });
  it('EIP-55 bad checksums: a message naming one is refused (address_mismatch)', async () => {
    const f = (verificationPositive as Record<string, Fields>)['example message'];
    for (const address of siweRs.eip55.badChecksum) {
      expect(normalizeEthereumAddress(address)).not.toBe(address);
      const text = eip4361Text({ ...f, address });
      const r = await signInOutcome(text, { address, signature: String(f.signature), origin: 'https://login.xyz', chainId: 1, nonce: String(f.nonce), now: VECTOR_NOW });
      expect(r).toBe('address_mismatch');
    }
  });
});
