// Every customer name Caliq has told the bot, kept across refreshes: CustomersWithOrders only names customers with back orders.

/** A customer as CustomersWithOrders lists it. */
export type NamedCustomer = { id: number; accountNo: string; name: string };

export type NameBook = {
  /** Adds or updates names; returns true when anything changed (so the index needs a rebuild). */
  learn(customers: readonly NamedCustomer[]): boolean;
  /** The name for this customer, by Caliq ID first, else by account number. */
  nameOf(id: number, accountNo: string): string | undefined;
  readonly size: number;
};

export function createNameBook(): NameBook {
  const byId = new Map<number, string>();
  const byAccountNo = new Map<string, string>();
  return {
    learn(customers) {
      let changed = false;
      for (const customer of customers) {
        const name = customer.name.trim();
        if (name === '') continue;
        const accountNo = customer.accountNo.trim().toUpperCase();
        if (byId.get(customer.id) !== name) {
          byId.set(customer.id, name);
          changed = true;
        }
        if (accountNo !== '' && byAccountNo.get(accountNo) !== name) {
          byAccountNo.set(accountNo, name);
          changed = true;
        }
      }
      return changed;
    },
    nameOf: (id, accountNo) => byId.get(id) ?? byAccountNo.get(accountNo.trim().toUpperCase()),
    get size() {
      return byId.size;
    },
  };
}
