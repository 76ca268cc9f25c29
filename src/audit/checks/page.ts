import { defineRules } from '../rules/rule.ts';
import type { Finding } from '../report/types.ts';

/** What the audited URL itself answered: a page on the origin, with a 2xx status. */
export const PAGE_RULES = defineRules([
  {
    id: 'redirect-off-origin',
    severity: 'high',
    scope: 'page',
    title: 'Page redirects to another origin',
    help: "An audited URL must not redirect to another origin (the upgrade of the same host from `http://` to `https://` is followed). The audit never follows such a redirect: it would judge the other host's headers, so a page could pass on someone else's configuration. The finding names the target; audit that site separately if the redirect is intended.",
    reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/Redirections',
  },
  {
    id: 'page-status',
    severity: 'medium',
    scope: 'page',
    title: 'Page does not answer 2xx',
    help: 'Every URL audited (each sitemap entry) must answer 2xx after redirects. A sitemap listing missing pages, or a server error, usually means a broken deployment.',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status',
  },
] as const);

/** `redirect-off-origin` when the URL redirects elsewhere (not followed), else `page-status` unless 2xx. */
export function checkPageResponse(
  url: string,
  response: { status: number; finalUrl: string; offOrigin?: string | undefined },
): Finding[] {
  if (response.offOrigin !== undefined) {
    return [
      PAGE_RULES.finding(
        'redirect-off-origin',
        url,
        `answered HTTP ${response.status} redirecting to ${response.offOrigin}, another origin: not followed, so its headers are not judged`,
      ),
    ];
  }
  if (response.status >= 200 && response.status <= 299) return [];
  return [PAGE_RULES.finding('page-status', url, `answered HTTP ${response.status} (${response.finalUrl})`)];
}
