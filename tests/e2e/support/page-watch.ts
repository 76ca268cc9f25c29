import type { Page } from '@playwright/test';

export interface PageReport {
  violations: string[];
  consoleErrors: string[];
  foreignRequests: string[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Watches a page for what must never happen: CSP or Trusted Types violations (the DOM event,
 * registered before any page script), console errors, and requests to any other origin.
 */
export async function watchPage(page: Page, origin: string): Promise<() => Promise<PageReport>> {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('about:'))
      foreignRequests.push(url);
  });
  return async () => ({
    violations: await page.evaluate(() => window.__cspViolations ?? []),
    consoleErrors,
    foreignRequests,
  });
}
