"use server";
import { field, formAction } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import { createApiToken, revokeApiToken } from "./tokens";

export type TokenFormState = FormState & { token?: string };

// The secret goes back in this one answer only; it is never stored or shown again.
export const createApiTokenAction = formAction<TokenFormState>(
  ({ user, t }, form) =>
    createApiToken(user, { ...Object.fromEntries(form), scopes: form.getAll("scopes") }, t),
  { revalidate: ["/admin/tokens"], echo: { multi: ["scopes"] } },
);

export const revokeApiTokenAction = formAction(
  ({ user, t }, form) => revokeApiToken(user, field(form, "id"), t),
  { revalidate: ["/admin/tokens"], echo: false },
);
