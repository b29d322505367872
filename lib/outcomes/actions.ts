"use server";
import { field, formAction } from "@/lib/action";
import { addMilestone, closeCase, setApprovedAmount } from "./mutations";
import { setStalledDays, setWeeklyRecipients } from "./settings-mutations";

// The resolution's page, the register and the agency inbox all show its progress.
const resolutionPages = (form: FormData) => [`/resolutions/${field(form, "id")}`, "/resolutions", "/agency"];

export const addMilestoneAction = formAction(
  ({ user, t }, form) => addMilestone(user, Object.fromEntries(form), t),
  { revalidate: resolutionPages },
);

export const setApprovedAmountAction = formAction(
  ({ user, t }, form) => setApprovedAmount(user, Object.fromEntries(form), t),
  { revalidate: resolutionPages },
);

export const setStalledDaysAction = formAction(
  ({ user, t }, form) => setStalledDays(user, Object.fromEntries(form), t),
  { revalidate: ["/admin/settings", "/dashboard"] },
);

export const setWeeklyRecipientsAction = formAction(
  ({ user, t }, form) => setWeeklyRecipients(user, Object.fromEntries(form), t),
  { revalidate: ["/admin/settings"] },
);

export const closeCaseAction = formAction(
  ({ user, t }, form) => closeCase(user, Object.fromEntries(form), t),
  {
    revalidate: (form) => [`/units/${field(form, "unitId")}`, "/dashboard"],
  },
);
