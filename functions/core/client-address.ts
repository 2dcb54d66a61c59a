/**
 * The client's address, for limits per client: the one address a client cannot choose.
 * Where it comes from is configuration (CLIENT_ADDRESS_SOURCE), never a guess at where the
 * code runs:
 *   cloudfront-viewer-address  the CloudFront-Viewer-Address header (`ip:port`), which
 *                              CloudFront writes itself when the origin request policy asks
 *                              for it; trusted only on requests that carried the origin
 *                              secret, so only on requests that came through CloudFront
 *   socket                     the peer of the TCP connection (@hono/node-server's
 *                              `c.env.incoming`): the local twin, with nothing in front
 * X-Forwarded-For is never read: any client writes its first entry.
 *
 * A request whose address is not known this way counts as UNKNOWN_CLIENT, one client for all
 * such requests, so nobody can spread requests over invented addresses. IPv6 addresses count
 * per /64, the block one subscriber usually holds (else one machine has 2^64 addresses to
 * rotate through); an IPv4-mapped IPv6 address counts as its IPv4 address.
 */
import { isIP } from 'node:net';
import type { Context } from 'hono';
import { VIEWER_ADDRESS_HEADER } from './headers.ts';

export const CLIENT_ADDRESS_SOURCES = ['cloudfront-viewer-address', 'socket'] as const;
export type ClientAddressSource = (typeof CLIENT_ADDRESS_SOURCES)[number];

export const UNKNOWN_CLIENT = 'unknown';

/** The 8 groups of an IPv6 address (which `isIP` has accepted), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase().split('%')[0] ?? '';
  // A trailing dotted IPv4 address is the last two groups.
  const dotted = text.match(/^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(2).map(Number) as [number, number, number, number];
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups = halves.length === 2 ? [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail] : head;
  if (groups.length !== 8) return undefined;
  return groups.map((group) => Number.parseInt(group, 16));
}

/** The key an IP address is counted under, or undefined when it is not an IP address. */
export function clientKey(address: string): string | undefined {
  const family = isIP(address);
  if (family === 4) return address;
  if (family !== 6) return undefined;
  const groups = ipv6Groups(address);
  if (!groups) return undefined;
  // ::ffff:a.b.c.d is an IPv4 client (a dual-stack socket reports IPv4 peers this way).
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/**
 * The IP address in a CloudFront-Viewer-Address value: `198.51.100.10:46532`, or for IPv6
 * `2001:db8::1:46532` (CloudFront's form: the port after the last colon) or
 * `[2001:db8::1]:46532`. Anything else, including several values, is no address.
 */
export function viewerAddressIp(value: string | undefined): string | undefined {
  const text = value?.trim() ?? '';
  const match = text.match(/^\[([^\]]+)\]:(\d{1,5})$/) ?? text.match(/^([^[\],\s]+):(\d{1,5})$/);
  if (!match) return undefined;
  const [, ip = '', port] = match;
  if (Number(port) > 65535 || !isIP(ip)) return undefined;
  return ip;
}

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/** The key the request's client is counted under, from the configured source. */
export function clientAddress(c: Context, source: ClientAddressSource | undefined): string {
  let ip: string | undefined;
  if (source === 'cloudfront-viewer-address') {
    // Without the origin secret nothing says CloudFront wrote this header.
    if (c.get('cameThroughEdge')) ip = viewerAddressIp(c.req.header(VIEWER_ADDRESS_HEADER));
  } else if (source === 'socket') {
    ip = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
  }
  return (ip && clientKey(ip)) || UNKNOWN_CLIENT;
}

/** CLIENT_ADDRESS_SOURCE, checked; undefined when unset. */
export function clientAddressSourceFromEnv(
  env: Record<string, string | undefined> = process.env,
): ClientAddressSource | undefined {
  const value = env.CLIENT_ADDRESS_SOURCE?.trim();
  if (!value) return undefined;
  if (!(CLIENT_ADDRESS_SOURCES as readonly string[]).includes(value)) {
    throw new Error(`CLIENT_ADDRESS_SOURCE must be one of ${CLIENT_ADDRESS_SOURCES.join(', ')}, not "${value}"`);
  }
  return value as ClientAddressSource;
}
