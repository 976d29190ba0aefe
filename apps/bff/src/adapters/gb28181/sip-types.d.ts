// Types for the `sip` package (kirm/sip.js), which ships none: only what this adapter uses.
declare module 'sip' {
  export interface SipUri {
    schema?: string;
    user?: string;
    password?: string;
    host: string;
    port?: number;
    params: Record<string, string | null | undefined>;
    headers?: Record<string, string>;
  }
  export interface SipAddress {
    name?: string;
    uri: string | SipUri;
    params: Record<string, string | null | undefined>;
  }
  export interface SipVia {
    version: string;
    protocol: string;
    host: string;
    port?: number;
    params: Record<string, string | number | null | undefined>;
  }
  export interface SipHeaders {
    via?: SipVia[];
    to?: SipAddress;
    from?: SipAddress;
    'call-id'?: string;
    cseq?: { seq: number; method: string };
    contact?: SipAddress[] | '*';
    'content-type'?: string;
    'content-length'?: number;
    expires?: string | number;
    authorization?: Record<string, string>[];
    'www-authenticate'?: Record<string, string>[];
    [name: string]: unknown;
  }
  export interface SipMessage {
    method?: string;
    uri?: string | SipUri;
    status?: number;
    reason?: string;
    version?: string;
    headers: SipHeaders;
    /** The body as a binary string (one char per byte). */
    content?: string;
  }
  export interface SipRemote {
    protocol: string;
    address: string;
    port: number;
    local?: { address: string; port: number };
  }
  export interface SipOptions {
    port?: number;
    address?: string;
    publicAddress?: string;
    hostname?: string;
    udp?: boolean;
    tcp?: boolean;
    rport?: boolean;
    logger?: {
      error?: (e: unknown) => void;
      send?: (m: SipMessage, t: unknown) => void;
      recv?: (m: SipMessage, r: SipRemote) => void;
    };
  }
  export interface SipStack {
    send(message: SipMessage, callback?: (response: SipMessage) => void): void;
    destroy(): void;
    hostname(): string;
    /** A URI naming a connection (flow) we received on; a request routed to it goes back over that flow. */
    encodeFlowUri(flow: SipRemote): SipUri;
  }
  export function create(options: SipOptions, onRequest: (request: SipMessage, remote: SipRemote) => void): SipStack;
  export function makeResponse(
    request: SipMessage,
    status: number,
    reason?: string,
    extension?: { headers?: Partial<SipHeaders>; content?: string },
  ): SipMessage;
  export function parseUri(uri: string | SipUri): SipUri;
  export function stringifyUri(uri: string | SipUri): string;
  export function stringify(message: SipMessage): string;
  export function parse(text: string | Buffer): SipMessage | undefined;
  export function generateBranch(): string;
}

declare module 'sip/digest.js' {
  import type { SipMessage } from 'sip';
  export interface DigestSession {
    realm: string;
    [key: string]: unknown;
  }
  export function challenge(session: DigestSession, response: SipMessage): SipMessage;
  export function authenticateRequest(
    session: DigestSession,
    request: SipMessage,
    credentials?: { user: string; realm?: string; password?: string; hash?: string },
  ): boolean;
  export function calculateUserRealmPasswordHash(user: string, realm: string, password: string): string;
  export function calculateDigest(ctx: {
    ha1: string;
    method: string;
    nonce: string;
    nc?: string;
    cnonce?: string;
    qop?: string;
    uri: string;
    entity?: string;
  }): string;
  export function generateNonce(tag: string, timestamp?: Date): string;
  export function extractNonceTimestamp(nonce: string, tag: string): Date | false | undefined;
  export function signRequest(
    session: Record<string, unknown>,
    request: SipMessage,
    response?: SipMessage,
    credentials?: { user: string; password: string; realm?: string },
  ): SipMessage;
}
