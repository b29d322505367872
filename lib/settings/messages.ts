const fa = {
  settings: {
    ackDays: "مهلت اعلام دریافت ابلاغ",
    ackDaysHint:
      "ابلاغ‌هایی که پس از این تعداد روز کاری (شنبه تا پنجشنبه) دریافتشان اعلام نشده باشد، در داشبورد نشان داده می‌شوند.",
    ackDaysLabel: "روز کاری",
    ackDaysSave: "ذخیره",
    ackDaysSaved: "مهلت اعلام دریافت ابلاغ ذخیره شد.",
    v: { ackDays: "عددی صحیح از ۱ تا ۶۰ وارد کنید.", digestHour: "ساعتی از ۰ تا ۲۳ وارد کنید." },
    digestHour: "ساعت ارسال خلاصه‌های روزانه",
    digestHourHint:
      "یادآوری مهلت‌ها و خلاصه مصوبات معوق روزی یک بار برای هر نفر فرستاده می‌شود (یک پیام، نه یک پیام برای هر مصوبه)، از این ساعت به وقت تهران.",
    digestHourLabel: "ساعت (۰ تا ۲۳)",
    digestHourSaved: "ساعت ارسال خلاصه‌های روزانه ذخیره شد.",
    title: "تنظیمات",
    publicFigures: "صفحه عمومی آمار",
    publicFiguresHint:
      "صفحه /figures بدون ورود، فقط آمار کلی را نشان می‌دهد: تعداد جلسات، واحدهای بررسی‌شده، مصوبات و میزان اجرا، واحدهای بازگشته به تولید. هیچ نامی از اشخاص نمایش داده نمی‌شود.",
    enable: "فعال کردن صفحه عمومی",
    disable: "غیرفعال کردن صفحه عمومی",
    isOn: "صفحه عمومی فعال است.",
    isOff: "صفحه عمومی غیرفعال است.",
    publicOn: "صفحه عمومی آمار فعال شد.",
    publicOff: "صفحه عمومی آمار غیرفعال شد.",
  },
  figures: {
    title: "کارنامه کارگروه تسهیل و رفع موانع تولید",
    intro: "آمار کلی جلسات و مصوبات کارگروه. این صفحه هیچ اطلاعات شخصی ندارد.",
    sessions: "جلسات برگزارشده",
    unitsReviewed: "واحدهای تولیدی بررسی‌شده",
    resolutions: "مصوبات",
    completed: "مصوبات اجراشده (تأییدشده)",
    reportedDone: "اعلام انجام، در انتظار تأیید",
    completion: "درصد اجرای تأییدشده",
    unitsReturned: "واحدهای بازگشته به چرخه تولید",
    employees: "شاغلان واحدهای بازگشته",
    returnsTitle: "بازگشت به تولید و اشتغال",
    updated: "به‌روز شده در {date}",
  },
};

const en: typeof fa = {
  settings: {
    ackDays: "Time to acknowledge a notice",
    ackDaysHint:
      "Notices whose receipt is not acknowledged after this many working days (Saturday to Thursday) are listed on the dashboard.",
    ackDaysLabel: "Working days",
    ackDaysSave: "Save",
    ackDaysSaved: "The time to acknowledge a notice was saved.",
    v: { ackDays: "Enter a whole number from 1 to 60.", digestHour: "Enter an hour from 0 to 23." },
    digestHour: "Time of the daily digests",
    digestHourHint:
      "Deadline reminders and the overdue digest go out once a day to each person (one message, not one per resolution), from this hour, Tehran time.",
    digestHourLabel: "Hour (0 to 23)",
    digestHourSaved: "The time of the daily digests was saved.",
    title: "Settings",
    publicFigures: "Public figures page",
    publicFiguresHint:
      "The /figures page shows aggregate numbers without sign-in: sessions, units reviewed, resolutions and their completion, units returned to production. No person is named.",
    enable: "Switch the public page on",
    disable: "Switch the public page off",
    isOn: "The public page is on.",
    isOff: "The public page is off.",
    publicOn: "The public figures page is on.",
    publicOff: "The public figures page is off.",
  },
  figures: {
    title: "The working group for facilitating production, in figures",
    intro:
      "Aggregate figures of the working group's sessions and resolutions. This page holds no personal information.",
    sessions: "Sessions held",
    unitsReviewed: "Production units reviewed",
    resolutions: "Resolutions",
    completed: "Resolutions carried out (verified)",
    reportedDone: "Reported done, awaiting verification",
    completion: "Verified completion",
    unitsReturned: "Units returned to production",
    employees: "Employees in units returned",
    returnsTitle: "Back in production, and jobs",
    updated: "Updated {date}",
  },
};

export default { fa, en };
