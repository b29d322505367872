"use server";
import { field, formAction, inputAction } from "@/lib/action";
import { addToAgenda, moveAgendaItem, removeAgendaItem, setOutcome, setPresenter } from "./agenda";
import {
  approveMinutes,
  createMeeting,
  markMeetingHeld,
  planNextCommitteeMeeting,
  rescheduleMeeting,
} from "./sessions";
import { saveAttendance, saveInvitees } from "./attendance";
import { deleteResolution, saveResolution } from "./resolutions";
import { showOnScreen } from "./screen";
import { addFollowUps, decideFollowUp } from "./follow-up";
import { sendInvitations } from "./invitations";

// Every session page shows the agenda, attendance and resolutions: refresh them all.
const revalidate = [{ layout: "/meetings" }];

export const sendInvitationsAction = formAction(
  ({ user, t }, form) => sendInvitations(user, Object.fromEntries(form), t),
  { echo: false },
);

export const createMeetingAction = formAction(
  ({ user, t, locale }, form) => createMeeting(user, Object.fromEntries(form), t, locale),
  { revalidate, redirect: (_form, result) => (result.id ? { to: `/meetings/${result.id}` } : null) },
);

export const planNextCommitteeAction = formAction(
  ({ user, t, locale }) => planNextCommitteeMeeting(user, t, locale),
  {
    revalidate,
    redirect: (_form, result) =>
      result.id && result.title
        ? {
            to: `/meetings/${result.id}`,
            flash: { key: "meetings.created", params: { title: result.title } },
          }
        : null,
    echo: false,
  },
);

export const rescheduleMeetingAction = formAction(
  ({ user, t, locale }, form) => rescheduleMeeting(user, Object.fromEntries(form), t, locale),
  { revalidate },
);

export const saveInviteesAction = formAction(
  ({ user, t }, form) =>
    saveInvitees(
      user,
      {
        meetingId: field(form, "meetingId"),
        agencyIds: form.getAll("agencyIds").map(String),
        amendmentReason: field(form, "amendmentReason"),
      },
      t,
    ),
  { revalidate, echo: { multi: ["agencyIds"] } },
);

export const markHeldAction = formAction(
  ({ user, t, locale }, form) => markMeetingHeld(user, { meetingId: field(form, "meetingId") }, t, locale),
  { revalidate, echo: false },
);

export const approveMinutesAction = formAction(
  ({ user, t }, form) => approveMinutes(user, { meetingId: field(form, "meetingId") }, t),
  { revalidate, echo: false },
);

export const addToAgendaAction = formAction(
  ({ user, t }, form) =>
    addToAgenda(
      user,
      {
        meetingId: field(form, "meetingId"),
        obstacleIds: form.getAll("obstacleIds").map(String),
        amendmentReason: field(form, "amendmentReason"),
      },
      t,
    ),
  { revalidate, echo: { multi: ["obstacleIds"] } },
);

export const removeAgendaItemAction = formAction(
  ({ user, t }, form) =>
    removeAgendaItem(
      user,
      { itemId: field(form, "itemId"), amendmentReason: field(form, "amendmentReason") },
      t,
    ),
  { revalidate, echo: false },
);

export const moveAgendaItemAction = formAction(
  ({ user, t }, form) =>
    moveAgendaItem(
      user,
      {
        itemId: field(form, "itemId"),
        direction: field(form, "direction"),
        amendmentReason: field(form, "amendmentReason"),
      },
      t,
    ),
  { revalidate, echo: false },
);

export const setPresenterAction = formAction(
  ({ user, t }, form) =>
    setPresenter(
      user,
      {
        itemId: field(form, "itemId"),
        presenter: field(form, "presenter"),
        version: field(form, "version") || undefined,
        amendmentReason: field(form, "amendmentReason"),
      },
      t,
    ),
  { revalidate },
);

export const saveAttendanceAction = formAction(
  ({ user, t }, form) => {
    // One radio group ("mode:<agencyId>"), name field ("name:<agencyId>") and version read
    // ("version:<agencyId>") per agency the clerk changed.
    const entries = form
      .getAll("agencyId")
      .map(String)
      .map((agencyId) => ({
        agencyId,
        mode: field(form, `mode:${agencyId}`),
        attendeeName: field(form, `name:${agencyId}`),
        version: field(form, `version:${agencyId}`) || undefined,
      }));
    return saveAttendance(
      user,
      { meetingId: field(form, "meetingId"), entries, amendmentReason: field(form, "amendmentReason") },
      t,
    );
  },
  { revalidate },
);

// In-session entry calls these from a client component with plain objects; each answer
// carries the saved record's id so the entry screen can show it as saved.

export const setOutcomeAction = inputAction(
  ({ user, t }, input: { itemId: string; outcome: string; version?: number; amendmentReason?: string }) =>
    setOutcome(user, input, t),
  { revalidate },
);

export const saveResolutionAction = inputAction(
  (
    { user, t },
    input: {
      id?: string;
      idempotencyKey?: string;
      itemId: string;
      text: string;
      responsibleAgencyId: string;
      supportingAgencyIds: string[];
      obstacleIds?: string[];
      deadline: string;
      amendmentReason?: string;
    },
  ) => saveResolution(user, input, t),
  { revalidate },
);

export const deleteResolutionAction = inputAction(
  ({ user, t }, input: { id: string; amendmentReason?: string }) => deleteResolution(user, input, t),
  { revalidate },
);

// The hall screen moves many times a session and shows what the live stream tells it; no
// page needs revalidating.
export const showOnScreenAction = inputAction(
  ({ user, t }, input: { meetingId: string; itemId: string | null }) => showOnScreen(user, input, t),
  {},
);

export const addFollowUpsAction = formAction(
  ({ user, t, locale }, form) =>
    addFollowUps(
      user,
      { meetingId: field(form, "meetingId"), resolutionIds: form.getAll("resolutionIds").map(String) },
      t,
      locale,
    ),
  { revalidate, echo: { multi: ["resolutionIds"] } },
);

export const decideFollowUpAction = formAction(
  ({ user, t }, form) => decideFollowUp(user, Object.fromEntries(form), t),
  { revalidate: (form) => [...revalidate, `/resolutions/${field(form, "resolutionId")}`] },
);
