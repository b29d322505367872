import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/locale";
import { LoginForm } from "@/components/auth/login-form";
import { ClientMessages } from "@/components/ui/client-messages";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { pageTitle } from "@/lib/page";

export const generateMetadata = pageTitle("login.title");

export default async function LoginPage() {
  if (await getCurrentUser()) redirect("/");
  const { t } = await getTranslator();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow">
        <div className="flex items-start justify-between gap-4">
          <div>
            <p className="text-2xl font-bold text-brand-700">{t("app.name")}</p>
            <p className="mt-1 text-xs text-slate-600">{t("app.fullName")}</p>
          </div>
          <LocaleSwitch t={t} />
        </div>
        <h1 className="text-lg font-semibold">{t("login.title")}</h1>
        <ClientMessages namespaces={["login"]}>
          <LoginForm />
        </ClientMessages>
        <p className="text-xs text-slate-500">{t("login.intro")}</p>
        {/* Units bring their own case (issue #32): the applicant's door, without a password. */}
        <div className="border-t border-slate-200 pt-4 text-sm">
          <Link href="/apply" className="font-medium text-brand-700 underline">
            {t("applicants.entry")}
          </Link>
          <p className="mt-1 text-xs text-slate-600">{t("applicants.entryHint")}</p>
        </div>
      </div>
    </main>
  );
}
