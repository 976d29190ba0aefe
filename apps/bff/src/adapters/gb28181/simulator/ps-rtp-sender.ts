import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { connect, type Socket as TcpSocket } from 'node:net';
import { buildRtp, rfc4571Frame } from '../../../modules/video/api';

/** RTP payload size: PS bytes per packet, under a typical 1500-byte MTU. */
const CHUNK = 1400;

export interface StreamTarget {
  host: string;
  port: number;
  transport: 'UDP' | 'TCP';
  ssrc: number;
  /** TCP with the platform active: the connection it opened to us (host and port unused). */
  connection?: TcpSocket;
}

/**
 * What a camera sends when invited: a moving test pattern (ffmpeg's testsrc2, H.264,
 * one keyframe a second) muxed as MPEG-PS and cut into RTP packets (payload type 96,
 * 90 kHz clock), over UDP or over TCP with RFC 4571 framing (we connect, or the platform
 * connected to us and hands over the connection).
 */
export class PsRtpSender {
  private readonly ffmpeg: ChildProcessWithoutNullStreams;
  private udp: Socket | null = null;
  private tcp: TcpSocket | null = null;
  private sequence = Math.floor(Math.random() * 0xffff);
  private readonly started = Date.now();
  packetsSent = 0;

  constructor(
    private readonly target: StreamTarget,
    options: { label?: string; size?: string } = {},
  ) {
    if (target.transport === 'UDP') this.udp = createSocket('udp4');
    else {
      this.tcp = target.connection ?? connect(target.port, target.host);
      this.tcp.on('error', () => this.stop());
      this.tcp.on('close', () => this.stop());
    }
    this.ffmpeg = spawn(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-re',
        '-f',
        'lavfi',
        '-i',
        `testsrc2=size=${options.size ?? '640x360'}:rate=25`,
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-tune',
        'zerolatency',
        '-g',
        '25',
        '-bf',
        '0',
        '-pix_fmt',
        'yuv420p',
        '-muxdelay',
        '0',
        '-muxpreload',
        '0',
        '-flush_packets',
        '1',
        '-f',
        'mpeg',
        'pipe:1',
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.ffmpeg.stdin.on('error', () => {});
    this.ffmpeg.stderr.resume();
    this.ffmpeg.stdout.on('data', (chunk: Buffer) => this.send(chunk));
  }

  private send(ps: Buffer): void {
    const timestamp = Math.round(((Date.now() - this.started) * 90) % 0x100000000);
    for (let offset = 0; offset < ps.length; offset += CHUNK) {
      const payload = ps.subarray(offset, offset + CHUNK);
      const packet = buildRtp(
        {
          payloadType: 96,
          marker: offset + CHUNK >= ps.length,
          sequence: this.sequence,
          timestamp,
          ssrc: this.target.ssrc,
        },
        payload,
      );
      this.sequence = (this.sequence + 1) & 0xffff;
      this.packetsSent++;
      if (this.udp) this.udp.send(packet, this.target.port, this.target.host);
      else if (this.tcp?.writable) this.tcp.write(rfc4571Frame(packet));
    }
  }

  stop(): void {
    this.ffmpeg.kill('SIGKILL');
    this.udp?.close();
    this.udp = null;
    this.tcp?.destroy();
    this.tcp = null;
  }
}
