import { lookupStatusAction } from "@/lib/requests/actions";
import { getTranslator } from "@/lib/locale";
import { pageTitle } from "@/lib/page";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/requests/action-form";

export const generateMetadata = pageTitle("requests.statusTitle");

/**
 * «وضعیت درخواست», public: the stage only, for a tracking code plus the unit's national id.
 * The form posts (a server action), so the code is never in the address bar or a log.
 */
export default async function StatusPage() {
  const { t } = await getTranslator();
  return (
    <>
      <h1 className="text-xl font-bold">{t("requests.statusTitle")}</h1>
      <p className="text-sm text-slate-700">{t("requests.statusIntro")}</p>
      <Card>
        <ActionForm
          action={lookupStatusAction}
          submitLabel={t("requests.check")}
          pendingLabel={t("requests.checking")}
          fields={[
            {
              kind: "text",
              name: "trackingCode",
              label: t("requests.trackingCode"),
              dir: "ltr",
              autoComplete: "off",
            },
            {
              kind: "text",
              name: "unitNationalId",
              label: t("requests.unitNationalId"),
              hint: t("applicants.unitNationalIdHint"),
              inputMode: "numeric",
              dir: "ltr",
            },
          ]}
        />
      </Card>
    </>
  );
}
