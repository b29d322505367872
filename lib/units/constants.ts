// Constants the forms (client components) need, kept apart from the zod schemas so that
// importing them does not ship zod to the browser (docs/decisions/123-zod-stays-on-the-server.md).
// schema.ts re-exports them: server code keeps one module to import from.
import { OperatingStatus, Sector } from "@/lib/generated/prisma/enums";

/** For screens, which take the generated types from the domain, never from lib/generated. */
export type { OperatingStatus, Sector };

export const SECTORS = Object.values(Sector);
export const OPERATING_STATUSES = Object.values(OperatingStatus);
