"use server";
import { malformedRequest } from "@/lib/forms";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import type { FormState } from "@/lib/forms";
import { setPublicFigures } from "./mutations";

export async function setPublicFiguresAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await setPublicFigures(await getCurrentUser(), { enabled: form.get("enabled") }, t);
  if (result.ok) {
    revalidatePath("/admin/settings");
    revalidatePath("/figures");
  }
  return result;
}
