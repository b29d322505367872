import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/locale";
import { formatNumber } from "@/lib/i18n/format";
import { listBodies, listMemberCandidates } from "@/lib/bodies/queries";
import { agencyChoices } from "@/lib/agencies/choices";
import { Card, EmptyState } from "@/components/ui/card";
import { BodyForm } from "@/components/meetings/body-form";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("bodies.title") };
}

/** The working group and its committee: who they are and which agencies sit on them. */
export default async function BodiesPage() {
  const user = await requirePermission("body.manage");
  const { t, locale } = await getTranslator();
  const [bodies, agencies] = await Promise.all([listBodies(user), listMemberCandidates(user)]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/meetings" className="text-brand-700 underline-offset-4 hover:underline">
            {t("meetings.title")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("bodies.title")}</h1>
        <p className="text-sm text-slate-600">{t("bodies.intro")}</p>
      </div>
      {bodies.length === 0 && <EmptyState>{t("bodies.noBodies")}</EmptyState>}
      {bodies.map((body) => {
        const memberIds = body.members.map((m) => m.agency.id);
        const picker = agencyChoices(agencies, { members: memberIds }, t, locale);
        return (
          <Card
            key={body.id}
            title={`${t(`meeting.${body.kind}`)} — ${t("bodies.membersCount", { n: formatNumber(memberIds.length, locale) })}`}
          >
            <BodyForm
              body={{
                id: body.id,
                nameFa: body.nameFa,
                nameEn: body.nameEn,
                chairName: body.chairName ?? "",
                secretaryName: body.secretaryName ?? "",
                memberIds,
                version: body.version,
              }}
              choices={picker.choices}
              groupOrder={picker.groupOrder}
            />
          </Card>
        );
      })}
    </div>
  );
}
