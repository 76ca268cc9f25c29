import type { Element, Properties } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toAttributeName, type Attribute } from './attribute-names.ts';
import { messages, quote } from './messages.ts';
import { contentSchema } from './schema.ts';

type PropertyValue = Properties[string];

/**
 * Report-and-fail on top of hast-util-sanitize: the element is sanitized alone, without children,
 * once bare and once per attribute, and whatever the library would drop is reported. The library
 * decides; this only turns its silent repairs into errors. One attribute at a time so that two
 * spellings of one property (`class` and `className` in JSX) are both checked.
 */
export function checkElement(tagName: string, attributes: readonly Attribute[]): string[] {
  if (!sanitizeShallow(tagName, {})) return [messages.element(tagName)];
  const problems: string[] = [];
  for (const { name, property, value } of attributes) {
    if (value === null || value === undefined) continue;
    const kept = sanitizeShallow(tagName, { [property]: value })?.properties[property];
    const dropped = droppedPart(value, kept);
    if (dropped === undefined) continue;
    problems.push(messages.attribute(tagName, show(name, dropped), hint(tagName, property)));
  }
  return problems;
}

/** hast elements from the pipeline (Markdown syntax, Prism) carry hast properties already. */
export function checkHastElement(element: Readonly<Element>): string[] {
  const attributes = Object.entries(element.properties).map(([property, value]) => ({
    name: toAttributeName(property),
    property,
    value,
  }));
  return checkElement(element.tagName, attributes);
}

function sanitizeShallow(tagName: string, properties: Properties): Element | undefined {
  const element: Element = { type: 'element', tagName, properties, children: [] };
  const result = sanitize({ type: 'root', children: [element] }, contentSchema);
  const kept = result.type === 'root' ? result.children[0] : undefined;
  return kept?.type === 'element' && kept.tagName === tagName ? kept : undefined;
}

/** What the library removed from one value: all of it, some class names, or nothing. */
function droppedPart(value: NonNullable<PropertyValue>, kept: PropertyValue): NonNullable<PropertyValue> | undefined {
  if (kept === undefined || kept === null) return value;
  if (!Array.isArray(value)) return kept === value ? undefined : value;
  const left = Array.isArray(kept) ? [...kept] : [kept];
  const removed = value.filter((item) => {
    const at = left.indexOf(item);
    if (at >= 0) left.splice(at, 1);
    return at < 0;
  });
  return removed.length > 0 ? removed : undefined;
}

function show(name: string, value: NonNullable<PropertyValue>): string {
  if (value === true) return name;
  return `${name}=${quote(Array.isArray(value) ? value.join(' ') : String(value))}`;
}

/** Why, for the refusals an author would not guess. */
function hint(tagName: string, property: string): string {
  if (/^on/i.test(property)) return ' (event handlers run script)';
  if (property === 'style' && (tagName === 'th' || tagName === 'td'))
    return ' (column alignment writes style=, which the CSP forbids: remove the colons from the delimiter row)';
  if (property === 'style') return ' (inline styles are blocked by the CSP)';
  // A URL hint only where the attribute itself is allowed and its value was the problem.
  if (!sanitizeShallow(tagName, { [property]: 'x' })?.properties[property]) return '';
  if (property === 'src' || property === 'poster') return ' (images and media must be same-origin relative paths)';
  if (property === 'href' || property === 'cite') return ' (URLs must be http:, https:, mailto:, tel: or relative)';
  return '';
}
