"use client";
import { createContext, useContext, useMemo } from "react";
import type { Translate } from "@/lib/i18n/messages";
import { createTranslator, type Catalogue } from "@/lib/i18n/translate";

// The strings client components show. The server sends only the namespaces a part of the
// app needs, in the reader's language (components/ui/client-messages.tsx); nested
// providers add to what their parents sent. Client components call useT().
const MessagesContext = createContext<Catalogue>({});

export function MessagesProvider({ messages, children }: { messages: Catalogue; children: React.ReactNode }) {
  const parent = useContext(MessagesContext);
  const merged = useMemo(() => ({ ...parent, ...messages }), [parent, messages]);
  return <MessagesContext.Provider value={merged}>{children}</MessagesContext.Provider>;
}

export function useT(): Translate {
  const catalogue = useContext(MessagesContext);
  return useMemo(() => createTranslator(catalogue), [catalogue]);
}
