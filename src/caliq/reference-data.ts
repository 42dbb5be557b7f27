// Caliq's reference lists (channels, customers, employees, messages) as caches the bot reads without waiting on Caliq.
import type { Logger } from 'pino';
import { createReferenceCache, type ReferenceCache } from './reference-cache.js';
import type {
  CaliqChannel,
  CaliqClient,
  CaliqCustomer,
  CaliqCustomerWithOrders,
  CaliqEmployee,
  CaliqMessage,
} from './types.js';

export type CaliqReferenceData = {
  channels: ReferenceCache<CaliqChannel[]>;
  customers: ReferenceCache<CaliqCustomer[]>;
  /** Customers with back orders on any channel, with names (CustomersWithOrders asked once per channel). */
  customerNames: ReferenceCache<CaliqCustomerWithOrders[]>;
  employees: ReferenceCache<CaliqEmployee[]>;
  messages: ReferenceCache<CaliqMessage[]>;
  /** Loads every list once; never throws, logs what failed. */
  warmUp(): Promise<void>;
  /** Every known account number, upper-cased; undefined until the customer list has loaded once. */
  knownAccountNos(): ReadonlySet<string> | undefined;
};

export function createCaliqReferenceData(
  client: CaliqClient,
  options: { ttlMs: number; logger: Logger; now?: () => number },
): CaliqReferenceData {
  const logger = options.logger.child({ module: 'caliq-reference' });
  const common = { ttlMs: options.ttlMs, logger, ...(options.now ? { now: options.now } : {}) };
  const channels = createReferenceCache({ ...common, name: 'channels', load: () => client.listChannels() });
  const customers = createReferenceCache({ ...common, name: 'customers', load: () => client.listCustomers() });
  const customerNames = createReferenceCache({
    ...common,
    name: 'customer-names',
    load: () => loadCustomerNames(client, () => channels.get()),
  });
  const employees = createReferenceCache({ ...common, name: 'employees', load: () => client.listEmployees() });
  const messages = createReferenceCache({ ...common, name: 'messages', load: () => client.listMessages() });

  // Rebuilt only when the customer list itself changes, since this is read on every modal validation.
  let accountNosOf: CaliqCustomer[] | undefined;
  let accountNos: ReadonlySet<string> | undefined;

  return {
    channels,
    customers,
    customerNames,
    employees,
    messages,
    async warmUp() {
      const caches = { channels, customers, customerNames, employees, messages };
      const results = await Promise.allSettled(Object.values(caches).map((cache) => cache.get()));
      const failed = Object.keys(caches).filter((_, index) => results[index]?.status === 'rejected');
      if (failed.length > 0) logger.warn({ failed }, 'some Caliq reference data could not be loaded at start-up');
      else logger.info('Caliq reference data loaded');
    },
    knownAccountNos() {
      const list = customers.current();
      if (list === undefined) return undefined;
      if (list !== accountNosOf) {
        accountNosOf = list;
        accountNos = new Set(list.map((customer) => customer.accountNo.trim().toUpperCase()));
      }
      return accountNos;
    },
  };
}

/** Names are a bonus: a channel that fails is skipped; only when every channel fails is the load a failure. */
async function loadCustomerNames(
  client: CaliqClient,
  channels: () => Promise<CaliqChannel[]>,
): Promise<CaliqCustomerWithOrders[]> {
  const list = await channels();
  const answers = await Promise.allSettled(list.map((channel) => client.listCustomersWithOrders(channel.id)));
  const loaded = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
  const failed = answers.find((answer) => answer.status === 'rejected');
  if (loaded.length === 0 && failed) throw failed.reason;
  return loaded.flat();
}
