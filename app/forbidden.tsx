import Link from "next/link";
import { getTranslator } from "@/lib/locale";

export default async function Forbidden() {
  const { t } = await getTranslator();
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t("errors.forbiddenTitle")}</h1>
      <p className="mb-6 text-slate-700">{t("errors.forbidden")}</p>
      <Link href="/" className="text-brand-700 underline">
        {t("errors.backHome")}
      </Link>
    </main>
  );
}
