import type { Properties } from 'hast';

/**
 * hast names properties in camelCase (`className`, `ariaDescribedBy`, `dataFootnoteRef`); raw HTML
 * and MDX JSX name attributes as written (`class`, `aria-describedby`). The schema speaks hast, so
 * written names are mapped onto the schema's own properties. HTML attribute names are
 * case-insensitive, so a written name maps to a property only when it means that attribute to a
 * browser; any other name keeps its spelling and, not being in the schema, is refused.
 */
const SPECIAL: Readonly<Record<string, string>> = { className: 'class', htmlFor: 'for' };

/** `className` → `class`, `ariaDescribedBy` → `aria-describedby`, `dataFootnoteRef` → `data-footnote-ref`. */
export function toAttributeName(property: string): string {
  const special = SPECIAL[property];
  if (special) return special;
  if (/^aria[A-Z]/.test(property)) return `aria-${property.slice(4).toLowerCase()}`;
  if (/^data[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

/** Maps written attribute names onto the hast properties in `known` (the schema's). */
export function createPropertyNames(known: Iterable<string>): (attribute: string) => string {
  const byAttribute = new Map<string, string>();
  for (const property of known) byAttribute.set(toAttributeName(property), property);
  return (attribute) => byAttribute.get(attribute.toLowerCase()) ?? attribute;
}

/** One attribute as the author wrote it (`name`) and as hast names it (`property`). */
export interface Attribute {
  name: string;
  property: string;
  value: Properties[string];
}
