/**
 * The local stack answers only its own names: localhost, 127.0.0.1 and [::1] on its port.
 * Any other Host (say a name a hostile page rebinds to 127.0.0.1: DNS rebinding), a missing
 * one or a request target that is not a path gets 421 Misdirected Request before any route
 * runs, so such a page cannot read the local mail, call the API or use the sign-in.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE } from '../functions/core/problem.ts';

export const LOCAL_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

/** Every origin the stack answers on; the first is the one it advertises. */
export const localOrigins = (port: number): string[] => LOCAL_HOSTNAMES.map((name) => `http://${name}:${port}`);

/** The origin a request was addressed to when it is one of ours, else undefined. */
export function ownOrigin(req: IncomingMessage, port: number): string | undefined {
  const host = req.headers.host?.toLowerCase();
  if (!host || !req.url?.startsWith('/')) return undefined;
  const name = LOCAL_HOSTNAMES.find((n) => host === `${n}:${port}` || (port === 80 && host === n));
  return name ? `http://${name}:${port}` : undefined;
}

/** 421 with a short explanation: problem+json under /api, plain text elsewhere. */
export function refuseForeignHost(req: IncomingMessage, res: ServerResponse, port: number): void {
  const detail = `This local server answers only ${localOrigins(port).join(', ')}.`;
  const path = req.url?.split('?')[0] ?? '';
  const api = path === '/api' || path.startsWith('/api/');
  const body = api
    ? JSON.stringify({ type: '/problems/misdirected', title: 'Misdirected Request', status: 421, detail })
    : `Misdirected request. ${detail}\n`;
  res.writeHead(421, {
    'Content-Type': api ? PROBLEM_CONTENT_TYPE : 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
