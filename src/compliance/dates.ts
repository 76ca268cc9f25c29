/**
 * The build's notion of "now": `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
 * convention) when set, else the clock. Only security.txt's Expires depends on it; every document
 * date comes from the data, so two builds with the same epoch give the same bytes.
 */
export function getBuildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return new Date(Math.floor(Date.now() / 1000) * 1000);
  if (!/^\d{1,12}$/.test(raw)) {
    throw new Error(`SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01, got ${JSON.stringify(raw)}`);
  }
  return new Date(Number(raw) * 1000);
}

/** `2026-10-06` → midnight UTC that day. */
export const startOfDay = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);

/** RFC 3339 in UTC with whole seconds: `2027-05-25T10:00:00Z` (what RFC 9116 and CSAF readers parse best). */
export const toRfc3339 = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

export const DAY_MS = 86_400_000;
