"use client";
import {
  startTransition,
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { formatNumber, joinItems } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import type { AgendaItemView } from "@/lib/meetings/types";
import { ALL_OUTCOMES } from "@/lib/meetings/constants";
import { showOnScreenAction } from "@/lib/meetings/actions";
import { useT } from "@/components/ui/messages";
import { Button, buttonClass } from "@/components/ui/button";
import { useLiveSession } from "@/components/live/use-live-session";
import { SessionEntry } from "./session-entry";
import { RoomItems, useRoomState } from "./use-room-state";

type EntryProps = Omit<Parameters<typeof SessionEntry>[0], "currentItemId" | "onSelect" | "items" | "locale">;
type Section = "entry" | "attendance" | "agenda";

type SessionRoomProps = {
  meetingId: string;
  locale: Locale;
  items: AgendaItemView[];
  /** The entry's props; absent for those who do not enter resolutions. */
  entry: EntryProps | null;
  attendance: ReactNode;
  agenda: ReactNode;
  canMoveScreen: boolean;
  screenItemId: string | null;
};

/**
 * The session page as a clerk works it: the case list on the side, and one part of the session
 * at a time (entry, attendance, agenda) as tabs, so nobody scrolls past a thirty-row attendance
 * grid to reach the case. Every part stays mounted, hidden when not chosen: unsaved attendance
 * marks and half-typed resolutions survive switching tabs and the live refreshes.
 */
export function SessionRoom({
  meetingId,
  locale,
  items: drawnItems,
  entry,
  attendance,
  agenda,
  canMoveScreen,
  screenItemId: drawnScreenItemId,
}: SessionRoomProps) {
  // What other clerks save is patched in here without reading the whole page (decision 084).
  const { items, screenItemId, onChange } = useRoomState(meetingId, drawnItems, drawnScreenItemId);
  const { sections, section, setSection, drawn } = useSections(entry !== null);
  const [currentId, setCurrentId] = useState<string | null>(items[0]?.id ?? null);
  const current = items.find((i) => i.id === currentId) ?? items[0] ?? null;
  const live = useLiveSession(meetingId, { itemId: current?.id ?? null, onChange });
  const others = live.people.filter((p) => p.key !== live.selfKey);

  const screen = useHallScreen(meetingId, screenItemId);
  const select = (itemId: string) => {
    setCurrentId(itemId);
    screen.followTo(itemId);
  };
  const openCase = (itemId: string) => {
    select(itemId);
    if (entry) setSection("entry");
  };
  return (
    <div className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <aside className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <CaseList
          items={items}
          others={others}
          currentId={current?.id ?? null}
          screenItemId={screenItemId}
          onOpen={openCase}
          locale={locale}
        />
        <PresentList items={items} others={others} connected={live.connected} />
        <ScreenControls
          meetingId={meetingId}
          current={canMoveScreen ? current : null}
          follow={screen.follow}
          message={screen.message}
          onShow={(itemId) => void screen.move(itemId)}
          onFollow={(on) => screen.setFollow(on, current?.id ?? null)}
        />
      </aside>

      <div className="min-w-0 space-y-3">
        <SectionTabs sections={sections} section={section} onChoose={setSection} />
        {entry && (
          <Panel name="entry" section={section}>
            {drawn("entry") && (
              <div className="rounded-md border border-slate-200 bg-white p-4">
                <SessionEntry
                  {...entry}
                  locale={locale}
                  items={items}
                  currentItemId={current?.id ?? null}
                  onSelect={select}
                />
              </div>
            )}
          </Panel>
        )}
        <Panel name="attendance" section={section}>
          {drawn("attendance") && attendance}
        </Panel>
        <Panel name="agenda" section={section} className="space-y-6">
          {drawn("agenda") && <RoomItems value={items}>{agenda}</RoomItems>}
        </Panel>
      </div>
    </div>
  );
}

/** The parts of the session as tabs: entry first for those who enter resolutions. */
function useSections(withEntry: boolean) {
  const sections: Section[] = withEntry ? ["entry", "attendance", "agenda"] : ["agenda", "attendance"];
  const [section, setSection] = useState<Section>(sections[0] ?? "agenda");
  // The parts not chosen are drawn once the page is live, not in its HTML: a thirty-unit
  // session's attendance grid and agenda forms were two thirds of the page's markup and of
  // its server time (issue #15), and a hidden part cannot be opened before the scripts run.
  // Once drawn, a part stays mounted (see SessionRoom).
  const [awake, setAwake] = useState(false);
  useEffect(() => startTransition(() => setAwake(true)), []);
  return { sections, section, setSection, drawn: (s: Section) => awake || section === s };
}

/** One part of the session, shown when its tab is chosen. */
function Panel({
  name,
  section,
  className,
  children,
}: {
  name: Section;
  section: Section;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={`panel-${name}`}
      aria-labelledby={`tab-${name}`}
      hidden={section !== name}
      className={className}
    >
      {children}
    </div>
  );
}

/** Which case the hall screen shows: moved by a button, or following this clerk ("follows me"). */
function useHallScreen(meetingId: string, screenItemId: string | null) {
  const t = useT();
  const [follow, setFollowing] = useState(false);
  const [message, setMessage] = useState("");
  // Where this clerk last sent the screen, ahead of the server's answer. Comparing with the
  // rendered `screenItemId` instead skipped a move made while the previous one was in flight:
  // tick "follows me" on case A with the screen on B, go to B within a second, and the page
  // still said "B is on the screen", so the screen stayed on A (issue #30).
  const requested = useRef<string | null>(screenItemId);
  const inFlight = useRef(0);
  useEffect(() => {
    // Another clerk moved it: that is where it is now (unless a move of ours is still on its way).
    if (inFlight.current === 0) requested.current = screenItemId;
  }, [screenItemId]);
  const move = useCallback(
    async (itemId: string) => {
      requested.current = itemId;
      inFlight.current++;
      const result = await showOnScreenAction({ meetingId, itemId }).catch(() => null);
      inFlight.current--;
      setMessage(result?.message ?? t("meetings.entry.offline"));
    },
    [meetingId, t],
  );
  return {
    follow,
    message,
    move,
    /** "Follows me": the screen goes wherever this clerk goes. */
    followTo: (itemId: string) => {
      if (follow && itemId !== requested.current) void move(itemId);
    },
    setFollow: (on: boolean, currentId: string | null) => {
      setFollowing(on);
      if (on && currentId) void move(currentId);
    },
  };
}

type Person = ReturnType<typeof useLiveSession>["people"][number];

/** The agenda's cases: each one's outcome, resolutions, whether it is on the hall screen, who is on it. */
function CaseList({
  items,
  others,
  currentId,
  screenItemId,
  onOpen,
  locale,
}: {
  items: AgendaItemView[];
  others: Person[];
  currentId: string | null;
  screenItemId: string | null;
  onOpen: (itemId: string) => void;
  locale: Locale;
}) {
  const t = useT();
  const outcomeLabel = (outcome: string | null) => {
    const known = ALL_OUTCOMES.find((o) => o === outcome);
    return known ? t(`meetings.outcome.${known}`) : t("meetings.outcome.none");
  };
  return (
    <nav aria-label={t("meetings.room.caseList")} className="rounded-md border border-slate-200 bg-white">
      <h2 className="border-b border-slate-200 px-3 py-2 text-sm font-semibold">
        {t("meetings.room.cases")}
      </h2>
      {items.length === 0 ? (
        <p className="p-3 text-sm text-slate-600">{t("meetings.agenda.empty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {items.map((item) => {
            const here = others.filter((p) => p.itemId === item.id);
            const selected = item.id === currentId;
            return (
              <li key={item.id}>
                <button
                  type="button"
                  onClick={() => onOpen(item.id)}
                  aria-current={selected ? "true" : undefined}
                  className={`w-full px-3 py-2 text-start text-sm focus-visible:outline-2 focus-visible:outline-brand-700 ${
                    selected ? "bg-brand-50 font-semibold" : "hover:bg-slate-50"
                  }`}
                >
                  <span className="block">
                    {formatNumber(item.position, locale)}. {item.unitName}
                  </span>
                  <span className="block text-xs font-normal text-slate-600">
                    {outcomeLabel(item.outcome)}
                    {" · "}
                    {t("meetings.room.resolutionsCount", {
                      n: formatNumber(item.resolutions.length, locale),
                    })}
                    {item.id === screenItemId && <> · {t("meetings.room.onScreen")}</>}
                  </span>
                  {here.length > 0 && (
                    <span className="block text-xs font-normal text-emerald-800">
                      {joinItems(
                        here.map((p) => p.name),
                        locale,
                      )}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </nav>
  );
}

/** The other clerks in the session now, and the case each is on. */
function PresentList({
  items,
  others,
  connected,
}: {
  items: AgendaItemView[];
  others: Person[];
  connected: boolean;
}) {
  const t = useT();
  return (
    <section
      aria-labelledby="present-title"
      className="rounded-md border border-slate-200 bg-white p-3 text-sm"
    >
      <h2 id="present-title" className="font-semibold">
        {t("meetings.room.present")}
      </h2>
      <p role="status" className={`text-xs ${connected ? "text-emerald-800" : "text-amber-800"}`}>
        {connected ? t("meetings.room.live") : t("meetings.room.liveOff")}
      </p>
      {others.length === 0 ? (
        <p className="mt-1 text-slate-600">{t("meetings.room.presentNone")}</p>
      ) : (
        <ul aria-label={t("meetings.room.present")} className="mt-1 space-y-1">
          {others.map((p) => {
            const unit = items.find((i) => i.id === p.itemId)?.unitName;
            return (
              <li key={p.key}>
                {unit
                  ? t("meetings.room.onCase", { name: p.name, unit })
                  : t("meetings.room.noCase", { name: p.name })}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The hall screen: open it, show the current case on it, or have it follow this clerk. */
function ScreenControls({
  meetingId,
  current,
  follow,
  message,
  onShow,
  onFollow,
}: {
  meetingId: string;
  /** The case on this clerk's screen; null for those who may not move the hall screen. */
  current: AgendaItemView | null;
  follow: boolean;
  message: string;
  onShow: (itemId: string) => void;
  onFollow: (on: boolean) => void;
}) {
  const t = useT();
  return (
    <section
      aria-label={t("meetings.room.screen")}
      className="space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm"
    >
      <a
        href={`/meetings/${meetingId}/screen`}
        target="_blank"
        rel="noopener"
        className={buttonClass("secondary")}
      >
        {t("meetings.room.openScreen")}
      </a>
      {current && (
        <>
          <Button variant="secondary" onClick={() => onShow(current.id)}>
            {t("meetings.room.showOnScreen")}
          </Button>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              checked={follow}
              onChange={(e) => onFollow(e.target.checked)}
              className="mt-1"
            />
            {t("meetings.room.followScreen")}
          </label>
          <p role="status" className="text-xs text-slate-600">
            {message}
          </p>
        </>
      )}
    </section>
  );
}

/** The parts of the session as tabs; arrow keys move along them in the page's direction. */
function SectionTabs({
  sections,
  section,
  onChoose,
}: {
  sections: Section[];
  section: Section;
  onChoose: (s: Section) => void;
}) {
  const t = useT();
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const at = sections.indexOf(section);
    let to: number;
    if (e.key === "Home") to = 0;
    else if (e.key === "End") to = sections.length - 1;
    else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      // The next tab is to the left in right-to-left, to the right in English.
      const forward = (e.key === "ArrowLeft") === (document.documentElement.dir === "rtl");
      to = (at + (forward ? 1 : -1) + sections.length) % sections.length;
    } else return;
    e.preventDefault();
    const next = sections[to];
    if (!next) return;
    onChoose(next);
    tabs.current[next]?.focus();
  };
  const label = (s: Section) =>
    ({
      entry: t("meetings.room.entryTab"),
      attendance: t("meetings.room.attendanceTab"),
      agenda: t("meetings.room.agendaTab"),
    })[s];
  return (
    <div
      role="tablist"
      aria-label={t("meetings.room.sections")}
      className="flex flex-wrap gap-1 border-b border-slate-200"
    >
      {sections.map((s) => (
        <button
          key={s}
          ref={(el) => {
            tabs.current[s] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${s}`}
          aria-selected={section === s}
          aria-controls={`panel-${s}`}
          tabIndex={section === s ? 0 : -1}
          onClick={() => onChoose(s)}
          onKeyDown={onTabKey}
          className={`rounded-t-md px-4 py-2 text-sm ${
            section === s
              ? "border border-b-white border-slate-200 bg-white font-semibold"
              : "text-slate-700 hover:bg-slate-50"
          }`}
        >
          {label(s)}
        </button>
      ))}
    </div>
  );
}
