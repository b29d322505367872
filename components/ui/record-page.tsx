// The frame of every record page (a unit, an agency, a resolution, a session's minutes and
// brief, a notice, a letter): the permission, one cheap look-up that answers 404 while the
// status can still be sent, then the record is read and streams in behind its skeleton. A
// loading boundary above the page would have sent the 200 already
// (tests/unit/loading-states.test.ts).
import { Suspense } from "react";
import { notFound } from "next/navigation";
import type { Action } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import type { MessageKey, Translate } from "@/lib/i18n/messages";
import { pageContext, type PageContext } from "@/lib/page";
import { PageSkeleton, type Shape } from "./skeleton";

type Loader<R> = (viewer: SessionUser, id: string) => Promise<R | null>;

/** What a record page's body is handed: the viewer's context and the record its loader read. */
export type RecordProps<L extends Loader<unknown>> = {
  context: PageContext;
  id: string;
  record: NonNullable<Awaited<ReturnType<L>>>;
};

type Body<R> = (props: {
  context: PageContext;
  id: string;
  record: R;
}) => Promise<React.ReactNode> | React.ReactNode;

export function recordPage<R>({
  action,
  inReach,
  skeleton,
  load,
  body: Body,
}: {
  action: Action;
  /** Whether the viewer may see the record with this id (it exists and is in their reach). */
  inReach: (viewer: SessionUser, id: string) => Promise<unknown>;
  skeleton: Shape;
  /** The record the body shows, read while the skeleton shows. */
  load: Loader<R>;
  body: (props: {
    context: PageContext;
    id: string;
    record: R;
  }) => Promise<React.ReactNode> | React.ReactNode;
}) {
  async function Loaded({ context, id }: { context: PageContext; id: string }) {
    const record = await load(context.user, id);
    // Only a record deleted between the look-up and here: the status has gone already.
    if (record === null) notFound();
    return <Body context={context} id={id} record={record} />;
  }
  return async function RecordPage({ params }: { params: Promise<{ id: string }> }) {
    const context = await pageContext(action);
    const { id } = await params;
    if (!(await inReach(context.user, id))) notFound();
    return (
      <Suspense fallback={<PageSkeleton shape={skeleton} />}>
        <Loaded context={context} id={id} />
      </Suspense>
    );
  };
}

/** A form's page: its heading, then the form, whose choices (if it reads any) stream in behind a skeleton. */
function FormFrame<R>({
  heading,
  context,
  id,
  record,
  body: Form,
}: {
  heading: React.ReactNode;
  context: PageContext;
  id: string;
  record: R;
  body: Body<R>;
}) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{heading}</h1>
      <Suspense fallback={<PageSkeleton shape="form" title={false} />}>
        <Form context={context} id={id} record={record} />
      </Suspense>
    </div>
  );
}

/** The page of a form that makes something new: the permission, the heading, the form. */
export function formPage({ action, title, body }: { action: Action; title: MessageKey; body: Body<null> }) {
  return async function FormPage() {
    const context = await pageContext(action);
    return <FormFrame heading={context.t(title)} context={context} id="" record={null} body={body} />;
  };
}

/**
 * The page of a form about one record (its edit form, a thing added to it): the permission and
 * the record (one row: a 404 while the status can still say so), then the form.
 */
export function recordFormPage<R>({
  action,
  load,
  heading,
  body,
}: {
  action: Action;
  load: Loader<R>;
  heading: (record: R, t: Translate) => React.ReactNode;
  body: Body<R>;
}) {
  return async function RecordFormPage({ params }: { params: Promise<{ id: string }> }) {
    const context = await pageContext(action);
    const { id } = await params;
    const record = await load(context.user, id);
    if (record === null) notFound();
    return (
      <FormFrame heading={heading(record, context.t)} context={context} id={id} record={record} body={body} />
    );
  };
}
