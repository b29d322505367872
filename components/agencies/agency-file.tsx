import { formatDigits, formatList } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { getAgency } from "@/lib/agencies/queries";
import { Card, EmptyState } from "@/components/ui/card";

// Sections of an agency's file (app/(app)/agencies/[id]/page.tsx): its people, and its
// contacts as a reader who may not edit them sees them.

type Agency = NonNullable<Awaited<ReturnType<typeof getAgency>>>;
type Speech = { t: Translate; locale: Locale };

export function AgencyUsers({ users, t, locale }: Speech & { users: NonNullable<Agency["users"]> }) {
  return (
    <Card title={t("agencies.users")}>
      {users.length === 0 ? (
        <EmptyState>{t("agencies.noUsers")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {users.map((u) => (
            <li key={u.id} className="flex flex-wrap gap-3 py-2">
              <span className="font-medium">{u.name}</span>
              <span dir="ltr" className="text-slate-600">
                {u.email}
              </span>
              <span className="text-slate-600">
                {formatList(
                  u.roles.map((r) => t(`roles.${r}`)),
                  locale,
                )}
              </span>
              {!u.active && <span className="text-red-700">{t("agencies.inactive")}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function AgencyContacts({ agency, t, locale }: Speech & { agency: Agency }) {
  return (
    <Card>
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        {(
          [
            ["agencies.headName", agency.headName],
            ["agencies.headTitle", agency.headTitle],
            ["agencies.headMobile", agency.headMobile],
            ["agencies.phone", agency.phone],
            ["agencies.email", agency.email],
            ["agencies.address", agency.address],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="flex gap-2">
            <dt className="text-slate-600">{t(label)}:</dt>
            <dd>
              {value === null ? (
                t("common.none")
              ) : label === "agencies.phone" ? (
                <span dir="ltr">{formatDigits(value, locale)}</span>
              ) : (
                value
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
