/**
 * What other modules may use of the alarm intake: turn machine alarms (video analytics,
 * IoT thresholds) into cases, and read the alarms behind a case.
 */

export { alarmsOfCase } from './alarm-queries';
export { type AlarmOutcome, type IncomingAlarm, intakeAlarms } from './intake-alarms';
