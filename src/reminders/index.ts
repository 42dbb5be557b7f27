// Follow-up reminders: the delivery loop and the snooze rules.
export { ReminderNotDeliveredError } from './errors.js';
export { createFollowUpReminder, type RemindFollowUpOptions } from './remind-follow-up.js';
export {
  createReminderScheduler,
  type DeliverReminder,
  type ReminderScheduler,
  type ReminderSchedulerOptions,
} from './scheduler.js';
export { isSnoozeOption, SNOOZE_OPTIONS, type SnoozeOption, snoozeUntil } from './snooze.js';
