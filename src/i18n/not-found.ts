import { defineTexts } from './texts.ts';

/** Short texts of the 404 page, in each locale (the one 404 file shows both). */
export const notFound = defineTexts({
  title: { en: 'Page not found', fr: 'Page introuvable' },
  body: {
    en: 'The address you followed does not match any page on this site. It may have been mistyped, or the page may have moved. Start again from the home page, or use the search to find the topic you were looking for.',
    fr: 'L’adresse suivie ne correspond à aucune page de ce site. Elle comporte peut-être une faute de frappe, ou la page a été déplacée. Repartez de la page d’accueil, ou utilisez la recherche pour retrouver le sujet qui vous intéresse.',
  },
  back: { en: 'Back to the home page', fr: 'Retour à la page d’accueil' },
});
