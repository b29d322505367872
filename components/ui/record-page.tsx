// The frame of every record page (a unit, an agency, a resolution, a session's minutes and
// brief, a notice): the permission, one cheap look-up that answers 404 while the status can
// still be sent, then the record streams in behind its skeleton. A loading boundary above the
// page would have sent the 200 already (tests/unit/loading-states.test.ts).
import { Suspense } from "react";
import { notFound } from "next/navigation";
import type { Action } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { pageContext, type PageContext } from "@/lib/page";
import { PageSkeleton, type Shape } from "./skeleton";

export type RecordBody = (props: { context: PageContext; id: string }) => Promise<React.ReactNode>;

export function recordPage({
  action,
  inReach,
  skeleton,
  body: Body,
}: {
  action: Action;
  /** Whether the viewer may see the record with this id (it exists and is in their reach). */
  inReach: (viewer: SessionUser, id: string) => Promise<unknown>;
  skeleton: Shape;
  body: RecordBody;
}) {
  return async function RecordPage({ params }: { params: Promise<{ id: string }> }) {
    const context = await pageContext(action);
    const { id } = await params;
    if (!(await inReach(context.user, id))) notFound();
    return (
      <Suspense fallback={<PageSkeleton shape={skeleton} />}>
        <Body context={context} id={id} />
      </Suspense>
    );
  };
}
