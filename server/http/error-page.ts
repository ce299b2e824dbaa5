import { nb } from '../../lib/i18n/nb';
import { nbHttp } from '../../lib/i18n/nb-http';

/**
 * The answers the router gives itself, before Next sees a request it cannot
 * serve: a path that does not decode, one too long, a form post too large.
 * Browsers get a small Norwegian page (no script, no style sheet: the CSP of
 * these answers allows none); the JSON API gets JSON in its own error shape.
 */
export type RouterRefusal = 'bad_path' | 'uri_too_long' | 'too_large' | 'length_required';

export const refusalStatus: Record<RouterRefusal, number> = {
  bad_path: 400,
  uri_too_long: 414,
  too_large: 413,
  length_required: 411,
};

/** The largest body a page's form post (a server action) may have; Next's own limit (next.config.ts) is never reached first. */
export const maxPageBodyBytes = 1024 * 1024;
const maxPageBodyText = '1 MB';

function words(refusal: RouterRefusal): { heading: string; text: string } {
  switch (refusal) {
    case 'bad_path':
      return nbHttp.badRequest;
    case 'uri_too_long':
      return nbHttp.uriTooLong;
    case 'too_large':
      return { heading: nbHttp.tooLarge.heading, text: nbHttp.tooLarge.text(maxPageBodyText) };
    case 'length_required':
      return nbHttp.lengthRequired;
  }
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => escapes[c]!);

export function errorPageHtml(refusal: RouterRefusal): string {
  const { heading, text } = words(refusal);
  return [
    '<!DOCTYPE html>',
    '<html lang="nb">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(heading)} · ${escapeHtml(nb.app.name)}</title></head>`,
    `<body><main id="hovedinnhold"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(text)}</p><p><a href="/">${escapeHtml(nb.errors.backHome)}</a></p></main></body>`,
    '</html>',
  ].join('\n');
}

/** What the JSON API answers instead (`invalid_input`, as its own validation would). */
export function errorJson(refusal: RouterRefusal): string {
  const message = {
    bad_path: 'the path is not valid percent-encoding',
    uri_too_long: 'the path is too long',
    too_large: 'body too large',
    length_required: 'send a Content-Length',
  }[refusal];
  return JSON.stringify({ error: 'invalid_input', message });
}
