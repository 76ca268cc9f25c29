/** One line of `npm run compliance:check`. */
export interface Finding {
  level: 'error' | 'warning' | 'notice';
  /** What the finding is about: a content file or a built file. */
  file: string;
  message: string;
}
