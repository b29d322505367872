import { pickMessages, type Namespace } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/locale";
import { MessagesProvider } from "./messages";

/**
 * Sends the browser the namespaces its client components below need, in the reader's
 * language only. tests/unit/client-messages.test.ts checks every client component gets
 * the namespaces it uses from the layouts above its pages.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: React.ReactNode;
}) {
  return (
    <MessagesProvider messages={pickMessages(await getLocale(), namespaces)}>{children}</MessagesProvider>
  );
}
