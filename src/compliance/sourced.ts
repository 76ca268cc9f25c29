/** A validated input and the file it came from (named in every error about it). */
export interface Sourced<T> {
  /** Path relative to the project root. @example content/advisories/CPSA-2026-001.yaml */
  file: string;
  data: T;
}
