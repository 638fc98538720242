/**
 * The first wallet-signed action: update the member's profile (display name and a short bio). Browser-safe: the
 * form reads the limits from here, the server parses with the same schema and renders the same statement.
 */
import { z } from 'zod';
import { isStatement } from '../auth/message';
import { PROFILE_LIMITS } from './limits';
import type { ActionDefinition } from './registry';

export { PROFILE_LIMITS };

// Control characters, line/paragraph separators and bidi overrides: each could hide or reorder signed text.
const UNSAFE_RE = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

// Lengths count UTF-16 units (as a browser's maxlength does), which keeps the statement within the message limit.
const text = (min: number, max: number, name: string) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(min, `The ${name} must not be empty.`)
        .max(max, `The ${name} must be at most ${max} characters.`)
        .refine((s) => !UNSAFE_RE.test(s), `The ${name} must not contain control characters or line breaks.`),
    );

export const profileParams = z.object({
  displayName: text(1, PROFILE_LIMITS.displayName, 'display name'),
  bio: text(0, PROFILE_LIMITS.bio, 'bio').default(''),
});

export type ProfileParams = z.infer<typeof profileParams>;

// EIP-4361 statements are ASCII letters, digits, spaces and URI punctuation: a value outside that is not quoted in
// the statement (the wallet shows the params hash resource, which binds it all the same).
const quoted = (v: string) => (isStatement(v) ? `'${v}'` : '(as shown in the app)');

export const profileUpdate: ActionDefinition<typeof profileParams> = {
  name: 'profile.update',
  params: profileParams,
  statement: (p, app) => `Confirm: update my ${app} profile - display name ${quoted(p.displayName)}, ${p.bio ? `bio ${quoted(p.bio)}` : 'no bio'}`,
};
