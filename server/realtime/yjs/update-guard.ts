import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { changesOf, type DocumentChanges } from '../../../lib/realtime/document-changes';
import { parseDocumentName, type DocumentKind } from '../../../lib/realtime/document-name';
import { documentShapes, textCapOf } from '../../../lib/realtime/document-shape';
import { plainTextEdit } from '../../../lib/realtime/plain-text-edit';
import { conclusionRule, updateRules, type UpdateActor, type UpdateRule } from '../../../lib/realtime/update-rules';
import type { SharedDocument } from './shared-document';

/** An update the guard refused: the connection is closed with 4400 (closeCodes.invalidMessage). */
export class RefusedUpdate extends Error {}

/**
 * The server's one check of incoming edits (docs/realtime.md, "The update
 * guard"). Every update a writable connection sends (sync step 2, which
 * carries a reconnecting client's offline edits, and update messages) is
 * applied to a scratch copy of the document first; the rules of
 * lib/realtime/update-rules.ts judge what it changed there, and the encoded
 * size is capped. Only an update that passes reaches the live document —
 * and so is relayed and stored.
 *
 * The scratch copy is kept, not rebuilt per update: it follows the live
 * document (every update applied to the live one from anywhere else — the
 * store, other nodes, the API — is applied to it too), so checking an update
 * costs applying it twice. Only a refused update leaves the copy ahead of the
 * live document; it is then rebuilt from the live state (rare, and the
 * sender is gone).
 *
 * The common edit — typing or deleting in a text of the form, well under its
 * cap — skips the copy (lib/realtime/plain-text-edit.ts decides that from the
 * decoded update, and the same rules judge what it touches); the copy then
 * falls behind, and catches up from the updates it missed when the next update
 * needs it. That halves the guard's cost per keystroke (docs/performance.md).
 */
export class UpdateGuard {
  private scratch: Y.Doc;
  private checking: DocumentChanges | null = null;
  private passing = false;
  /** Live updates the copy has not had (the fast path's), or 'stale' when rebuilding is cheaper than catching up. */
  private behind: Uint8Array[] | 'stale' = [];
  /** Set while a fast-path edit is applied to the live document (the copy does not get it now). */
  private skipping = false;
  /** Updates taken by the fast path and by the full way (for tests and bench/per-message-cost.ts). */
  readonly taken = { fast: 0, full: 0 };
  /** An upper bound of the live document's encoded size: exact at start, plus each applied update's length. */
  private sizeBound: number;

  constructor(
    private readonly kind: DocumentKind,
    private readonly live: Y.Doc,
    private readonly rules: readonly UpdateRule[] = updateRules,
    private readonly maxEncodedBytes = documentShapes[kind].maxEncodedBytes,
  ) {
    this.scratch = this.copyOfLive();
    this.sizeBound = Y.encodeStateAsUpdate(live).length;
    live.on('update', (update: Uint8Array) => {
      this.sizeBound += update.length;
      // What the guard let through is in the copy already.
      if (this.passing || this.behind === 'stale') return;
      // Once behind (a fast-path edit), the copy takes the live updates in order when it catches up.
      if (!this.skipping && this.behind.length === 0) Y.applyUpdate(this.scratch, update);
      else if (this.behind.length < maxBehind) this.behind.push(update);
      else this.behind = 'stale';
    });
    live.on('destroy', () => this.scratch.destroy());
  }

  /** Applies `update` to the live document if every rule passes; otherwise throws RefusedUpdate and applies nothing. */
  apply(update: Uint8Array, actor: UpdateActor, origin: unknown): void {
    if (this.applyPlainTextEdit(update, actor, origin)) {
      this.taken.fast += 1;
      return;
    }
    this.taken.full += 1;
    this.catchUp();
    const first = this.checkOnScratch(update, actor);
    if (first.refusal) this.refuse(first.refusal);
    let accepted = update;
    // Nothing integrated (a sync step 2 of what the server has already) is applied as it came, so that the
    // live document keeps whatever the copy kept waiting (only possible where content was waiting already).
    if (first.emitted.length > 0 && !(first.emitted.length === 1 && sameBytes(first.emitted[0], update))) {
      // What the document would store and relay (its own encoding of what it integrated) differs from
      // what arrived: a step 2 diff, a resent edit — or an update whose items name a parent their
      // neighbours contradict, which lands in one field here and in another for everyone decoding the
      // relayed form. Judge that form, on a fresh copy, and apply it instead.
      accepted = first.emitted.length === 1 ? first.emitted[0] : Y.mergeUpdates(first.emitted);
      this.rebuild();
      const second = this.checkOnScratch(accepted, actor);
      if (second.refusal) this.refuse(second.refusal);
    }
    this.passing = true;
    try {
      Y.applyUpdate(this.live, accepted, origin);
    } finally {
      this.passing = false;
    }
  }

  /**
   * The fast path: true when the update was a plain text edit that passes the
   * rules and is applied (to the live document only). Equivalent to the full
   * way for what it takes — the same texts touched, lengths bounded by the cap
   * before applying, the size bound — and only with the default rules, whose
   * text part it implements; anything it is unsure of returns false.
   */
  private applyPlainTextEdit(update: Uint8Array, actor: UpdateActor, origin: unknown): boolean {
    if (this.rules !== updateRules || this.sizeBound + update.length > this.maxEncodedBytes) return false;
    const edit = plainTextEdit(update, this.live, documentShapes[this.kind]);
    if (!edit) return false;
    for (const [name, inserted] of edit.texts) {
      // An upper bound of the length after: what is there plus all it inserts (deletions only shorten).
      if (this.live.getText(name).length + inserted > textCapOf(documentShapes[this.kind], name)!) return false;
    }
    const changes: DocumentChanges = { values: new Set(), texts: new Set(edit.texts.keys()), misplaced: [] };
    // The rule reads only who sends it and what it touches; a refusal is left to the full way to make.
    if (conclusionRule({ kind: this.kind, actor, before: this.live, after: this.live, changes })) return false;
    this.skipping = true;
    try {
      Y.applyUpdate(this.live, update, origin);
    } finally {
      this.skipping = false;
    }
    return true;
  }

