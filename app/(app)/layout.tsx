import { requireUser } from "@/lib/auth/session";
import { FLASH_COOKIE, readFlash } from "@/lib/flash";
import { getTranslator } from "@/lib/locale";
import { unreadCount } from "@/lib/notifications/inbox";
import { AppShell } from "@/components/layout/app-shell";
import { FlashMessage } from "@/components/ui/flash-message";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [user, { t }, flash] = await Promise.all([requireUser(), getTranslator(), readFlash()]);
  // One indexed count per page (Notification @@index([userId, readAt, createdAt])).
  const unread = await unreadCount(user.id);
  return (
    <AppShell user={user} t={t} unread={unread}>
      {flash && <FlashMessage cookie={FLASH_COOKIE} text={t(flash.key, flash.params)} />}
      {children}
    </AppShell>
  );
}
