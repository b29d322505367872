"use server";
import { field, formAction } from "@/lib/action";
import { createUser, setUserActive, updateUser, userFormInput } from "./mutations";

const echo = { omit: ["password"], multi: ["roles"] };

export const createUserAction = formAction(({ user, t }, form) => createUser(user, userFormInput(form), t), {
  revalidate: ["/admin/users"],
  redirect: () => ({ to: "/admin/users", flash: { key: "admin.created" } }),
  echo,
});

export const updateUserAction = formAction(({ user, t }, form) => updateUser(user, userFormInput(form), t), {
  revalidate: ["/admin/users"],
  echo,
});

export const setUserActiveAction = formAction(
  ({ user, t }, form) => setUserActive(user, field(form, "id"), form.get("active") === "true", t),
  { revalidate: ["/admin/users"], echo: false },
);
