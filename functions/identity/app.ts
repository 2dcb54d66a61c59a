import { createApp, type EdgeOptions } from '../core/app.ts';
import { type MembershipLookup, requirePrincipal, type TokenVerifier } from '../core/auth.ts';
import { meRoute } from './routes.ts';

export function createIdentityApp(deps: {
  verifyToken: TokenVerifier;
  sponsorIdsOf: MembershipLookup;
  allowedOrigins?: string[];
  edge?: EdgeOptions;
}) {
  const app = createApp({ ...deps.edge, verifyToken: deps.verifyToken, allowedOrigins: deps.allowedOrigins });
  app.openapi(meRoute, async (c) => {
    const principal = await requirePrincipal(c);
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        sub: principal.sub,
        email: principal.email ?? null,
        roles: principal.roles,
        sponsorIds: await deps.sponsorIdsOf(principal.sub),
      },
      200,
    );
  });
  return app;
}
