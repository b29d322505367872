// Strings of printed documents: the letterhead and the signature block of the minutes, the
// chair's brief and the period report.
const fa = {
  print: {
    republic: "جمهوری اسلامی ایران",
    governorate: "استانداری {province}",
    national: "ستاد ملی تسهیل و رفع موانع تولید",
    group: "کارگروه تسهیل و رفع موانع تولید استان {province}",
    number: "شماره: {number}",
    date: "تاریخ: {date}",
    attachment: "پیوست: ندارد",
    signatures: "امضاها",
    signHere: "محل امضا",
    secretary: "دبیر کارگروه",
    chair: "رئیس کارگروه",
    preparedBy: "تهیه‌کننده: {name}",
    headline: "خلاصه",
    overdueSummary: "خلاصه مصوبات معوق",
    overdueMore: {
      one: "و {count} مصوبه معوق دیگر (فهرست کامل در ادامه)",
      other: "و {count} مصوبه معوق دیگر (فهرست کامل در ادامه)",
    },
    overdueList: "فهرست کامل مصوبات معوق",
    daysLate: "روز تأخیر",
    workingDaysLate: "روز کاری تأخیر",
  },
};

const en: typeof fa = {
  print: {
    republic: "Islamic Republic of Iran",
    governorate: "Governorate of {province}",
    national: "National headquarters for facilitating production",
    group: "Working group for facilitating production, {province} province",
    number: "No.: {number}",
    date: "Date: {date}",
    attachment: "Attachments: none",
    signatures: "Signatures",
    signHere: "Signature",
    secretary: "Secretary of the working group",
    chair: "Chair of the working group",
    preparedBy: "Prepared by: {name}",
    headline: "Summary",
    overdueSummary: "Overdue resolutions in brief",
    overdueMore: {
      one: "and {count} more overdue resolution (full list below)",
      other: "and {count} more overdue resolutions (full list below)",
    },
    overdueList: "All overdue resolutions",
    daysLate: "Days late",
    workingDaysLate: "Working days late",
  },
};

export default { fa, en };
