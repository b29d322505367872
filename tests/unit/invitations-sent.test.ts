// The confirmation after sending a session's invitations names what was reached: agencies and
// units apart, each with its own plural ("1 unit", "3 units"), in the reader's digits — it said
// "8 agencies" when five agencies and three units' representatives were invited.
import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/messages";
import { invitationsSentMessage } from "@/lib/invitations/sent";

const fa = translator("fa");
const en = translator("en");

describe("the invitations' confirmation", () => {
  it("counts agencies and units apart, in Persian digits with «و»", () => {
    expect(invitationsSentMessage(fa, { agencies: 5, units: 3, mails: 9, texts: 4 })).toBe(
      "دعوت‌نامه برای ۵ دستگاه و ۳ واحد فرستاده شد (۹ ایمیل، ۴ پیامک).",
    );
  });

  it("uses English plurals: one agency, units, one e-mail", () => {
    expect(invitationsSentMessage(en, { agencies: 1, units: 3, mails: 1, texts: 2 })).toBe(
      "Invitations sent to 1 agency and 3 units (1 e-mail, 2 SMS).",
    );
    expect(invitationsSentMessage(en, { agencies: 5, units: 1, mails: 6, texts: 1 })).toBe(
      "Invitations sent to 5 agencies and 1 unit (6 e-mails, 1 SMS).",
    );
  });

  it("leaves out a party of none rather than saying «۰ واحد»", () => {
    expect(invitationsSentMessage(fa, { agencies: 2, units: 0, mails: 2, texts: 0 })).toBe(
      "دعوت‌نامه برای ۲ دستگاه فرستاده شد (۲ ایمیل، ۰ پیامک).",
    );
    expect(invitationsSentMessage(en, { agencies: 0, units: 2, mails: 2, texts: 2 })).toBe(
      "Invitations sent to 2 units (2 e-mails, 2 SMS).",
    );
  });
});
