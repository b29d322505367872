import type { ComponentProps } from "react";
import type { loadIntakeRequest } from "@/lib/requests/queries";
import {
  acceptRequestAction,
  askForDocumentsAction,
  markDuplicateAction,
  putRequestOnAgendaAction,
  rejectRequestAction,
} from "@/lib/requests/actions";
import type { Translate } from "@/lib/i18n/messages";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/requests/action-form";

// The secretariat's decisions on a request (intake/[id]), each offered only while it applies:
// accept or ask for documents while it waits; mark as a duplicate or reject while it is open;
// put on the agenda once accepted with an obstacle still registered.

type IntakeRequest = NonNullable<Awaited<ReturnType<typeof loadIntakeRequest>>>;
type ActionFormProps = ComponentProps<typeof ActionForm>;

/** One decision: a card with its form. */
function DecisionCard({
  title,
  action,
  submit,
  saving,
  secondary = false,
  fields,
}: {
  title: string;
  action: ActionFormProps["action"];
  submit: string;
  saving: string;
  secondary?: boolean;
  fields: ActionFormProps["fields"];
}) {
  return (
    <Card title={title}>
      <ActionForm
        action={action}
        submitLabel={submit}
        pendingLabel={saving}
        variant={secondary ? "secondary" : undefined}
        fields={fields}
      />
    </Card>
  );
}

/** Accept as: the registered unit the national id matches (then only that unit), else a new unit. */
function acceptTarget(request: IntakeRequest, t: Translate): ActionFormProps["fields"][number] {
  return {
    kind: "radio",
    name: "target",
    label: t("requests.acceptAs"),
    // Offered when the national id matches a registered unit: then only that unit.
    options: request.match
      ? [
          {
            value: request.match.id,
            label: t("requests.acceptLinkUnit", { name: request.match.name }),
          },
        ]
      : [{ value: "new", label: t("requests.acceptNewUnit") }],
  };
}

type Decision = {
  title: string;
  action: ActionFormProps["action"];
  submit: string;
  secondary?: boolean;
  fields?: ActionFormProps["fields"];
};

/** The decisions that apply to the request as it stands, in the order they are offered. */
function decisionsFor(request: IntakeRequest, t: Translate): Decision[] {
  const waiting = request.status === "SUBMITTED";
  const open = waiting || request.status === "DOCUMENTS_REQUESTED";
  const onAgenda =
    request.status === "ACCEPTED" && request.obstacles.some((o) => o.obstacle?.status === "REGISTERED");
  const text = (name: string, label: string) => ({ kind: "textarea" as const, name, label });
  return [
    ...(waiting
      ? [
          {
            title: t("requests.acceptTitle"),
            action: acceptRequestAction,
            submit: t("requests.accept"),
            fields: [acceptTarget(request, t)],
          },
          {
            title: t("requests.askDocumentsTitle"),
            action: askForDocumentsAction,
            submit: t("requests.askDocuments"),
            secondary: true,
            fields: [text("message", t("requests.message"))],
          },
        ]
      : []),
    ...(open
      ? [
          {
            title: t("requests.duplicateTitle"),
            action: markDuplicateAction,
            submit: t("requests.markDuplicate"),
            secondary: true,
            fields: [
              {
                kind: "text" as const,
                name: "unit",
                label: t("requests.duplicateOf"),
                hint: t("requests.duplicateHint"),
                dir: "ltr" as const,
                defaultValue: request.match ? request.unitNationalId : "",
              },
            ],
          },
          {
            title: t("requests.rejectTitle"),
            action: rejectRequestAction,
            submit: t("requests.reject"),
            secondary: true,
            fields: [text("reason", t("requests.rejectReason"))],
          },
        ]
      : []),
    ...(onAgenda
      ? [
          {
            title: t("requests.agendaTitle"),
            action: putRequestOnAgendaAction,
            submit: t("requests.putOnAgenda"),
          },
        ]
      : []),
  ];
}

export function IntakeDecisions({ request, t }: { request: IntakeRequest; t: Translate }) {
  return decisionsFor(request, t).map((d) => (
    <DecisionCard
      key={d.title}
      title={d.title}
      action={d.action}
      submit={d.submit}
      saving={t("requests.saving")}
      secondary={d.secondary}
      fields={[{ kind: "hidden", name: "id", value: request.id }, ...(d.fields ?? [])]}
    />
  ));
}
