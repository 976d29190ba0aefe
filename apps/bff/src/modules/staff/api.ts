/**
 * What other modules may use of the staff module: the field staff around a case with
 * their duty state and live positions (呼叫最近人员 picks from these, the command scene
 * shows them).
 */
export { chinaDayOf, type StaffOnScene, staffAroundCase, trackOf } from './staff-positions';
