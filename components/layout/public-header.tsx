import type { Translate } from "@/lib/i18n/messages";
import { LocaleSwitch } from "./locale-switch";

/**
 * The head of a public page (figures, verification, invitation reply, API reference): the
 * app's name, the page's heading and the lines under it, and the language switch.
 */
export function PublicHeader({
  title,
  t,
  children,
}: {
  title: string;
  t: Translate;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <p className="text-lg font-bold text-brand-700">{t("app.name")}</p>
        <h1 className="text-2xl font-bold">{title}</h1>
        {children}
      </div>
      <LocaleSwitch t={t} />
    </div>
  );
}
