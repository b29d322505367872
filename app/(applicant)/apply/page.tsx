import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { homePath } from "@/lib/auth/policy";
import { requestSignInCodeAction } from "@/lib/applicants/actions";
import { getTranslator } from "@/lib/locale";
import { pageTitle } from "@/lib/page";
import { Card } from "@/components/ui/card";
import { CodeSignIn } from "@/components/requests/code-sign-in";

export const generateMetadata = pageTitle("applicants.title");

/** The applicant's door: sign in with a code by e-mail or SMS, or sign up, or look up a status. */
export default async function ApplyPage() {
  const user = await getCurrentUser();
  if (user) redirect(homePath(user));
  const { t } = await getTranslator();
  return (
    <>
      <h1 className="text-xl font-bold">{t("applicants.title")}</h1>
      <p className="text-sm text-slate-700">{t("applicants.intro")}</p>
      <Card title={t("applicants.signInTitle")}>
        <CodeSignIn
          requestAction={requestSignInCodeAction}
          restartHref="/apply"
          fields={[
            {
              kind: "text",
              name: "address",
              label: t("applicants.address"),
              hint: t("applicants.addressHint"),
              dir: "ltr",
              autoComplete: "username",
            },
          ]}
        />
      </Card>
      <ul className="space-y-2 text-sm">
        <li>
          <Link href="/apply/sign-up" className="text-brand-700 underline">
            {t("applicants.signUpLink")}
          </Link>
        </li>
        <li>
          <Link href="/status" className="text-brand-700 underline">
            {t("applicants.statusLink")}
          </Link>
        </li>
        <li>
          <Link href="/login" className="text-brand-700 underline">
            {t("applicants.staffLink")}
          </Link>
        </li>
      </ul>
    </>
  );
}
