import { chromium, type Browser } from '@playwright/test';
import { CHROME_FLAGS, chromePath } from '../../tests/support/chromium.ts';

export interface SearchTiming {
  /** `page.goto('/search/?q=HKDF')`: ms from navigation start to the first result, per run. */
  sharedUrlMs: number[];
  /** `/search/`, then "HKDF" typed as soon as the page's script listens: ms from navigation start. */
  typedMs: number[];
  /** The same runs, ms from the first keystroke (includes the UI's 150 ms debounce). */
  typedFromKeyMs: number[];
  sharedUrlMedianMs: number;
  typedMedianMs: number;
  typedFromKeyMedianMs: number;
  errors: string[];
}

declare global {
  interface Window {
    __benchFirstResult?: number;
    __benchFirstInput?: number;
  }
}

/**
 * Runs in the page before its own scripts. Times are `performance.now()` in the page, whose origin
 * is the navigation start of that document: no CDP round trip or Playwright polling interval is
 * counted, as it would be with wall time in Node around `waitFor`. A MutationObserver is no
 * Trusted Types sink, so the page's CSP is untouched.
 */
function recordFirstResult(): void {
  document.addEventListener(
    'input',
    () => {
      window.__benchFirstInput ??= performance.now();
    },
    { capture: true, once: true },
  );
  const observer = new MutationObserver(() => {
    if (document.querySelector('#search-results a')) {
      window.__benchFirstResult = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0
    ? Number.NaN
    : sorted.length % 2
      ? (sorted[mid] ?? Number.NaN)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function once(browser: Browser, base: string, typed: boolean): Promise<{ fromNav: number; fromKey: number }> {
  // A new context each run: an empty cache, as for a first visit (the index is fetched every time).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(recordFirstResult);
    if (typed) {
      // DOMContentLoaded comes after the page's module script has run (module scripts are
      // deferred), so startSearch() listens: text typed earlier would be reset from the URL's ?q=.
      await page.goto(`${base}/search/`, { waitUntil: 'domcontentloaded' });
      await page.locator('#search-input').pressSequentially('HKDF');
    } else {
      await page.goto(`${base}/search/?q=HKDF`, { waitUntil: 'commit' });
    }
    await page.locator('#search-results a').first().waitFor({ state: 'visible', timeout: 30_000 });
    const { result, input } = await page.evaluate(() => ({
      result: window.__benchFirstResult ?? Number.NaN,
      input: window.__benchFirstInput ?? Number.NaN,
    }));
    return { fromNav: result, fromKey: result - input };
  } finally {
    await context.close();
  }
}

/** `runs` timings of each kind on one server, alternating kinds so that drift hits both alike. */
export async function searchTiming(base: string, runs: number): Promise<SearchTiming> {
  const browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_FLAGS });
  const sharedUrlMs: number[] = [];
  const typedMs: number[] = [];
  const typedFromKeyMs: number[] = [];
  const errors: string[] = [];
  try {
    // One untimed visit: Chromium's own first-start costs (its caches, V8's code for Playwright's
    // injected script) would otherwise land on the first server's first run.
    await once(browser, base, false).catch(() => undefined);
    for (let i = 0; i < runs; i++) {
      try {
        sharedUrlMs.push((await once(browser, base, false)).fromNav);
        const typed = await once(browser, base, true);
        typedMs.push(typed.fromNav);
        typedFromKeyMs.push(typed.fromKey);
      } catch (error) {
        errors.push((error as Error).message.split('\n')[0] ?? 'error');
      }
    }
  } finally {
    await browser.close();
  }
  return {
    sharedUrlMs,
    typedMs,
    typedFromKeyMs,
    sharedUrlMedianMs: median(sharedUrlMs),
    typedMedianMs: median(typedMs),
    typedFromKeyMedianMs: median(typedFromKeyMs),
    errors,
  };
}
