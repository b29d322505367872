import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { signOutAction } from "@/lib/auth/actions";
import { getTranslator } from "@/lib/locale";
import { FLASH_COOKIE, readFlash } from "@/lib/flash";
import { FlashMessage } from "@/components/ui/flash-message";
import { ClientMessages } from "@/components/ui/client-messages";
import { LocaleSwitch } from "@/components/layout/locale-switch";

// The applicant's own part of the site (issue #32): one narrow column for a phone first, the
// same look as the rest, none of the staff's menu.
export default async function ApplicantLayout({ children }: { children: React.ReactNode }) {
  const [{ t }, user, flash] = await Promise.all([getTranslator(), getCurrentUser(), readFlash()]);
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-3 px-4 py-3">
          <Link href="/apply" className="font-bold text-brand-700">
            {t("app.name")}{" "}
            <span className="text-sm font-normal text-slate-600">— {t("applicants.title")}</span>
          </Link>
          <div className="flex items-center gap-2">
            <LocaleSwitch t={t} />
            {user && (
              <form action={signOutAction}>
                <button
                  type="submit"
                  className="rounded px-2 py-1 text-sm underline-offset-4 hover:underline"
                >
                  {t("requests.signOut")}
                </button>
              </form>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-6">
        {flash && <FlashMessage cookie={FLASH_COOKIE} text={t(flash.key, flash.params)} />}
        <ClientMessages namespaces={["applicants", "common"]}>{children}</ClientMessages>
      </main>
    </div>
  );
}
