/**
 * Headers with one right value for this site. They are functions like the others so that every
 * header value comes from src/security and nowhere else.
 */
import { fixedHeader } from './header.ts';

/** `Referrer-Policy`: no URL of ours leaks to the sites we link to. */
export const getReferrerPolicy = (): string => 'no-referrer';

export const referrerPolicy = fixedHeader('Referrer-Policy', getReferrerPolicy(), {
  en: 'Following a link to another site sends it no address from this one.',
  fr: 'Suivre un lien vers un autre site ne lui transmet aucune adresse de celui-ci.',
});

/** `X-Content-Type-Options`: the browser trusts our Content-Type, never sniffs a script out of text. */
export const xContentTypeOptions = fixedHeader('X-Content-Type-Options', 'nosniff', {
  en: 'The declared type is final: a text file can never be run as a script.',
  fr: 'Le type déclaré fait foi : un fichier texte ne peut jamais être exécuté comme script.',
});

/** `X-Frame-Options`: legacy twin of `frame-ancestors 'none'` for browsers without CSP 2. */
export const xFrameOptions = fixedHeader('X-Frame-Options', 'DENY', {
  en: 'Older browsers also refuse to show these pages inside another site’s frame (clickjacking).',
  fr: 'Les navigateurs anciens refusent eux aussi d’afficher ces pages dans le cadre d’un autre site (détournement de clic).',
});

/** `Origin-Agent-Cluster`: isolate this origin in its own agent cluster. */
export const originAgentCluster = fixedHeader('Origin-Agent-Cluster', '?1', {
  en: 'The browser keeps this origin in its own process group.',
  fr: 'Le navigateur isole cette origine dans son propre groupe de processus.',
});

/** `X-DNS-Prefetch-Control`: no speculative DNS look-ups for links a reader never follows. */
export const xDnsPrefetchControl = fixedHeader('X-DNS-Prefetch-Control', 'off', {
  en: 'No DNS look-up is made in advance for links a reader never follows.',
  fr: 'Aucune résolution DNS anticipée pour des liens que le lecteur ne suit pas.',
});

/** `X-Permitted-Cross-Domain-Policies`: no Flash/PDF cross-domain policy files honoured. */
export const xPermittedCrossDomainPolicies = fixedHeader('X-Permitted-Cross-Domain-Policies', 'none', {
  en: 'Legacy plug-ins may not load cross-domain policy files from this site.',
  fr: 'Les anciens greffons ne peuvent pas charger de fichiers de politique inter-domaines depuis ce site.',
});
