import type { Expression } from 'estree';
import { mdxToJs, type EstreeProgram } from 'satteri';

const parsed = new Map<string, EstreeProgram | null>();

/**
 * The estree of `code` read as one MDX expression by satteri, the parser that compiles it (no
 * second parser to disagree with), or null. Satteri attaches `parseExpression()` to expression and
 * ESM nodes but not to attribute values, so those are parsed here as a one-expression document;
 * the expression must come back whole, so `1}{process.exit()` cannot pass as two literals.
 */
export function parseMdxExpression(code: string): EstreeProgram | null {
  if (parsed.has(code)) return parsed.get(code) ?? null;
  const found: { value: string; program: EstreeProgram | null }[] = [];
  try {
    mdxToJs(`{${code}}`, {
      hastPlugins: [
        {
          name: 'content-gate-parse',
          mdxFlowExpression(node) {
            found.push({ value: node.value, program: node.parseExpression() });
          },
        },
      ],
    });
  } catch {
    found.length = 0; // not an expression on its own: refuse
  }
  const [only] = found;
  const program = found.length === 1 && only?.value === code ? only.program : null;
  parsed.set(code, program);
  return program;
}

/** A string, number, boolean or null literal, or a negative number: data, never code. */
export function isLiteralProgram(program: EstreeProgram | null): boolean {
  const [statement, ...rest] = program?.body ?? [];
  return rest.length === 0 && statement?.type === 'ExpressionStatement' && isLiteral(statement.expression);
}

function isLiteral(expression: Expression): boolean {
  if (expression.type === 'UnaryExpression') {
    return expression.operator === '-' && expression.argument.type === 'Literal' && isNumber(expression.argument);
  }
  if (expression.type !== 'Literal') return false;
  // RegExp and BigInt literals are Literal nodes too; neither is a plain prop value.
  if ('regex' in expression || 'bigint' in expression) return false;
  const { value } = expression;
  return value === null || typeof value === 'string' || typeof value === 'boolean' || isNumber(expression);
}

const isNumber = (literal: { value?: unknown }) => typeof literal.value === 'number';

/**
 * `{/* a comment *\/}` is MDX's comment and compiles to nothing. Satteri's `parseExpression()`
 * returns null for it; to be sure null means "no code", the text is parsed again inside an array
 * literal, which must come back with no element at all.
 */
export function isCommentOnly(code: string): boolean {
  const [statement, ...rest] = parseMdxExpression(`[${code}\n]`)?.body ?? [];
  if (rest.length > 0 || statement?.type !== 'ExpressionStatement') return false;
  return statement.expression.type === 'ArrayExpression' && statement.expression.elements.length === 0;
}
