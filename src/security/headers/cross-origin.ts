import { fixedHeader, type HeaderDefinition } from './header.ts';

/** `Cross-Origin-Opener-Policy`: a page opened from elsewhere gets no handle on this window. */
export const crossOriginOpenerPolicy = fixedHeader('Cross-Origin-Opener-Policy', 'same-origin', {
  en: 'A window opened from elsewhere gets no handle on ours.',
  fr: 'Une fenêtre ouverte depuis un autre site n’obtient aucun accès à la nôtre.',
});

/** `Cross-Origin-Resource-Policy`: no other origin may embed our responses (Spectre-style leaks). */
export const crossOriginResourcePolicy = fixedHeader('Cross-Origin-Resource-Policy', 'same-origin', {
  en: 'No other origin may embed our files, which blocks cross-site data leaks.',
  fr: 'Aucune autre origine ne peut intégrer nos fichiers, ce qui bloque les fuites de données entre sites.',
});

/** `Cross-Origin-Embedder-Policy`: holds because every subresource is same-origin. */
export const crossOriginEmbedderPolicy: HeaderDefinition = {
  name: 'Cross-Origin-Embedder-Policy',
  value: ({ coep }) => coep,
  reason: () => ({
    en: 'The page only embeds resources that agree to it: here, our own files only.',
    fr: 'La page n’intègre que des ressources qui y consentent : ici, uniquement nos propres fichiers.',
  }),
};
