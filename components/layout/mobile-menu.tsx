"use client";
import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";

/**
 * The header's menu below the md breakpoint: a native disclosure (keyboard and screen readers
 * get <summary> for free). The layout survives client-side navigation, so the menu is closed
 * again whenever the path changes — otherwise it would stay open over the page just chosen.
 */
export function MobileMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  return (
    <details ref={ref} className="ms-auto md:hidden">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="text-base leading-none">
          ☰
        </span>
        {label}
      </summary>
      {/* Drops over the page under the header (the header is the positioned ancestor), full width. */}
      <div className="absolute inset-x-0 top-full z-20 space-y-3 border-b border-slate-200 bg-white px-4 py-3 shadow-md">
        {children}
      </div>
    </details>
  );
}
