import type { HeaderDefinition } from './header.ts';

/** `Reporting-Endpoints` (Reporting API v1); not sent when no endpoint is configured. */
export const reportingEndpoints: HeaderDefinition = {
  name: 'Reporting-Endpoints',
  value: ({ reportingEndpoints: endpoints }) => {
    const entries = Object.entries(endpoints);
    if (entries.length === 0) return undefined;
    return entries.map(([name, url]) => `${name}="${url}"`).join(', ');
  },
  reason: () => ({
    en: 'Where browsers send reports of blocked content.',
    fr: 'Adresse à laquelle les navigateurs signalent les contenus bloqués.',
  }),
};
