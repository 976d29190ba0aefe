/** What other modules may use of the public-tracking module; every other file in this folder is internal. */
export { findPublicProgress, type PublicProgress } from './find-public-progress';
export { newTrackingCode, trackingCodeFor } from './issue-tracking-code';
export { publicAgencyOf, publicNotice, publicReplyOf } from './public-case-fields';
