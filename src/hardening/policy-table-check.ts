import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

const isElement = (node: T.Node): node is T.Element => 'tagName' in node;
const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const text = (node: T.Node): string => {
  if ('value' in node) return node.value; // only text nodes have a value
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
};

/**
 * Header name → value as rendered in a page's policy table (`<tr data-header>` rows with a
 * `code.header-value` cell), decoded by a real HTML parser so entities compare correctly.
 */
export function readPolicyTable(page: string | T.Document): Map<string, string> {
  const rows = new Map<string, string>();
  const visit = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      const name = attr(child, 'data-header');
      if (child.tagName === 'tr' && name) {
        const cells: T.Element[] = [];
        const collect = (n: T.ParentNode) => {
          for (const c of n.childNodes) {
            if (!isElement(c)) continue;
            if (c.tagName === 'code' && (attr(c, 'class') ?? '').split(/\s+/).includes('header-value')) cells.push(c);
            collect(c);
          }
        };
        collect(child);
        if (cells[0]) rows.set(name, text(cells[0]));
      }
      visit(child);
    }
  };
  visit(typeof page === 'string' ? parse(page) : page);
  return rows;
}
