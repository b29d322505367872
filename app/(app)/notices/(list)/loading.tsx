import { PageSkeleton } from "@/components/ui/skeleton";

// In a route group of its own, so the skeleton covers the list only: the record pages below
// this segment call notFound() and must still answer 404, which a loading boundary above
// them would turn into a 200.
export default function Loading() {
  return <PageSkeleton shape="list" />;
}
