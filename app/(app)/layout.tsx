import { requireUser } from "@/lib/auth/session";
import { FLASH_COOKIE, readFlash } from "@/lib/flash";
import { getTranslator } from "@/lib/i18n/server";
import { AppShell } from "@/components/layout/app-shell";
import { FlashMessage } from "@/components/ui/flash-message";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [user, { t }, flash] = await Promise.all([requireUser(), getTranslator(), readFlash()]);
  return (
    <AppShell user={user} t={t}>
      {flash && <FlashMessage cookie={FLASH_COOKIE} text={t(flash.key, flash.params)} />}
      {children}
    </AppShell>
  );
}
