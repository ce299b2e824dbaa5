/**
 * Polls a condition (every 50 ms) until it holds; throws, naming what was
 * awaited, when it has not within `timeoutMs`. A check run by hand against
 * processes outside Node has nothing to await but their traces.
 */
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
