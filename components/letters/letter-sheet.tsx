import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import { noticeNumberLabel } from "@/lib/notices/number";
import type { PrintedLetter } from "@/lib/letters/queries";
import { PaperPages } from "@/components/print/paper-pages";
import { PaperFoot, PaperVerification } from "./paper-verification";

/**
 * One official letter as printed: wholly Persian (`t` is the Persian translator), as the
 * secretariat's correspondence is, whatever the reader's language; its own words (addressee,
 * subject, body) are the frozen text the verification page names. The QR code is the library's
 * SVG of the verification address; on paper it is at the foot of every page (PaperPages).
 */
export function LetterSheet({ letter, t }: { letter: PrintedLetter; t: Translate }) {
  return (
    <article
      className="official-letter mx-auto border border-slate-300 bg-white p-10 shadow-sm"
      aria-label={`${t("letters.title")} ${noticeNumberLabel(letter, "fa")}`}
      lang="fa"
      dir="rtl"
    >
      <PaperPages
        className="space-y-5"
        foot={<PaperFoot code={letter.verifyCode} qrSvg={letter.qrSvg} url={letter.verifyUrl} t={t} />}
      >
        <header className="grid grid-cols-3 items-start gap-4 border-b-2 border-slate-800 pb-3 text-sm">
          <div>
            <p>{t("print.republic")}</p>
            <p>{t("print.governorate", { province: letter.province })}</p>
            <p className="text-xs text-slate-600">{t("print.group", { province: letter.province })}</p>
          </div>
          <p className="text-center text-lg font-bold">{t("letters.title")}</p>
          <dl className="justify-self-end">
            <div className="flex gap-2">
              <dt>{t("letters.number")}:</dt>
              <dd>{noticeNumberLabel(letter, "fa")}</dd>
            </div>
            <div className="flex gap-2">
              <dt>{t("letters.date")}:</dt>
              <dd>{formatDate(letter.issuedAt, "fa", { style: "short" })}</dd>
            </div>
            <div className="flex gap-2">
              <dt>{t("letters.attachment")}:</dt>
              <dd>{t("letters.attachmentNone")}</dd>
            </div>
          </dl>
        </header>
        <p className="whitespace-pre-line text-sm font-semibold">{letter.recipient}</p>
        <p className="text-sm font-semibold">
          {t("verify.subject")}: {letter.subject}
        </p>
        <div className="whitespace-pre-line text-sm leading-8">{letter.body}</div>
        <footer className="signatures grid grid-cols-2 gap-8 pt-8 text-center text-sm">
          <div className="space-y-8">
            <p className="font-medium">{t("print.secretary")}</p>
            <p>{letter.signatures.secretaryName ?? ""}</p>
          </div>
          <div className="space-y-8">
            <p className="font-medium">{t("print.chair")}</p>
            <p>{letter.signatures.chairName ?? ""}</p>
          </div>
        </footer>
        <PaperVerification code={letter.verifyCode} qrSvg={letter.qrSvg} url={letter.verifyUrl} t={t} />
      </PaperPages>
    </article>
  );
}