  /** Brings the copy up to the live document before it judges an update. */
  private catchUp(): void {
    if (this.behind === 'stale') {
      this.behind = [];
      this.rebuild();
      return;
    }
    const missed = this.behind;
    this.behind = [];
    for (const update of missed) Y.applyUpdate(this.scratch, update);
  }

  private refuse(reason: string): never {
    this.rebuild();
    throw new RefusedUpdate(reason);
  }

  private rebuild(): void {
    this.behind = [];
    this.scratch.destroy();
    this.scratch = this.copyOfLive();
  }

  /** Applies the update to the scratch copy and judges it; what the copy emitted is what it would store and relay. */
  private checkOnScratch(update: Uint8Array, actor: UpdateActor): { refusal: string | null; emitted: Uint8Array[] } {
    const emitted: Uint8Array[] = [];
    const collect = (encoded: Uint8Array) => emitted.push(encoded);
    this.scratch.on('update', collect);
    try {
      return { refusal: this.check(update, actor), emitted };
    } finally {
      this.scratch.off('update', collect);
    }
  }

  private check(update: Uint8Array, actor: UpdateActor): string | null {
    this.checking = { values: new Set(), texts: new Set(), misplaced: [] };
    const { pendingDs: pendingDeletes, pendingStructs } = this.scratch.store;
    try {
      Y.applyUpdate(this.scratch, update);
    } catch (error) {
      this.checking = null;
      return `malformed update: ${(error as Error).message}`;
    }
    const changes = this.checking;
    this.checking = null;
    // A delete of content the document does not have yet would wait and strike once it arrives:
    // a way to erase someone's next words before they type them. No honest client deletes what it has not seen.
    if (this.scratch.store.pendingDs && !pendingDeletes) return 'deletes content the document does not have';
    // Likewise an edit waiting for content the document does not have: it would land inside the update
    // of whoever supplies it (an honest client's next keystroke, which would then be refused in its place).
    if (this.scratch.store.pendingStructs && !pendingStructs) return 'depends on content the document does not have';
    for (const rule of this.rules) {
      const refusal = rule({ kind: this.kind, actor, before: this.live, after: this.scratch, changes });
      if (refusal) return refusal;
    }
    return this.sizeRefusal(update);
  }

  /**
   * The encoded size is measured exactly only when the running bound passes
   * the cap, so a document well under it never pays for the encoding; a
   * document over the cap already (old content) only refuses what grows it.
   */
  private sizeRefusal(update: Uint8Array): string | null {
    if (this.sizeBound + update.length <= this.maxEncodedBytes) return null;
    const after = Y.encodeStateAsUpdate(this.scratch).length;
    const before = Y.encodeStateAsUpdate(this.live).length;
    this.sizeBound = before;
    if (after > this.maxEncodedBytes && after > before) return `document larger than ${this.maxEncodedBytes} bytes`;
    return null;
  }

  private copyOfLive(): Y.Doc {
    const copy = new Y.Doc({ gc: true });
    // The form's own types first, with their real classes: a root Yjs creates on its own is untyped.
    const shape = documentShapes[this.kind];
    copy.getMap(shape.mapName);
    for (const name of shape.texts.keys()) copy.getText(name);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.live));
    copy.on('afterTransaction', (transaction: Y.Transaction) => {
      // Applying one update may run more than one transaction (Yjs tidies a text's formatting in a second one).
      if (!this.checking) return;
      const changes = changesOf(transaction, shape);
      changes.values.forEach((key) => this.checking!.values.add(key));
      changes.texts.forEach((name) => this.checking!.texts.add(name));
      this.checking.misplaced.push(...changes.misplaced);
    });
    return copy;
  }
}

/** Updates the copy may fall behind by before it is rebuilt from the live state instead of catching up. */
const maxBehind = 256;

const guards = new WeakMap<SharedDocument, UpdateGuard>();

/** The guard of an open document, made when its first writer sends an edit (a document only read needs no copy). */
export function guardOf(shared: SharedDocument): UpdateGuard {
  let guard = guards.get(shared);
  if (!guard) {
    const ref = parseDocumentName(shared.name);
    if (!ref) throw new Error(`update guard: not a document name: ${shared.name}`);
    guard = new UpdateGuard(ref.kind, shared.doc);
    guards.set(shared, guard);
  }
  return guard;
}

/**
 * A sync message from a writable connection, as y-protocols' readSyncMessage
 * reads it, except that step 2 and updates go through the guard. Throws
 * RefusedUpdate for an update the guard refuses.
 */
export function readGuardedSyncMessage(
  decoder: decoding.Decoder,
  encoder: encoding.Encoder,
  shared: SharedDocument,
  ws: WebSocket,
  actor: UpdateActor,
): void {
  const type = decoding.readVarUint(decoder);
  if (type === syncProtocol.messageYjsSyncStep1) return syncProtocol.readSyncStep1(decoder, encoder, shared.doc);
  if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate)
    throw new RefusedUpdate(`unknown sync message ${type}`);
  guardOf(shared).apply(decoding.readVarUint8Array(decoder), actor, ws);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
