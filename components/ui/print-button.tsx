"use client";
import { buttonClass } from "./button";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`no-print ${buttonClass("primary")}`}>
      {label}
    </button>
  );
}
