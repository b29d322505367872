import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import type { MessageKey } from "@/lib/i18n/messages";

// What a new password must not be. Length is checked by the form's schema on both sides; the
// common-password list (49,000 entries from @zxcvbn-ts/language-common, pinned) is checked on
// the server only, so the browser never downloads it.
export const MIN_PASSWORD_LENGTH = 10;

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary["passwords-common"]));

/** Why `password` may not be used by the account `email`, or null when it may. */
export function passwordProblem(password: string, email: string): MessageKey | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "validation.passwordMin";
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return "validation.passwordCommon";
  const localPart = email.toLowerCase().split("@")[0] ?? "";
  if (lower === email.toLowerCase() || (localPart.length >= 4 && lower.includes(localPart)))
    return "validation.passwordLikeEmail";
  return null;
}
