/** What other modules may use of the cross-check module: its settings (the evaluation's deduction) and reviewer access. */

export { seedDemoCrossCheck } from './demo-seed';
export { reviewerMayOpenCase } from './reviewer-access';
export { crossCheckSettingsOf } from './settings';
