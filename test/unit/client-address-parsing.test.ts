/** Reading CloudFront-Viewer-Address and turning an address into the key a client is counted under. */
import { describe, expect, it } from 'vitest';
import {
  clientAddressSourceFromEnv,
  clientKey,
  UNKNOWN_CLIENT,
  viewerAddressIp,
} from '../../functions/core/client-address.ts';

describe('CloudFront-Viewer-Address', () => {
  it('reads IPv4 and both IPv6 forms, port last', () => {
    expect(viewerAddressIp('198.51.100.10:46532')).toBe('198.51.100.10');
    // CloudFront's own IPv6 form: no brackets, the port after the last colon.
    expect(viewerAddressIp('2001:db8:85a3::8a2e:370:7334:46532')).toBe('2001:db8:85a3::8a2e:370:7334');
    expect(viewerAddressIp('2001:db8::1:443')).toBe('2001:db8::1');
    expect(viewerAddressIp('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(viewerAddressIp(' 203.0.113.9:1 ')).toBe('203.0.113.9');
  });

  it('reads nothing from anything else', () => {
    for (const value of [
      undefined,
      '',
      '198.51.100.10',
      '198.51.100.10:',
      '198.51.100.10:99999',
      '198.51.100.300:443',
      'example.org:443',
      '203.0.113.1:443, 198.51.100.2:443',
      '[2001:db8::1]',
      '[not-an-ip]:443',
      '2001:db8:443',
    ]) {
      expect(viewerAddressIp(value), String(value)).toBeUndefined();
    }
  });
});

describe('client keys', () => {
  it('counts an IPv4 address as itself, an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(clientKey('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('::ffff:c633:6407')).toBe('198.51.100.7');
  });

  it('counts an IPv6 address by its /64, the block one subscriber holds', () => {
    expect(clientKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(clientKey('2001:0DB8:00aa:00bb:ffff::1')).toBe('2001:db8:aa:bb::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('64:ff9b::198.51.100.7')).toBe('64:ff9b:0:0::/64');
    // Two addresses of one /64 are one client; of two /64s, two.
    expect(clientKey('2001:db8:1:2::a')).toBe(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(clientKey('2001:db8:1:2::a')).not.toBe(clientKey('2001:db8:1:3::a'));
  });

  it('has no key for what is not an IP address', () => {
    expect(clientKey('unknown')).toBeUndefined();
    expect(clientKey('')).toBeUndefined();
    expect(UNKNOWN_CLIENT).toBe('unknown');
  });
});

describe('CLIENT_ADDRESS_SOURCE', () => {
  it('is one of the known sources, or unset', () => {
    expect(clientAddressSourceFromEnv({})).toBeUndefined();
    expect(clientAddressSourceFromEnv({ CLIENT_ADDRESS_SOURCE: 'socket' })).toBe('socket');
    expect(clientAddressSourceFromEnv({ CLIENT_ADDRESS_SOURCE: 'cloudfront-viewer-address' })).toBe(
      'cloudfront-viewer-address',
    );
    expect(() => clientAddressSourceFromEnv({ CLIENT_ADDRESS_SOURCE: 'x-forwarded-for' })).toThrow(
      'CLIENT_ADDRESS_SOURCE must be one of cloudfront-viewer-address, socket, not "x-forwarded-for"',
    );
  });
});
