// Constants the forms (client components) need, kept apart from the zod schemas so that
// importing them does not ship zod to the browser (docs/decisions/123-zod-stays-on-the-server.md).
// schema.ts re-exports them: server code keeps one module to import from.
import { AgencyKind } from "@/lib/generated/prisma/enums";

export const AGENCY_KINDS = Object.values(AgencyKind);
