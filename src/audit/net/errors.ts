/** A bad command line or input file: exit status 2, message names the argument. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The site could not be audited (server down, timeout, no sitemap): exit status 2, message names the URL. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}
