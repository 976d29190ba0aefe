import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import { newTempPath, removeQuietly } from './attachment-store';
import { type MediaKind, mediaKindOf, tooLargeMessage, UNSUPPORTED_TYPE_MESSAGE } from './media-types';

/** A refusal with the HTTP status and the Chinese message the client shows. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
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

async function writeFileField(
  stream: Readable,
  filename: string | undefined,
  dataDir: string,
  limits: UploadLimits,
): Promise<ReceivedFile> {
  const tempPath = await newTempPath(dataDir);
  const result = { sha256: '', bytes: 0, mime: '', kind: 'photo' as MediaKind };
  // busboy's own cap is a backstop; the guard refuses earlier with the per-kind limit.
  stream.once('limit', () => stream.destroy(new UploadError(413, tooLargeMessage('video', limits.videoBytes))));
  try {
    await pipeline(stream, guardedContent(limits, result), createWriteStream(tempPath, { flags: 'wx' }));
  } catch (error) {
    await removeQuietly(tempPath);
    throw error;
  }
  const name = filename ? basename(filename.replaceAll('\\', '/')).slice(0, MAX_NAME_CHARS) : '';
  return { tempPath, ...result, originalName: name || null };
}

/**
 * Streams one multipart upload to a temp file under the data folder. Resolves once
 * the whole request is read; rejects with an UploadError as soon as something is
 * wrong, after removing the partial file.
 */
export function receiveUpload(req: Request, dataDir: string, limits: UploadLimits): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
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
      reject(new UploadError(400, '请求格式错误：请以 multipart/form-data 上传文件'));
      return;
    }

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
    parser.on('error', () => fail(new UploadError(400, '上传数据不完整或格式错误')));
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
      if (!req.complete) fail(new UploadError(400, '上传被中断'));
    });
    req.on('error', () => fail(new UploadError(400, '上传被中断')));
    req.pipe(parser);
  });
}
