import type { HeaderDefinition } from './header.ts';

/** `Permissions-Policy`: every powerful feature denied to this page and anything it could embed. */
export const permissionsPolicy: HeaderDefinition = {
  name: 'Permissions-Policy',
  value: ({ permissionsPolicy: { deny } }) => [...new Set(deny)].map((feature) => `${feature}=()`).join(', '),
  reason: () => ({
    en: 'Camera, microphone, location, payment and every other powerful feature are switched off.',
    fr: 'Caméra, micro, géolocalisation, paiement et toute autre fonction sensible sont désactivés.',
  }),
};
