import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { maxPageBodyBytes } from './error-page';
import { refusalFor } from './request-checks';

const request = (url: string, headers: Record<string, string> = {}) => ({ url, headers }) as unknown as IncomingMessage;
const path = (url: string) => url.split('?')[0]!;
const refusal = (url: string, headers?: Record<string, string>) => refusalFor(request(url, headers), path(url));

describe('refusalFor', () => {
  it('refuses a path that does not percent-decode or decodes to NUL; a query string is Next’s', () => {
    for (const url of ['/saker/%E0%A4%A', '/moter/%ZZ/referat', '/api/%ZZ', '/saker/%00', '/a%', '/%C0%AF']) {
      expect(refusal(url), url).toBe('bad_path');
    }
    for (const url of ['/saker/abc', '/s%C3%B8k', '/saker?x=%ZZ', '/moter/a%2Fb']) expect(refusal(url), url).toBeNull();
  });

  it('refuses a request target over 8 KB', () => {
    expect(refusal(`/${'a'.repeat(8 * 1024)}`)).toBe('uri_too_long');
    expect(refusal(`/${'a'.repeat(8 * 1024 - 2)}`)).toBeNull();
  });

  it('limits page posts to 1 MB said up front; the API and socket.io keep their own limits', () => {
    expect(refusal('/saker', { 'content-length': String(maxPageBodyBytes + 1) })).toBe('too_large');
    expect(refusal('/saker', { 'content-length': String(maxPageBodyBytes) })).toBeNull();
    expect(refusal('/saker', { 'transfer-encoding': 'chunked' })).toBe('length_required');
    expect(refusal('/api/cases', { 'content-length': String(maxPageBodyBytes + 1) })).toBeNull();
    expect(refusal('/socket.io/?EIO=4', { 'transfer-encoding': 'chunked' })).toBeNull();
    expect(refusal('/saker')).toBeNull();
  });
});
