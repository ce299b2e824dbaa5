import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rewriteForwardedHeaders } from './forwarded-headers';

const forged = {
  host: 'evil.example',
  'x-forwarded-for': '203.0.113.9',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'http',
  'x-forwarded-port': '80',
  forwarded: 'for=203.0.113.9;host=evil.example',
};
const request = () => ({ headers: { ...forged }, socket: { remoteAddress: '10.0.0.7' } }) as unknown as IncomingMessage;
const publicUrl = new URL('https://samlet.kommune.no');

describe('rewriteForwardedHeaders', () => {
  it('without a trusted proxy, replaces what the sender claims with the socket and the public URL', () => {
    const req = request();
    rewriteForwardedHeaders(req, { trustProxy: false, publicUrl, acceptedOrigin: null });
    expect(req.headers).toEqual({
      host: 'evil.example', // Next's fallback only; X-Forwarded-Host comes first everywhere
      'x-forwarded-for': '10.0.0.7',
      'x-forwarded-host': 'samlet.kommune.no',
      'x-forwarded-proto': 'https',
    });
  });

  it('behind a trusted proxy, keeps the proxy’s headers', () => {
    const req = request();
    rewriteForwardedHeaders(req, { trustProxy: true, publicUrl, acceptedOrigin: null });
    expect(req.headers).toEqual(forged);
  });

  it('names the origin the router accepted, so Next’s server-action check agrees with it', () => {
    for (const trustProxy of [false, true]) {
      const req = request();
      rewriteForwardedHeaders(req, { trustProxy, publicUrl, acceptedOrigin: 'http://localhost:3000' });
      expect(req.headers['x-forwarded-host']).toBe('localhost:3000');
      expect(req.headers['x-forwarded-proto']).toBe('http');
    }
  });
});
