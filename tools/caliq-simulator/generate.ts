// Made-up Caliq customers in bulk (deterministic), for load tests: account numbers like Caliq's, names for some.
import { createRandom } from './random.js';

const PLACES = [
  'Aberdeen',
  'Ashford',
  'Bangor',
  'Bath',
  'Bedford',
  'Bristol',
  'Cardiff',
  'Carlisle',
  'Derby',
  'Dover',
  'Durham',
  'Ely',
  'Exeter',
  'Falkirk',
  'Glasgow',
  'Harrow',
  'Hexham',
  'Inverness',
  'Ipswich',
  'Kendal',
  'Leeds',
  'Lincoln',
  'Luton',
  'Margate',
  'Newport',
  'Norwich',
  'Oban',
  'Oxford',
  'Perth',
  'Poole',
  'Preston',
  'Reading',
  'Ripon',
  'Salford',
  'Stirling',
  'Truro',
  'Wells',
  'Whitby',
  'Wrexham',
  'York',
];
const TRADES = [
  'Plumbing',
  'Garden',
  'Marine',
  'Office',
  'Catering',
  'Tiles',
  'Packaging',
  'Hardware',
  'Timber',
  'Electrical',
  'Print',
  'Motor',
  'Textile',
  'Bakery',
  'Dairy',
  'Pharmacy',
  'Glass',
  'Paint',
  'Steel',
  'Farm',
];
const KINDS = ['Supplies', 'Services', 'Trading', 'Engineering', 'Wholesale', 'Equipment', 'Parts', 'Stores'];
const SUFFIXES = ['Ltd', 'Ltd', 'Co', 'plc', 'LLP', '& Sons', 'Group', ''];

/** What the simulator's seed holds per customer (Caliq's PascalCase). */
export type GeneratedCustomer = {
  ID: number;
  AccountNo: string;
  Name?: string;
  OrderCount?: number;
  OrderChannelID?: number;
};

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

/**
 * `count` customers with unique account numbers (four letters of the name and a number, at most 10 characters) and
 * IDs from `firstId`; `namedShare` of them have back orders (on one of `channelIds`), which is how Caliq lets a name
 * be known.
 */
export function generateCustomers(
  count: number,
  options: { firstId?: number; namedShare?: number; channelIds?: readonly number[] } = {},
): GeneratedCustomer[] {
  const random = createRandom(count);
  const firstId = options.firstId ?? 100_000;
  const namedShare = options.namedShare ?? 0.5;
  const channelIds = options.channelIds ?? [64];
  const customers: GeneratedCustomer[] = [];
  for (let index = 0; index < count; index++) {
    const place = pick(PLACES, random);
    const name = [place, pick(TRADES, random), pick(KINDS, random), pick(SUFFIXES, random)].filter(Boolean).join(' ');
    const accountNo = `${place.slice(0, 4).toUpperCase()}${String(index).padStart(6, '0')}`;
    const customer: GeneratedCustomer = { ID: firstId + index, AccountNo: accountNo };
    if (random() < namedShare) {
      customer.Name = name;
      customer.OrderCount = 1 + Math.floor(random() * 9);
      customer.OrderChannelID = channelIds[index % channelIds.length] as number;
    }
    customers.push(customer);
  }
  return customers;
}
