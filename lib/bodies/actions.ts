"use server";
import { formAction } from "@/lib/action";
import { updateBody } from "./mutations";

// Attendance lists and minutes of every session follow the membership.
export const updateBodyAction = formAction(
  ({ user, t }, form) =>
    updateBody(user, { ...Object.fromEntries(form), memberIds: form.getAll("memberIds").map(String) }, t),
  { revalidate: [{ layout: "/meetings" }], echo: { multi: ["memberIds"] } },
);
