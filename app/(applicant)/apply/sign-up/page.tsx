import Link from "next/link";
import { Suspense } from "react";
import { PageSkeleton } from "@/components/ui/skeleton";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { homePath } from "@/lib/auth/policy";
import { requestSignUpCodeAction } from "@/lib/applicants/actions";
import { APPLICANT_POSITIONS, CODE_CHANNELS } from "@/lib/applicants/schema";
import { signUpProvinces } from "@/lib/requests/queries";
import { localName } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/locale";
import { pageTitle } from "@/lib/page";
import { Card } from "@/components/ui/card";
import { CodeSignIn } from "@/components/requests/code-sign-in";
import type { FormField } from "@/components/requests/action-form";

export const generateMetadata = pageTitle("applicants.signUpTitle");

export default async function SignUpPage() {
  const user = await getCurrentUser();
  if (user) redirect(homePath(user));
  return (
    <Suspense fallback={<PageSkeleton shape="form" />}>
      <SignUp />
    </Suspense>
  );
}

async function SignUp() {
  const [{ t, locale }, provinces] = await Promise.all([getTranslator(), signUpProvinces()]);
  const fields: FormField[] = [
    { kind: "text", name: "name", label: t("applicants.name"), autoComplete: "name" },
    {
      kind: "text",
      name: "email",
      label: t("applicants.email"),
      type: "email",
      inputMode: "email",
      dir: "ltr",
      autoComplete: "email",
    },
    {
      kind: "text",
      name: "mobile",
      label: t("applicants.mobile"),
      hint: t("applicants.mobileHint"),
      type: "tel",
      inputMode: "tel",
      dir: "ltr",
      autoComplete: "tel",
    },
    {
      kind: "select",
      name: "channel",
      label: t("applicants.channel"),
      options: CODE_CHANNELS.map((c) => ({ value: c, label: t(`applicants.channels.${c}`) })),
    },
    {
      kind: "text",
      name: "nationalCode",
      label: t("applicants.nationalCode"),
      hint: t("applicants.nationalCodeHint"),
      inputMode: "numeric",
      dir: "ltr",
    },
    {
      kind: "select",
      name: "position",
      label: t("applicants.position"),
      placeholder: t("applicants.choose"),
      options: APPLICANT_POSITIONS.map((p) => ({ value: p, label: t(`applicants.positions.${p}`) })),
    },
    {
      kind: "text",
      name: "unitNationalId",
      label: t("applicants.unitNationalId"),
      hint: t("applicants.unitNationalIdHint"),
      inputMode: "numeric",
      dir: "ltr",
    },
    // With one province served, nothing to choose: the server takes it.
    ...(provinces.length > 1
      ? [
          {
            kind: "select" as const,
            name: "provinceId",
            label: t("applicants.province"),
            placeholder: t("applicants.choose"),
            options: provinces.map((p) => ({ value: p.id, label: localName(p, locale) })),
          },
        ]
      : []),
  ];
  return (
    <>
      <h1 className="text-xl font-bold">{t("applicants.signUpTitle")}</h1>
      <Card>
        <CodeSignIn requestAction={requestSignUpCodeAction} fields={fields} restartHref="/apply/sign-up" />
      </Card>
      <p className="text-sm">
        <Link href="/apply" className="text-brand-700 underline">
          {t("applicants.signInLink")}
        </Link>
      </p>
    </>
  );
}
