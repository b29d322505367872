// A session's invitation by e-mail (with a calendar file) and SMS (issue #37).
const fa = {
  invitations: {
    send: "فرستادن دعوت‌نامه‌ها",
    confirm:
      "دعوت‌نامه این جلسه با فایل تقویم برای دستگاه‌های عضو و مدعو (کاربران و رئیس هر دستگاه) فرستاده شود؟",
    sent: "دعوت‌نامه برای {agencies} دستگاه فرستاده شد ({mails} ایمیل، {texts} پیامک).",
    nobody: "هیچ دستگاه عضو یا مدعوی کاربر، ایمیل یا تلفن همراه ثبت‌شده ندارد؛ دعوت‌نامه‌ای فرستاده نشد.",
    notPlanned: "دعوت‌نامه فقط برای جلسه برنامه‌ریزی‌شده فرستاده می‌شود.",
    subject: "دعوت به {meeting} — {date}",
    body: "از {agency} دعوت می‌شود در {meeting} حضور یابد.\n\nزمان: {when}\nمکان: {place}\n\nدستور جلسه:\n{agenda}\n\nلطفاً رئیس دستگاه شخصاً یا نماینده تام‌الاختیار ایشان حضور یابد.",
    noPlace: "اعلام می‌شود",
    noAgenda: "(دستور جلسه هنوز تکمیل نشده است)",
    agendaLine: "{n}. {unit}",
    sms: "کارگروه تسهیل: دعوت {agency} به {meeting}، {when}، {place}.",
    calendarTitle: "{meeting}",
  },
};

const en: typeof fa = {
  invitations: {
    send: "Send invitations",
    confirm:
      "Send this session's invitation, with a calendar file, to the member and invited agencies (their users and head)?",
    sent: "Invitations sent to {agencies} agencies ({mails} e-mails, {texts} SMS).",
    nobody:
      "No member or invited agency has a user, an e-mail or a mobile on record: no invitation was sent.",
    notPlanned: "Invitations are sent only for a planned session.",
    subject: "Invitation: {meeting} — {date}",
    body: "{agency} is invited to {meeting}.\n\nWhen: {when}\nWhere: {place}\n\nAgenda:\n{agenda}\n\nThe head of the agency, or a fully authorised representative, is asked to attend.",
    noPlace: "to be announced",
    noAgenda: "(the agenda is not complete yet)",
    agendaLine: "{n}. {unit}",
    sms: "Tashil working group: {agency} is invited to {meeting}, {when}, {place}.",
    calendarTitle: "{meeting}",
  },
};

export default { fa, en };
