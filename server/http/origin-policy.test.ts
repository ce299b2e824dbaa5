import { describe, expect, it } from 'vitest';
import { acceptedOrigin, isSafeMethod, isSameOriginRequest, type OriginContext } from './origin-policy';

const publicOrigin = 'https://samlet.kommune.no';
const direct: OriginContext = { publicOrigin, trustProxy: false, loopbackPort: null };
const proxied: OriginContext = { ...direct, trustProxy: true };
const demo: OriginContext = { publicOrigin: 'http://127.0.0.1:3000', trustProxy: false, loopbackPort: 3000 };

describe('isSameOriginRequest', () => {
  it('accepts the public origin, whatever Host or X-Forwarded-Host say', () => {
    expect(isSameOriginRequest({ origin: publicOrigin, host: 'internal:3000' }, direct)).toBe(true);
    expect(isSameOriginRequest({ origin: publicOrigin, 'x-forwarded-host': 'evil.example' }, direct)).toBe(true);
  });

  it('without a trusted proxy, Host and X-Forwarded-Host(-Proto) name nothing that counts', () => {
    expect(isSameOriginRequest({ origin: 'http://evil.example', host: 'evil.example' }, direct)).toBe(false);
    expect(isSameOriginRequest({ origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }, direct)).toBe(false);
    expect(
      isSameOriginRequest({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }, direct),
    ).toBe(false);
    expect(isSameOriginRequest({ origin: 'http://localhost:3000', host: 'localhost:3000' }, direct)).toBe(false);
  });

  it('with SAMLET_TRUST_PROXY, the origin the proxy names (X-Forwarded-Proto and -Host, else Host) counts', () => {
    const forwarded = { 'x-forwarded-host': 'samlet.bydel.no', 'x-forwarded-proto': 'https', host: '10.0.0.5:3000' };
    expect(isSameOriginRequest({ origin: 'https://samlet.bydel.no', ...forwarded }, proxied)).toBe(true);
    expect(isSameOriginRequest({ origin: 'http://samlet.bydel.no', ...forwarded }, proxied)).toBe(false);
    expect(isSameOriginRequest({ origin: 'http://10.0.0.5:3000', host: '10.0.0.5:3000' }, proxied)).toBe(true);
    expect(
      isSameOriginRequest(
        { origin: 'https://a.example', 'x-forwarded-host': 'a.example, b.example', 'x-forwarded-proto': 'https' },
        proxied,
      ),
    ).toBe(true);
    expect(
      isSameOriginRequest(
        { origin: 'https://b.example', 'x-forwarded-host': 'a.example, b.example', 'x-forwarded-proto': 'https' },
        proxied,
      ),
    ).toBe(false);
    expect(isSameOriginRequest({ origin: 'https://evil.example', ...forwarded }, proxied)).toBe(false);
  });

  it('in demo mode, the loopback origins of the same port count too; other ports and hosts do not', () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      expect(isSameOriginRequest({ origin }, demo), origin).toBe(true);
    }
    for (const origin of ['http://localhost:3001', 'https://localhost:3000', 'http://127.0.0.2:3000', 'http://evil.example:3000']) {
      expect(isSameOriginRequest({ origin }, demo), origin).toBe(false);
    }
  });

  it('refuses another site, a look-alike host, a null or malformed origin', () => {
    expect(isSameOriginRequest({ origin: 'https://evil.example', host: 'samlet.kommune.no' }, direct)).toBe(false);
    expect(isSameOriginRequest({ origin: 'https://samlet.kommune.no.evil.example', host: 'samlet.kommune.no' }, direct)).toBe(false);
    expect(isSameOriginRequest({ origin: 'null', host: 'samlet.kommune.no' }, direct)).toBe(false);
    expect(isSameOriginRequest({ origin: '::garbage', host: 'samlet.kommune.no' }, direct)).toBe(false);
    expect(isSameOriginRequest({ origin: 'null', host: 'samlet.kommune.no' }, proxied)).toBe(false);
  });

  it('without Origin, goes by Sec-Fetch-Site; a program sending neither is let through', () => {
    expect(isSameOriginRequest({ 'sec-fetch-site': 'cross-site' }, direct)).toBe(false);
    expect(isSameOriginRequest({ 'sec-fetch-site': 'same-site' }, direct)).toBe(false);
    expect(isSameOriginRequest({ 'sec-fetch-site': 'same-origin' }, direct)).toBe(true);
    expect(isSameOriginRequest({ 'sec-fetch-site': 'none' }, direct)).toBe(true);
    expect(isSameOriginRequest({}, direct)).toBe(true);
  });
});

describe('acceptedOrigin', () => {
  it('names the accepted origin in its serialised form, or null', () => {
    expect(acceptedOrigin({ origin: 'https://SAMLET.kommune.no:443' }, direct)).toBe(publicOrigin);
    expect(acceptedOrigin({ origin: 'http://localhost:3000' }, demo)).toBe('http://localhost:3000');
    expect(acceptedOrigin({ origin: 'http://evil.example' }, demo)).toBeNull();
    expect(acceptedOrigin({}, direct)).toBeNull();
  });
});

describe('isSafeMethod', () => {
  it('only reads are safe', () => {
    expect(['GET', 'HEAD', 'OPTIONS'].every(isSafeMethod)).toBe(true);
    expect(['POST', 'PUT', 'PATCH', 'DELETE', undefined].some(isSafeMethod)).toBe(false);
  });
});
