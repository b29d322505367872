import type { Metadata } from "next";

// The floor `npm run bench` (bench/pages.ts) measures every page against: rendered on each
// request like the app's pages, through the same proxy and root layout, with no data of its
// own. Harmless to serve: it shows nothing and reads nothing.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false } };

export default function EmptyPage() {
  return <main />;
}
