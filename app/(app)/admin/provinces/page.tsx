import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate, formatNumber, localName } from "@/lib/i18n/format";
import { listProvinces } from "@/lib/provinces/queries";
import { Card } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import { ProvinceForm } from "@/components/provinces/province-form";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("provinces.admin.title") };
}

export default async function ProvincesAdminPage() {
  const actor = await requirePermission("province.manage");
  const { t, locale } = await getTranslator();
  const provinces = await listProvinces(actor);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("provinces.admin.title")}</h1>
      <Card title={t("provinces.admin.list")}>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm">
            <TableHead
              labels={[
                t("provinces.admin.code"),
                t("provinces.province"),
                t("provinces.admin.units"),
                t("provinces.admin.users"),
                t("audit.when"),
              ]}
            />
            <tbody>
              {provinces.map((p) => (
                <tr key={p.id} className="border-b border-slate-100">
                  <td className="p-2" dir="ltr">
                    {p.code}
                  </td>
                  <td className="p-2">{localName(p, locale)}</td>
                  <td className="p-2">{n(p._count.units)}</td>
                  <td className="p-2">{n(p._count.users)}</td>
                  <td className="p-2">{formatDate(p.createdAt, locale, { style: "short" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title={t("provinces.admin.newProvince")}>
        <ProvinceForm />
      </Card>
    </div>
  );
}
