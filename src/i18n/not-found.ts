import { typesetFrenchIn } from '../typography/typeset-values.ts';

/** Short texts of the 404 page, in each locale. */
export const notFound = typesetFrenchIn({
  en: {
    title: 'Page not found',
    body: 'The address you followed does not match any page on this site. It may have been mistyped, or the page may have moved. Start again from the home page, or use the search to find the topic you were looking for.',
    back: 'Back to the home page',
  },
  fr: {
    title: 'Page introuvable',
    body: 'L’adresse suivie ne correspond à aucune page de ce site. Elle comporte peut-être une faute de frappe, ou la page a été déplacée. Repartez de la page d’accueil, ou utilisez la recherche pour retrouver le sujet qui vous intéresse.',
    back: 'Retour à la page d’accueil',
  },
} as const);
