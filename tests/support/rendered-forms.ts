/**
 * Submits a form exactly as the server rendered it, as a browser without
 * JavaScript would: every hidden input of the form (for a server action with
 * useActionState, React renders `$ACTION_REF_n`, `$ACTION_n:0` with the action
 * id, `$ACTION_n:1` with the state, and `$ACTION_KEY`), plus the fields typed.
 */
export type RenderedForm = { actionId: string | null; hidden: Record<string, string>; html: string };

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function renderedForms(html: string): RenderedForm[] {
  return [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].map((match) => {
    const hidden: Record<string, string> = {};
    for (const input of match[1].matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      if (name) hidden[decode(name)] = decode(value);
    }
    const ref = Object.entries(hidden).find(([name]) => /^\$ACTION_\d+:0$/.test(name));
    const direct = Object.keys(hidden).find((name) => name.startsWith('$ACTION_ID_'));
    const actionId = ref ? (JSON.parse(ref[1]) as { id: string }).id : direct ? direct.slice('$ACTION_ID_'.length) : null;
    return { actionId, hidden, html: match[0] };
  });
}

/** The first rendered form whose markup contains every marker (a button text, a hidden value). */
export function formWith(html: string, ...markers: string[]): RenderedForm {
  const form = renderedForms(html).find((f) => markers.every((marker) => f.html.includes(marker)));
  if (!form) throw new Error(`no form with ${markers.join(' and ')}`);
  return form;
}

export async function submitRenderedForm(
  baseUrl: string,
  pagePath: string,
  form: RenderedForm,
  fields: Record<string, string>,
  options: { cookie: string | null; origin?: string },
): Promise<{ status: number; body: string; location: string | null }> {
  const data = new FormData();
  for (const [name, value] of Object.entries({ ...form.hidden, ...fields })) data.append(name, value);
  const response = await fetch(`${baseUrl}${pagePath}`, {
    method: 'POST',
    body: data,
    redirect: 'manual',
    headers: { origin: options.origin ?? baseUrl, ...(options.cookie ? { cookie: options.cookie } : {}) },
  });
  return { status: response.status, body: await response.text(), location: response.headers.get('location') };
}
