/**
 * `<newsbrief-editor>`: `mountEditor` as a custom element, for pages that prefer markup. Its text
 * content is the initial source; render options come from `defineEditorElement` (shared by every
 * instance) and the element's `options` property (set before it is connected).
 */
import { type Editor, type EditorOptions, mountEditor } from './editor.js';

/** A `<newsbrief-editor>` element. */
export interface EditorElement extends HTMLElement {
  /** Options of this instance, merged over the ones given to `defineEditorElement`. */
  options: EditorOptions;
  /** The mounted editor, once the element is connected; rejects with the renderer's error. */
  readonly editor: Promise<Editor> | undefined;
}

/**
 * Registers the custom element (once per name; a second call returns the registered class). Not
 * done on import, so that importing `newsbrief/preview` has no side effect and works where there
 * is no DOM (server rendering, tests).
 *
 * @example
 * defineEditorElement('newsbrief-editor', { theme: { brandColor: '#c8102e' } });
 * // <newsbrief-editor># Headline
 * // The lede.</newsbrief-editor>
 */
export function defineEditorElement(
  name = 'newsbrief-editor',
  defaults: EditorOptions = {},
): CustomElementConstructor {
  const registered = customElements.get(name);
  if (registered) return registered;

  class NewsbriefEditorElement extends HTMLElement implements EditorElement {
    options: EditorOptions = {};
    editor: Promise<Editor> | undefined;

    connectedCallback(): void {
      // Moving the element in the page connects it again; the editor inside moves with it.
      if (this.editor) return;
      // The text written inside the element, without the line break after the opening tag.
      const source = (this.textContent ?? '').replace(/^\n/, '');
      this.replaceChildren();
      this.editor = mountEditor(this, { source, ...defaults, ...this.options });
    }
  }
  customElements.define(name, NewsbriefEditorElement);
  return NewsbriefEditorElement;
}
