import { z } from "zod";

// The token form's schema, shared by the form and the server. Messages are message keys.

import { API_SCOPES, TOKEN_LIFETIMES_DAYS, type ApiScopeName } from "./token-constants";

export { API_SCOPES, TOKEN_LIFETIMES_DAYS, type ApiScopeName };

export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(2, "validation.nameMin").max(100, "validation.tooLong"),
    scopes: z.array(z.enum(API_SCOPES, "api.v.scopesMin")).min(1, "api.v.scopesMin"),
    agencyId: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null),
    expiresInDays: z.coerce
      .number("api.v.expiry")
      .refine((d) => (TOKEN_LIFETIMES_DAYS as readonly number[]).includes(d), "api.v.expiry"),
  })
  .superRefine((v, ctx) => {
    // A reporting token acts for exactly one agency, like an agency user.
    if (v.scopes.includes("REPORT") && !v.agencyId)
      ctx.addIssue({ code: "custom", path: ["agencyId"], message: "api.v.agencyForReport" });
  });
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
