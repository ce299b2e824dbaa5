/** An error a person reads in the browser tab (a download, a calendar link): plain text, never cached. */
export function plainText(text: string, status: number): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
