import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { readSession } from '@/app/_auth/current-session';
import type { Actor } from '@/lib/access/access-service';
import { getCaseContentStore } from '@/lib/cases/case-content-store';
import type { CaseContext } from '@/lib/cases/case-commands-context';
import { getDb } from '@/lib/db/db';
import { AppError } from '@/lib/errors/app-error';
import { asAppError, httpStatusFor } from '@/lib/errors/error-mapping';
import { nbErrors } from '@/lib/i18n/nb-errors';
import { plainText } from './plain-text';

const maxBodyBytes = 256 * 1024;
const idSchema = z.string().regex(/^[a-z0-9]{8,40}$/);

type Handler<P> = (input: { actor: Actor; context: CaseContext; request: NextRequest; params: P; body: unknown }) => Promise<unknown>;

/**
 * The chain every API route runs: authenticate (session cookie, active user,
 * fresh roles) → check the request (JSON only for writes, size, ids) → call
 * the command → present the result or the error as JSON.
 *
 * Writes must be `application/json`: a cross-site form cannot send that
 * without a CORS preflight, which this API never grants — that, with the
 * SameSite=Lax session cookie, is the CSRF protection of the JSON API.
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(handler: Handler<P>) {
  return async (request: NextRequest, segment: { params: Promise<P> }) => {
    try {
      const { params, actor } = await authenticate(segment);
      const body = request.method === 'GET' ? undefined : await readJson(request);
      const context: CaseContext = { db: getDb(), store: getCaseContentStore(), actor };
      const result = await handler({ actor, context, request, params, body });
      return NextResponse.json(result ?? { ok: true }, { headers: { 'cache-control': 'no-store' } });
    } catch (caught) {
      // The database away is `unavailable` (503), not a fault of ours.
      const error = asAppError(caught);
      if (error) {
        return NextResponse.json(
          { error: error.code, message: error.message !== error.code ? error.message : undefined, fields: error.fields },
          { status: httpStatusFor(error.code), headers: { 'cache-control': 'no-store' } },
        );
      }
      console.error(
        JSON.stringify({ level: 50, msg: 'api: unexpected error', path: request.nextUrl.pathname, err: (caught as Error).message }),
      );
      return NextResponse.json({ error: 'internal' }, { status: 500 });
    }
  };
}

/** The checks every route starts with: well-formed ids in the path, a live session, an active user with fresh roles. */
async function authenticate<P>(segment: { params: Promise<P> }): Promise<{ params: P; actor: Actor }> {
  const params = await segment.params;
  for (const value of Object.values(params ?? {})) {
    if (!idSchema.safeParse(value).success) throw new AppError('not_found');
  }
  const { live } = await readSession();
  if (!live) throw new AppError('unauthenticated');
  return { params, actor: live.actor };
}

async function readJson(request: NextRequest): Promise<unknown> {
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    throw new AppError('invalid_input', 'send JSON (content-type: application/json)');
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBodyBytes) throw new AppError('invalid_input', 'body too large');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'body is not valid JSON');
  }
}

export type Download = { body: Uint8Array | string; contentType: string; filename: string };

/**
 * A GET that answers with a file (PDF, CSV): the same authentication and id
 * checks as `apiRoute`; errors as a short Norwegian sentence with the status
 * (a person followed a link in a browser and reads it).
 */
export function downloadRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (input: { actor: Actor; request: NextRequest; params: P }) => Promise<Download>,
) {
  return async (request: NextRequest, segment: { params: Promise<P> }) => {
    try {
      const { params, actor } = await authenticate(segment);
      const file = await handler({ actor, request, params });
      return new Response(typeof file.body === 'string' ? file.body : Buffer.from(file.body), {
        headers: {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${file.filename}"`,
          'cache-control': 'no-store',
        },
      });
    } catch (caught) {
      const error = asAppError(caught);
      if (error) return plainText(nbErrors[error.code], httpStatusFor(error.code));
      console.error(
        JSON.stringify({ level: 50, msg: 'download: unexpected error', path: request.nextUrl.pathname, err: (caught as Error).message }),
      );
      return plainText(nbErrors.internal, 500);
    }
  };
}
