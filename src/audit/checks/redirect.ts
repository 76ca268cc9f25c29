import { isIP } from 'node:net';
import type { Finding } from '../report/types.ts';
import { defineRules } from '../rules/rule.ts';
import { OBSERVATORY } from '../rules/refs.ts';

/** Plain HTTP redirects to HTTPS on the same host first (site-wide). */
export const REDIRECT_RULES = defineRules([
  {
    id: 'https-redirect-missing',
    severity: 'high',
    scope: 'site',
    title: 'HTTP does not redirect to HTTPS on the same host',
    help: 'A plain-HTTP request must be answered with a redirect (301, 302, 307 or 308) to `https://` on the same host, before any other redirect. Checked for each `http://` URL given (and for `http://host/` when an `https://` URL on the default port is given); loopback hosts are skipped with a note.',
    reference: OBSERVATORY,
  },
] as const);

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`: where a plain-HTTP test server may live. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) {
    if (host === '::1') return true;
    // The URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1 (first hextet 7fxx is 127.x).
    const mapped = /^::ffff:(?:(\d+)\.\d+\.\d+\.\d+|([0-9a-f]{1,4}):[0-9a-f]{1,4})$/.exec(host);
    if (mapped?.[1]) return mapped[1] === '127';
    if (mapped?.[2]) return parseInt(mapped[2], 16) >> 8 === 127;
  }
  return false;
}

export type RedirectPlan = { probe: string } | { note: string };

/**
 * Which plain-HTTP URL to probe for the redirect: the URL itself when it is `http://`, or
 * `http://host/path` for an `https://` URL on the default port (another HTTPS port says nothing
 * about which port plain HTTP would use).
 */
export function planRedirectCheck(target: URL): RedirectPlan {
  if (isLoopbackHost(target.hostname)) {
    return { note: `HTTP→HTTPS redirect not checked for ${target.origin}: ${target.hostname} is a loopback host` };
  }
  if (target.protocol === 'http:') return { probe: target.href };
  if (target.port !== '') {
    return { note: `HTTP→HTTPS redirect not checked for ${target.origin}: the plain-HTTP port is unknown` };
  }
  const http = new URL(target.href);
  http.protocol = 'http:';
  return { probe: http.href };
}

const REDIRECTS = new Set([301, 302, 307, 308]);

/** The first hop must go to HTTPS on the same host (Observatory: redirect before changing host, so HSTS is set). */
export function judgeRedirect(probe: string, status: number, location: string | null): Finding[] {
  const { finding } = REDIRECT_RULES;
  const host = new URL(probe).hostname;
  if (!REDIRECTS.has(status) || location === null) {
    return [finding('https-redirect-missing', probe, `${probe} answered ${status} instead of a redirect to HTTPS`)];
  }
  let target: URL;
  try {
    target = new URL(location, probe);
  } catch {
    return [
      finding('https-redirect-missing', probe, `${probe} redirects to an invalid Location ${JSON.stringify(location)}`),
    ];
  }
  if (target.protocol !== 'https:') {
    return [finding('https-redirect-missing', probe, `${probe} redirects to ${target.href}, not to HTTPS`)];
  }
  if (target.hostname !== host) {
    return [
      finding(
        'https-redirect-missing',
        probe,
        `${probe} redirects to another host (${target.host}) before HTTPS on ${host}`,
      ),
    ];
  }
  return [];
}
