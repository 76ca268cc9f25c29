import type { SecurityOptions } from '../security/options.ts';
import { INTL_LOCALE, LOCALES, type Locale } from './locales.ts';
import { typesetFrenchIn } from '../typography/typeset-values.ts';

const YEAR_SECONDS = 31_536_000;

/** "2 years" / "2 ans" (or days when max-age is not a whole number of years), from the policy. */
function hstsDuration(locale: Locale, maxAge: number): string {
  const years = maxAge / YEAR_SECONDS;
  const [value, unit] = Number.isInteger(years) ? [years, 'year'] : [Math.floor(maxAge / 86_400), 'day'];
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** Why each header is sent, for the website-security page. Keys are header names as served. */
const HEADER_REASONS: Record<string, Record<Locale, string>> = typesetFrenchIn({
  'Content-Security-Policy': {
    en: 'Only what this page was built with may load or run: no inline code unless its hash is listed, no other origin, no framing, no plugin, and DOM sinks refuse strings (Trusted Types).',
    fr: 'Seul ce avec quoi la page a été construite peut se charger ou s’exécuter : pas de code en ligne sans son empreinte, aucune autre origine, aucun encadrement, aucun plugin, et les points d’injection du DOM refusent les chaînes (Trusted Types).',
  },
  'X-Content-Type-Options': {
    en: 'The declared type is final: a text file can never be run as a script.',
    fr: 'Le type déclaré fait foi : un fichier texte ne peut jamais être exécuté comme script.',
  },
  'Referrer-Policy': {
    en: 'Following a link to another site sends it no address from this one.',
    fr: 'Suivre un lien vers un autre site ne lui transmet aucune adresse de celui-ci.',
  },
  'X-Frame-Options': {
    en: 'Older browsers also refuse to show these pages inside another site’s frame (clickjacking).',
    fr: 'Les navigateurs anciens refusent eux aussi d’afficher ces pages dans le cadre d’un autre site (détournement de clic).',
  },
  'Cross-Origin-Opener-Policy': {
    en: 'A window opened from elsewhere gets no handle on ours.',
    fr: 'Une fenêtre ouverte depuis un autre site n’obtient aucun accès à la nôtre.',
  },
  'Cross-Origin-Resource-Policy': {
    en: 'No other origin may embed our files, which blocks cross-site data leaks.',
    fr: 'Aucune autre origine ne peut intégrer nos fichiers, ce qui bloque les fuites de données entre sites.',
  },
  'Cross-Origin-Embedder-Policy': {
    en: 'The page only embeds resources that agree to it: here, our own files only.',
    fr: 'La page n’intègre que des ressources qui y consentent : ici, uniquement nos propres fichiers.',
  },
  'Permissions-Policy': {
    en: 'Camera, microphone, location, payment and every other powerful feature are switched off.',
    fr: 'Caméra, micro, géolocalisation, paiement et toute autre fonction sensible sont désactivés.',
  },
  'Origin-Agent-Cluster': {
    en: 'The browser keeps this origin in its own process group.',
    fr: 'Le navigateur isole cette origine dans son propre groupe de processus.',
  },
  'X-DNS-Prefetch-Control': {
    en: 'No DNS look-up is made in advance for links a reader never follows.',
    fr: 'Aucune résolution DNS anticipée pour des liens que le lecteur ne suit pas.',
  },
  'X-Permitted-Cross-Domain-Policies': {
    en: 'Legacy plug-ins may not load cross-domain policy files from this site.',
    fr: 'Les anciens greffons ne peuvent pas charger de fichiers de politique inter-domaines depuis ce site.',
  },
  'Reporting-Endpoints': {
    en: 'Where browsers send reports of blocked content.',
    fr: 'Adresse à laquelle les navigateurs signalent les contenus bloqués.',
  },
});

/**
 * The reason shown next to `header`, in `locale`. Values that depend on the policy (the HSTS
 * duration) are read from `options`, never restated. A header without a reason is an error, so a
 * new header cannot reach the website-security page unexplained.
 */
export function headerReason(header: string, locale: Locale, options: SecurityOptions): string {
  if (header === 'Strict-Transport-Security') {
    const duration = hstsDuration(locale, options.hsts.maxAge);
    const text = {
      en: `Browsers reach this site and its subdomains over HTTPS only, for ${duration} after each visit.`,
      fr: `Les navigateurs n’accèdent au site et à ses sous-domaines qu’en HTTPS, pendant ${duration} après chaque visite.`,
    };
    return typesetFrenchIn(text)[locale];
  }
  const reason = HEADER_REASONS[header]?.[locale];
  if (reason === undefined)
    throw new Error(
      `[policy] no reason for ${header} in src/i18n/policy.ts (${LOCALES.join(', ')}): explain every header sent`,
    );
  return reason;
}
