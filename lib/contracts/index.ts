// After the award (issue 16): the due-date engine, pure (no database). The contracts app codes against these names.
export { scheduleObligations, checkContractDates, periodEnds, WHEN, type TScheduleInput } from "./schedule";
export { incidentDeadlines, type TIncidentInput } from "./incidents";
export { addWorkingDays, bundledWorkCalendar, isWorkingDay, workCalendar, type TCalendarWarning, type TWorkCalendar } from "./working-days";
export { addDays, addMonths, parseDate, parseInstant, taipeiDate, taipeiIso } from "./dates";
export { ContractError, type TDeadline, type TObligation, type TOwner, type TResolvedTrigger } from "./types";
