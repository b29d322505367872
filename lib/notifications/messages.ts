// E-mail notifications: the messages themselves and the pages that list them.
const fa = {
  notifications: {
    inboxTitle: "اعلان‌ها",
    inboxIntro: "کارهایی که باید به آن‌ها رسیدگی کنید.",
    inboxEmpty: "اعلانی ندارید.",
    unread: "خوانده‌نشده",
    unreadCount: { one: "{count} اعلان خوانده‌نشده", other: "{count} اعلان خوانده‌نشده" },
    open: "مشاهده",
    markRead: "خواندم",
    markAllRead: "همه را خواندم",
    markedRead: "اعلان‌ها خوانده‌شده علامت خوردند.",
    sentMails: "ایمیل‌های ارسال‌شده",
    preference: "دریافت ایمیل",
    preferenceHint: "هر اعلان را بی‌درنگ با ایمیل بگیرید، یا روزی یک ایمیل با فهرست اعلان‌های آن روز.",
    frequency: { IMMEDIATE: "بی‌درنگ، برای هر اعلان", DAILY: "خلاصه روزانه" },
    savePreference: "ذخیره",
    preferenceSaved: "روش دریافت ایمیل ذخیره شد.",
    kinds: {
      resolution_doneReported: {
        subject: "اعلام انجام مصوبه: {unit} — {agency}",
        body: "{agency} انجام مصوبه زیر را اعلام کرده است و منتظر تأیید دبیرخانه است.\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}",
      },
      resolution_reopened: {
        subject: "مصوبه بازگشایی شد: {unit}",
        body: "دبیرخانه گزارش انجام مصوبه زیر را نپذیرفت و آن را بازگشایی کرد.\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}\nدلیل: {note}\nمهلت: {deadline}",
      },
      resolution_verified: {
        subject: "انجام مصوبه تأیید شد: {unit}",
        body: "دبیرخانه گزارش انجام مصوبه زیر را بررسی و تأیید کرد؛ پرونده آن بسته شد.\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}\nیادداشت دبیرخانه: {note}",
      },
      resolution_extensionApproved: {
        subject: "تمدید مهلت پذیرفته شد: {unit}",
        body: "درخواست تمدید مهلت مصوبه زیر پذیرفته شد. مهلت تازه: {deadline}\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}",
      },
      resolution_extensionRejected: {
        subject: "تمدید مهلت رد شد: {unit}",
        body: "درخواست تمدید مهلت مصوبه زیر رد شد. مهلت همچنان {deadline} است.\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}\nدلیل: {note}",
      },
      resolution_reassigned: {
        subject: "مصوبه به دستگاه دیگری واگذار شد: {unit}",
        body: "مسئولیت مصوبه زیر به {agency} واگذار شد و دیگر بر عهده دستگاه شما نیست.\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}",
      },
      resolution_returned: {
        subject: "بازگرداندن مصوبه: {unit} — {agency}",
        body: "{agency} مصوبه زیر را خارج از وظایف خود دانسته و بازگردانده است؛ آن را به دستگاه دیگری واگذار کنید یا بازگشت را رد کنید.\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}\nدلیل: {note}",
      },
      resolution_returnRejected: {
        subject: "بازگشت مصوبه پذیرفته نشد: {unit}",
        body: "دبیرخانه بازگرداندن مصوبه زیر را نپذیرفت؛ مسئولیت آن همچنان با دستگاه شماست. مهلت: {deadline}\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}\nدلیل: {note}",
      },
      resolution_remind: {
        subject: "یادآوری دبیرخانه: {unit}",
        body: "دبیرخانه کارگروه پیگیری مصوبه زیر را یادآوری می‌کند.\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}\nمهلت: {deadline}",
      },
      resolution_deadlineSoon: {
        subject: "مهلت مصوبه نزدیک است: {unit} ({days} روز مانده)",
        body: "مهلت مصوبه زیر {deadline} است. پیشرفت کار را در سامانه گزارش کنید.\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}",
      },
      resolution_overdue: {
        subject: "مصوبه معوق: {unit} — {agency}",
        body: "مهلت مصوبه زیر ({deadline}) {days} روز است که گذشته و انجام آن گزارش نشده است.\n\nواحد تولیدی: {unit}\nمتن مصوبه: {text}\nدستگاه مسئول: {agency}",
      },
      resolution_overdueDigest: { subject: "{headline}", body: "{list}" },
      resolution_deadlineSoonDigest: { subject: "{headline}", body: "{list}" },
      request_submitted: {
        subject: "درخواست تازه واحد تولیدی: {unit}",
        body: "واحد «{unit}» درخواستی با کد رهگیری {code} ثبت کرده است و در صف پذیرش دبیرخانه است.",
      },
      request_documentsRequested: {
        subject: "درخواست مدارک بیشتر: {unit}",
        body: "دبیرخانه برای بررسی درخواست شما (کد رهگیری {code}) مدارک بیشتری خواسته است:\n\n{message}\n\nمدارک را در صفحه درخواست بارگذاری و درخواست را دوباره ارسال کنید.",
      },
      request_accepted: {
        subject: "درخواست شما پذیرفته شد: {unit}",
        body: "درخواست شما (کد رهگیری {code}) در دبیرخانه پذیرفته شد و موانع آن در پرونده واحد «{unit}» ثبت شد.",
      },
      request_rejected: {
        subject: "درخواست شما پذیرفته نشد: {unit}",
        body: "درخواست شما (کد رهگیری {code}) پذیرفته نشد.\n\nدلیل: {reason}",
      },
      request_duplicate: {
        subject: "درخواست تکراری: {unit}",
        body: "درخواست شما (کد رهگیری {code}) تکراری تشخیص داده شد: موانع این واحد هم‌اکنون در پرونده‌ای باز در دست بررسی است.",
      },
      request_onAgenda: {
        subject: "دعوت به جلسه کمیته: {unit}",
        body: "درخواست شما (کد رهگیری {code}) در دستور {meeting} قرار گرفت. از شما برای حضور در جلسه دعوت می‌شود.\n\nزمان: {when}\nمکان: {place}",
      },
      request_stage: {
        subject: "مرحله تازه درخواست شما: {unit}",
        body: "درخواست شما (کد رهگیری {code}) به مرحله «{stage}» رسید. جزئیات را در صفحه درخواست ببینید.",
      },
      minutes_ready: {
        subject: "صورتجلسه آماده تأیید: {meeting}",
        body: "صورتجلسه {meeting} برگزار شده و منتظر تأیید شماست.",
      },
      notice_issued: {
        subject: "ابلاغ شماره {number}: {meeting}",
        body: "ابلاغ شماره {number} با {count} مصوبه ({meeting}) برای دستگاه شما صادر شد. لطفاً آن را ببینید و دریافت آن را اعلام کنید.",
      },
    },
    earlier: { one: "و {count} اعلان مشابه پیشین", other: "و {count} اعلان مشابه پیشین" },
    digest: {
      overdueToday: "{fresh} مصوبه از امروز معوق شد؛ {total} مصوبه در مجموع معوق است",
      overdueSince: "{fresh} مصوبه از {date} تاکنون معوق شد؛ {total} مصوبه در مجموع معوق است",
      overdueFirst:
        "{total} مصوبه در مجموع معوق است؛ {fresh} مصوبه از امروز. این نخستین خلاصه است: {historic} مصوبه پیش از آن معوق شده بودند و همه در همین یک پیام آمده‌اند",
      overdueSubject: "مصوبات معوق {scope}: {total} مورد — {date}",
      mostLate: "بیشترین تأخیر:",
      mostAmount: "بیشترین مبلغ:",
      lateLine: "{n}. {unit} — {agency} — {days} روز تأخیر (مهلت {deadline})",
      amountLine: "{n}. {unit} — {agency} — {amount} — {days} روز تأخیر",
      more: "… و {count} مصوبه دیگر (فهرست کامل در سامانه)",
      soonHeadline: "{count} مصوبه {scope} تا {days} روز دیگر سررسید می‌شود",
      soonSubject: "یادآوری مهلت مصوبات: {count} مورد تا {days} روز دیگر — {date}",
      soonLine: "{n}. {unit} — مهلت {deadline} ({days} روز مانده)",
    },
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
      dailySubject: "خلاصه اعلان‌های شما: {count} مورد — {date}",
      dailyIntro: "اعلان‌هایی که از آخرین خلاصه برای شما ثبت شده است:",
    },
  },
};

