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
import { StorageUnavailableError, storageTimeoutMs } from "./outage";

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
  /** The same, without retries: a stream already handed over cannot be sent again. */
  private readonly streamClient: S3Client;
  private readonly bucket: string;
  private readonly timeoutMs: number;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.description = `s3 ${settings.endpoint ?? "aws"}/${settings.bucket}`;
    this.timeoutMs = storageTimeoutMs();
    const options = {
      endpoint: settings.endpoint,
      region: settings.region,
      credentials: settings.credentials,
      forcePathStyle: settings.forcePathStyle,
      // Checksums on every request are AWS's newer default; several S3-compatible servers
      // refuse the extra headers, and TLS plus Content-Length already guard the transfer.
      requestChecksumCalculation: "WHEN_REQUIRED" as const,
      responseChecksumValidation: "WHEN_REQUIRED" as const,
      // The SDK waits forever by default: a hung storage server hung the upload, and the
      // save happened after the user had given up (issue #31). A connection must be made,
      // and a socket must move bytes, within the bound; whole calls are bounded below.
      requestHandler: { connectionTimeout: this.timeoutMs, socketTimeout: this.timeoutMs },
    };
    this.client = new S3Client(options);
    this.streamClient = new S3Client({ ...options, maxAttempts: 1 });
  }

  /** One bounded call (retries included); any failure but "no such key" is an outage. */
  private async bounded<T>(work: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await work(AbortSignal.timeout(this.timeoutMs));
    } catch (err) {
      if (isMissing(err)) throw err;
      throw new StorageUnavailableError(this.description, err);
    }
  }

  async put(key: string, bytes: Uint8Array) {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: checkKey(key),
      Body: bytes,
      ContentLength: bytes.byteLength,
    });
    await this.bounded((abortSignal) => this.client.send(command, { abortSignal }));
  }

  /** Bounded until the answer's headers; the body then flows under the socket's idle bound. */
  private async object(key: string): Promise<GetObjectCommandOutput | null> {
    const command = new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) });
    try {
      return await this.bounded(async (abortSignal) => {
        // Aborting after the headers would cut a long download: only the wait is bounded.
        const controller = new AbortController();
        const onTimeout = () => controller.abort(abortSignal.reason);
        abortSignal.addEventListener("abort", onTimeout);
        try {
          return await this.client.send(command, { abortSignal: controller.signal });
        } finally {
          abortSignal.removeEventListener("abort", onTimeout);
        }
      });
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async get(key: string) {
    const object = await this.object(key);
    if (!object?.Body) return null;
    const body = object.Body;
    return this.bounded(async () => Buffer.from(await body.transformToByteArray()));
  }

  async remove(key: string) {
    const command = new DeleteObjectCommand({ Bucket: this.bucket, Key: checkKey(key) });
    await this.bounded((abortSignal) => this.client.send(command, { abortSignal }));
  }

  async putStream(key: string, source: Readable) {
    const counter = byteCounter();
    // What the caller's stream did wrong is its own failure, not the storage's.
    let sourceFailed = false;
    source.once("error", () => (sourceFailed = true));
    // A multipart upload of unknown length, one part in memory at a time; a short stream
    // becomes a single PUT. On failure the SDK aborts the multipart upload, so no parts stay.
    const upload = new Upload({
      client: this.streamClient,
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
      const removed = this.remove(key).catch(() => undefined);
      if (sourceFailed) {
        await removed;
        throw err;
      }
      // After an outage the delete still goes out, but the user's answer does not wait for a
      // server that has stopped answering.
      throw new StorageUnavailableError(this.description, err);
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
