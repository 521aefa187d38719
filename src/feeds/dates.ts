/**
 * Edition dates in the forms feeds need: RFC 3339 for Atom and JSON Feed, RFC 822 for RSS. A date
 * is taken as written (`2026-03-14` is midnight UTC; a time keeps its offset), never from the clock,
 * so the same archive always gives the same feed.
 */

/** A date read from an edition, in both feed forms and as an instant for ordering. */
export interface FeedDate {
  /** Milliseconds since the epoch: what "newest first" compares. */
  instant: number;
  /** `2026-03-14T00:00:00Z`, `2026-03-14T07:30:00-05:00`. */
  rfc3339: string;
  /** `Sat, 14 Mar 2026 00:00:00 +0000`, with the offset as written. */
  rfc822: string;
  /** The calendar day as written: `2026-03-14`. */
  day: string;
}

const dateForm =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2}))?$/;
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Reads `2026-03-14` or `2026-03-14T07:30:00-05:00` (seconds and fraction optional, `Z` or an
 * offset required with a time). Returns a reason instead when the value is not such a date, or
 * names a day that does not exist.
 */
export function readFeedDate(value: string): FeedDate | string {
  const match = dateForm.exec(value);
  if (!match) {
    return `expected an ISO 8601 date such as "2026-03-14", or a date and time with its offset such as "2026-03-14T07:30:00-05:00", found "${value}"`;
  }
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match as unknown as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || year < 1) {
    return `expected a day that exists, found "${value}"`;
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return `expected a time of day, found "${value}"`;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone;
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) {
    return `expected an offset from -23:59 to +23:59, found "${value}"`;
  }
  const time = `${h}:${mi}:${s}`;
  const rfc3339 = `${y}-${mo}-${d}T${time}${fraction}${offset}`;
  const zone822 = offset === 'Z' ? '+0000' : offset.replace(':', '');
  return {
    instant: Date.parse(rfc3339),
    rfc3339,
    rfc822: `${weekdays[calendar.getUTCDay()]}, ${d} ${months[month - 1]} ${y} ${time} ${zone822}`,
    day: `${y}-${mo}-${d}`,
  };
}
