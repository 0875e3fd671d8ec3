/**
 * Finds out whether the page runs inside Excel. The one place besides the Office adapter that
 * looks at the `Office` global: if office.js did not load, or `Office.onReady` reports no host
 * (a plain browser) or another host, the pane goes standalone. Inside Excel it also reports
 * Office's display language and the partition key for local storage.
 */

/** The slice of the `Office` global this module reads. */
interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
  context?: { displayLanguage?: unknown; partitionKey?: unknown };
}

/** What the pane learns from Office at start. */
export interface BootInfo {
  kind: 'excel' | 'standalone';
  /** `Office.context.displayLanguage` (`sv-SE`, `en-US`), or null outside Office. */
  displayLanguage: string | null;
  /** `Office.context.partitionKey`, or null where Office does not partition storage. */
  partitionKey: string | null;
}

/** How long to wait for `Office.onReady` before giving up on a host (office.js stuck loading). */
const READY_TIMEOUT_MS = 8000;

const STANDALONE: BootInfo = { kind: 'standalone', displayLanguage: null, partitionKey: null };

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Waits for `Office.onReady` (at most 8 s) and says where the pane runs. Never rejects.
 * @example await detectHost(window) // → { kind: 'standalone', … } in a plain browser
 */
export async function detectHost(scope: { Office?: unknown } = globalThis): Promise<BootInfo> {
  const office = scope.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== 'function') return STANDALONE;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const info = await Promise.race([
      office.onReady(),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), READY_TIMEOUT_MS);
      }),
    ]);
    if (info === null || info.host !== 'Excel') return STANDALONE;
    return {
      kind: 'excel',
      displayLanguage: text(office.context?.displayLanguage),
      partitionKey: text(office.context?.partitionKey),
    };
  } catch {
    return STANDALONE;
  } finally {
    // The race is decided: a pending timer would keep a test runner (or a page) busy for nothing.
    clearTimeout(timer);
  }
}

/**
 * Resolves `'excel'` inside Excel, else `'standalone'`. Never rejects.
 * @example await detectHostKind(window) // → 'standalone' in a plain browser
 */
export async function detectHostKind(
  scope: { Office?: unknown } = globalThis,
): Promise<'excel' | 'standalone'> {
  return (await detectHost(scope)).kind;
}
