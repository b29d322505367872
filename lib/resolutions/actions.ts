"use server";
import { field, formAction } from "@/lib/action";
import { chosenFiles } from "@/lib/attachments/store";
import { decideExtension, reportProgress, requestExtension, verifyResolution } from "./mutations";

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
