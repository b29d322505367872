import { z } from "zod";
import { PROBLEMS } from "./problem";
import {
  obstacleQuerySchema,
  obstaclePageSchema,
  problemSchema,
  reportBodySchema,
  resolutionPageSchema,
  resolutionQuerySchema,
  resolutionSchema,
  sessionPageSchema,
  sessionQuerySchema,
  unitPageSchema,
  unitQuerySchema,
} from "./schema";
import { rateLimitNote } from "./openapi-notes";

// The OpenAPI 3.1 document, generated from the zod schemas the handlers validate with
// (zod 4's own z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses). Nothing here is
// written by hand but the prose: parameters, bodies and answers all come from lib/api/schema.

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
};

const COMPONENTS = [
  "Unit",
  "UnitPage",
  "Obstacle",
  "ObstaclePage",
  "Session",
  "SessionPage",
  "Resolution",
  "ResolutionPage",
  "ProgressReport",
  "Problem",
] as const;

const ref = (id: (typeof COMPONENTS)[number]) => ({ $ref: `#/components/schemas/${id}` });

function componentSchemas(): Record<string, JsonSchema> {
  // Make sure every schema with an id is registered before the registry is read.
  void [
    unitPageSchema,
    obstaclePageSchema,
    sessionPageSchema,
    resolutionPageSchema,
    resolutionSchema,
    problemSchema,
  ];
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  const out: Record<string, JsonSchema> = {};
  for (const id of COMPONENTS) {
    const schema = schemas[id];
    if (!schema) throw new Error(`OpenAPI: schema ${id} is not registered`);
    const { $schema: _s, $id: _i, ...rest } = schema;
    out[id] = rest;
  }
  return out;
}

/** A query schema's fields as OpenAPI parameters. */
function queryParameters(schema: z.ZodType) {
  const js = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as JsonSchema;
  return Object.entries(js.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: "query",
      required: js.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function bodySchema(schema: z.ZodType): JsonSchema {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-2020-12",
  }) as JsonSchema;
  return rest;
}

const problemResponse = (kind: keyof typeof PROBLEMS, description: string) => ({
  [String(PROBLEMS[kind].status)]: {
    description,
    content: { "application/problem+json": { schema: ref("Problem") } },
  },
});

const commonProblems = {
  ...problemResponse("bad-request", "Invalid parameters; `errors` names each field at fault."),
  ...problemResponse("unauthorized", "No token, or an unknown, expired or revoked one."),
  ...problemResponse("forbidden", "The token lacks the scope."),
  ...problemResponse("too-many-requests", "Rate limit reached; see Retry-After."),
};

const acceptLanguage = {
  name: "Accept-Language",
  in: "header",
  required: false,
  description: "fa (default) or en: the language of problem details.",
  schema: { type: "string" },
};

function listOperation(
  tag: string,
  summary: string,
  query: z.ZodType,
  page: (typeof COMPONENTS)[number],
  operationId: string,
) {
  return {
    get: {
      tags: [tag],
      operationId,
      summary,
      description: `Requires the READ scope. Rows are limited to the token's province (all provinces for a national token). ${rateLimitNote}`,
      security: [{ bearerToken: [] }],
      parameters: [...queryParameters(query), acceptLanguage],
      responses: {
        "200": {
          description: "One page, ordered by id.",
          content: { "application/json": { schema: ref(page) } },
        },
        ...commonProblems,
      },
    },
  };
}

const idParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "Resolution id.",
  schema: { type: "string" },
};

