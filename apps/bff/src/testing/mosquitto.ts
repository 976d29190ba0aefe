import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { freeSipPort } from '../adapters/gb28181/sip-stack';

/** A private Mosquitto broker (Debian package mosquitto) on a free port, for one test file. */
export async function startMosquitto(): Promise<{ url: string; stop: () => void }> {
  const port = await freeSipPort(0, '127.0.0.1');
  if (port === null) throw new Error('no free port for mosquitto');
  const child: ChildProcess = spawn('mosquitto', ['-p', String(port)], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return { url: `mqtt://127.0.0.1:${port}`, stop: () => child.kill() };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error('mosquitto did not start');
}
