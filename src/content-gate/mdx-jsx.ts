import type { MdxJsxAttributeUnion } from 'satteri';
import type { Attribute } from './attribute-names.ts';
import { checkElement } from './check-element.ts';
import { messages, quote } from './messages.ts';
import { isLiteralProgram, parseMdxExpression } from './mdx-expression.ts';
import { toAttribute } from './schema.ts';

export interface JsxCheck {
  problems: string[];
  /** Set for a component (`<Callout>`): it must be one of the allowed imports. */
  component?: string;
}

/** Astro directives (`set:html`, `client:load`, `is:raw`) and other non-prop names. */
const PROP_NAME = /^[a-z][a-zA-Z\d]*$/;

/**
 * JSX in MDX is code: `<process.exit />` calls a function, `{...props}` spreads an object, and a
 * `<div set:html>` would bypass escaping. A lowercase name is an HTML element and goes through the
 * same schema as raw HTML, with plain values only. A capitalised name is a trusted component that
 * takes literal props. Member (`a.b`) and namespaced (`svg:rect`) names are neither.
 */
export function checkJsx(name: string | null, attributes: readonly MdxJsxAttributeUnion[]): JsxCheck {
  if (name === null) return { problems: [] }; // <>…</>: a fragment, nothing rendered of its own
  if (!/^[A-Za-z][\w-]*$/.test(name)) return { problems: [messages.element(name)] };
  const component = /^[A-Z]/.test(name);
  const problems: string[] = [];
  const plain: Attribute[] = [];
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      problems.push(messages.spread(name, attribute.value));
      continue;
    }
    const { name: key, value } = attribute;
    const code = typeof value === 'object' && value !== null ? value.value : undefined;
    // The name first: `set:html={"…"}` is a literal, but set:html is not a prop.
    if (component && !PROP_NAME.test(key)) problems.push(messages.attribute(name, show(key, value, code), ''));
    else if (code !== undefined) {
      const literal = component && isLiteralProgram(parseMdxExpression(code));
      if (!literal) problems.push(messages.attributeExpression(name, key, code, component));
    } else if (!component && (value === null || typeof value === 'string')) plain.push(toAttribute(key, value ?? true));
  }
  if (component) return { problems, component: name };
  return { problems: [...checkElement(name, plain), ...problems] };
}

function show(key: string, value: unknown, code: string | undefined): string {
  if (code !== undefined) return `${key}={${code}}`;
  return typeof value === 'string' ? `${key}=${quote(value)}` : key;
}
