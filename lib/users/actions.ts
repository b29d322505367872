"use server";
import { field, formAction } from "@/lib/action";
import { signIn } from "@/lib/auth/auth";
import { getUserForPasswordChange } from "@/lib/auth/session";
import { changeOwnPassword, createUser, setUserActive, updateUser, userFormInput } from "./mutations";

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

/**
 * A user replaces their own password. It works for a user who must change the password an
 * administrator set (getCurrentUser refuses them everything else), and ends every session:
 * this browser is signed in again with the new password.
 */
export const changeOwnPasswordAction = formAction(
  async ({ t }, form) => {
    const user = await getUserForPasswordChange();
    const { newPassword, ...result } = await changeOwnPassword(user, Object.fromEntries(form), t);
    if (result.ok && newPassword && user)
      await signIn("credentials", { email: user.email, password: newPassword, redirectTo: "/" });
    return result;
  },
  { echo: false },
);
