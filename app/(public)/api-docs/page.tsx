import { getTranslator } from "@/lib/locale";
import { openApiDocument } from "@/lib/api/openapi";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { Card } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("api.docs.title") };
}

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  description?: string;
  default?: unknown;
};
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Operation = {
  summary: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: {
    content: Record<string, { schema: { properties?: Record<string, Schema>; required?: string[] } }>;
  };
  responses: Record<string, { description: string }>;
};

const typeOf = (s: Schema) =>
  s.enum
    ? s.enum.join(" | ")
    : [Array.isArray(s.type) ? s.type.join(" | ") : s.type, s.format].filter(Boolean).join(", ");

/** The readable reference: rendered from the very document at /api/v1/openapi.json. */
export default async function ApiDocsPage() {
  const { t, locale } = await getTranslator();
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );
  const yes = t("common.yes");
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-lg font-bold text-brand-700">{t("app.name")}</p>
          <h1 className="text-2xl font-bold">{t("api.docs.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("api.docs.intro")}</p>
          <p className="mt-2 text-sm">
            <a href="/api/v1/openapi.json" className="text-brand-700 underline-offset-4 hover:underline">
              {t("api.docs.openapi")}
            </a>
          </p>
        </div>
        <LocaleSwitch t={t} />
      </div>
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
      {operations.map(({ path, method, op }) => {
        const body =
          op.requestBody?.content["multipart/form-data"]?.schema ??
          op.requestBody?.content["application/json"]?.schema;
        return (
          <section
            key={`${method} ${path}`}
            aria-labelledby={`op-${method}-${path}`}
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          >
            <h3
              id={`op-${method}-${path}`}
              dir="ltr"
              // A long path (/api/v1/resolutions/{id}/reports) breaks rather than widening the
              // page on a phone (phone sweep: 12 px at 390 px).
              className="text-start font-mono text-base font-semibold break-all"
            >
              <span className="me-2 rounded bg-brand-700 px-2 py-0.5 text-xs text-white uppercase">
                {method}
              </span>
              /api/v1{path}
            </h3>
            <p className="font-medium" dir="ltr">
              {op.summary}
            </p>
            {op.description && (
              <p className="text-sm text-slate-700" dir="ltr">
                {op.description}
              </p>
            )}
            {op.parameters && op.parameters.length > 0 && (
              <div className="overflow-x-auto">
                <table className="w-full min-w-[40rem] text-sm" dir="ltr">
                  <caption className="text-start text-sm font-semibold">{t("api.docs.parameters")}</caption>
                  <TableHead
                    labels={[
                      t("api.docs.parameter"),
                      t("api.docs.in"),
                      t("api.docs.type"),
                      t("api.docs.required"),
                      t("api.docs.description"),
                    ]}
                  />
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`} className="border-b border-slate-100 align-top">
                        <td className="p-2 font-mono">{p.name}</td>
                        <td className="p-2">{p.in}</td>
                        <td className="p-2 font-mono text-xs">{typeOf(p.schema)}</td>
                        <td className="p-2">{p.required ? yes : ""}</td>
                        <td className="p-2">{p.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {body?.properties && (
              <div className="overflow-x-auto">
                <table className="w-full min-w-[40rem] text-sm" dir="ltr">
                  <caption className="text-start text-sm font-semibold">{t("api.docs.requestBody")}</caption>
                  <TableHead
                    labels={[
                      t("api.docs.parameter"),
                      t("api.docs.type"),
                      t("api.docs.required"),
                      t("api.docs.description"),
                    ]}
                  />
                  <tbody>
                    {Object.entries(body.properties).map(([name, s]) => (
                      <tr key={name} className="border-b border-slate-100 align-top">
                        <td className="p-2 font-mono">{name}</td>
                        <td className="p-2 font-mono text-xs">{typeOf(s)}</td>
                        <td className="p-2">{body.required?.includes(name) ? yes : ""}</td>
                        <td className="p-2">{s.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div>
              <h4 className="text-sm font-semibold">{t("api.docs.responses")}</h4>
              <ul className="text-sm" dir="ltr">
                {Object.entries(op.responses).map(([status, r]) => (
                  <li key={status}>
                    <span className="font-mono">{status}</span> — {r.description}
                  </li>
                ))}
              </ul>
            </div>
          </section>
        );
      })}
    </main>
  );
}
