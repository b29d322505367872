import Link from "next/link";
import { pageContext, pageTitle } from "@/lib/page";
import { digestHourSetting, noticeAckDaysSetting, publicFiguresSetting } from "@/lib/settings/queries";
import { formatNumber } from "@/lib/i18n/format";
import { DigestHourForm } from "@/components/admin/digest-hour-form";
import { NoticeAckDaysForm } from "@/components/admin/notice-ack-days-form";
import { Card } from "@/components/ui/card";
import { PublicFiguresToggle } from "@/components/admin/public-figures-toggle";
import { StalledDaysForm, WeeklyRecipientsForm } from "@/components/outcomes/settings-forms";
import { stalledDaysSetting, weeklyRecipientsSetting } from "@/lib/outcomes/settings";

export const generateMetadata = pageTitle("settings.title");

export default async function SettingsPage() {
  const { user: actor, t, locale } = await pageContext("settings.manage");
  const [{ enabled, version }, ackDays, digest, stalled, weekly] = await Promise.all([
    publicFiguresSetting(actor.provinceId),
    noticeAckDaysSetting(actor.provinceId),
    digestHourSetting(actor.provinceId),
    stalledDaysSetting(actor.provinceId),
    // A national administrator has no province to send a governor's report for.
    actor.provinceId ? weeklyRecipientsSetting(actor.provinceId) : null,
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      <Card title={t("settings.publicFigures")}>
        <p className="mb-3 text-sm text-slate-700">{t("settings.publicFiguresHint")}</p>
        <PublicFiguresToggle enabled={enabled} version={version} />
        {enabled && (
          <Link href="/figures" className="mt-3 inline-block text-sm text-brand-700 underline">
            /figures
          </Link>
        )}
      </Card>
      <Card title={t("settings.ackDays")}>
        <NoticeAckDaysForm days={ackDays.days} version={ackDays.version} />
      </Card>
      <Card title={t("settings.digestHour")}>
        {/* Shown in the page's digits; the field accepts Persian and Latin ones alike. */}
        <DigestHourForm hour={formatNumber(digest.hour, locale)} version={digest.version} />
      </Card>
      <Card title={t("outcomes.settings.stalled")}>
        <StalledDaysForm days={formatNumber(stalled.days, locale)} version={stalled.version} />
      </Card>
      {weekly && (
        <Card title={t("outcomes.weekly.recipients")}>
          <WeeklyRecipientsForm emails={weekly.emails} version={weekly.version} />
        </Card>
      )}
    </div>
  );
}
