/// <reference path="./sip-types.d.ts" />
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import * as sip from 'sip';

/**
 * Starting the `sip` stack safely. The stack binds UDP and TCP itself. As published it has
 * no 'error' listener on either, so a failed send (a name that does not resolve) or a
 * busy port would end the process; our patch (patches/sip@0.0.6.patch) routes those
 * errors, a TCP flood warning and a request to a peer whose connection has gone (a bare
 * console.log as published) to `logger.error`, which is `onError` here. A busy
 * port would then only be logged while the stack stays deaf, so the port is still probed
 * on both transports first; a busy port is reported to the caller, who logs it and goes
 * on without SIP. Port 0 asks for a free port (tests), since the stack would read 0 as 5060.
 */
async function udpFree(port: number, host: string): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => resolve(null));
    socket.bind(port, host, () => {
      const bound = socket.address().port;
      socket.close(() => resolve(bound));
    });
  });
}

async function tcpFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A port free on both UDP and TCP: `port` itself, or for 0 any free one. */
export async function freeSipPort(port: number, host: string): Promise<number | null> {
  for (let attempt = 0; attempt < (port === 0 ? 20 : 1); attempt++) {
    const candidate = await udpFree(port, host);
    if (candidate !== null && (await tcpFree(candidate, host))) return candidate;
  }
  return null;
}

export interface SipEndpoint {
  stack: sip.SipStack;
  port: number;
}

export interface SipEndpointOptions {
  port: number;
  /** Interface to listen on. */
  host: string;
  /** The address others reach us at (Via, Contact, SDP). */
  publicAddress: string;
  onError?: (error: unknown) => void;
}

export async function startSipEndpoint(
  options: SipEndpointOptions,
  onRequest: (request: sip.SipMessage, remote: sip.SipRemote) => void,
): Promise<SipEndpoint | null> {
  const port = await freeSipPort(options.port, options.host);
  if (port === null) return null;
  const stack = sip.create(
    {
      port,
      address: options.host,
      publicAddress: options.publicAddress,
      logger: { error: options.onError ?? (() => {}) },
    },
    onRequest,
  );
  return { stack, port };
}

export { sip };
