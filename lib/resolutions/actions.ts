"use server";
import { field, formAction } from "@/lib/action";
import { chosenFiles } from "@/lib/attachments/store";
import { decideExtension, reportProgress, requestExtension, verifyResolution } from "./mutations";
import { remindAgency, remindResolution } from "./chase";
import { decideReturn, returnResolution } from "./returns";

// The resolution's page, the register and the agency inbox all show its state.
const resolutionPages = (form: FormData) => [`/resolutions/${field(form, "id")}`, "/resolutions", "/agency"];

export const reportProgressAction = formAction(
  ({ user, t }, form) => reportProgress(user, Object.fromEntries(form), chosenFiles(form.getAll("files")), t),
  { revalidate: resolutionPages },
);

export const requestExtensionAction = formAction(
  ({ user, t }, form) => requestExtension(user, Object.fromEntries(form), t),
  { revalidate: resolutionPages },
);

export const decideExtensionAction = formAction(
  ({ user, t }, form) => decideExtension(user, Object.fromEntries(form), t),
  { revalidate: resolutionPages },
);

export const verifyResolutionAction = formAction(
  ({ user, t }, form) => verifyResolution(user, Object.fromEntries(form), t),
  { revalidate: resolutionPages },
);

export const remindResolutionAction = formAction(
  ({ user, t }, form) => remindResolution(user, Object.fromEntries(form), t),
  { revalidate: resolutionPages, echo: false },
);

export const remindAgencyAction = formAction(
  ({ user, t }, form) => remindAgency(user, Object.fromEntries(form), t),
  { revalidate: (form) => [`/agencies/${field(form, "agencyId")}`], echo: false },
);

// A return or its decision takes its form off the page (the card shows only while it is
// needed), so the answer comes back as a flash on the reloaded page: an in-form message would
// vanish with the form (issue #30).
const backToResolution =
  (key: "resolutions.returns.sent" | "resolutions.returns.reassigned" | "resolutions.returns.rejected") =>
  (form: FormData) => ({ to: `/resolutions/${encodeURIComponent(field(form, "id"))}`, flash: { key } });

export const returnResolutionAction = formAction(
  ({ user, t }, form) => returnResolution(user, Object.fromEntries(form), t),
  { revalidate: resolutionPages, redirect: backToResolution("resolutions.returns.sent") },
);

export const decideReturnAction = formAction(
  ({ user, t }, form) => decideReturn(user, Object.fromEntries(form), t),
  {
    revalidate: resolutionPages,
    redirect: (form) =>
      backToResolution(
        field(form, "decision") === "REASSIGN"
          ? "resolutions.returns.reassigned"
          : "resolutions.returns.rejected",
      )(form),
  },
);
