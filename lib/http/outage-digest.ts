/**
 * The digest React hands app/error.tsx for a database outage (set in lib/db.ts), so the page
 * shows the outage sentence. Its own module: the error page is a client component.
 */
export const OUTAGE_DIGEST = "TASHIL_SERVICE_UNAVAILABLE";
