"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * Re-renders the page from the server every few seconds while `active`, so a background
 * export's progress moves without a reload. Progress lives in PostgreSQL, so whichever
 * instance answers knows it.
 */
export function AutoRefresh({ active, everyMs = 2000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
