"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { submittedValues, type FormState } from "@/lib/forms";
import {
  addToAgenda,
  approveMinutes,
  createMeeting,
  markMeetingHeld,
  moveAgendaItem,
  planNextCommitteeMeeting,
  removeAgendaItem,
  rescheduleMeeting,
  saveAttendance,
  saveInvitees,
  setOutcome,
  setPresenter,
} from "./mutations";
import { deleteResolution, saveResolution, type ResolutionSaved } from "./resolutions";

// Thin wrappers: the signed-in user is looked up here, never taken from the client.

const str = (form: FormData, key: string) => String(form.get(key) ?? "");
const refresh = () => revalidatePath("/meetings", "layout");

export async function createMeetingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t, locale } = await getTranslator();
  const result = await createMeeting(await getCurrentUser(), Object.fromEntries(form), t, locale);
  if (!result.ok || !result.id) return { ...result, values: submittedValues(form) };
  refresh();
  redirect(`/meetings/${result.id}`);
}

export async function planNextCommitteeAction(_prev: FormState, _form: FormData): Promise<FormState> {
  const { t, locale } = await getTranslator();
  const result = await planNextCommitteeMeeting(await getCurrentUser(), t, locale);
  if (!result.ok || !result.id) return result;
  refresh();
  redirect(`/meetings/${result.id}?saved=planned`);
}

export async function rescheduleMeetingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await rescheduleMeeting(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form) };
  refresh();
  return result;
}

export async function markHeldAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await markMeetingHeld(await getCurrentUser(), { meetingId: str(form, "meetingId") }, t);
  if (result.ok) refresh();
  return result;
}

export async function approveMinutesAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await approveMinutes(await getCurrentUser(), { meetingId: str(form, "meetingId") }, t);
  if (result.ok) refresh();
  return result;
}

export async function addToAgendaAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const input = {
    meetingId: str(form, "meetingId"),
    obstacleIds: form.getAll("obstacleIds").map(String),
    amendmentReason: str(form, "amendmentReason"),
  };
  const result = await addToAgenda(await getCurrentUser(), input, t);
  if (!result.ok) return { ...result, values: submittedValues(form, { multi: ["obstacleIds"] }) };
  refresh();
  return result;
}

export async function removeAgendaItemAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await removeAgendaItem(
    await getCurrentUser(),
    { itemId: str(form, "itemId"), amendmentReason: str(form, "amendmentReason") },
    t,
  );
  if (result.ok) refresh();
  return result;
}

export async function moveAgendaItemAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await moveAgendaItem(
    await getCurrentUser(),
    {
      itemId: str(form, "itemId"),
      direction: str(form, "direction"),
      amendmentReason: str(form, "amendmentReason"),
    },
    t,
  );
  if (result.ok) refresh();
  return result;
}

export async function setPresenterAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await setPresenter(
    await getCurrentUser(),
    {
      itemId: str(form, "itemId"),
      presenter: str(form, "presenter"),
      amendmentReason: str(form, "amendmentReason"),
    },
    t,
  );
  if (!result.ok) return { ...result, values: submittedValues(form) };
  refresh();
  return result;
}

export async function saveInviteesAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await saveInvitees(
    await getCurrentUser(),
    {
      meetingId: str(form, "meetingId"),
      agencyIds: form.getAll("agencyIds").map(String),
      amendmentReason: str(form, "amendmentReason"),
    },
    t,
  );
  if (!result.ok) return { ...result, values: submittedValues(form, { multi: ["agencyIds"] }) };
  refresh();
  return result;
}

export async function saveAttendanceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  // One radio group ("mode:<agencyId>") and one name field ("name:<agencyId>") per member agency.
  const entries = form
    .getAll("agencyId")
    .map(String)
    .map((agencyId) => ({
      agencyId,
      mode: str(form, `mode:${agencyId}`),
      attendeeName: str(form, `name:${agencyId}`),
    }));
  const result = await saveAttendance(
    await getCurrentUser(),
    { meetingId: str(form, "meetingId"), entries, amendmentReason: str(form, "amendmentReason") },
    t,
  );
  if (!result.ok) return { ...result, values: submittedValues(form) };
  refresh();
  return result;
}

// In-session entry calls these directly from a client component with plain objects; each
// answer carries the saved record's id so the entry screen can show it as saved.

export async function setOutcomeAction(input: {
  itemId: string;
  outcome: string;
  amendmentReason?: string;
}): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await setOutcome(await getCurrentUser(), input, t);
  if (result.ok) refresh();
  return result;
}

export async function saveResolutionAction(input: {
  id?: string;
  itemId: string;
  text: string;
  responsibleAgencyId: string;
  supportingAgencyIds: string[];
  obstacleIds?: string[];
  deadline: string;
  amendmentReason?: string;
}): Promise<ResolutionSaved> {
  const { t } = await getTranslator();
  const result = await saveResolution(await getCurrentUser(), input, t);
  if (result.ok) refresh();
  return result;
}

export async function deleteResolutionAction(input: {
  id: string;
  amendmentReason?: string;
}): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await deleteResolution(await getCurrentUser(), input, t);
  if (result.ok) refresh();
  return result;
}
