/**
 * `newsbrief/preview`: the editor's desk for any web page. Portable: DOM APIs only, and the same
 * renderer as `newsbrief` (precompiled templates, no MJML in the browser).
 *
 * @example
 * import { mountEditor } from 'newsbrief/preview';
 * const editor = await mountEditor(document.querySelector('#brief'), { source: draft });
 */

export { type Editor, type EditorOptions, type EditorRenderDetail, mountEditor } from './editor.js';
export { defineEditorElement, type EditorElement } from './element.js';
export type { ColourScheme } from './frame.js';
export type { SourceProblem, SourceRange } from './source.js';
