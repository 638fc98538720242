/** Field limits of the profile.update action, shared by the schema and the browser form (no zod in the client). */
export const PROFILE_LIMITS = { displayName: 40, bio: 280 } as const;
