import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The playlist a remuxer writes; beside it `init.mp4` and the segments `seg00000.m4s` … */
export const HLS_PLAYLIST = 'index.m3u8';
/** Every file name a remuxer writes, and nothing else of its folder. */
export const HLS_FILE = /^(index\.m3u8|init\.mp4|seg\d{5}\.m4s)$/;

const HLS_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  mp4: 'video/mp4',
  m4s: 'video/iso.segment',
};

/** The Content-Type of one of the remuxer's files. */
export function hlsContentType(file: string): string {
  return HLS_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

/**
 * Whether the folder's first playlist appears within `timeoutMs` (ffmpeg writes it once the
 * first segment is complete); false as soon as `stillWanted` says the stream was closed.
 */
export async function playlistReady(
  dir: string,
  timeoutMs: number,
  stillWanted: () => boolean = () => true,
): Promise<boolean> {
  const started = Date.now();
  for (;;) {
    if (!stillWanted()) return false;
    try {
      await access(join(dir, HLS_PLAYLIST));
      return true;
    } catch {
      if (Date.now() - started > timeoutMs) return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * One ffmpeg per stream: MPEG-PS in on stdin (the RTP payloads, in order), HLS out
 * (fMP4 segments of ~1 s, a short sliding playlist) into `dir`. Video is copied, not
 * transcoded; audio is dropped, since cameras send G.711, which browsers' MSE cannot play.
 * With `flv`, the same ffmpeg also writes the stream as live FLV to that callback (a
 * media server's HTTP-FLV: one demux, two muxes).
 */
export class HlsRemuxer {
  private readonly process: ChildProcessWithoutNullStreams;
  private stderr = '';
  readonly exited: Promise<number | null>;

  private constructor(
    readonly dir: string,
    flv?: (chunk: Buffer) => void,
  ) {
    const flvOutput = flv
      ? ['-map', '0:v:0', '-c:v', 'copy', '-an', '-f', 'flv', '-flvflags', 'no_duration_filesize', 'pipe:1']
      : [];
    this.process = spawn(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-fflags',
        '+genpts+nobuffer',
        '-probesize',
        '400000',
        '-analyzeduration',
        '1000000',
        '-f',
        'mpeg',
        '-i',
        'pipe:0',
        '-map',
        '0:v:0',
        '-c:v',
        'copy',
        '-an',
        '-f',
        'hls',
        '-hls_time',
        '1',
        '-hls_list_size',
        '6',
        '-hls_flags',
        'delete_segments+independent_segments+omit_endlist',
        '-hls_segment_type',
        'fmp4',
        '-hls_fmp4_init_filename',
        'init.mp4',
        '-hls_segment_filename',
        join(dir, 'seg%05d.m4s'),
        join(dir, HLS_PLAYLIST),
        ...flvOutput,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.process.stdin.on('error', () => {});
    if (flv) this.process.stdout.on('data', flv);
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
  }

  static async start(dir: string, options: { flv?: (chunk: Buffer) => void } = {}): Promise<HlsRemuxer> {
    await mkdir(dir, { recursive: true });
    return new HlsRemuxer(dir, options.flv);
  }

  write(ps: Buffer): void {
    if (this.process.stdin.writable) this.process.stdin.write(ps);
  }

  errors(): string {
    return this.stderr;
  }

  async stop(): Promise<void> {
    this.process.stdin.end();
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 3000);
    this.process.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }
}
