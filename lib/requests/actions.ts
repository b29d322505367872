"use server";
import { headers } from "next/headers";
import { field, formAction } from "@/lib/action";
import { chosenFiles } from "@/lib/attachments/store";
import { clientAddress } from "@/lib/auth/client-address";
import { invalid, malformedRequest, type FormState } from "@/lib/forms";
import { getTranslator } from "@/lib/locale";
import { isDatabaseUnavailable } from "@/lib/outage";
import {
  addRequestObstacle,
  createRequest,
  removeRequestObstacle,
  saveRequestDetails,
  submitRequest,
  uploadRequestDocuments,
} from "./mutations";
import { acceptRequest, askForDocuments, markDuplicate, putRequestOnAgenda, rejectRequest } from "./intake";
import { lookupStatus } from "./queries";
import { formatTrackingCode } from "./tracking";
import type { Flash } from "@/lib/flash";
import type { Stage } from "./stage";
import { statusLookupSchema } from "./schema";

// The applicant's request forms and the secretariat's intake decisions (issue #32).

const own = (form: FormData) => [`/apply/requests/${field(form, "requestId")}`, "/apply/requests"];
const intake = (form: FormData) => ["/intake", `/intake/${field(form, "id")}`];
/** A decision removes the form it was made with: its answer is shown as a flash on the request. */
const decided = (key: Flash["key"]) => (form: FormData) => ({
  to: `/intake/${field(form, "id")}`,
  flash: { key },
});

export const createRequestAction = formAction(({ user, t }) => createRequest(user, t), {
  redirect: (_form, result) => (result.id ? { to: `/apply/requests/${result.id}` } : null),
  echo: false,
});

export const saveRequestDetailsAction = formAction(
  ({ user, t }, form) => saveRequestDetails(user, Object.fromEntries(form), t),
  { revalidate: (form) => [`/apply/requests/${field(form, "id")}`] },
);

export const addRequestObstacleAction = formAction(
  ({ user, t }, form) =>
    addRequestObstacle(user, { ...Object.fromEntries(form), agencyIds: form.getAll("agencyIds") }, t),
  { revalidate: own, echo: { multi: ["agencyIds"] } },
);

export const removeRequestObstacleAction = formAction(
  ({ user, t }, form) => removeRequestObstacle(user, Object.fromEntries(form), t),
  { revalidate: own, echo: false },
);

export const uploadRequestDocumentsAction = formAction(
  ({ user, t }, form) =>
    uploadRequestDocuments(
      user,
      { requestId: field(form, "requestId") },
      chosenFiles(form.getAll("files")),
      t,
    ),
  { revalidate: own, echo: false },
);

// The forms of an editable request are gone once it is sent: the answer comes as a flash.
export const submitRequestAction = formAction(
  ({ user, t }, form) => submitRequest(user, Object.fromEntries(form), t),
  {
    revalidate: own,
    redirect: (form, result) => ({
      to: `/apply/requests/${field(form, "requestId")}`,
      flash: result.first
        ? { key: "requests.submitted", params: { code: formatTrackingCode(result.trackingCode ?? "") } }
        : { key: "requests.resubmitted" },
    }),
  },
);

export const acceptRequestAction = formAction(
  ({ user, t }, form) => acceptRequest(user, Object.fromEntries(form), t),
  { revalidate: (form) => [...intake(form), "/units"], echo: false, redirect: decided("requests.accepted") },
);

export const askForDocumentsAction = formAction(
  ({ user, t }, form) => askForDocuments(user, Object.fromEntries(form), t),
  { revalidate: intake, redirect: decided("requests.documentsAsked") },
);

export const rejectRequestAction = formAction(
  ({ user, t }, form) => rejectRequest(user, Object.fromEntries(form), t),
  { revalidate: intake, redirect: decided("requests.rejected") },
);

export const markDuplicateAction = formAction(
  ({ user, t }, form) => markDuplicate(user, Object.fromEntries(form), t),
  { revalidate: intake, redirect: decided("requests.markedDuplicate") },
);

export const putRequestOnAgendaAction = formAction(
  ({ user, t, locale }, form) => putRequestOnAgenda(user, Object.fromEntries(form), t, locale),
  {
    revalidate: (form) => [...intake(form), "/meetings"],
    echo: false,
    redirect: (form, result) => ({
      to: `/intake/${field(form, "id")}`,
      flash: { key: "requests.onAgenda", params: { meeting: result.meetingTitle ?? "" } },
    }),
  },
);

export type StatusState = FormState & { stage?: Stage };

/**
 * The public «وضعیت درخواست»: posted, so the tracking code never lands in a URL, a browser's
 * history or a server's access log. Nobody need be signed in.
 */
export async function lookupStatusAction(_prev: StatusState, form: FormData): Promise<StatusState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const raw = { trackingCode: form.get("trackingCode"), unitNationalId: form.get("unitNationalId") };
  const parsed = statusLookupSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, t);
  try {
    const answer = await lookupStatus(raw, clientAddress(await headers()));
    if (answer.ok)
      return {
        ok: true,
        stage: answer.stage,
        message: t("requests.statusAnswer", { stage: t(`requests.stages.${answer.stage}`) }),
      };
    const message = {
      invalid: t("validation.invalidInput"),
      notFound: t("requests.statusNotFound"),
      throttled: t("requests.statusThrottled"),
    }[answer.reason];
    return { ok: false, message, fieldErrors: answer.fieldErrors };
  } catch (err) {
    if (isDatabaseUnavailable(err)) return { ok: false, message: t("errors.serviceUnavailable") };
    throw err;
  }
}
