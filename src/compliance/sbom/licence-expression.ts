import { SPDX } from '@cyclonedx/cyclonedx-library';

const LICENSE_REF = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;
const EXCEPTION_ID = /^[A-Za-z0-9.-]+$/;

/**
 * Throws unless `text` is an SPDX licence expression over known licence ids (or LicenseRef-s):
 * ids joined by AND / OR, an optional `WITH <exception>`, a trailing `+`, parentheses. The
 * CycloneDX library asks for such a check to tell an expression from a free-text licence name;
 * this small one spares a dependency, and what it refuses is kept, as a named licence.
 */
export function spdxExpressionValidate(text: string): void {
  const tokens = text.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let depth = 0;
  let operand = true;
  let exception = false;
  for (const token of tokens) {
    if (token === '(' && operand && !exception) depth += 1;
    else if (token === ')' && !operand && depth > 0) depth -= 1;
    else if (operand && exception && EXCEPTION_ID.test(token)) [operand, exception] = [false, false];
    else if (operand && !exception) {
      const id = token.endsWith('+') ? token.slice(0, -1) : token;
      if (!SPDX.isSupportedSpdxId(id) && !LICENSE_REF.test(id)) throw new RangeError(`unknown licence id ${token}`);
      operand = false;
    } else if (!operand && (token === 'AND' || token === 'OR')) operand = true;
    else if (!operand && token === 'WITH') [operand, exception] = [true, true];
    else throw new RangeError(`unexpected ${token}`);
  }
  if (operand || depth !== 0) throw new RangeError('incomplete expression');
}
