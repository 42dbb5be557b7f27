// The Caliq domain as the rest of the bot sees it: typed inputs, reference records and outcomes. No Slack here.

export type InteractionKind = 'C' | 'E' | 'V';

/**
 * One interaction to create in Caliq. Instants are ISO 8601 UTC strings (`2026-11-25T15:00:00.000Z`) so the
 * value can be stored as JSON and re-sent unchanged; the client formats them in Caliq's time zone.
 */
export type InteractionInput = {
  /** GUID fixed when the user opened the modal; re-sent unchanged on every retry. */
  uniqueId: string;
  channelId: number;
  customer: { accountNo: string } | { customerId: number };
  kind: InteractionKind;
  /** Caliq employee ID (max 10) of the staff member who dealt with the customer. */
  contactedBy: string;
  contact: { contactId: number } | { firstName: string; surname: string };
  /** When it took place (ISO UTC instant); omitted means Caliq's default. */
  onDateTime?: string;
  notes?: string;
  followUp?: { at: string; by: string; notes?: string };
};

/** One problem Caliq reported with an interaction, word for word. */
export type CaliqIssue = { id: number; message: string; extraData: string };

/** Every way an InteractionCreate call can end; callers must handle each. */
export type InteractionOutcome =
  | { status: 'logged'; issues: CaliqIssue[] }
  | { status: 'rejected'; issues: CaliqIssue[] }
  | { status: 'bad_request'; message: string }
  | { status: 'unauthorized' }
  | { status: 'unavailable'; reason: 'service_unavailable' | 'timeout' | 'network'; cause: unknown }
  | { status: 'unexpected_response'; problem: string };

export type CaliqChannel = { id: number; description: string };
export type CaliqCustomer = { id: number; accountNo: string };
/** A customer with back orders on a channel (CustomersWithOrders): the only answer that carries names. */
export type CaliqCustomerWithOrders = {
  id: number;
  accountNo: string;
  name: string;
  orderCount: number;
  osValue: number;
};
/** Employee fields are undocumented; only the ID is certain. */
export type CaliqEmployee = { id: string; name?: string; email?: string };
export type CaliqMessage = { id: number; description: string };

export type CaliqClient = {
  createInteraction(input: InteractionInput): Promise<InteractionOutcome>;
  /** Throws a CaliqError subclass on failure; an empty list for 204. */
  listChannels(): Promise<CaliqChannel[]>;
  listEmployees(): Promise<CaliqEmployee[]>;
  /** `changesSince` is YYYYMMDD; omitted lists every customer. */
  listCustomers(changesSince?: string): Promise<CaliqCustomer[]>;
  /** Customers with back orders on this channel, with their names; an empty list for 204. */
  listCustomersWithOrders(channelId: number): Promise<CaliqCustomerWithOrders[]>;
  listMessages(): Promise<CaliqMessage[]>;
  pulse(): Promise<{ secondsFromMidnight: number }>;
  /** Closes its keep-alive connections to Caliq (at shutdown). */
  close(): Promise<void>;
};

/** Caliq's documented field limits, used by the body builder and by the modal's max_length. */
export const CALIQ_LIMITS = {
  accountNo: 10,
  employeeId: 10,
  contactName: 50,
  kind: 1,
} as const;
