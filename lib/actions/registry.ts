/**
 * Wallet-signed actions: a typed registry. Each action has a zod schema for its parameters and renders the human
 * statement the wallet shows. Its message also carries two resources — the action's name and the SHA-256 of the
 * canonical JSON of the parsed parameters — so a signature for "rename to A" can never save "B", and a sign-in or
 * link signature (other statement, other resources, other nonce purpose) can never confirm an action.
 * Browser-safe; performing an action is server-side (lib/actions/service.ts).
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import { paramsHash, type Json } from './canonical';
import { profileUpdate } from './profile';

export interface ActionDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  params: S;
  /** The one line the wallet shows; names the action and every parameter in words. */
  statement(params: z.infer<S>, appName: string): string;
}

export const ACTIONS = { 'profile.update': profileUpdate } as const;
export type ActionName = keyof typeof ACTIONS;
export type ActionParams<N extends ActionName> = z.infer<(typeof ACTIONS)[N]['params']>;
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

export const isActionName = (v: unknown): v is ActionName => typeof v === 'string' && Object.hasOwn(ACTIONS, v);

export interface ParsedAction<N extends ActionName = ActionName> {
  name: N;
  params: ActionParams<N>;
}

/** Validates the action's name and parameters. Throws AppError('malformed_input') naming the bad field. */
export function parseAction(name: unknown, params: unknown): ParsedAction {
  if (!isActionName(name)) throw new AppError('malformed_input', `Unknown action${typeof name === 'string' ? ` "${name.slice(0, 64)}"` : ''}.`);
  const r = ACTIONS[name].params.safeParse(params);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new AppError('malformed_input', `Field "params${issue?.path.length ? `.${issue.path.join('.')}` : ''}": ${issue?.message ?? 'invalid'}.`);
  }
  return { name, params: r.data };
}

export const actionPurpose = (name: ActionName) => `action:${name}`;

/** The statement and resources the action's message must carry, rebuilt from the parsed parameters. */
export function actionIntent(action: ParsedAction, appName: string) {
  const def = ACTIONS[action.name] as ActionDefinition;
  return {
    purpose: actionPurpose(action.name),
    statement: def.statement(action.params, appName),
    resources: [`urn:walletgate:action:${action.name}`, `urn:walletgate:params:sha256:${paramsHash(action.params as Json)}`],
  };
}
