/**
 * The local twin answers only its own names, so a page on another host that resolves to
 * 127.0.0.1 (DNS rebinding) cannot read its mail, API or sign-in; and signing in works on
 * http://127.0.0.1:<port> as on http://localhost:<port>. This file starts its own stack (in
 * memory, on a free port, serving the site the e2e tier's stack built) within a bound, and
 * stops it, DynamoDB Local's Java included.
 */
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/stack.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const START_WITHIN_MS = 120_000;

let starting: Promise<LocalStack> | undefined;
let stack: LocalStack | undefined;
let port = 0;

beforeAll(async () => {
  // The e2e tier's own stack built the site and serves it too: this one only serves it.
  starting = startLocalStack({ root, port: 0, inMemory: true, buildSite: false });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`The local stack did not start within ${START_WITHIN_MS} ms`)),
      START_WITHIN_MS,
    );
  });
  try {
    stack = await Promise.race([starting, deadline]);
  } finally {
    clearTimeout(timer);
  }
  port = Number(new URL(stack.url).port);
}, START_WITHIN_MS + 5_000);

afterAll(async () => {
  // Even when the start outran its bound, wait for it to settle and stop what it started.
  const started = stack ?? (await starting?.catch(() => undefined));
  await started?.stop();
  if (started?.javaPid) expect(isRunning(started.javaPid)).toBe(false);
}, 60_000);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

type Answer = { status: number; type: string; body: string };

/** A GET to the stack's socket with the Host header a browser would send for `host`. */
function get(path: string, host: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host }, agent: false, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', fail);
    req.end();
  });
}

/** An HTTP/1.0 request without any Host header (Node's client always sends one). */
function getWithoutHost(path: string): Promise<number> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.0\r\n\r\n`));
    let head = '';
    socket.setEncoding('utf8');
    socket.setTimeout(10_000, () => socket.destroy(new Error('timed out')));
    socket.on('data', (chunk: string) => (head += chunk));
    socket.on('end', () => done(Number(/^HTTP\/1\.\d (\d{3})/.exec(head)?.[1] ?? 0)));
    socket.on('error', fail);
  });
}

/** `npm run dev:token` against the given origin: the site's own code + PKCE flow. */
function devToken(origin: string, email: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [join(root, 'scripts/dev-token.ts'), email],
      { cwd: root, env: { ...process.env, DEV_STACK_URL: origin }, timeout: 30_000 },
      (error, stdout, stderr) => (error ? fail(new Error(`dev:token failed: ${stderr.trim()}`)) : done(stdout.trim())),
    );
  });
}

const PATHS = ['/', '/fr/', '/api/health', '/api/events', '/_local/mail', '/_local/mail.json', '/oidc'];
const OIDC_PATHS = ['/oidc/.well-known/openid-configuration', '/oidc/.well-known/jwks.json'];

describe('the local stack answers only its own host names', () => {
  it.each([...PATHS, ...OIDC_PATHS])('refuses foreign hosts on %s', async (path) => {
    const foreign = [
      `attacker.example:${port}`,
      'attacker.example',
      `localhost.attacker.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `localhost:${port + 1}`,
      'localhost',
    ];
    for (const host of foreign) {
      const answer = await get(path, host);
      expect([421, 403], `${host}${path} answered ${answer.status}`).toContain(answer.status);
      if (path.startsWith('/api/')) {
        expect(answer.type).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(answer.body)).toMatchObject({ status: answer.status });
      } else {
        expect(answer.type).toMatch(/^text\/plain/);
      }
      expect(answer.body.length).toBeLessThan(300);
    }
    expect([421, 403]).toContain(await getWithoutHost(path));
  });

  it.each(['/api/health', '/_local/mail.json', ...OIDC_PATHS])('answers its own names on %s', async (path) => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LocalHost:${port}`]) {
      expect((await get(path, host)).status, `${host}${path}`).toBe(200);
    }
  });

  it('publishes an issuer for the host it is asked on', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      const discovery = JSON.parse((await get('/oidc/.well-known/openid-configuration', host)).body) as {
        issuer: string;
      };
      expect(discovery.issuer).toBe(`http://${host}/oidc`);
    }
  });
});

describe('signing in on either local origin', () => {
  it.each(['127.0.0.1', 'localhost'])('gives a token at http://%s:<port> that /api/me accepts', async (hostname) => {
    const origin = `http://${hostname}:${port}`;
    const token = await devToken(origin, 'organiser@example.org');
    expect(decodeJwt(token).iss).toBe(`${origin}/oidc`);
    for (const api of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const me = await fetch(`${api}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status, `${origin} token on ${api}`).toBe(200);
      expect(await me.json()).toMatchObject({ email: 'organiser@example.org', roles: ['organiser'] });
    }
  });
});
