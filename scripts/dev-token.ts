/**
 * `npm run dev:token -- <email>`: signs a seeded account in to the running local stack's
 * OpenID provider (authorization code + PKCE, the site's own flow) and prints the access token.
 */
import { finishSignIn, startSignIn } from '../site/src/lib/oidc-client.ts';

const email = process.argv[2];
if (!email) {
  console.error('Usage: npm run dev:token -- <email>   (for example organiser@example.org)');
  process.exit(2);
}
const origin = process.env.DEV_STACK_URL ?? `http://localhost:${process.env.PORT ?? 4321}`;
const settings = { issuer: '/oidc', clientId: 'conference-site', scope: 'openid email api' };
const redirectUri = `${origin}/console/`;

const cookies = new Map<string, string>();
async function step(url: string | URL, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: {
      ...(init.headers as Record<string, string>),
      cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const [name, ...value] = pair!.split('=');
    cookies.set(name!.trim(), value.join('='));
  }
  return response;
}
const next = (response: Response) => {
  const location = response.headers.get('location');
  if (!location) throw new Error(`Sign-in stopped at ${response.status} ${response.url}`);
  return new URL(location, origin);
};

try {
  const start = await startSignIn(settings, origin, redirectUri, email);
  const interaction = next(await step(start.url));
  const afterLogin = await step(interaction, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email }).toString(),
  });
  if (afterLogin.status === 400) throw new Error(`No local account for ${email}`);
  let url = next(afterLogin);
  while (!url.href.startsWith(redirectUri)) url = next(await step(url));
  const tokens = await finishSignIn(settings, origin, url, redirectUri, start);
  console.log(tokens.accessToken);
} catch (error) {
  console.error(`Could not get a token from ${origin}: ${error instanceof Error ? error.message : String(error)}`);
  console.error('Is `npm start` running (PORT or DEV_STACK_URL set to it)?');
  process.exit(1);
}
