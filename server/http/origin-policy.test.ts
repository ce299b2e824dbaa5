import { describe, expect, it } from 'vitest';
import { isSafeMethod, isSameOriginRequest } from './origin-policy';

const publicOrigin = 'https://samlet.kommune.no';

describe('isSameOriginRequest', () => {
  it('accepts the public origin and the host the request was sent to', () => {
    expect(isSameOriginRequest({ origin: publicOrigin, host: 'internal:3000' }, publicOrigin)).toBe(true);
    expect(isSameOriginRequest({ origin: 'http://localhost:3000', host: 'localhost:3000' }, publicOrigin)).toBe(true);
    expect(
      isSameOriginRequest(
        { origin: 'https://samlet.kommune.no', 'x-forwarded-host': 'samlet.kommune.no', host: '10.0.0.5:3000' },
        'http://x',
      ),
    ).toBe(true);
  });

  it('refuses another site, a look-alike host, a null or malformed origin', () => {
    expect(isSameOriginRequest({ origin: 'https://evil.example', host: 'samlet.kommune.no' }, publicOrigin)).toBe(false);
    expect(isSameOriginRequest({ origin: 'https://samlet.kommune.no.evil.example', host: 'samlet.kommune.no' }, publicOrigin)).toBe(false);
    expect(isSameOriginRequest({ origin: 'http://localhost:3001', host: 'localhost:3000' }, publicOrigin)).toBe(false);
    expect(isSameOriginRequest({ origin: 'null', host: 'samlet.kommune.no' }, publicOrigin)).toBe(false);
    expect(isSameOriginRequest({ origin: '::garbage', host: 'samlet.kommune.no' }, publicOrigin)).toBe(false);
  });

  it('without Origin, goes by Sec-Fetch-Site; a program sending neither is let through', () => {
    expect(isSameOriginRequest({ 'sec-fetch-site': 'cross-site' }, publicOrigin)).toBe(false);
    expect(isSameOriginRequest({ 'sec-fetch-site': 'same-site' }, publicOrigin)).toBe(false);
    expect(isSameOriginRequest({ 'sec-fetch-site': 'same-origin' }, publicOrigin)).toBe(true);
    expect(isSameOriginRequest({ 'sec-fetch-site': 'none' }, publicOrigin)).toBe(true);
    expect(isSameOriginRequest({}, publicOrigin)).toBe(true);
  });
});

describe('isSafeMethod', () => {
  it('only reads are safe', () => {
    expect(['GET', 'HEAD', 'OPTIONS'].every(isSafeMethod)).toBe(true);
    expect(['POST', 'PUT', 'PATCH', 'DELETE', undefined].some(isSafeMethod)).toBe(false);
  });
});
