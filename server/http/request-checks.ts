import type { IncomingMessage } from 'node:http';
import { maxPageBodyBytes, type RouterRefusal } from './error-page';

/** Longer request targets are no link of ours; Node itself refuses headers over 16 KB (server/http/client-error.ts). */
export const maxUrlLength = 8 * 1024;

/**
 * What the router refuses before Next sees it, or null. Next answers a path
 * that does not percent-decode (`/saker/%E0%A4%A`, `/moter/%ZZ/referat`)
 * with a bare 500, and a form post over its server-action limit with
 * another; here they get 400 and 413. A path may not decode to NUL either.
 */
export function refusalFor(req: IncomingMessage, pathname: string): RouterRefusal | null {
  if ((req.url ?? '').length > maxUrlLength) return 'uri_too_long';
  if (!decodesCleanly(pathname)) return 'bad_path';
  return bodyRefusal(req, pathname);
}

function decodesCleanly(pathname: string): boolean {
  try {
    return !decodeURIComponent(pathname).includes('\0');
  } catch {
    return false;
  }
}

/**
 * Bodies for pages are form posts (server actions): at most 1 MB, and said
 * so up front — browsers always send Content-Length with a form or a fetch,
 * so a body without one (chunked) is refused rather than counted while Next
 * reads it. The JSON API (`/api/`) and socket.io polling keep their own limits.
 */
function bodyRefusal(req: IncomingMessage, pathname: string): RouterRefusal | null {
  if (pathname.startsWith('/api/') || pathname.startsWith('/socket.io/')) return null;
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > maxPageBodyBytes ? 'too_large' : null;
  return req.headers['transfer-encoding'] !== undefined ? 'length_required' : null;
}
