import { StatusPage } from "@/components/layout/status-page";

export default function NotFound() {
  return <StatusPage title="errors.notFoundTitle" message="errors.notFound" />;
}
