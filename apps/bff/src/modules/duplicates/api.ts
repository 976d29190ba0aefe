/** What other modules may use of the duplicates module; every other file in this folder is internal. */
export { loadDuplicateSettings, loadDuplicateThresholds } from './duplicate-thresholds';
export { findDuplicates, uploadedPhotoHashes } from './find-duplicates';
export { duplicatesOfReport, settleReportDuplicates } from './report-duplicates';
