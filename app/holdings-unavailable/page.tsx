import type { Metadata } from 'next';
import { HoldingsUnavailable } from '@/components/gate/holdings-unavailable';

export const metadata: Metadata = { title: 'Holdings unavailable' };

export default function HoldingsUnavailablePage() {
  return <HoldingsUnavailable />;
}
