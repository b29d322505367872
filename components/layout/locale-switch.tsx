import { switchLocaleAction } from "@/lib/auth/actions";
import type { Translate } from "@/lib/i18n/messages";

export function LocaleSwitch({ t }: { t: Translate }) {
  return (
    <form action={switchLocaleAction}>
      <button type="submit" aria-label={t("nav.languageLabel")} className="rounded px-2 py-1 text-sm underline-offset-4 hover:underline">
        {t("nav.language")}
      </button>
    </form>
  );
}
