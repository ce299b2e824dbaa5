/** A tiny JSON client for the API with a session cookie. */
export function apiClient(baseUrl: string, cookie: string | null) {
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary response shapes
    return { status: response.status, body: json as Record<string, any> };
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}, headers?: Record<string, string>) => call('POST', path, body, headers),
    patch: (path: string, body: unknown, headers?: Record<string, string>) => call('PATCH', path, body, headers),
  };
}

/** A form that passes every submission rule. */
export const completeCase = {
  personRef: 'EPJ 2026/0042',
  caseType: 'revurdering',
  question: 'Er det forsvarlig å redusere fra 15 til 10 timer?',
  facts: 'Har bodd i egen bolig i to år og mestrer mer selv.',
  proposal: 'Redusere til 10 timer med revurdering om tre måneder.',
  alvorlighetReasons: 'Lav risiko for tap av funksjon ved reduksjon.',
  nytteReasons: 'Nytten av de siste fem timene er liten.',
  ressursReasons: 'Frigjør personell til nye søkere.',
  samletVurdering: 'Lav alvorlighet og begrenset nytte av dagens omfang tilsier at ressursene brukes bedre andre steder.',
  purpose: 'avklaring',
  alvorlighetLevel: 'lav',
} as const;
