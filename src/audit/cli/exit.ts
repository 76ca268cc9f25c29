/** Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or network error. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;
