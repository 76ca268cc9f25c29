import type { SecurityOptions } from '../options.ts';

/** `Reporting-Endpoints` (Reporting API v1), or undefined when no endpoint is configured. */
export function getReportingEndpoints({
  reportingEndpoints,
}: Pick<SecurityOptions, 'reportingEndpoints'>): string | undefined {
  const entries = Object.entries(reportingEndpoints);
  if (entries.length === 0) return undefined;
  return entries.map(([name, url]) => `${name}="${url}"`).join(', ');
}
