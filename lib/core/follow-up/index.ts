export { buildPlan } from "./engine";
export { parseSuggestions, stepView } from "./steps";
export {
  BUSINESS_DAY_END_HOUR,
  BUSINESS_DAY_START_HOUR,
  addBusinessDaysInZone,
  isBusinessDay,
  lastBusinessDayOnOrBefore,
  localDateKey,
  nextBusinessDayOnOrAfter,
} from "./business-days";
export { planToIcs, type PlanToIcsOptions } from "./ics";
export * from "./types";
