"use server";
import { field, formAction } from "@/lib/action";
import { createAgency, updateAgency } from "./mutations";

export const createAgencyAction = formAction(
  ({ user, t }, form) => createAgency(user, Object.fromEntries(form), t),
  {
    revalidate: ["/agencies"],
    redirect: (_form, result) =>
      result.id ? { to: `/agencies/${result.id}`, flash: { key: "agencies.created" } } : null,
  },
);

export const updateAgencyAction = formAction(
  ({ user, t }, form) => updateAgency(user, Object.fromEntries(form), t),
  { revalidate: (form) => ["/agencies", `/agencies/${field(form, "id")}`] },
);
