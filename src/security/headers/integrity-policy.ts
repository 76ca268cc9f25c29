import { fixedHeader } from './header.ts';

/**
 * `Integrity-Policy` (SRI Level 2; Chromium ≥ 138, Firefox ≥ 145): the browser refuses any script
 * fetched without integrity metadata, and any script fetch in no-cors mode. Every script the build
 * emits has `integrity` and `crossorigin`, so the policy costs nothing here and stops a script
 * injected after the build even where the CSP would let a same-origin file through. Only documents
 * and workers apply it; other responses ignore it.
 *
 * `style` is left out on purpose: Chromium 156 does not enforce it and logs "The Integrity-Policy
 * destination 'style' is not supported" on every page. Stylesheets already carry `integrity` and
 * `crossorigin="anonymous"`, so adding `style` is one word once browsers enforce it.
 */
export const integrityPolicy = fixedHeader('Integrity-Policy', 'blocked-destinations=(script)', {
  en: 'Browsers that support it refuse any script that arrives without an integrity hash, even one the site’s own origin serves.',
  fr: 'Les navigateurs qui le prennent en charge refusent tout script arrivé sans empreinte d’intégrité, même servi par l’origine du site.',
});
