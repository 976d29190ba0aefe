/**
 * The header every state-changing request of the web app carries (tRPC mutations, the
 * photo upload). A cross-site HTML form cannot send a custom header, and a cross-site
 * fetch can only after a CORS preflight, which the server never grants; so its
 * presence shows the request was made by our own page. Open311 clients, which use an
 * API key and no cookie, do not need it.
 */
export const CSRF_HEADER = 'x-citygov-csrf';
export const CSRF_HEADER_VALUE = '1';
