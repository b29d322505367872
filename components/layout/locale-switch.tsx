import { switchLocaleAction } from "@/lib/auth/actions";
import type { Translate } from "@/lib/i18n/messages";

export function LocaleSwitch({ t }: { t: Translate }) {
  return (
    <form action={switchLocaleAction}>
      {/* The visible word is the button's name (voice control users say what they see); the title explains it. */}
      <button
        type="submit"
        title={t("nav.languageLabel")}
        lang={t("nav.language") === "English" ? "en" : "fa"}
        className="rounded px-2 py-1 text-sm underline-offset-4 hover:underline"
      >
        {t("nav.language")}
      </button>
    </form>
  );
}
