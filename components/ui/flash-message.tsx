"use client";
import { useEffect } from "react";

/** Shows the message an action left for this page, then forgets it (see lib/flash.ts). */
export function FlashMessage({ cookie, text }: { cookie: string; text: string }) {
  useEffect(() => {
    document.cookie = `${cookie}=; Max-Age=0; path=/; SameSite=Lax`;
  }, [cookie]);
  return (
    <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {text}
    </p>
  );
}
