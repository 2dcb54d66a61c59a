/** Small DOM helpers shared by the islands. */

type ElementType<T extends Element> = abstract new (...args: never[]) => T;

/** The element matching `selector` under `root`, of the given type; a clear error when it is missing. */
export function find(root: ParentNode, selector: string): HTMLElement;
export function find<T extends Element>(root: ParentNode, selector: string, type: ElementType<T>): T;
export function find(root: ParentNode, selector: string, type: ElementType<Element> = HTMLElement): Element {
  const node = root.querySelector(selector);
  if (!node) throw new Error(`The page has no element ${selector}.`);
  if (!(node instanceof type)) throw new Error(`${selector} is not a ${type.name}.`);
  return node;
}

/** The element with this id, of the given type; a clear error when it is missing. */
export function byId(id: string): HTMLElement;
export function byId<T extends Element>(id: string, type: ElementType<T>): T;
export function byId(id: string, type: ElementType<Element> = HTMLElement): Element {
  return find(document, `#${CSS.escape(id)}`, type);
}

/** The form control named `name`, of the given type (input, select, textarea). */
export function control<T extends Element>(form: HTMLFormElement, name: string, type: ElementType<T>): T {
  const node = form.elements.namedItem(name);
  if (!(node instanceof type)) throw new Error(`The form has no ${type.name} named ${name}.`);
  return node;
}

/** The value of a `data-` attribute (set by the island's component); a clear error when it is missing. */
export function data(node: HTMLElement, name: string): string {
  const value = node.dataset[name];
  if (value === undefined) throw new Error(`#${node.id} has no data-${name} attribute.`);
  return value;
}

/** The JSON in a `data-` attribute, e.g. the island's texts in the page's language. */
export function dataJson<T>(node: HTMLElement, name: string): T {
  return JSON.parse(data(node, name)) as T;
}

/** A new element with attributes and children (text or nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A new SVG element with attributes and text. */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export type Say = (message: string, error?: boolean) => void;

/** Shows messages in a status element (role=status): marked as an error when asked, focused if `focus`. */
export function statusMessage(node: HTMLElement, options: { focus?: boolean } = {}): Say {
  return (message, error = false) => {
    node.textContent = message;
    node.classList.toggle('error', error);
    if (options.focus) node.focus();
  };
}

/** Saves `content` as a file named `name`. */
export function download(name: string, content: Blob): void {
  const link = el('a', { href: URL.createObjectURL(content), download: name });
  link.click();
  URL.revokeObjectURL(link.href);
}
