// SMS texts and the user's own mobile number (issue #37). Texts stay short: one Persian SMS
// part holds 70 characters, and every part is paid for.
const fa = {
  sms: {
    texts: {
      notice: "کارگروه تسهیل: ابلاغ شماره {number} ({count} مصوبه، {meeting}) برای {agency} صادر شد. {more}",
      noticeMoreHead: "متن آن به ایمیل دستگاه فرستاده شد.",
      remind: "کارگروه تسهیل: یادآوری مصوبه «{unit}» برای {agency}؛ مهلت {deadline}.",
      remindMany: "کارگروه تسهیل: یادآوری {count} مصوبه باز {agency}.",
      overdue: "کارگروه تسهیل: {total} مصوبه {scope} معوق است؛ {fresh} مورد از آخرین گزارش.",
      soon: "کارگروه تسهیل: مهلت {count} مصوبه {scope} تا {days} روز دیگر سر می‌رسد.",
      code: "کد تأیید تلفن همراه در سامانه تسهیل: {code}\nاین کد را به کسی ندهید.",
      link: "{url}",
    },
    mobile: {
      title: "پیامک",
      hint: "ابلاغ‌ها، یادآوری‌ها، هشدار معوقات و دعوت جلسات را با پیامک هم دریافت کنید. شماره پس از وارد کردن کدی که به آن پیامک می‌شود ثبت می‌شود؛ بین ساعت ۲۲ تا ۷ پیامکی فرستاده نمی‌شود.",
      number: "تلفن همراه",
      sendCode: "فرستادن کد",
      code: "کد پیامک‌شده",
      verify: "تأیید شماره",
      verified: "تأییدشده: {mobile}",
      notVerified: "شماره تلفن همراه تأییدشده‌ای ثبت نکرده‌اید.",
      optIn: "پیامک‌ها را دریافت می‌کنم",
      save: "ذخیره",
      codeSent: "کدی به {mobile} پیامک شد؛ آن را تا ۱۰ دقیقه وارد کنید.",
      codeQueued: "کد در صف پیامک است و به‌زودی به {mobile} می‌رسد؛ آن را تا ۱۰ دقیقه وارد کنید.",
      codeNotSent: "فرستادن پیامک ممکن نشد؛ اندکی بعد دوباره بکوشید.",
      tooSoon: "کدی به‌تازگی فرستاده شد؛ یک دقیقه صبر کنید.",
      wrongCode: "کد درست نیست.",
      expired: "کد منقضی شده یا بارها اشتباه وارد شده است؛ کد تازه‌ای بخواهید.",
      mobileVerified: "شماره {mobile} تأیید شد.",
      optInSaved: "انتخاب شما برای دریافت پیامک ذخیره شد.",
      needVerified: "نخست شماره تلفن همراه خود را تأیید کنید.",
    },
  },
};

const en: typeof fa = {
  sms: {
    texts: {
      notice:
        "Tashil working group: notice no. {number} ({count} resolution(s), {meeting}) issued to {agency}. {more}",
      noticeMoreHead: "Its text went to the agency's e-mail.",
      remind:
        "Tashil working group: reminder of the resolution on “{unit}” for {agency}; deadline {deadline}.",
      remindMany: "Tashil working group: reminder of {count} open resolution(s) of {agency}.",
      overdue:
        "Tashil working group: {total} resolution(s) of {scope} overdue; {fresh} since the last report.",
      soon: "Tashil working group: {count} resolution(s) of {scope} due within {days} day(s).",
      code: "Your Tashil mobile verification code: {code}\nDo not share it.",
      link: "{url}",
    },
    mobile: {
      title: "SMS",
      hint: "Get notices, reminders, overdue alerts and session invitations by SMS as well. The number counts once you enter the code sent to it; no SMS is sent between 22:00 and 07:00.",
      number: "Mobile number",
      sendCode: "Send code",
      code: "Code received",
      verify: "Verify number",
      verified: "Verified: {mobile}",
      notVerified: "You have no verified mobile number.",
      optIn: "Send me SMS",
      save: "Save",
      codeSent: "A code was sent to {mobile}; enter it within 10 minutes.",
      codeQueued: "The code is queued and will reach {mobile} shortly; enter it within 10 minutes.",
      codeNotSent: "The SMS could not be sent; try again a little later.",
      tooSoon: "A code was sent just now; wait a minute.",
      wrongCode: "That code is not right.",
      expired: "The code has expired or was mistyped too often; ask for a new one.",
      mobileVerified: "{mobile} is verified.",
      optInSaved: "Your SMS choice is saved.",
      needVerified: "Verify your mobile number first.",
    },
  },
};

export default { fa, en };
