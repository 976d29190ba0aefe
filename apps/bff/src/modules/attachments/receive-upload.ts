import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import { HttpError } from '../../http/http-errors';
import { ensureTempDir, removeQuietly, tempPathIn } from './attachment-store';
import { type MediaKind, mediaKindOf, tooLargeMessage, UNSUPPORTED_TYPE_MESSAGE } from './media-types';

/** A refusal of an upload: the HTTP status and the Chinese message the client shows. */
export class UploadError extends HttpError {
  constructor(status: number, message: string) {
    super(status, message);
    this.name = 'UploadError';
  }
}

export interface UploadLimits {
  photoBytes: number;
  videoBytes: number;
}

export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  bytes: number;
  mime: string;
  kind: MediaKind;
  originalName: string | null;
}

export interface ReceivedUpload {
  file: ReceivedFile;
  fields: ReadonlyMap<string, string>;
}

/** file-type reads at most this much to recognise a format. */
const SNIFF_BYTES = 4100;
const MAX_NAME_CHARS = 200;

/**
 * Sniffs the type from the first bytes, then passes chunks through while hashing
 * and counting, failing as soon as the size passes the limit for that kind. Only
 * the sniffing head is ever held in memory.
 */
function guardedContent(limits: UploadLimits, out: { sha256: string; bytes: number; mime: string; kind: MediaKind }) {
  return async function* guard(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headBytes = 0;
    let limit = 0;
    let kind: MediaKind | null = null;
    let bytes = 0;

    const decide = async () => {
      const detected = await fileTypeFromBuffer(Buffer.concat(head));
      kind = detected ? mediaKindOf(detected.mime) : null;
      if (!detected || !kind) throw new UploadError(415, UNSUPPORTED_TYPE_MESSAGE);
      out.mime = detected.mime;
      out.kind = kind;
      limit = kind === 'photo' ? limits.photoBytes : limits.videoBytes;
    };
    const admit = (chunk: Buffer): Buffer => {
      bytes += chunk.length;
      if (kind && bytes > limit) throw new UploadError(413, tooLargeMessage(kind, limit));
      hash.update(chunk);
      return chunk;
    };

    for await (const chunk of source) {
      if (kind) {
        yield admit(chunk);
        continue;
      }
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < SNIFF_BYTES) continue;
      await decide();
      yield admit(Buffer.concat(head));
      head.length = 0;
    }
    if (!kind) {
      if (headBytes === 0) throw new UploadError(400, '文件为空');
      await decide();
      yield admit(Buffer.concat(head));
    }
    out.sha256 = hash.digest('hex');
    out.bytes = bytes;
  };
}

/**
 * Starts writing one file part to a temp file. Everything is wired synchronously: the
 * part can fail (a form cut off mid-file) at once, and a stream with no error
 * listener at that moment would take the whole process down.
 */
function writeFileField(
  stream: Readable,
  filename: string | undefined,
  dataDir: string,
  limits: UploadLimits,
): Promise<ReceivedFile> {
  const tempPath = tempPathIn(dataDir);
  const result = { sha256: '', bytes: 0, mime: '', kind: 'photo' as MediaKind };
  // busboy's own cap is a backstop; the guard refuses earlier with the per-kind limit.
  stream.once('limit', () => stream.destroy(new UploadError(413, tooLargeMessage('video', limits.videoBytes))));
  const name = filename ? basename(filename.replaceAll('\\', '/')).slice(0, MAX_NAME_CHARS) : '';
  return pipeline(stream, guardedContent(limits, result), createWriteStream(tempPath, { flags: 'wx' })).then(
    () => ({ tempPath, ...result, originalName: name || null }),
    async (error: unknown) => {
      await removeQuietly(tempPath);
      throw error;
    },
  );
}

const MALFORMED = '上传数据不完整或格式错误';
const INTERRUPTED = '上传被中断';

/**
 * Streams one multipart upload to a temp file under the data folder. Resolves once
 * the whole request is read; rejects with an UploadError as soon as something is
 * wrong (a form cut short, a client gone, a stream or disk error), after removing
 * the partial file. Never lets a stream error escape as an unhandled event.
 */
export async function receiveUpload(req: Request, dataDir: string, limits: UploadLimits): Promise<ReceivedUpload> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: {
        files: 1,
        fields: 4,
        fieldSize: 1024,
        parts: 6,
        fileSize: Math.max(limits.photoBytes, limits.videoBytes) + 1,
      },
    });
  } catch {
    throw new UploadError(400, '请求格式错误：请以 multipart/form-data 上传文件');
  }
  const broken: { error: UploadError | null } = { error: null };
  const noteBroken = (message: string) => {
    broken.error ??= new UploadError(400, message);
  };
  // Listen before the await below: the client may go away while the folder is made.
  req.on('error', () => noteBroken(INTERRUPTED));
  req.on('close', () => {
    if (!req.complete) noteBroken(INTERRUPTED);
  });
  parser.on('error', () => noteBroken(MALFORMED));
  await ensureTempDir(dataDir);
  if (broken.error) throw broken.error;
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    let fileStream: Readable | null = null;
    let written: Promise<ReceivedFile> | null = null;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      // Stop a file still being written; its writer removes the partial file.
      fileStream?.destroy();
      void written?.then((file) => removeQuietly(file.tempPath)).catch(() => {});
      reject(error);
    };
    parser.on('field', (name, value) => fields.set(name, value));
    parser.on('file', (name, stream, info) => {
      // busboy destroys a part with an error when the form ends inside it; every part
      // needs a listener from its first moment, including the ones we skip.
      stream.on('error', () => {});
      if (name !== 'file' || written) {
        stream.resume();
        return;
      }
      fileStream = stream;
      written = writeFileField(stream, info.filename, dataDir, limits);
      written.catch(fail);
    });
    parser.on('filesLimit', () => fail(new UploadError(400, '一次只能上传一个文件')));
    parser.on('fieldsLimit', () => fail(new UploadError(400, '表单字段过多')));
    parser.on('partsLimit', () => fail(new UploadError(400, '表单字段过多')));
    parser.on('error', () => fail(new UploadError(400, MALFORMED)));
    parser.on('close', () => {
      if (!written) {
        fail(new UploadError(400, '请选择要上传的文件（字段名 file）'));
        return;
      }
      written.then((file) => {
        if (settled) {
          void removeQuietly(file.tempPath);
          return;
        }
        settled = true;
        resolve({ file, fields });
      }, fail);
    });
    // A client that goes away mid-upload must not leave a stalled writer and a partial file.
    req.on('close', () => {
      if (!req.complete) fail(new UploadError(400, INTERRUPTED));
    });
    req.on('error', () => fail(new UploadError(400, INTERRUPTED)));
    req.pipe(parser);
  });
}
