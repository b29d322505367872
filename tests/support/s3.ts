// A real S3-compatible server (s3rver) in the test process, spoken to over HTTP by the
// official SDK exactly as MinIO or a cloud bucket would be. Each caller gets its own
// directory and bucket, so test files stay apart (decision 009).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type LocalS3 = {
  /** The variables that select and configure the S3 backend (lib/storage). */
  env: Record<
    | "S3_ENDPOINT"
    | "S3_BUCKET"
    | "S3_REGION"
    | "S3_ACCESS_KEY_ID"
    | "S3_SECRET_ACCESS_KEY"
    | "S3_FORCE_PATH_STYLE",
    string
  >;
  stop(): Promise<void>;
};

export async function startLocalS3(bucket = "tashil-test"): Promise<LocalS3> {
  const directory = mkdtempSync(path.join(tmpdir(), "tashil-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    env: {
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      // s3rver's fixed key pair: it checks signatures like S3 does.
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "1",
    },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
