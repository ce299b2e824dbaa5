import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverStateOf } from '../../lib/realtime/server-state';
import { demo, demoItemDocument, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';
import { storedText } from '../support/stored-document';
import { connectYjs, waitFor, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * A full disk under a running server (SQLite on a small tmpfs that the test
 * fills): the failed writes are reported — in the log, by /api/health and to
 * everyone editing, through the server's awareness entry — never dropped;
 * once there is room again every edit is written, and survives a SIGKILL.
 * Needs root for `mount` (as on this machine kind and CI).
 */
describe('a full disk (SQLite on a 24 MiB tmpfs)', () => {
  let mountPoint: string;
  let dataDir: string;
  let server: TestServer;
  let databaseUrl: string;
  const filler = () => path.join(mountPoint, 'filler');

  const health = async () => {
    const response = await fetch(`${server.url}/api/health`);
    return { status: response.status, body: (await response.json()) as { status: string; unsavedDocuments?: number } };
  };
  const unsavedSeenBy = (client: YjsClient) => serverStateOf(client.provider.awareness.getStates().values()).unsaved;

  beforeAll(async () => {
    mountPoint = mkdtempSync(path.join(tmpdir(), 'samlet-disk-'));
    dataDir = mkdtempSync(path.join(tmpdir(), 'samlet-data-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mountPoint]);
    databaseUrl = `file:${path.join(mountPoint, 'samlet.db')}`;
    server = await startTestServer({ databaseUrl, dataDir });
  });

  afterAll(async () => {
    await server?.stop('SIGTERM');
    if (mountPoint) execFileSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports failed writes everywhere, keeps the edits, and writes them all once there is room', async () => {
    const db = openDb(databaseUrl);
    const name = await demoItemDocument(db);
    const chair = connectYjs(server.url, name, (await login(server.url, demo.chair, demo.password))!);
    const leader = connectYjs(server.url, name, (await login(server.url, demo.leader, demo.password))!);
    await Promise.all([whenSynced(chair), whenSynced(leader)]);
    chair.text.insert(0, 'Før disken ble full. ');
    await expect.poll(() => storedText(db, name)).toContain('Før disken ble full. ');
    await db.$disconnect();
    expect((await health()).status).toBe(200);

    // Fill the disk to the last block.
    const { bavail, bsize } = statfsSync(mountPoint);
    try {
      writeFileSync(filler(), Buffer.alloc(Number(bavail) * Number(bsize)));
    } catch {
      // ENOSPC at the very end is the point.
    }
    const typed: string[] = [];
    for (let i = 0; i < 40; i++) {
      const line = `Linje ${i} skrevet mens disken var full. `;
      const [writer, reader] = i % 2 ? [leader, chair] : [chair, leader];
      writer.text.insert(writer.text.length, line);
      typed.push(line);
      // One line at a time through the server, so the writes (and their failures) spread over many flushes.
      await waitFor(() => reader.text.toString().includes(line), 5000, `line ${i} to reach the other editor`);
    }

    // Reported: health, both editors, the log.
    await waitFor(() => unsavedSeenBy(chair) && unsavedSeenBy(leader), 10_000, 'the editors to be told');
    const degraded = await health();
    expect(degraded.status).toBe(503);
    expect(degraded.body).toEqual({ status: 'degraded', unsavedDocuments: 1 });
    expect(server.logs.join('')).toMatch(/yjs write failed; keeping edits in memory and retrying/);
    expect(server.logs.join('')).toMatch(/SQLITE_FULL|database or disk is full/);
    // Editing goes on meanwhile: the two still see each other's every line.
    await waitFor(() => chair.text.toString() === leader.text.toString(), 5000, 'the editors to converge');

    rmSync(filler());
    await waitFor(() => !unsavedSeenBy(chair) && !unsavedSeenBy(leader), 15_000, 'the editors to be told it is saved');
    expect(await health()).toEqual({ status: 200, body: { status: 'ok' } });
    const expected = chair.text.toString();
    for (const line of typed) expect(expected).toContain(line);

    // Written to disk, not only held: a SIGKILL now loses nothing.
    chair.destroy();
    leader.destroy();
    await server.stop('SIGKILL');
    server = await startTestServer({ databaseUrl, dataDir });
    const reader = connectYjs(server.url, name, (await login(server.url, demo.caseworker, demo.password))!);
    await whenSynced(reader);
    expect(reader.text.toString()).toBe(expected);
    reader.destroy();
  }, 90_000);
});
