// The people logged with an account before, from the journal (so it works after a restart and on every instance),
// as the form offers them: "Jane Smith · last logged 3 Dec" in the user's zone.
import { formatShortDay } from '../../dates/index.js';
import type { RememberedContactOption } from '../../interactions/index.js';
import { REMEMBERED_CONTACTS_SHOWN } from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';

export async function rememberedContactsFor(
  deps: ListenerDeps,
  request: { accountNo: string | undefined; teamId: string | undefined; timeZone: string },
): Promise<RememberedContactOption[]> {
  const accountNo = request.accountNo?.trim();
  if (!accountNo) return [];
  const contacts = await deps.journal.listContactsForAccount(accountNo, request.teamId, REMEMBERED_CONTACTS_SHOWN);
  return contacts.map((contact) => ({
    firstName: contact.firstName,
    surname: contact.surname,
    lastLogged: formatShortDay(contact.lastLoggedAt, request.timeZone),
  }));
}
