/**
 * Updates a document in place to match another, touching only what differs: the text of the
 * paragraph being typed, the count line, an attribute. The browser then restyles and lays out
 * that much of the email instead of all of it, which is what keeps a keystroke within a frame.
 */

/**
 * Makes `target` (a node of the shown document) match `source` (the same node of a freshly
 * parsed one). Children are paired by position: equal text and attributes are left alone, a node
 * of another kind is replaced, extra nodes are added or removed at the end.
 */
export function morph(target: Node, source: Node): void {
  if (target.nodeType === Node.ELEMENT_NODE) syncAttributes(target as Element, source as Element);
  const document = target.ownerDocument ?? (target as Document);
  const targetChildren = target.childNodes;
  const sourceChildren = source.childNodes;
  for (let index = 0; index < sourceChildren.length; index += 1) {
    const from = sourceChildren[index] as Node;
    const to = targetChildren[index];
    if (to === undefined) {
      target.appendChild(document.importNode(from, true));
    } else if (to.nodeType !== from.nodeType || to.nodeName !== from.nodeName) {
      target.replaceChild(document.importNode(from, true), to);
    } else if (from.nodeType === Node.ELEMENT_NODE) {
      morph(to, from);
    } else if (to.nodeValue !== from.nodeValue) {
      to.nodeValue = from.nodeValue;
    }
  }
  while (targetChildren.length > sourceChildren.length) target.lastChild?.remove();
}

function syncAttributes(target: Element, source: Element): void {
  for (const { name, value } of source.attributes) {
    if (target.getAttribute(name) !== value) target.setAttribute(name, value);
  }
  if (target.attributes.length === source.attributes.length) return;
  for (const { name } of [...target.attributes]) {
    if (!source.hasAttribute(name)) target.removeAttribute(name);
  }
}
