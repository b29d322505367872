"use client";
import { useEffect, useRef, useState } from "react";
import type { HallScreenState } from "@/lib/meetings/screen-view";
import { useLatestRead, useLiveSession, type ChangeHandler } from "@/components/live/use-live-session";

type Labels = { obstacles: string; resolutions: string; noResolutions: string; waiting: string };

/**
 * The hall screen's case. It listens (without being listed as present) and, when anything of
 * the session is saved, reads its case again from /api/meetings/[id]/room?view=screen and
 * redraws in place (decision 084): the room sees a change as soon as it is saved, not after the
 * whole page has been rendered again. Attendance is not on the screen: nothing to read.
 */
export function HallScreen({
  meetingId,
  initial,
  labels,
}: {
  meetingId: string;
  initial: HallScreenState;
  /** Always Persian, drawn by the server (the screen's language is not its account's). */
  labels: Labels;
}) {
  const [patched, setPatched] = useState<{ over: HallScreenState; view: HallScreenState } | null>(null);
  const drawn = useRef(initial);
  useEffect(() => {
    drawn.current = initial;
  }, [initial]);
  // A refreshed page (the fallback, and after a reconnect) was read after any patch: it wins.
  const { title, item } = patched && patched.over === initial ? patched.view : initial;
  const read = useLatestRead<HallScreenState>(`/api/meetings/${meetingId}/room?view=screen`, (view) =>
    setPatched({ over: drawn.current, view }),
  );
  const onChange: ChangeHandler = async (change) => {
    if (change.what !== "attendance") await read();
    return "patched";
  };
  useLiveSession(meetingId, { watch: true, onChange });
  return (
    <>
      <header className="mb-8 flex flex-wrap items-baseline justify-between gap-4 border-b-2 border-yellow-300 pb-4">
        <p className="text-2xl font-semibold text-yellow-300 md:text-3xl">{title}</p>
        {item && <p className="text-2xl md:text-3xl">{item.position}</p>}
      </header>
      {!item ? (
        <p className="text-4xl">{labels.waiting}</p>
      ) : (
        <div className="space-y-10">
          <h1 className="text-5xl leading-tight font-bold md:text-6xl">{item.unitName}</h1>
          <section aria-labelledby="screen-obstacles" className="space-y-3">
            <h2 id="screen-obstacles" className="text-3xl font-semibold text-yellow-300">
              {labels.obstacles}
            </h2>
            <ul className="space-y-3 text-3xl leading-relaxed">
              {item.obstacles.map((o) => (
                <li key={o.id} className="border-s-4 border-white ps-4">
                  {o.description}
                  {o.amount && <strong className="ms-3 whitespace-nowrap text-yellow-200">{o.amount}</strong>}
                </li>
              ))}
            </ul>
            {item.total && <p className="text-3xl font-semibold">{item.total}</p>}
          </section>
          <section aria-labelledby="screen-resolutions" aria-live="polite" className="space-y-4">
            <h2 id="screen-resolutions" className="text-3xl font-semibold text-yellow-300">
              {labels.resolutions}
            </h2>
            {item.resolutions.length === 0 ? (
              <p className="text-3xl">{labels.noResolutions}</p>
            ) : (
              <ol className="space-y-6">
                {item.resolutions.map((r) => (
                  <li key={r.id} className="rounded-lg border-2 border-white p-6">
                    <p className="text-4xl leading-snug">
                      <span className="me-3 font-bold text-yellow-300">{r.number}.</span>
                      {r.text}
                    </p>
                    <p className="mt-3 text-3xl font-semibold">{r.agency}</p>
                    {r.supporting && <p className="mt-1 text-2xl">{r.supporting}</p>}
                    <p className="mt-1 text-3xl">{r.deadline}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
    </>
  );
}
