// Typed failures of reminder delivery that the scheduler must tell apart from ambiguous ones.

/**
 * The reminder certainly did not reach Slack (e.g. the DM channel could not be opened, or Slack refused the request
 * before posting), so it is safe to try again. Anything else thrown by `deliver` is treated as "may have been sent".
 */
export class ReminderNotDeliveredError extends Error {
  readonly reminderId: string;

  constructor(reminderId: string, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ReminderNotDeliveredError';
    this.reminderId = reminderId;
  }
}
