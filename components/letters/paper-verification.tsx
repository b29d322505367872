import type { Translate } from "@/lib/i18n/messages";

type Proof = { code: string; qrSvg: string; url: string; t: Translate };

/**
 * The foot of a paper that proves itself (a letter, a notice, approved minutes): its
 * verification code, the QR code of its verification address (the `qrcode` library's SVG, no
 * user input in it) and the address itself for those who type it. Once, at the end, on screen;
 * `foot` is the smaller copy printed at the foot of every page (components/print/paper-pages.tsx),
 * hidden from the screen and its readers.
 */
export function PaperVerification({ code, qrSvg, url, t, foot = false }: Proof & { foot?: boolean }) {
  return (
    <div
      className={
        foot
          ? "paper-foot flex items-center gap-3 border-t border-slate-300 pt-2 text-[8pt] leading-snug text-slate-700"
          : "verify flex items-center gap-4 border-t border-slate-300 pt-3 text-xs text-slate-700"
      }
    >
      <div
        className={foot ? "paper-foot-qr shrink-0" : "verify-qr shrink-0"}
        {...(foot
          ? { "aria-hidden": true }
          : { role: "img", "aria-label": t("letters.verifyCode", { code }) })}
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      {/* min-w-0 and break-all: the address is one long word, and on a 390 px phone it must
          wrap inside the page rather than widen it. */}
      <div className={foot ? "min-w-0" : "min-w-0 space-y-1"}>
        <p className="font-mono break-all" dir="ltr">
          {t("letters.verifyCode", { code })}
        </p>
        <p>{t("letters.verifyHint")}</p>
        <p dir="ltr" className="font-mono break-all">
          {url}
        </p>
      </div>
    </div>
  );
}

/** The copy at the foot of every printed page: smaller, so a page keeps its room for text. */
export const PaperFoot = (proof: Proof) => <PaperVerification {...proof} foot />;
