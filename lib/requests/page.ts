import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/locale";

/** The applicant's pages: signed-out visitors go to the applicant's door, not the staff's login. */
export async function applicantContext() {
  const user = await getCurrentUser();
  if (!user) redirect("/apply");
  if (!can(user, "request.file")) forbidden();
  const { t, locale } = await getTranslator();
  return { user, t, locale };
}
