import type { Metadata } from "next";
import localFont from "next/font/local";
import { direction } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/locale";
import { ClientMessages } from "@/components/ui/client-messages";
import "./globals.css";

// Self-hosted from the vazirmatn npm package: nothing is fetched at build or run time. The
// file is the package's `Vazirmatn[wght].woff2`, copied at install under a name without
// brackets (scripts/fonts.mjs): with the brackets, browsers fetched it twice.
const vazirmatn = localFont({
  src: "../lib/generated/fonts/Vazirmatn-Variable.woff2",
  variable: "--font-vazirmatn",
  weight: "100 900",
  display: "swap",
});

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return {
    title: { default: t("app.name"), template: `%s — ${t("app.name")}` },
    description: t("app.fullName"),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale } = await getTranslator();
  return (
    <html lang={locale} dir={direction(locale)} className={vazirmatn.variable}>
      <body className="min-h-screen font-sans">
        {/* Strings every client component may need: buttons, errors, validation. */}
        <ClientMessages namespaces={["common", "errors", "validation", "calendar"]}>
          {children}
        </ClientMessages>
      </body>
    </html>
  );
}
