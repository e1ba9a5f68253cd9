export * from './business-calendar';
export { CHINESE_HOLIDAY_DATA_COVERAGE, chineseDayStatus, type ChineseDayStatus } from './chinese-holidays';
export { addLocalDays, diffLocalDays, localDateOf, localMinuteOfDay, weekdayOfLocalDate, zonedTimeToInstant } from './zoned-time';
