/** What other modules may use of the attachments module; every other file in this folder is internal. */
export { sweepStaleTempFiles } from './attachment-store';
export { hashOlderPhotos, photoHashTimer } from './photo-hash-backfill';
export { claimPublicPhotos, MAX_PUBLIC_PHOTOS, storePublicPhoto } from './public-photo';
export { UploadError } from './receive-upload';
export { storeMachinePhoto } from './store-machine-photo';
