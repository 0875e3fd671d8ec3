/**
 * Finds out whether the page runs inside Excel. The one place besides the Office adapter that
 * looks at the `Office` global: if office.js did not load, or `Office.onReady` reports no host
 * (a plain browser) or another host, the pane goes standalone.
 */

/** The slice of the `Office` global this module reads. */
interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
}

/** How long to wait for `Office.onReady` before giving up on a host (office.js stuck loading). */
const READY_TIMEOUT_MS = 8000;

/**
 * Resolves `'excel'` inside Excel, else `'standalone'`. Never rejects.
 * @example await detectHostKind(window) // → 'standalone' in a plain browser
 */
export async function detectHostKind(
  scope: { Office?: unknown } = globalThis,
): Promise<'excel' | 'standalone'> {
  const office = scope.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== 'function') return 'standalone';
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const info = await Promise.race([
      office.onReady(),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), READY_TIMEOUT_MS);
      }),
    ]);
    return info !== null && info.host === 'Excel' ? 'excel' : 'standalone';
  } catch {
    return 'standalone';
  } finally {
    // The race is decided: a pending timer would keep a test runner (or a page) busy for nothing.
    clearTimeout(timer);
  }
}
