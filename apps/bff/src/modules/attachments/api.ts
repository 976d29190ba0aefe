/** What other modules may use of the attachments module; every other file in this folder is internal. */
export { sweepStaleTempFiles } from './attachment-store';
export { storeMachinePhoto } from './store-machine-photo';