export function openApiDocument() {
  const report = bodySchema(reportBodySchema);
  return {
    openapi: "3.1.0",
    info: {
      title: "Tashil API",
      version: "1.0.0",
      description:
        "Read the working group's production units, obstacles, sessions and resolutions; report progress on an agency's own resolutions. Tokens are created in the app by an administrator or an agency manager. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: "/api/v1" }],
    tags: [
      { name: "Units" },
      { name: "Obstacles" },
      { name: "Sessions" },
      { name: "Resolutions" },
      { name: "Intake" },
    ],
    paths: {
      "/intake": {
        get: {
          tags: ["Intake"],
          operationId: "getIntakeCounts",
          summary: "Units' own requests per province and stage (counts only)",
          description:
            "Requires the READ scope. A national token sees every province, a provincial one its own. No applicant's personal data.",
          security: [{ bearerToken: [] }],
          parameters: [acceptLanguage],
          responses: {
            "200": {
              description: "One row per province in reach.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["data"],
                    properties: {
                      data: {
                        type: "array",
                        items: {
                          type: "object",
                          required: [
                            "provinceCode",
                            "waiting",
                            "documentsRequested",
                            "accepted",
                            "rejected",
                            "duplicate",
                          ],
                          properties: {
                            provinceCode: { type: "string" },
                            waiting: {
                              type: "integer",
                              description: "Submitted, waiting for the secretariat's intake.",
                            },
                            documentsRequested: { type: "integer" },
                            accepted: { type: "integer" },
                            rejected: { type: "integer" },
                            duplicate: { type: "integer" },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
            ...commonProblems,
          },
        },
      },
      "/units": listOperation("Units", "List production units", unitQuerySchema, "UnitPage", "listUnits"),
      "/obstacles": listOperation(
        "Obstacles",
        "List obstacles",
        obstacleQuerySchema,
        "ObstaclePage",
        "listObstacles",
      ),
      "/sessions": listOperation(
        "Sessions",
        "List sessions",
        sessionQuerySchema,
        "SessionPage",
        "listSessions",
      ),
      "/resolutions": listOperation(
        "Resolutions",
        "List resolutions with their deadlines and progress",
        resolutionQuerySchema,
        "ResolutionPage",
        "listResolutions",
      ),
      "/resolutions/{id}": {
        get: {
          tags: ["Resolutions"],
          operationId: "getResolution",
          summary: "One resolution with its progress reports",
          description: "Requires the READ scope.",
          security: [{ bearerToken: [] }],
          parameters: [idParameter, acceptLanguage],
          responses: {
            "200": {
              description: "The resolution.",
              content: { "application/json": { schema: ref("Resolution") } },
            },
            ...commonProblems,
            ...problemResponse("not-found", "No such resolution within the token's reach."),
          },
        },
      },
      "/resolutions/{id}/reports": {
        post: {
          tags: ["Resolutions"],
          operationId: "reportProgress",
          summary: "Report progress, or report the work done with evidence",
          description:
            "Requires the REPORT scope; only for resolutions the token's agency is responsible for. A done report (status DONE_REPORTED) needs at least one evidence file (multipart part `evidence`, PDF, image or office document).",
          security: [{ bearerToken: [] }],
          parameters: [
            idParameter,
            acceptLanguage,
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description:
                "A UUID kept for every retry of one report: a repeat (after a lost answer) creates nothing new and answers 200 with `Idempotent-Replayed: true`.",
              schema: { type: "string", format: "uuid" },
            },
          ],
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  ...report,
                  properties: {
                    ...(report.properties ?? {}),
                    evidence: {
                      type: "array",
                      items: { type: "string", contentMediaType: "application/octet-stream" },
                      description: "Evidence files; at least one for DONE_REPORTED.",
                    },
                  },
                },
              },
              "application/json": { schema: report },
            },
          },
          responses: {
            "201": {
              description: "The resolution after the report.",
              content: { "application/json": { schema: ref("Resolution") } },
            },
            "200": {
              description:
                "A repeat of an earlier report with the same Idempotency-Key: nothing new written.",
              content: { "application/json": { schema: ref("Resolution") } },
            },
            ...commonProblems,
            ...problemResponse("not-found", "No such resolution within the token's reach."),
            ...problemResponse("conflict", "Changed since the version sent, or no longer open."),
            ...problemResponse("payload-too-large", "The body is larger than 30 MB."),
            ...problemResponse("unsupported-media-type", "Neither multipart/form-data nor JSON."),
            ...problemResponse(
              "unprocessable-content",
              "The report was refused; `errors` says why per field.",
            ),
          },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "A token created in Tashil (API tokens page): `Authorization: Bearer tashil_…`.",
        },
      },
    },
  };
}
