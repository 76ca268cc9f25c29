// Types for the parts of @secvisogram/csaf-validator-lib 2.0.10 we use: the package ships JavaScript
// with JSDoc only. The test names below are the library's own exports (each takes a document and
// returns a result); a newer version that adds tests needs this list extended.
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  export const csaf_2_0_strict: (doc: unknown) => unknown;
}
declare module '@secvisogram/csaf-validator-lib/lib/validate.js' {
  interface Finding {
    message: string;
    instancePath: string;
  }
  export default function validate(
    tests: ((doc: unknown) => unknown)[],
    doc: unknown,
  ): Promise<{
    isValid: boolean;
    tests: { name: string; isValid: boolean; errors: Finding[]; warnings: Finding[]; infos: Finding[] }[];
  }>;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  type DocumentTest = (doc: unknown) => unknown;
  export const mandatoryTest_6_1_1: DocumentTest;
  export const mandatoryTest_6_1_10: DocumentTest;
  export const mandatoryTest_6_1_11: DocumentTest;
  export const mandatoryTest_6_1_12: DocumentTest;
  export const mandatoryTest_6_1_13: DocumentTest;
  export const mandatoryTest_6_1_14: DocumentTest;
  export const mandatoryTest_6_1_15: DocumentTest;
  export const mandatoryTest_6_1_16: DocumentTest;
  export const mandatoryTest_6_1_17: DocumentTest;
  export const mandatoryTest_6_1_18: DocumentTest;
  export const mandatoryTest_6_1_19: DocumentTest;
  export const mandatoryTest_6_1_2: DocumentTest;
  export const mandatoryTest_6_1_20: DocumentTest;
  export const mandatoryTest_6_1_21: DocumentTest;
  export const mandatoryTest_6_1_22: DocumentTest;
  export const mandatoryTest_6_1_23: DocumentTest;
  export const mandatoryTest_6_1_24: DocumentTest;
  export const mandatoryTest_6_1_25: DocumentTest;
  export const mandatoryTest_6_1_26: DocumentTest;
  export const mandatoryTest_6_1_27_1: DocumentTest;
  export const mandatoryTest_6_1_27_10: DocumentTest;
  export const mandatoryTest_6_1_27_11: DocumentTest;
  export const mandatoryTest_6_1_27_2: DocumentTest;
  export const mandatoryTest_6_1_27_3: DocumentTest;
  export const mandatoryTest_6_1_27_4: DocumentTest;
  export const mandatoryTest_6_1_27_5: DocumentTest;
  export const mandatoryTest_6_1_27_6: DocumentTest;
  export const mandatoryTest_6_1_27_7: DocumentTest;
  export const mandatoryTest_6_1_27_8: DocumentTest;
  export const mandatoryTest_6_1_27_9: DocumentTest;
  export const mandatoryTest_6_1_28: DocumentTest;
  export const mandatoryTest_6_1_29: DocumentTest;
  export const mandatoryTest_6_1_3: DocumentTest;
  export const mandatoryTest_6_1_30: DocumentTest;
  export const mandatoryTest_6_1_31: DocumentTest;
  export const mandatoryTest_6_1_32: DocumentTest;
  export const mandatoryTest_6_1_33: DocumentTest;
  export const mandatoryTest_6_1_4: DocumentTest;
  export const mandatoryTest_6_1_5: DocumentTest;
  export const mandatoryTest_6_1_6: DocumentTest;
  export const mandatoryTest_6_1_7: DocumentTest;
  export const mandatoryTest_6_1_8: DocumentTest;
  export const mandatoryTest_6_1_9: DocumentTest;
}
declare module '@secvisogram/csaf-validator-lib/optionalTests.js' {
  type DocumentTest = (doc: unknown) => unknown;
  export const optionalTest_6_2_1: DocumentTest;
  export const optionalTest_6_2_10: DocumentTest;
  export const optionalTest_6_2_11: DocumentTest;
  export const optionalTest_6_2_12: DocumentTest;
  export const optionalTest_6_2_13: DocumentTest;
  export const optionalTest_6_2_14: DocumentTest;
  export const optionalTest_6_2_15: DocumentTest;
  export const optionalTest_6_2_16: DocumentTest;
  export const optionalTest_6_2_17: DocumentTest;
  export const optionalTest_6_2_18: DocumentTest;
  export const optionalTest_6_2_19: DocumentTest;
  export const optionalTest_6_2_2: DocumentTest;
  export const optionalTest_6_2_20: DocumentTest;
  export const optionalTest_6_2_3: DocumentTest;
  export const optionalTest_6_2_4: DocumentTest;
  export const optionalTest_6_2_5: DocumentTest;
  export const optionalTest_6_2_6: DocumentTest;
  export const optionalTest_6_2_7: DocumentTest;
  export const optionalTest_6_2_8: DocumentTest;
  export const optionalTest_6_2_9: DocumentTest;
}
