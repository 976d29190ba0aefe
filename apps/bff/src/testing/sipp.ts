import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeSipPort } from '../adapters/gb28181/sip-stack';

const SCENARIOS = join(import.meta.dirname, '../adapters/gb28181/sipp');

export interface SippRun {
  exitCode: Promise<number>;
  output: () => string;
  localPort: number;
}

/**
 * Runs SIPp (Debian package sip-tester) as a device against our SIP server: one call of
 * `scenario`, with `answers` handling the requests the platform starts.
 */
export async function runSipp(options: {
  serverPort: number;
  scenario: string;
  answers?: string;
  transport: 'u1' | 't1';
  user: string;
  password: string;
  keys: Record<string, string>;
  /** SIPp variables (-set), e.g. pause lengths. */
  sets?: Record<string, string>;
  timeoutSeconds?: number;
}): Promise<SippRun> {
  const localPort = await freeSipPort(0, '127.0.0.1');
  if (localPort === null) throw new Error('no free port for SIPp');
  const args = [
    `127.0.0.1:${options.serverPort}`,
    '-sf',
    join(SCENARIOS, options.scenario),
    ...(options.answers ? ['-oocsf', join(SCENARIOS, options.answers)] : []),
    '-m',
    '1',
    '-t',
    options.transport,
    '-i',
    '127.0.0.1',
    '-p',
    String(localPort),
    '-au',
    options.user,
    '-ap',
    options.password,
    '-timeout',
    `${options.timeoutSeconds ?? 30}s`,
    '-timeout_error',
    '-nostdin',
    '-trace_err',
    ...Object.entries(options.keys).flatMap(([k, v]) => ['-key', k, v]),
    ...Object.entries(options.sets ?? {}).flatMap(([k, v]) => ['-set', k, v]),
  ];
  const child = spawn('sipp', args, { cwd: mkdtempSync(join(tmpdir(), 'sipp-')), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  const exitCode = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { exitCode, output: () => output, localPort };
}
