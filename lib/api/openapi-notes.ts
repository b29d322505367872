// Prose shared by the OpenAPI document and the reference page.
export const rateLimitNote =
  "Each token may make a limited number of requests a minute (120 unless the deployment sets API_RATE_LIMIT_PER_MINUTE); past it the answer is 429 with Retry-After.";
