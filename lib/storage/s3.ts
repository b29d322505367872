import "server-only";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type GetObjectCommandOutput,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { byteCounter, checkKey, type FileStorage } from "./keys";

export type S3Settings = {
  /** Any S3-compatible service: MinIO, Ceph RGW, a cloud's; unset means AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Unset: the SDK's own chain (AWS_* variables, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** MinIO and Ceph usually serve `endpoint/bucket/key` rather than `bucket.endpoint/key`. */
  forcePathStyle: boolean;
};

/** Bytes buffered per part of a streamed upload: S3's minimum part size, one part in flight. */
const PART_BYTES = 5 * 1024 * 1024;

const isMissing = (err: unknown) =>
  err instanceof S3ServiceException && (err.name === "NoSuchKey" || err.$metadata.httpStatusCode === 404);

/**
 * Attachments and exports in an S3-compatible bucket, so every app instance sees the same
 * files without a shared disk. Objects are private: they are served only through the app's
 * routes, which check who may read them (docs/decisions/110-object-storage.md).
 */
export class S3Storage implements FileStorage {
  readonly description: string;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.description = `s3 ${settings.endpoint ?? "aws"}/${settings.bucket}`;
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      credentials: settings.credentials,
      forcePathStyle: settings.forcePathStyle,
      // Checksums on every request are AWS's newer default; several S3-compatible servers
      // refuse the extra headers, and TLS plus Content-Length already guard the transfer.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, bytes: Uint8Array) {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: checkKey(key),
        Body: bytes,
        ContentLength: bytes.byteLength,
      }),
    );
  }

  private async object(key: string): Promise<GetObjectCommandOutput | null> {
    try {
      return await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async get(key: string) {
    const object = await this.object(key);
    if (!object?.Body) return null;
    return Buffer.from(await object.Body.transformToByteArray());
  }

  async remove(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
  }

  async putStream(key: string, source: Readable) {
    const counter = byteCounter();
    // A multipart upload of unknown length, one part in memory at a time; a short stream
    // becomes a single PUT. On failure the SDK aborts the multipart upload, so no parts stay.
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: checkKey(key), Body: counter },
      partSize: PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    try {
      await Promise.all([pipeline(source, counter), upload.done()]);
    } catch (err) {
      source.destroy();
      counter.destroy();
      await upload.abort().catch(() => undefined);
      // A short stream may already have been stored by a single PUT: nothing half-stored stays.
      await this.remove(key).catch(() => undefined);
      throw err;
    }
    return counter.bytes();
  }

  async getStream(key: string) {
    const body = (await this.object(key))?.Body;
    if (!body) return null;
    // In Node the SDK (its default HTTP handler) answers with the HTTP response itself, a
    // Readable: bytes flow as the client reads them. Anything else would mean buffering.
    if (!(body instanceof Readable)) throw new Error("S3 answered with a body that is not a Node stream");
    return body;
  }
}

/** The settings from the environment (README "Attachments in object storage"). */
export function s3SettingsFromEnv(env: NodeJS.ProcessEnv): S3Settings {
  const bucket = env.S3_BUCKET ?? "";
  const accessKeyId = env.S3_ACCESS_KEY_ID;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY;
  return {
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || "us-east-1",
    bucket,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "1" || env.S3_FORCE_PATH_STYLE === "true",
  };
}
