// The words of app/global-error.tsx, which React shows when the root layout itself failed:
// no layout, no message provider, perhaps no server to ask. So the page carries its few
// sentences itself, in both languages, and shows both. Copies of the catalogue's own
// (errors.*), kept equal by tests/unit/errors.test.ts; a separate module so the page does not
// ship the whole catalogue to the browser.
export const GLOBAL_ERROR_TEXT = {
  fa: {
    dir: "rtl",
    unexpected: "خطای پیش‌بینی‌نشده‌ای رخ داد. دوباره تلاش کنید.",
    outagePage: "سامانه موقتاً در دسترس نیست. چند لحظه بعد دوباره تلاش کنید.",
    reference: "کد پیگیری خطا: {reference}",
    retry: "تلاش دوباره",
  },
  en: {
    dir: "ltr",
    unexpected: "Something unexpected went wrong. Please try again.",
    outagePage: "The service is temporarily unavailable. Please try again in a moment.",
    reference: "Error reference: {reference}",
    retry: "Try again",
  },
} as const;
