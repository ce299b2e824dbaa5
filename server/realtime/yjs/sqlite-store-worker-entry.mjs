// Plain JavaScript entry of the SQLite store worker: Node 20 does not carry a
// process's loader hooks into worker threads, so the worker registers tsx
// itself before loading the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./sqlite-store-worker.ts');