const en: typeof fa = {
  notifications: {
    inboxTitle: "Notifications",
    inboxIntro: "What you need to act on.",
    inboxEmpty: "You have no notifications.",
    unread: "Unread",
    unreadCount: { one: "{count} unread notification", other: "{count} unread notifications" },
    open: "Open",
    markRead: "Mark read",
    markAllRead: "Mark all read",
    markedRead: "Notifications marked read.",
    sentMails: "E-mails sent",
    preference: "E-mail",
    preferenceHint:
      "Get each notification by e-mail at once, or one e-mail a day listing that day's notifications.",
    frequency: { IMMEDIATE: "At once, for each notification", DAILY: "Daily digest" },
    savePreference: "Save",
    preferenceSaved: "E-mail preference saved.",
    kinds: {
      resolution_doneReported: {
        subject: "Resolution reported done: {unit} — {agency}",
        body: "{agency} reports the resolution below done; it awaits the secretariat's verification.\n\nProduction unit: {unit}\nResolution: {text}",
      },
      resolution_reopened: {
        subject: "Resolution reopened: {unit}",
        body: "The secretariat did not accept the done report of the resolution below and reopened it.\n\nProduction unit: {unit}\nResolution: {text}\nReason: {note}\nDeadline: {deadline}",
      },
      resolution_verified: {
        subject: "Resolution verified: {unit}",
        body: "The secretariat checked and verified the done report of the resolution below; the case is closed.\n\nProduction unit: {unit}\nResolution: {text}\nSecretariat's note: {note}",
      },
      resolution_extensionApproved: {
        subject: "Extension approved: {unit}",
        body: "The extension of the resolution below was approved. New deadline: {deadline}\n\nProduction unit: {unit}\nResolution: {text}",
      },
      resolution_extensionRejected: {
        subject: "Extension refused: {unit}",
        body: "The extension of the resolution below was refused. The deadline stays {deadline}.\n\nProduction unit: {unit}\nResolution: {text}\nReason: {note}",
      },
      resolution_reassigned: {
        subject: "Resolution reassigned: {unit}",
        body: "The resolution below is now the responsibility of {agency}, no longer of your agency.\n\nProduction unit: {unit}\nResolution: {text}",
      },
      resolution_returned: {
        subject: "Resolution returned: {unit} — {agency}",
        body: "{agency} says the resolution below is not its remit and returned it; reassign it to another agency or refuse the return.\n\nProduction unit: {unit}\nResolution: {text}\nReason: {note}",
      },
      resolution_returnRejected: {
        subject: "Return refused: {unit}",
        body: "The secretariat refused the return of the resolution below; it remains your agency's. Deadline: {deadline}\n\nProduction unit: {unit}\nResolution: {text}\nReason: {note}",
      },
      resolution_remind: {
        subject: "Reminder from the secretariat: {unit}",
        body: "The working group's secretariat reminds you of the resolution below.\n\nProduction unit: {unit}\nResolution: {text}\nDeadline: {deadline}",
      },
      resolution_deadlineSoon: {
        subject: "Deadline approaching: {unit} ({days} days left)",
        body: "The resolution below is due on {deadline}. Report its progress in Tashil.\n\nProduction unit: {unit}\nResolution: {text}",
      },
      resolution_overdue: {
        subject: "Overdue resolution: {unit} — {agency}",
        body: "The resolution below was due on {deadline}, {days} days ago, and its completion has not been reported.\n\nProduction unit: {unit}\nResolution: {text}\nResponsible agency: {agency}",
      },
      resolution_overdueDigest: { subject: "{headline}", body: "{list}" },
      resolution_deadlineSoonDigest: { subject: "{headline}", body: "{list}" },
      request_submitted: {
        subject: "New production-unit request: {unit}",
        body: "The unit “{unit}” filed a request with tracking code {code}; it waits in the secretariat's intake.",
      },
      request_documentsRequested: {
        subject: "More documents requested: {unit}",
        body: "The secretariat needs more documents to review your request (tracking code {code}):\n\n{message}\n\nUpload them on the request's page and send the request again.",
      },
      request_accepted: {
        subject: "Your request was accepted: {unit}",
        body: "Your request (tracking code {code}) was accepted; its obstacles are now in the case of “{unit}”.",
      },
      request_rejected: {
        subject: "Your request was not accepted: {unit}",
        body: "Your request (tracking code {code}) was not accepted.\n\nReason: {reason}",
      },
      request_duplicate: {
        subject: "Duplicate request: {unit}",
        body: "Your request (tracking code {code}) duplicates an open case of this unit that is already under review.",
      },
      request_onAgenda: {
        subject: "Invitation to the committee: {unit}",
        body: "Your request (tracking code {code}) is on the agenda of {meeting}. You are invited to attend.\n\nWhen: {when}\nWhere: {place}",
      },
      request_stage: {
        subject: "Your request moved on: {unit}",
        body: "Your request (tracking code {code}) has reached the stage “{stage}”. See the request's page for details.",
      },
      minutes_ready: {
        subject: "Minutes ready for approval: {meeting}",
        body: "The minutes of {meeting} are ready and await your approval.",
      },
      notice_issued: {
        subject: "Notice no. {number}: {meeting}",
        body: "Notice no. {number} with {count} resolution(s) ({meeting}) was issued to your agency. Please read it and acknowledge its receipt.",
      },
    },
    earlier: {
      one: "and {count} similar earlier notification",
      other: "and {count} similar earlier notifications",
    },
    digest: {
      overdueToday: "{fresh} resolutions fell overdue today; {total} are overdue in all",
      overdueSince: "{fresh} resolutions fell overdue since {date}; {total} are overdue in all",
      overdueFirst:
        "{total} resolutions are overdue in all; {fresh} fell overdue today. This is the first digest: {historic} were overdue before it, and all are in this one message",
      overdueSubject: "Overdue resolutions, {scope}: {total} — {date}",
      mostLate: "Most days late:",
      mostAmount: "Largest amounts:",
      lateLine: "{n}. {unit} — {agency} — {days} days late (deadline {deadline})",
      amountLine: "{n}. {unit} — {agency} — {amount} — {days} days late",
      more: "… and {count} more (the full list is in Tashil)",
      soonHeadline: "{count} resolutions of {scope} fall due within {days} days",
      soonSubject: "Deadline reminder: {count} resolutions due within {days} days — {date}",
      soonLine: "{n}. {unit} — deadline {deadline} ({days} days left)",
    },
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
      dailySubject: "Your notifications: {count} — {date}",
      dailyIntro: "Notifications recorded for you since the last digest:",
    },
  },
};

export default { fa, en };
