import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPersonColour } from '../../lib/realtime/load-person-colour';
import type { PersonColour } from '../../lib/realtime/person-colour';
import { serverStateOf } from '../../lib/realtime/server-state';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoItemDocument, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';
import { connectYjs, markerSeen, waitFor, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * Presence is filtered by the server (awareness-filter.ts): the issue 17 probe — a read-only
 * connection broadcasting a false "server cannot save" warning under someone else's name — with
 * the stock y-websocket client, and a connection trying to speak for another person's client id.
 */
describe('Yjs awareness, filtered by the server', () => {
  let database: TestDatabase;
  let server: TestServer;
  let cookies: Record<string, string>;
  let docName: string;
  const colours: Record<string, PersonColour> = {};
  const clients: YjsClient[] = [];
  const connect = (cookie: string) => {
    const client = connectYjs(server.url, docName, cookie);
    clients.push(client);
    return client;
  };
  const stateOf = (observer: YjsClient, clientId: number) =>
    observer.provider.awareness.getStates().get(clientId) as Record<string, unknown> | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    const db = openDb(database.url);
    docName = await demoItemDocument(db);
    for (const user of await db.user.findMany({ select: { id: true, email: true } }))
      colours[user.email] = await loadPersonColour(db, user.id);
    await db.$disconnect();
    cookies = await loginDemoUsers(server.url, demo, demo.password);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('refuses a read-only connection’s false "cannot save" warning, someone else’s name and a pending flag', async () => {
    const chair = connect(cookies.chair);
    const reader = connect(cookies.admin); // the admin reads item documents
    await Promise.all([whenSynced(chair), whenSynced(reader)]);
    reader.provider.awareness.setLocalState({
      samletServer: { unsaved: true },
      user: { name: 'Mona Møteleder', color: '#000000' },
      pending: true,
      field: 'notes',
    });
    await waitFor(() => stateOf(chair, reader.doc.clientID)?.field === 'notes', 5000, 'the reader’s presence');
    expect(stateOf(chair, reader.doc.clientID)).toEqual({
      field: 'notes',
      user: { name: 'Anne Admin', ...colours[demo.admin] },
    });
    expect(serverStateOf(chair.provider.awareness.getStates().values()).unsaved).toBe(false);
  });

  it('gives a writer its session’s name and colour and passes its pending flag and cursor', async () => {
    const chair = connect(cookies.chair);
    const writer = connect(cookies.caseworker);
    await Promise.all([whenSynced(chair), whenSynced(writer)]);
    const position = { type: null, tname: 'item.notes', item: null, assoc: 0 };
    writer.provider.awareness.setLocalState({ field: 'notes', cursor: { anchor: position, head: position }, pending: true });
    await waitFor(() => stateOf(chair, writer.doc.clientID)?.pending === true, 5000, 'the writer’s presence');
    expect(stateOf(chair, writer.doc.clientID)).toEqual({
      field: 'notes',
      cursor: { anchor: position, head: position },
      pending: true,
      user: { name: 'Sara Saksbehandler', ...colours[demo.caseworker] },
    });
  });

  it('does not let one connection set or clear another person’s presence', async () => {
    const chair = connect(cookies.chair);
    const observer = connect(cookies.leader);
    const spoofer = connect(cookies.caseworker2);
    await Promise.all([whenSynced(chair), whenSynced(observer), whenSynced(spoofer)]);
    chair.provider.awareness.setLocalStateField('field', 'conclusion');
    await waitFor(() => stateOf(observer, chair.doc.clientID)?.field === 'conclusion', 5000, 'the chair’s presence');
    const chairClock = chair.provider.awareness.meta.get(chair.doc.clientID)!.clock;
    // Over the spoofer's own socket: a state for the chair's id, then its clearing.
    const frame = (state: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1); // messageAwareness
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, chair.doc.clientID);
      encoding.writeVarUint(update, chairClock + 10);
      encoding.writeVarString(update, JSON.stringify(state));
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
      return encoding.toUint8Array(encoder);
    };
    spoofer.provider.ws!.send(frame({ field: 'notes' }));
    spoofer.provider.ws!.send(frame(null));
    await markerSeen(spoofer, [observer]);
    // Each person their own colour: the demo accounts were created one after another.
    expect(new Set([demo.chair, demo.caseworker, demo.caseworker2, demo.leader, demo.admin].map((e) => colours[e].color)).size).toBe(5);
    expect(stateOf(observer, chair.doc.clientID)).toEqual({
      field: 'conclusion',
      user: { name: 'Mona Møteleder', ...colours[demo.chair] },
    });
  });
});
