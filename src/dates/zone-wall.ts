// Wall-clock fields in an IANA zone → the instants they name: none in a spring-forward gap, two in a fall-back hour.
import { DateTime, IANAZone } from 'luxon';

export type Wall = { year: number; month: number; day: number; hour: number; minute: number };

const DAY_MS = 86_400_000;

/** The zone's wall clock at `at`. */
export function wallAt(at: Date, timeZone: string): Wall {
  const { year, month, day, hour, minute } = DateTime.fromJSDate(at).setZone(timeZone);
  return { year, month, day, hour, minute };
}

export function shiftDays(wall: Wall, days: number): Wall {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** False for 31 February, hour 24 and the like. */
export function isRealWall(wall: Wall): boolean {
  return DateTime.fromObject(wall, { zone: 'UTC' }).isValid;
}

/**
 * Every instant whose wall clock in the zone is `wall`, earliest first. Offsets a day either side are tried, since no
 * zone changes its offset twice within two days: one instant normally, none in a gap, two in a repeated hour.
 */
export function instantsOf(wall: Wall, timeZone: string): Date[] {
  const zone = IANAZone.create(timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offsets = new Set([asUtc - DAY_MS, asUtc, asUtc + DAY_MS].map((t) => zone.offset(t)));
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = asUtc - offset * 60_000;
    if (zone.offset(candidate) === offset) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b).map((t) => new Date(t));
}

/** The one instant, else luxon's pick (forward through a gap; used only where the time was not typed). */
export function toInstant(wall: Wall, timeZone: string): Date {
  return DateTime.fromObject({ ...wall, second: 0, millisecond: 0 }, { zone: timeZone }).toJSDate();
}

/** "UTC+01:00": how the bot names an offset so that chrono reads it back. */
export function offsetName(at: Date, timeZone: string): string {
  return `UTC${DateTime.fromJSDate(at).setZone(timeZone).toFormat('ZZ')}`;
}

/** The zone's city as people say it: "Asia/Tokyo" → "Tokyo", "America/New_York" → "New York". */
export function cityOf(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}
