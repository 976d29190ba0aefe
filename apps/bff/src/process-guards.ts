/**
 * The last line of defence for `npm start`, which runs with no supervisor to restart
 * it: an error that escaped every handler is logged, and the server keeps answering
 * instead of dropping every user because of one request. Each such log line is a bug
 * to fix where it arose: request, socket, stream and parser errors are all handled at
 * their source (see http/create-app.ts and the attachments module), and tests show the
 * server answering after each kind. Installed once the server listens, so a failed
 * start still exits.
 */
export function keepServingAfterStrayErrors(): void {
  process.on('uncaughtException', (error, origin) => {
    console.error(`[citygov] ${origin} escaped every handler; still serving:`, error);
  });
  process.on('unhandledRejection', (reason) => {
    console.error('[citygov] unhandled promise rejection; still serving:', reason);
  });
}
