/**
 * The local provider's sign-in page: the user gives the email of a seeded or invited
 * account; no password exists locally (Cognito asks for password and MFA in AWS).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { LocalAccounts } from './accounts.ts';
import { OIDC_PATH } from './oidc-provider.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid: string, accounts: LocalAccounts, error?: string): string {
  const options = accounts
    .all()
    .map((a) => `<li><code>${escapeHtml(a.email)}</code></li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Customs IT Conference (local)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
label{display:block;font-weight:600;margin-bottom:.25rem}input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box}
button{font:inherit;margin-top:1rem;padding:.6rem 1.2rem;background:#0b4f8a;color:#fff;border:0;border-radius:4px}
.error{color:#a4161a;font-weight:600}</style></head>
<body><main>
<h1>Sign in</h1>
<p>Local sign-in for the development stack: enter the email of an account. In AWS this page is Cognito's, with password and MFA.</p>
${error ? `<p class="error" role="alert" id="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${OIDC_PATH}/interaction/${escapeHtml(uid)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required ${error ? 'aria-describedby="error" aria-invalid="true"' : ''}>
<button type="submit">Sign in</button>
</form>
<h2>Accounts</h2><ul>${options}</ul>
</main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 4096) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

/** Answers the interaction routes; returns false for every other provider route. */
export async function handleInteraction(
  provider: Provider,
  accounts: LocalAccounts,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const match = /^\/oidc\/interaction\/([\w-]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
  if (!match) return false;
  const uid = match[1]!;
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      send(res, 200, page(uid, accounts));
      return true;
    }
    if (req.method === 'POST' && details.prompt.name === 'login') {
      const email = (await formBody(req)).get('email') ?? '';
      const account = accounts.byEmail(email);
      if (!account) {
        send(res, 400, page(uid, accounts, `No account for ${email}.`));
        return true;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
      return true;
    }
    send(res, 405, page(uid, accounts, 'Use the form to sign in.'));
  } catch {
    send(
      res,
      400,
      '<!doctype html><html lang="en"><title>Sign-in expired</title><main><h1>This sign-in has expired</h1><p><a href="/">Start again</a></p></main></html>',
    );
  }
  return true;
}
