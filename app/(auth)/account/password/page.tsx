import { redirect } from "next/navigation";
import { getUserForPasswordChange } from "@/lib/auth/session";
import { getTranslator } from "@/lib/locale";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { ClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("account.changePassword") };
}

// Outside the app's layout on purpose: a user whose password an administrator set is sent
// here before anything else (lib/auth/session.ts requireUser), and the layout would send them
// straight back.
export default async function ChangePasswordPage() {
  const user = await getUserForPasswordChange();
  if (!user) redirect("/login");
  const { t } = await getTranslator();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow">
        <p className="text-2xl font-bold text-brand-700">{t("app.name")}</p>
        <h1 className="text-lg font-semibold">{t("account.changePassword")}</h1>
        {user.mustChangePassword && (
          <p role="note" className="rounded bg-amber-50 p-3 text-sm text-amber-900">
            {t("account.mustChange")}
          </p>
        )}
        <ClientMessages namespaces={["account", "common"]}>
          <ChangePasswordForm />
        </ClientMessages>
      </div>
    </main>
  );
}
