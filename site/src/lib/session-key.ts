/** Where this tab keeps its tokens (session.ts); apart, so the header can look without the session code. */
export const TOKENS = 'conference:tokens';

/**
 * Who the API last said is signed in in this tab (GET /api/me, read by every signed-in
 * island), so the header can name them and offer only the areas they have.
 */
export const WHO = 'conference:who';

export type Who = { email: string | null; roles: string[]; sponsorIds: string[] };
