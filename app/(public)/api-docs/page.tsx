import { getTranslator } from "@/lib/locale";
import { openApiDocument } from "@/lib/api/openapi";
import { PublicHeader } from "@/components/layout/public-header";
import { Card } from "@/components/ui/card";
import { OperationReference, type Operation } from "@/components/api/operation-reference";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("api.docs.title") };
}

/** The readable reference: rendered from the very document at /api/v1/openapi.json. */
export default async function ApiDocsPage() {
  const { t, locale } = await getTranslator();
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <PublicHeader title={t("api.docs.title")} t={t}>
        <p className="mt-1 text-sm text-slate-600">{t("api.docs.intro")}</p>
        <p className="mt-2 text-sm">
          <a href="/api/v1/openapi.json" className="text-brand-700 underline-offset-4 hover:underline">
            {t("api.docs.openapi")}
          </a>
        </p>
      </PublicHeader>
      <Card title={t("api.docs.auth")}>
        <p className="text-sm">{t("api.docs.authText")}</p>
        <pre dir="ltr" className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          {`curl -H "Authorization: Bearer tashil_…" -H "Accept-Language: ${locale}" \\
  "https://tashil.example/api/v1/resolutions?overdue=true&limit=50"`}
        </pre>
      </Card>
      <Card title={t("api.docs.pagination")}>
        <p className="text-sm">{t("api.docs.paginationText")}</p>
      </Card>
      <Card title={t("api.docs.errors")}>
        <p className="text-sm">{t("api.docs.errorsText")}</p>
      </Card>
      <h2 className="text-xl font-bold">{t("api.docs.endpoints")}</h2>
      {operations.map(({ path, method, op }) => (
        <OperationReference key={`${method} ${path}`} path={path} method={method} op={op} t={t} />
      ))}
    </main>
  );
}
