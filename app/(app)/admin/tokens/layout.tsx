import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { canManageTokens } from "@/lib/api/tokens";

// Refuses (403) before the loading skeleton streams: who may manage tokens is not one policy
// action (lib/api/tokens.ts), so the check is spelled out like the page's own.
export default async function Layout({ children }: { children: React.ReactNode }) {
  if (!canManageTokens(await requireUser())) forbidden();
  return children;
}
