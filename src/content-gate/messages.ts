/**
 * Every text the gate prints, in one place: the unit tests and the build-fixture corpus assert them
 * verbatim, and an author reads them next to `content/…:line:`. Each names the thing that was
 * refused; where the reason is not obvious, a short hint in parentheses says why or what to write.
 */
const REFUSED = 'is not allowed in content';

/** A value as it appears in a message: quoted, escaped (a tab shows as \t), and cut to one line. */
export function quote(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}

/** Code as it appears in a message: whitespace runs collapsed, cut to one line. */
function snippet(code: string, max = 60): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export const messages = {
  /** `<script>`, `<iframe>`, `<svg>`, `<my-widget>`, `<process.exit>`… */
  element: (tag: string) => `<${tag}> ${REFUSED}`,
  /** `attribute` is `name="value"` or a bare boolean `name`; `hint` starts with a space or is empty. */
  attribute: (tag: string, attribute: string, hint: string) => `<${tag} ${attribute}> ${REFUSED}${hint}`,
  unterminatedHtml: () => `unterminated HTML (a tag, attribute value or comment left open) ${REFUSED}`,
  importSource: (specifier: string) =>
    `import from ${quote(specifier)} ${REFUSED} (only components in src/components/content/)`,
  importForm: (specifier: string) =>
    `named or namespace import from ${quote(specifier)} ${REFUSED} (only \`import Name from\`)`,
  exportStatement: () => `export ${REFUSED}`,
  statement: () => `JavaScript statement ${REFUSED}`,
  unparsableEsm: () => `import/export block that does not parse ${REFUSED} (leave a blank line after the imports)`,
  expression: (code: string) => `JS expression {${snippet(code)}} ${REFUSED}`,
  /** On a component, a literal is allowed and this was not one; an HTML element takes no expression. */
  attributeExpression: (tag: string, name: string, code: string, component: boolean) =>
    `expression ${name}={${snippet(code)}} on <${tag}> ${REFUSED}` +
    (component ? ' (only string, number, boolean or null literals)' : ' (HTML elements take plain attribute values)'),
  spread: (tag: string, code: string) => `spread attribute {${snippet(code)}} on <${tag}> ${REFUSED}`,
  component: (name: string) => `<${name}> ${REFUSED} (components must be imported from src/components/content/)`,
};
