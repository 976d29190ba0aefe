import type { ServerResponse } from 'node:http';

const HEADER_BYTES = 13; // 'FLV', version, flags, header size (9), then PreviousTagSize0
const TAG_HEADER_BYTES = 11;
const TAG_AUDIO = 8;
const TAG_VIDEO = 9;
const TAG_SCRIPT = 18;

/**
 * A live HTTP-FLV stream shared by its viewers, as a media server serves `.live.flv`:
 * the muxer's output is cut into tags; the FLV header, the metadata and the decoder
 * configuration (AVC sequence header) are kept, so a viewer who joins late gets them
 * first and then the tags from the next key frame on — a player cannot start decoding
 * anywhere else.
 */
export class FlvLive {
  private pending: Buffer = Buffer.alloc(0);
  private header: Buffer | null = null;
  private metadata: Buffer | null = null;
  private sequenceHeader: Buffer | null = null;
  /** Each viewer and whether it has had its first key frame. */
  private readonly viewers = new Map<ServerResponse, boolean>();

  /** Bytes from the muxer, in order. */
  push(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    if (!this.header) {
      if (this.pending.length < HEADER_BYTES) return;
      this.header = Buffer.from(this.pending.subarray(0, HEADER_BYTES));
      this.pending = this.pending.subarray(HEADER_BYTES);
      for (const viewer of this.viewers.keys()) viewer.write(this.header);
    }
    while (this.pending.length >= TAG_HEADER_BYTES) {
      const size = this.pending.readUIntBE(1, 3);
      const total = TAG_HEADER_BYTES + size + 4;
      if (this.pending.length < total) return;
      this.take(Buffer.from(this.pending.subarray(0, total)));
      this.pending = this.pending.subarray(total);
    }
  }

  private take(tag: Buffer): void {
    const type = (tag[0] ?? 0) & 0x1f;
    const first = tag[TAG_HEADER_BYTES] ?? 0;
    if (type === TAG_SCRIPT) {
      if (this.metadata) return;
      this.metadata = tag;
      for (const viewer of this.viewers.keys()) viewer.write(tag);
      return;
    }
    // AVC (codec 7) with AVCPacketType 0: the SPS/PPS every decoder needs first.
    if (type === TAG_VIDEO && (first & 0x0f) === 7 && tag[TAG_HEADER_BYTES + 1] === 0) {
      this.sequenceHeader = tag;
      for (const viewer of this.viewers.keys()) this.viewers.set(viewer, false);
      for (const viewer of this.viewers.keys()) viewer.write(tag);
      return;
    }
    if (type !== TAG_VIDEO && type !== TAG_AUDIO) return;
    const keyFrame = type === TAG_VIDEO && first >> 4 === 1;
    for (const [viewer, started] of this.viewers) {
      if (!started && !keyFrame) continue;
      if (!started) this.viewers.set(viewer, true);
      viewer.write(tag);
    }
  }

  /** Starts a viewer's response; it is dropped when the client goes away. */
  add(viewer: ServerResponse): void {
    viewer.writeHead(200, { 'Content-Type': 'video/x-flv', 'Cache-Control': 'no-cache' });
    // Before the muxer's first bytes a viewer gets nothing yet; `push` sends each part as it comes.
    if (this.header) viewer.write(this.header);
    if (this.metadata) viewer.write(this.metadata);
    if (this.sequenceHeader) viewer.write(this.sequenceHeader);
    this.viewers.set(viewer, false);
    viewer.on('close', () => this.viewers.delete(viewer));
  }

  /** The stream ended: every viewer's response ends too. */
  end(): void {
    for (const viewer of this.viewers.keys()) viewer.end();
    this.viewers.clear();
  }
}
