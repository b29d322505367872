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

export function IntakeDecisions({ request, t }: { request: IntakeRequest; t: Translate }) {
  const waiting = request.status === "SUBMITTED";
  const open = waiting || request.status === "DOCUMENTS_REQUESTED";
  return (
    <>
      {waiting && (
        <DecisionCard
          title={t("requests.acceptTitle")}
          action={acceptRequestAction}
          submit={t("requests.accept")}
          saving={t("requests.saving")}
          fields={[{ kind: "hidden", name: "id", value: request.id }, acceptTarget(request, t)]}
        />
      )}
      {waiting && (
        <DecisionCard
          title={t("requests.askDocumentsTitle")}
          action={askForDocumentsAction}
          submit={t("requests.askDocuments")}
          saving={t("requests.saving")}
          secondary
          fields={[
            { kind: "hidden", name: "id", value: request.id },
            { kind: "textarea", name: "message", label: t("requests.message") },
          ]}
        />
      )}
      {open && (
        <DecisionCard
          title={t("requests.duplicateTitle")}
          action={markDuplicateAction}
          submit={t("requests.markDuplicate")}
          saving={t("requests.saving")}
          secondary
          fields={[
            { kind: "hidden", name: "id", value: request.id },
            {
              kind: "text",
              name: "unit",
              label: t("requests.duplicateOf"),
              hint: t("requests.duplicateHint"),
              dir: "ltr",
              defaultValue: request.match ? request.unitNationalId : "",
            },
          ]}
        />
      )}
      {open && (
        <DecisionCard
          title={t("requests.rejectTitle")}
          action={rejectRequestAction}
          submit={t("requests.reject")}
          saving={t("requests.saving")}
          secondary
          fields={[
            { kind: "hidden", name: "id", value: request.id },
            { kind: "textarea", name: "reason", label: t("requests.rejectReason") },
          ]}
        />
      )}
      {request.status === "ACCEPTED" &&
        request.obstacles.some((o) => o.obstacle?.status === "REGISTERED") && (
          <DecisionCard
            title={t("requests.agendaTitle")}
            action={putRequestOnAgendaAction}
            submit={t("requests.putOnAgenda")}
            saving={t("requests.saving")}
            fields={[{ kind: "hidden", name: "id", value: request.id }]}
          />
        )}
    </>
  );
}
