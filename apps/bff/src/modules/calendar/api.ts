/** What other modules may use of the calendar module; every other file in this folder is internal. */
export { loadWorkingCalendar } from './load-calendar';
