/** Where this tab keeps its tokens (session.ts); apart, so the header can look without the session code. */
export const TOKENS = 'conference:tokens';
