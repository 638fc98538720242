'use client';
/**
 * False in the server render and until React has hydrated, true after. Buttons whose work is a click handler stay
 * disabled until then, so an early click is never silently lost (and tests wait for them to be enabled).
 */
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

export const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);
