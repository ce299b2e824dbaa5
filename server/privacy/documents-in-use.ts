import type { DocumentsInUse } from '../../lib/privacy/retention';
import type { ClusterBus } from '../cluster/cluster-bus';
import { documentChannel } from '../cluster/document-relay';
import type { DocumentRegistry } from '../realtime/yjs/document-registry';

/**
 * Which of the given Yjs documents are loaded on this node or, with several
 * nodes, on any other (each node subscribes to a document's Redis channel
 * while it has it loaded). Retention leaves those for its next run. If Redis
 * cannot answer, every document counts as in use: better a day late than a
 * text written back after it was anonymised.
 */
export function documentsInUse(registry: DocumentRegistry, bus: ClusterBus | null): DocumentsInUse {
  return async (names) => {
    const used = new Set<string>();
    for (const name of names) if (await registry.peek(name)) used.add(name);
    if (!bus) return used;
    const rest = names.filter((name) => !used.has(name));
    const counts = await bus.listenersOf(rest.map((name) => documentChannel(bus, name))).catch(() => rest.map(() => 1));
    rest.forEach((name, i) => counts[i] > 0 && used.add(name));
    return used;
  };
}
