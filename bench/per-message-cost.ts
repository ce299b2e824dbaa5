/**
 * CPU per message of the realtime server's own paths, in process, against the
 * reference server's (`@y/websocket-server`), fed the same messages as
 * bench/meeting-load.ts sends: one item document with 10 connections, two
 * typists inserting tokens at the end of `item.notes`, every participant's
 * presence with the app's shape (`field` and a y-codemirror cursor), and the
 * stock client's echo of each presence state it hears.
 *
 *   npx tsx bench/per-message-cost.ts [--rounds=7] [--edits=2000] [--only=samlet,reference,filter,...]
 *
 * The sockets are stand-ins that count what would be written (a benchmark of
 * the server's logic; the socket writes cost both servers the same), the store
 * resolves at once. CPU µs per message are robust on a shared machine where a
 * latency benchmark is not: each figure is the median of the rounds. Figures
 * and what they showed: docs/performance.md.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { createLogger } from '../server/logger';
import { SharedDocument } from '../server/realtime/yjs/shared-document';
import { bindYjsConnection } from '../server/realtime/yjs/yjs-connection';
import { trackEditAttribution } from '../server/realtime/yjs/edit-attribution';
import { filterAwarenessUpdate } from '../server/realtime/yjs/awareness-filter';
import { UpdateGuard } from '../server/realtime/yjs/update-guard';
import type { DocumentStore } from '../server/realtime/yjs/document-store';
import { yjsLimits } from '../server/realtime/yjs/limits';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const rounds = Number(arg('rounds', '7'));
const editsPerRound = Number(arg('edits', '2000'));
const only = new Set(arg('only', 'samlet,reference,filter,apply,guard,meta').split(','));
const participants = 10;
// Messages are fed as fast as the loop runs; the per-connection rate limit would close the stand-ins.
(yjsLimits as { messagesPerSecond: number; messageBurst: number }).messagesPerSecond = Number.MAX_SAFE_INTEGER;
(yjsLimits as { messagesPerSecond: number; messageBurst: number }).messageBurst = Number.MAX_SAFE_INTEGER;
const docName = 'item:benchitem0001';
const textName = 'item.notes';

/** A websocket stand-in: what the servers call on one, and a count of the frames they send. */
class StubSocket extends EventEmitter {
  readonly OPEN = 1;
  readonly CONNECTING = 0;
  readyState = 1;
  binaryType = 'nodebuffer';
  frames = 0;
  send(_message: Uint8Array, _options?: unknown, _callback?: unknown): void {
    this.frames += 1;
  }
  ping(): void {}
  pause(): void {}
  resume(): void {}
  terminate(): void {
    this.close();
  }
  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.emit('close', 1000);
  }
}

const nullStore: DocumentStore = {
  load: async () => null,
  append: async () => {},
  compact: async () => {},
  close: async () => {},
};

type Messages = { edits: { from: number; message: Uint8Array }[]; awareness: { from: number; message: Uint8Array }[] };

/** What the load workers send: alternate typists' tokens at the end of the text, and each participant's presence. */
function makeMessages(count: number, round: number): Messages {
  const typists = [new Y.Doc(), new Y.Doc()];
  const edits: Messages['edits'] = [];
  typists.forEach((doc, index) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'peer') return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      edits.push({ from: index, message: encoding.toUint8Array(encoder) });
      Y.applyUpdate(typists[1 - index], update, 'peer');
    }),
  );
  for (let i = 0; i < count; i++) {
    const text = typists[i % 2].getText(textName);
    text.insert(text.length, `[t${i % 2}r${round}:${i}:${(1234.567 + i).toFixed(3)}]`);
  }
  const awareness: Messages['awareness'] = [];
  const clients = Array.from({ length: participants }, () => new awarenessProtocol.Awareness(new Y.Doc()));
  const text = typists[0].getText(textName);
  for (let i = 0; i < count; i++) {
    const from = i % participants;
    const client = clients[from];
    const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    client.setLocalState({ user: { name: `p${from}` }, field: 'notes', cursor: { anchor: caret, head: caret } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]));
    awareness.push({ from, message: encoding.toUint8Array(encoder) });
  }
  for (const client of clients) client.destroy();
  return { edits, awareness };
}

type Server = { sockets: StubSocket[]; deliver: (socket: StubSocket, message: Uint8Array) => void; close: () => void };

