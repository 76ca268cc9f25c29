/**
 * The website-security page's CSP cell: rendered empty by its PolicyTable component, filled by the
 * harden step with the CSP that very page is served with (computed from what the page loads, as
 * for every route). The component cannot know it when Astro renders the page, and a policy written
 * from guessed needs could only ever describe another page.
 */
export const ROUTE_CSP_CELL = 'data-route-csp';
