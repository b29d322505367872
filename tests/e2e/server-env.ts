// What the e2e servers run with, shared by playwright.config.ts (the server Playwright starts),
// tests/e2e/session-room.spec.ts (a second instance) and tests/e2e/session.ts (which mints
// session tokens those servers must accept, so it needs their key).
export const E2E_AUTH_SECRET = "e2e-only-secret-not-for-production-use-0123456789";
