// E-mail notifications: the messages themselves and the pages that list them.
const fa = {
  notifications: {
    title: "اعلان‌های ارسال‌شده به شما",
    intro: "ایمیل‌هایی که سامانه برای شما فرستاده است.",
    empty: "تاکنون ایمیلی برای شما ارسال نشده است.",
    outboxTitle: "صندوق خروجی ایمیل",
    outboxIntro: "وقتی سرور ایمیل (SMTP) تنظیم نشده باشد، پیام‌ها اینجا نگه داشته می‌شوند.",
    outboxEmpty: "پیامی در صندوق خروجی نیست.",
    nav: "اعلان‌ها",
    to: "گیرنده",
    subject: "موضوع",
    sentAt: "زمان",
    state: "وضعیت",
    status: {
      PENDING: "در صف ارسال",
      SENT: "ارسال شد",
      FAILED: "ناموفق",
      OUTBOX: "در صندوق خروجی",
    },
    mail: {
      greeting: "با سلام و احترام،",
      signature: "دبیرخانه کارگروه تسهیل و رفع موانع تولید",
      link: "مشاهده در سامانه: {url}",
      issuedSubject: "ابلاغ مصوبه جدید: {unit}",
      issuedBody:
        "مصوبه زیر در {meeting} به مسئولیت {agency} ابلاغ شد.\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}\nمهلت اجرا: {deadline}",
      reminderSubject: "یادآوری مهلت مصوبه: {unit} ({days} روز مانده)",
      reminderBody:
        "مهلت اجرای مصوبه زیر {days} روز دیگر ({deadline}) به پایان می‌رسد.\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}\nدستگاه مسئول: {agency}",
      overdueSubject: "مصوبه معوق: {unit} — {agency}",
      overdueBody:
        "مهلت اجرای مصوبه زیر در {deadline} به پایان رسیده و انجام آن هنوز اعلام نشده است ({days} روز تأخیر).\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}\nدستگاه مسئول: {agency}",
      digestSubject: "گزارش هفتگی مصوبات کارگروه — هفته منتهی به {date}",
      digestBody:
        "مصوبات باز: {open}\nمصوبات معوق: {overdue}\nسررسید تا ۷ روز آینده: {dueSoon}\nاعلام انجام در انتظار تأیید: {doneReported}\nدرخواست تمدید در انتظار تصمیم: {pendingExtensions}",
      digestOverdueHeading: "مصوبات معوق:",
      digestLine: "- {unit} — {agency} — مهلت {deadline}",
    },
  },
};

const en: typeof fa = {
  notifications: {
    title: "Notifications sent to you",
    intro: "The e-mails the system has sent you.",
    empty: "No e-mail has been sent to you yet.",
    outboxTitle: "E-mail outbox",
    outboxIntro: "When no mail server (SMTP) is configured, messages are kept here.",
    outboxEmpty: "The outbox is empty.",
    nav: "Notifications",
    to: "To",
    subject: "Subject",
    sentAt: "Time",
    state: "Status",
    status: {
      PENDING: "Queued",
      SENT: "Sent",
      FAILED: "Failed",
      OUTBOX: "In the outbox",
    },
    mail: {
      greeting: "Dear colleague,",
      signature: "Secretariat of the working group for facilitating production",
      link: "Open in Tashil: {url}",
      issuedSubject: "New resolution issued: {unit}",
      issuedBody:
        "The resolution below was issued in {meeting}; {agency} is responsible.\n\nProduction unit: {unit}\nResolution: {text}\nDeadline: {deadline}",
      reminderSubject: "Deadline reminder: {unit} ({days} days left)",
      reminderBody:
        "The deadline of the resolution below ends in {days} days ({deadline}).\n\nProduction unit: {unit}\nResolution: {text}\nResponsible agency: {agency}",
      overdueSubject: "Overdue resolution: {unit} — {agency}",
      overdueBody:
        "The deadline of the resolution below passed on {deadline} and its completion has not been reported ({days} days late).\n\nProduction unit: {unit}\nResolution: {text}\nResponsible agency: {agency}",
      digestSubject: "Weekly resolutions digest — week ending {date}",
      digestBody:
        "Open resolutions: {open}\nOverdue: {overdue}\nDue within 7 days: {dueSoon}\nReported done, awaiting verification: {doneReported}\nExtension requests awaiting a decision: {pendingExtensions}",
      digestOverdueHeading: "Overdue resolutions:",
      digestLine: "- {unit} — {agency} — deadline {deadline}",
    },
  },
};

export default { fa, en };
