import type { Translate } from "@/lib/i18n/messages";

/**
 * The foot of a paper that proves itself (a letter, a notice): its verification code, the QR
 * code of its verification address (the `qrcode` library's SVG, no user input in it) and the
 * address itself for those who type it.
 */
export function PaperVerification({
  code,
  qrSvg,
  url,
  t,
}: {
  code: string;
  qrSvg: string;
  url: string;
  t: Translate;
}) {
  return (
    <div className="verify flex items-center gap-4 border-t border-slate-300 pt-3 text-xs text-slate-700">
      <div
        className="verify-qr shrink-0"
        role="img"
        aria-label={t("letters.verifyCode", { code })}
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      {/* min-w-0 and break-all: the address is one long word, and on a 390 px phone it must
          wrap inside the page rather than widen it. */}
      <div className="min-w-0 space-y-1">
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

/**
 * The same proof as the foot of every printed page (components/print/paper-pages.tsx): smaller,
 * so a page keeps its room for text, and only on paper — the screen shows the block above once.
 */
export function PaperFoot({
  code,
  qrSvg,
  url,
  t,
}: {
  code: string;
  qrSvg: string;
  url: string;
  t: Translate;
}) {
  return (
    <div className="paper-foot flex items-center gap-3 border-t border-slate-300 pt-2 text-[8pt] leading-snug text-slate-700">
      <div
        className="paper-foot-qr shrink-0"
        aria-hidden="true"
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <div className="min-w-0">
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
