import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetricsHandler } from './metrics';

describe('GET /api/metrics handler (bench only)', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(createMetricsHandler({ openDocuments: () => 3, unsavedDocuments: () => 1, databaseQueries: () => 7 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/metrics`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reports the process memory (resident and heap), open documents and event-loop delay', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ openDocuments: 3, unsavedDocuments: 1, databaseQueries: 7 });
    const { rssBytes, heapUsedBytes, externalBytes } = body as { rssBytes: number; heapUsedBytes: number; externalBytes: number };
    expect(heapUsedBytes).toBeGreaterThan(0);
    expect(externalBytes).toBeGreaterThan(0);
    // The heap lives inside the resident set.
    expect(rssBytes).toBeGreaterThan(heapUsedBytes);
    expect(body.eventLoopDelayMs).toEqual({ p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) });
  });

  it('collects garbage first only when asked (?gc=1) and the process can (--expose-gc)', async () => {
    const original = (globalThis as { gc?: () => void }).gc;
    let collections = 0;
    (globalThis as { gc?: () => void }).gc = () => void (collections += 1);
    try {
      expect(((await (await fetch(url)).json()) as { gcCollected: boolean }).gcCollected).toBe(false);
      expect(collections).toBe(0);
      expect(((await (await fetch(`${url}?gc=1`)).json()) as { gcCollected: boolean }).gcCollected).toBe(true);
      expect(collections).toBe(1);
      delete (globalThis as { gc?: () => void }).gc;
      expect(((await (await fetch(`${url}?gc=1`)).json()) as { gcCollected: boolean }).gcCollected).toBe(false);
    } finally {
      (globalThis as { gc?: () => void }).gc = original;
      if (!original) delete (globalThis as { gc?: () => void }).gc;
    }
  });

  it('answers only GET', async () => {
    const response = await fetch(url, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});
