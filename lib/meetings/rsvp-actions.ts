"use server";
import { formAction } from "@/lib/action";
import { answerInvitation } from "./rsvp";

// Public: the invited party answers from its invitation's signed link, without signing in.
export const answerInvitationAction = formAction(
  ({ t }, form) => answerInvitation(Object.fromEntries(form), t),
  {
    echo: { omit: ["token"] },
  },
);
