/**
 * What other modules may use of the staff module: the field staff around a case with
 * their duty state and live positions (呼叫最近人员 picks from these, the command scene
 * shows them), a person's duty log (轨迹回放), and the 自动下岗 job the outbox worker runs.
 */
export { DUTY_SILENCE_QUEUE, dutySilenceTimer, offDutySilent } from './duty-silence';
export { dutyLogOf } from './staff-duty';
export { chinaDayOf, type StaffOnScene, staffAroundCase, trackOf } from './staff-positions';
