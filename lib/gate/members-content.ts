/**
 * The members-only content, in one place: the /members page renders it and GET /api/members/content returns it,
 * both behind the same gate (lib/gate/gate.ts checkAccess). Replace it with your own.
 */
export interface MembersContent {
  headline: string;
  items: { id: string; title: string; body: string }[];
}

export const MEMBERS_CONTENT: MembersContent = {
  headline: 'The holders’ corner',
  items: [
    { id: 'roadmap', title: 'Roadmap preview', body: 'Next up: a sixth chain, signed actions for trading, and holder-only polls.' },
    { id: 'office-hours', title: 'Office hours', body: 'Every first Thursday, 17:00 UTC — bring your fork and your questions.' },
    { id: 'download', title: 'Member kit', body: 'Wallpapers and the pass artwork in full resolution, for holders only.' },
  ],
};
