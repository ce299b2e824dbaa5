/**
 * SQL statements one GET of a page sends, read from the server's query counter
 * (`GET /api/metrics`, with SAMLET_METRICS=1): the least of three requests in
 * a row, since a background job running meanwhile can only add to it.
 */
export async function queriesPerRequest(serverUrl: string, pagePath: string, cookie: string): Promise<number> {
  const sent = async () => ((await (await fetch(`${serverUrl}/api/metrics`)).json()) as { databaseQueries: number }).databaseQueries;
  const counts: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const before = await sent();
    const response = await fetch(`${serverUrl}${pagePath}`, { headers: { cookie } });
    await response.text();
    if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`);
    counts.push((await sent()) - before);
  }
  return Math.min(...counts);
}
