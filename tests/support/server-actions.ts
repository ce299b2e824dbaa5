import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Server actions over real HTTP, as a browser without JavaScript submits a
 * form: the page renders `<input type="hidden" name="$ACTION_ID_<id>">` in
 * each form bound to an action, and the form is posted as multipart data to
 * the page's own URL with that field, the session cookie and the page's Origin.
 */

/** The ids of the server actions whose forms a page rendered, in page order. */
export function actionIdsIn(html: string): string[] {
  return [...new Set([...html.matchAll(/name="\$ACTION_ID_([0-9a-f]+)"/g)].map((m) => m[1]))];
}

/** What the production build (this checkout's .next) knows of each server action: id → source file and exported name. */
export function builtServerActions(): Map<string, { file: string; name: string }> {
  type Entry = { filename: string; exportedName: string };
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node?: Record<string, Entry>;
    edge?: Record<string, Entry>;
  };
  const actions = new Map<string, { file: string; name: string }>();
  for (const [id, entry] of Object.entries({ ...manifest.edge, ...manifest.node }))
    actions.set(id, { file: entry.filename, name: entry.exportedName });
  return actions;
}

export type ActionAnswer = { status: number; location: string | null };

export async function postServerAction(
  baseUrl: string,
  pagePath: string,
  actionId: string,
  fields: Record<string, string>,
  options: { cookie: string | null; origin?: string },
): Promise<ActionAnswer> {
  const form = new FormData();
  form.append(`$ACTION_ID_${actionId}`, '');
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(`${baseUrl}${pagePath}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { origin: options.origin ?? baseUrl, ...(options.cookie ? { cookie: options.cookie } : {}) },
  });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get('location') };
}
