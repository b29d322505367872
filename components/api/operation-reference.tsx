import type { Translate } from "@/lib/i18n/messages";
import { TableHead } from "@/components/ui/table-head";

// One operation of the public API as the readable reference shows it (app/(public)/api-docs),
// rendered from the OpenAPI document itself.

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  description?: string;
  default?: unknown;
};
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
export type Operation = {
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

export function OperationReference({
  path,
  method,
  op,
  t,
}: {
  path: string;
  method: string;
  op: Operation;
  t: Translate;
}) {
  const body =
    op.requestBody?.content["multipart/form-data"]?.schema ??
    op.requestBody?.content["application/json"]?.schema;
  return (
    <section
      aria-labelledby={`op-${method}-${path}`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      {/* A long path (/api/v1/resolutions/{id}/reports) breaks rather than widening the page on a
          phone (phone sweep: 12 px at 390 px). */}
      <h3
        id={`op-${method}-${path}`}
        dir="ltr"
        className="text-start font-mono text-base font-semibold break-all"
      >
        <span className="me-2 rounded bg-brand-700 px-2 py-0.5 text-xs text-white uppercase">{method}</span>
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
      {op.parameters && op.parameters.length > 0 && <ParameterTable parameters={op.parameters} t={t} />}
      {body?.properties && <BodyTable properties={body.properties} required={body.required} t={t} />}
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
}

function ParameterTable({ parameters, t }: { parameters: Parameter[]; t: Translate }) {
  const yes = t("common.yes");
  return (
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
          {parameters.map((p) => (
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
  );
}

function BodyTable({
  properties,
  required,
  t,
}: {
  properties: Record<string, Schema>;
  required: string[] | undefined;
  t: Translate;
}) {
  const yes = t("common.yes");
  return (
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
          {Object.entries(properties).map(([name, s]) => (
            <tr key={name} className="border-b border-slate-100 align-top">
              <td className="p-2 font-mono">{name}</td>
              <td className="p-2 font-mono text-xs">{typeOf(s)}</td>
              <td className="p-2">{required?.includes(name) ? yes : ""}</td>
              <td className="p-2">{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
