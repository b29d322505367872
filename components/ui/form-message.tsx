import type { FormState } from "@/lib/forms";

/** The outcome of a form submission, announced to screen readers; compact beside a button. */
export function FormMessage({ state, compact = false }: { state: FormState; compact?: boolean }) {
  if (!state.message) return null;
  const tone = state.ok ? "text-emerald-800" : "text-red-800";
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={
        compact
          ? `mt-1 text-xs ${tone}`
          : `rounded-md px-3 py-2 text-sm ${tone} ${state.ok ? "bg-emerald-50" : "bg-red-50"}`
      }
    >
      {state.message}
    </p>
  );
}
