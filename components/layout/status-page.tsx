import Link from "next/link";
import { getTranslator } from "@/lib/locale";
import type { MessageKey } from "@/lib/i18n/messages";

/** The 403 and 404 pages: a heading, a sentence, and the way back home. */
export async function StatusPage({ title, message }: { title: MessageKey; message: MessageKey }) {
  const { t } = await getTranslator();
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t(title)}</h1>
      <p className="mb-6 text-slate-700">{t(message)}</p>
      <Link href="/" className="text-brand-700 underline">
        {t("errors.backHome")}
      </Link>
    </main>
  );
}
