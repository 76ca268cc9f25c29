export interface CsafFinding {
  /** The validator's test, e.g. `mandatoryTest_6_1_11` or `csaf_2_0_strict`. */
  test: string;
  /** JSON pointer into the CSAF document. @example /vulnerabilities/0/cwe/name */
  instancePath: string;
  message: string;
}

export interface CsafValidation {
  errors: CsafFinding[];
  /** Warnings, including the findings of the optional tests (§6.2) when they were run. */
  warnings: CsafFinding[];
  /** Every test that ran, valid or not, so a caller can tell "passed" from "not run". */
  tests: string[];
}

type DocumentTest = (doc: unknown) => unknown;
const testsOf = (module: object): DocumentTest[] =>
  Object.values(module).filter((value): value is DocumentTest => typeof value === 'function');

// Loaded on first use: the library compiles its JSON schemas when imported (about 1.4 s for the
// strict schema and mandatory tests, 1.7 s more for the optional ones), which no other route needs.
let required: Promise<DocumentTest[]> | undefined;
let optional: Promise<DocumentTest[]> | undefined;

const loadRequired = (): Promise<DocumentTest[]> =>
  (required ??= Promise.all([
    import('@secvisogram/csaf-validator-lib/schemaTests.js'),
    import('@secvisogram/csaf-validator-lib/mandatoryTests.js'),
  ]).then(([schema, mandatory]) => [schema.csaf_2_0_strict, ...testsOf(mandatory)]));

const loadOptional = (): Promise<DocumentTest[]> =>
  (optional ??= import('@secvisogram/csaf-validator-lib/optionalTests.js').then(testsOf));

/**
 * Runs the BSI CSAF validator library on one document. Validity is decided by the strict CSAF 2.0
 * schema (no additional properties) and every mandatory test of §6.1; `withOptional` also runs
 * the optional tests of §6.2, whose findings only warn. The informative tests (§6.3) are never run:
 * they fetch URLs and call hunspell. Only functions exported by the library are passed, which is
 * what `validateStrict` would check (importing it costs seconds, as it loads every test).
 */
export async function validateCsaf(document: unknown, withOptional = false): Promise<CsafValidation> {
  const { default: validate } = await import('@secvisogram/csaf-validator-lib/lib/validate.js');
  const tests = [...(await loadRequired()), ...(withOptional ? await loadOptional() : [])];
  const result = await validate(tests, document);
  const pick = (key: 'errors' | 'warnings'): CsafFinding[] =>
    result.tests.flatMap((t) =>
      t[key].map((f) => ({ test: t.name, instancePath: f.instancePath, message: f.message })),
    );
  return { errors: pick('errors'), warnings: pick('warnings'), tests: result.tests.map((t) => t.name) };
}
