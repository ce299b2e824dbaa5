/**
 * Whether an error means "a dependency does not answer" (the database is
 * down, refuses connections, or is out of connections) rather than a fault in
 * our code. Those become `unavailable` (503, 4503) at the edges, so a client
 * knows to try again later. Recognised by shape, not by class: the Prisma
 * client and its driver adapters live outside lib/ and Next's bundles.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && typeof cause === 'object' && depth < 5; depth += 1) {
    if (signalsUnavailable(cause as ErrorShape)) return true;
    cause = (cause as ErrorShape).cause;
  }
  return false;
}

type ErrorShape = { name?: unknown; code?: unknown; errorCode?: unknown; kind?: unknown; severity?: unknown; cause?: unknown };

/** Prisma's codes for an unreachable server, a timeout, a closed connection and an exhausted pool. */
const prismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Driver adapter error kinds that say the same. */
const adapterKinds = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'ConnectionClosed',
  'TlsConnectionError',
  'TooManyConnections',
  'SocketTimeout',
]);
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

function signalsUnavailable(error: ErrorShape): boolean {
  if (error.name === 'PrismaClientInitializationError') return true;
  if (typeof error.code === 'string' && (prismaCodes.has(error.code) || socketCodes.has(error.code))) return true;
  if (typeof error.errorCode === 'string' && prismaCodes.has(error.errorCode)) return true;
  if (typeof error.kind === 'string' && adapterKinds.has(error.kind)) return true;
  // PostgreSQL: a FATAL error ends the session (the database refuses connections, is shutting down, …);
  // class 08 is "connection exception", 57P0x "operator intervention", 53300 "too many connections".
  if (error.kind === 'postgres' && typeof error.code === 'string') {
    return error.severity === 'FATAL' || error.code.startsWith('08') || error.code.startsWith('57P') || error.code === '53300';
  }
  return false;
}
