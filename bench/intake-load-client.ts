/**
 * The intake bench's load from a process of its own. In the bench's process the client's
 * HTTP work (fetch, undici) shares the server's one thread, and a profile put it near a tenth
 * of that thread's time; a separate client, as wrk or a real city's phones would be, measures
 * the server alone. Reads `LoadOrder` as JSON on stdin, posts every input to `cases.report`
 * with `inFlight` requests at a time, and prints `LoadResult` as JSON.
 */
import { runInFlight } from './stats';
import { trpcMutation } from './trpc-http';

export interface LoadOrder {
  baseUrl: string;
  cookie: string;
  inFlight: number;
  inputs: unknown[];
}

export interface LoadResult {
  ms: number;
  latencies: number[];
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const order = JSON.parse(await readStdin()) as LoadOrder;
  const result: LoadResult = await runInFlight(order.inputs.length, order.inFlight, async (index) => {
    await trpcMutation(order.baseUrl, 'cases.report', order.inputs[index], order.cookie);
  });
  process.stdout.write(JSON.stringify(result));
}

await main();
