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
      <div className="space-y-1">
        <p className="font-mono" dir="ltr">
          {t("letters.verifyCode", { code })}
        </p>
        <p>{t("letters.verifyHint")}</p>
        <p dir="ltr" className="font-mono">
          {url}
        </p>
      </div>
    </div>
  );
}