function samletServer(): Server {
  const log = createLogger('warn');
  const shared = new SharedDocument(docName, nullStore, { flushMs: 20, compactEvery: 1000, log });
  const sockets = Array.from({ length: participants }, () => new StubSocket());
  const user = { name: 'Bench Person', color: '#1f6feb', colorLight: '#1f6feb33' };
  sockets.forEach((socket, index) => {
    const ws = socket as unknown as WebSocket;
    const attribution = trackEditAttribution(shared.doc, ws, { now: () => new Date() });
    bindYjsConnection({
      shared,
      ws,
      userId: `user${index}`,
      user,
      readOnly: false,
      log,
      onClose: () => attribution.stop(),
    });
  });
  return {
    sockets,
    deliver: (socket, message) => socket.emit('message', Buffer.from(message), true),
    close: () => {
      sockets.forEach((s) => s.close());
      shared.destroy();
    },
  };
}

let referenceDocs = 0;
function referenceServer(): Server {
  const sockets = Array.from({ length: participants }, () => new StubSocket());
  const name = `ref${referenceDocs++}`;
  for (const socket of sockets) setupWSConnection(socket as unknown as WebSocket, {} as IncomingMessage, { docName: name });
  return {
    sockets,
    // It reads ArrayBuffers (binaryType 'arraybuffer').
    deliver: (socket, message) => socket.emit('message', message.slice().buffer),
    close: () => sockets.forEach((s) => s.close()),
  };
}

function cpuMicros(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = new Map<string, number[]>();
const record = (label: string, micros: number, count: number) => {
  const list = results.get(label) ?? [];
  list.push(micros / count);
  results.set(label, list);
};

function measureServer(label: string, make: () => Server, messages: Messages): void {
  const server = make();
  const edits = cpuMicros(() => {
    for (const { from, message } of messages.edits) server.deliver(server.sockets[from], message);
  });
  record(`${label}: edit message`, edits, messages.edits.length);
  const presence = cpuMicros(() => {
    for (const { from, message } of messages.awareness) server.deliver(server.sockets[from], message);
  });
  record(`${label}: awareness message`, presence, messages.awareness.length);
  // The stock client sends every presence change it hears back to the server (y-websocket's awareness
  // handler does not look at the origin): nine echoes per presence message in a meeting of ten, each
  // someone else's state at a clock the server has. Both servers drop them; what that costs:
  const echoes = cpuMicros(() => {
    for (const { from, message } of messages.awareness) server.deliver(server.sockets[(from + 1) % participants], message);
  });
  record(`${label}: awareness echo (dropped)`, echoes, messages.awareness.length);
  const frames = server.sockets.reduce((sum, s) => sum + s.frames, 0);
  record(`${label}: frames sent per message`, frames, messages.edits.length + messages.awareness.length); // echoes send nothing
  server.close();
}

for (let round = 0; round < rounds; round++) {
  const messages = makeMessages(editsPerRound, round);
  if (only.has('samlet')) measureServer('Samlet', samletServer, messages);
  if (only.has('reference')) measureServer('reference', referenceServer, messages);
  const updates = messages.edits.map(({ message }) => message.subarray(2 + (message[2] < 128 ? 1 : 2)));
  if (only.has('apply')) {
    const doc = new Y.Doc();
    record(
      'parts: Y.applyUpdate of an edit (bare)',
      cpuMicros(() => updates.forEach((u) => Y.applyUpdate(doc, u))),
      updates.length,
    );
  }
  if (only.has('guard')) {
    const doc = new Y.Doc();
    const guard = new UpdateGuard('item', doc);
    const actor = { userId: 'u', readOnly: false };
    record(
      'parts: UpdateGuard.apply of an edit',
      cpuMicros(() => updates.forEach((u) => guard.apply(u, actor, null))),
      updates.length,
    );
  }
  if (only.has('meta')) {
    record(
      'parts: Y.parseUpdateMeta of an edit',
      cpuMicros(() => updates.forEach((u) => Y.parseUpdateMeta(u))),
      updates.length,
    );
  }
  if (only.has('filter')) {
    const sender = {
      readOnly: false,
      user: { name: 'Bench Person', color: '#1f6feb', colorLight: '#1f6feb33' },
      ownIds: new Set<number>(),
    };
    const bodies = messages.awareness.map(({ message }) => message.subarray(message[1] < 128 ? 2 : 3));
    record(
      'parts: filterAwarenessUpdate',
      cpuMicros(() => bodies.forEach((b) => filterAwarenessUpdate(b, { ...sender, takenElsewhere: () => false }))),
      bodies.length,
    );
  }
}

console.log(
  `CPU µs per message, median of ${rounds} rounds (${editsPerRound} edits and ${editsPerRound} presence updates each, ${participants} connections):`,
);
for (const [label, values] of results) {
  const digits = label.includes('frames') ? 1 : 1;
  console.log(
    `  ${label.padEnd(44)} ${median(values).toFixed(digits).padStart(7)}   (rounds ${values.map((v) => v.toFixed(1)).join(', ')})`,
  );
}
// The reference server's documents keep timers alive; the figures are printed.
process.exit(0);
