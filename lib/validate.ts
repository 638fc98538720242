/** Parses input with a zod schema; the first problem becomes AppError('malformed_input') naming the field. */
import type { z } from 'zod';
import { AppError } from './errors';

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new AppError('malformed_input', `Field "${issue?.path.join('.') || 'body'}": ${issue?.message ?? 'invalid'}.`);
}
