import 'server-only';
/** The member's profile. Written only by the wallet-signed action "profile.update" (lib/actions/service.ts). */
import type { ProfileParams } from '../actions/profile';
import { db, type PrismaClient } from '../db';

export interface ProfileView {
  displayName: string;
  bio: string;
  updatedAt: string;
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const view = (p: { displayName: string; bio: string; updatedAt: Date }): ProfileView => ({ displayName: p.displayName, bio: p.bio, updatedAt: p.updatedAt.toISOString() });

export async function getProfile(userId: string): Promise<ProfileView | null> {
  const row = await (await db()).profile.findUnique({ where: { userId } });
  return row ? view(row) : null;
}

export async function saveProfile(tx: Tx, userId: string, params: ProfileParams): Promise<ProfileView> {
  const data = { displayName: params.displayName, bio: params.bio, updatedAt: new Date() };
  return view(await tx.profile.upsert({ where: { userId }, create: { userId, ...data }, update: data }));
}

export type { Tx };
