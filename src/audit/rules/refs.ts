// Reference pages the rules link to (MDN pages use the 2025 /Reference/ layout).
export const MDN = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers';
export const CSP_DOC = `${MDN}/Content-Security-Policy`;
export const OBSERVATORY = 'https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring';
export const OWASP_HEADERS = 'https://owasp.org/www-project-secure-headers/';
