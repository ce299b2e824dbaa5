/**
 * Meeting series, single meetings and the calendar link of a unit (issue 8),
 * one command per file; this module keeps the names its callers import.
 * New code imports the command's own file.
 */
export { addMeeting } from './add-meeting';
export { hashCalendarToken, rotateCalendarToken } from './calendar-token';
export { cancelMeeting } from './cancel-meeting';
export { createSeries } from './create-series';
export { endSeries } from './end-series';
export { generateAllSeries, generateMeetings, generationWeeks } from './generate-series-meetings';
export type { MeetingAdminContext } from './meeting-admin-context';
export { moveMeeting } from './move-meeting';
