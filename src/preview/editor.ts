/**
 * `mountEditor`: the editor's desk in any web page. A source pane (plain text, Markdown or JSON),
 * the email re-rendered on every keystroke in a sandboxed iframe, the brevity findings (a click
 * selects the words they are about) and the Smart Brevity count. DOM APIs only, no framework.
 */
import { NewsbriefError } from '../errors.js';
import type { LintWarning } from '../lint/types.js';
import { defaultTemplates } from '../render/generated/templates.js';
import { createRenderer, type Renderer, type RenderOptions, type RenderResult } from '../render/renderer.js';
import { countLine } from '../render/stats.js';
import { isCompiledTemplates } from '../render/templates.js';
import { type ColourScheme, previewDocument } from './frame.js';
import { morph } from './morph.js';
import {
  type ReadSource,
  readSource,
  type SourceProblem,
  type SourceRange,
  sourceProblem,
} from './source.js';
import { editorStyles } from './styles.js';

/** Options of `mountEditor`: the render options the host page's emails use, plus the editor's own. */
export interface EditorOptions extends RenderOptions {
  /** The source the editor opens with: plain text, Markdown or briefing JSON. @default '' */
  source?: string;
  /** Shown in the empty source pane. @default 'Paste a story: plain text, Markdown or JSON.' */
  placeholder?: string;
  /**
   * Label of the source pane, for screen readers and sighted editors alike.
   * @default 'Story source'
   */
  label?: string;
}

/** What the `newsbrief-render` event carries, after every render attempt. */
export interface EditorRenderDetail {
  /** The source that was read. */
  source: string;
  /** The last good render (kept while the source has an error). */
  result: RenderResult | undefined;
  /** Why the current source does not render, if it does not. */
  problem: SourceProblem | undefined;
}

/** A mounted editor. */
export interface Editor {
  /** The editor's root element, inside the element it was mounted in. */
  readonly element: HTMLElement;
  /** The current source text. */
  readonly source: string;
  /** The last good render, or `undefined` before the first one. */
  readonly result: RenderResult | undefined;
  /** Why the current source does not render, or `undefined` when it does. */
  readonly problem: SourceProblem | undefined;
  /** Replaces the source (the caret stays where it was, as far as the new text allows) and renders it now. */
  setSource(source: string): void;
  /** Removes the editor from the page. */
  destroy(): void;
}

let mounted = 0;

/**
 * Mounts an editor inside `element` and renders its source. Resolves once the renderer is ready
 * (templates are loaded once, then every keystroke renders synchronously). After each render the
 * element receives a bubbling `newsbrief-render` event (`CustomEvent<EditorRenderDetail>`).
 *
 * Pass compiled templates (`newsbrief build-templates`) as `templates`; the browser cannot compile
 * MJML. Anything a renderer rejects (an unknown theme key, a bad lint setting) rejects here.
 *
 * @example
 * import { mountEditor } from 'newsbrief/preview';
 * const editor = await mountEditor(document.querySelector('#brief'), { source: draft, theme: { brandColor: '#c8102e' } });
 * form.addEventListener('submit', () => { form.elements.body.value = editor.source; });
 */
export async function mountEditor(element: HTMLElement, options: EditorOptions = {}): Promise<Editor> {
  const { source = '', placeholder, label, ...renderOptions } = options;
  const renderer = await createRenderer(renderOptions);
  return new EditorView(element, renderer, {
    source,
    placeholder: placeholder ?? 'Paste a story: plain text, Markdown or JSON.',
    label: label ?? 'Story source',
    width: widthOf(renderOptions),
    countLabel: renderOptions.labels?.countLine,
  });
}

/** The desktop width: the email's own (600 px unless the theme or compiled templates say otherwise). */
function widthOf(options: RenderOptions): number {
  if (isCompiledTemplates(options.templates)) return options.templates.width;
  return options.theme?.width ?? defaultTemplates.width;
}

/** The phone width the preview toggles to. */
const phoneWidth = 375;

type View = 'html' | 'text';

class EditorView implements Editor {
  readonly element: HTMLElement;
  result: RenderResult | undefined;
  problem: SourceProblem | undefined;

  private readonly host: HTMLElement;
  private readonly renderer: Renderer;
  private readonly textarea: HTMLTextAreaElement;
  private readonly callout: HTMLElement;
  private readonly mirror: HTMLElement;
  private readonly count: HTMLElement;
  private readonly problemBox: HTMLElement;
  private readonly findingsHeading: HTMLElement;
  private readonly findings: HTMLOListElement;
  private readonly subject: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly frame: HTMLIFrameElement;
  private readonly text: HTMLElement;
  private readonly desktopWidth: number;
  private readonly countLabel: string | undefined;

  /** The read source behind `result`, to locate its findings. */
  private readSource: ReadSource | undefined;
  private findingsKey = '';
  private scheme: ColourScheme = 'light';
  /** Set once the first srcdoc has loaded: from then on the document is rewritten in place. */
  private frameLoaded = false;
  private parser: DOMParser | undefined;
  /** Set after a render until the next frame: keystrokes in between render together then. */
  private coolingDown = false;
  private dirty = false;

  constructor(
    host: HTMLElement,
    renderer: Renderer,
    settings: { source: string; placeholder: string; label: string; width: number; countLabel?: string },
  ) {
    this.host = host;
    this.renderer = renderer;
    this.desktopWidth = settings.width;
    this.countLabel = settings.countLabel;
    mounted += 1;
    const id = (name: string) => `nb-editor-${mounted}-${name}`;
    const make = this.make;

    this.textarea = make('textarea', {
      id: id('source'),
      class: 'nb-editor-source',
      spellcheck: 'true',
      placeholder: settings.placeholder,
      'aria-describedby': `${id('count')} ${id('problem')}`,
    });
    this.textarea.value = settings.source;
    this.callout = make('div', { class: 'nb-editor-callout', 'aria-hidden': 'true', hidden: '' });
    this.mirror = make('div', { class: 'nb-editor-mirror', 'aria-hidden': 'true' });
    this.count = make('p', { id: id('count'), class: 'nb-editor-count' });
    this.problemBox = make('div', { id: id('problem'), class: 'nb-editor-problem', 'aria-live': 'polite' });
    this.findingsHeading = make('h2', { id: id('findings'), class: 'nb-editor-heading' }, 'Findings');
    this.findings = make('ol', { class: 'nb-editor-findings', 'aria-labelledby': id('findings') });
    this.subject = make('p', { class: 'nb-editor-subject' });
    this.frame = make('iframe', {
      title: 'Email preview',
      // No allow-scripts: the email runs no code. Same origin without scripts lets the editor keep
      // the reading position across renders; popups let links open in a new tab.
      sandbox: 'allow-same-origin allow-popups allow-popups-to-escape-sandbox',
      style: `width: ${settings.width}px`,
    });
    this.text = make('pre', {
      class: 'nb-editor-text',
      tabindex: '0',
      'aria-label': 'Plain-text part',
      hidden: '',
      style: `width: ${settings.width}px`,
    });
    this.stage = make('div', { class: 'nb-editor-stage', 'data-scheme': 'light' }, this.frame, this.text);

    const toggle = (
      name: string,
      legend: string,
      choices: [string, string][],
      onPick: (value: string) => void,
    ) => {
      const group = make('fieldset', {}, make('legend', {}, legend));
      choices.forEach(([value, text], index) => {
        const input = make('input', { type: 'radio', name: id(name), value });
        input.checked = index === 0;
        input.addEventListener('change', () => input.checked && onPick(value));
        group.append(make('label', {}, input, make('span', {}, text)));
      });
      return group;
    };

    this.element = make(
      'div',
      { class: 'nb-editor' },
      make('style', {}, editorStyles),
      make(
        'section',
        { class: 'nb-editor-pane', 'aria-label': 'Source' },
        make(
          'label',
          { class: 'nb-editor-label', for: id('source') },
          settings.label,
          ' ',
          make('span', {}, '(plain text, Markdown or JSON)'),
        ),
        make('div', { class: 'nb-editor-field' }, this.textarea, this.callout),
        this.count,
        this.problemBox,
        this.findingsHeading,
        this.findings,
        this.mirror,
      ),
      make(
        'section',
        { class: 'nb-editor-pane', 'aria-label': 'Email preview' },
        make(
          'div',
          { class: 'nb-editor-toolbar' },
          toggle(
            'view',
            'View',
            [
              ['html', 'HTML'],
              ['text', 'Plain text'],
            ],
            (value) => this.setView(value as View),
          ),
          toggle(
            'width',
            'Width',
            [
              [String(this.desktopWidth), `${this.desktopWidth} px`],
              [String(phoneWidth), `${phoneWidth} px`],
            ],
            (value) => this.setWidth(Number(value)),
          ),
          toggle(
            'scheme',
            'Colours',
            [
              ['light', 'Light'],
              ['dark', 'Dark'],
            ],
            (value) => this.setScheme(value as ColourScheme),
          ),
        ),
        this.subject,
        this.stage,
      ),
    );

    this.textarea.addEventListener('input', this.onInput);
    this.textarea.addEventListener('scroll', () => this.placeCallout());
    this.frame.addEventListener('load', this.onFrameLoad);
    host.append(this.element);
    this.update();
  }

  get source(): string {
    return this.textarea.value;
  }

  setSource(source: string): void {
    const { selectionStart, selectionEnd } = this.textarea;
    this.textarea.value = source;
    this.textarea.setSelectionRange(
      Math.min(selectionStart, source.length),
      Math.min(selectionEnd, source.length),
    );
    this.update();
  }

  destroy(): void {
    this.element.remove();
  }

  /**
   * The first keystroke after a quiet moment renders at once; keystrokes that follow within the
   * same frame (a held key, a fast typist on a long edition) wait for the next animation frame
   * and render together. No timer: a debounce delay would be latency on every keystroke.
   */
  private readonly onInput = () => {
    if (this.coolingDown) {
      this.dirty = true;
      return;
    }
    this.update();
  };

  private readonly onFrameLoad = () => {
    this.frameLoaded = true;
  };

  /**
   * Shows an email in the iframe. The first one loads as `srcdoc`; later ones update the loaded
   * document in place, changing only the nodes that differ (see morph.ts). A new `srcdoc` is a
   * navigation: in Chromium it took a median 136 ms from keystroke to load for a 10-story edition,
   * and it reset the scroll position. The sandbox (no scripts) belongs to the iframe, so it holds
   * for every node put into its document; `allow-same-origin` is what lets the editor reach it.
   */
  private showEmail(html: string): void {
    const source = previewDocument(html, this.scheme);
    const shown = this.frameLoaded ? this.frame.contentDocument : null;
    if (shown === null) {
      this.frame.srcdoc = source;
      return;
    }
    // An inert document: parsing it runs nothing and loads nothing.
    this.parser ??= new DOMParser();
    morph(shown.documentElement, this.parser.parseFromString(source, 'text/html').documentElement);
  }

  /** Reads and renders the source, then shows the email, findings and count, or the problem. */
  private update(): void {
    this.dirty = false;
    this.coolingDown = true;
    this.host.ownerDocument.defaultView?.requestAnimationFrame(() => {
      this.coolingDown = false;
      if (this.dirty) this.update();
    });

    const source = this.textarea.value;
    let read: ReadSource | undefined;
    try {
      // An empty pane is no error (the placeholder says what to do); the last email stays.
      if (source.trim() !== '') {
        read = readSource(source);
        const result = this.renderer.render(read.data as Parameters<Renderer['render']>[0]);
        this.showResult(result, read, countLocale(read.data));
      }
      this.showProblem(undefined);
    } catch (error) {
      const problem =
        error instanceof NewsbriefError
          ? sourceProblem(error, source, read)
          : {
              message: `Unexpected error (please report it): ${error instanceof Error ? error.message : String(error)}`,
            };
      this.showProblem(problem);
    }
    this.host.dispatchEvent(
      new CustomEvent<EditorRenderDetail>('newsbrief-render', {
        bubbles: true,
        detail: { source, result: this.result, problem: this.problem },
      }),
    );
  }

  private showResult(result: RenderResult, read: ReadSource, locale: string): void {
    this.result = result;
    this.readSource = read;
    this.showEmail(result.html);
    this.text.textContent = result.text;
    this.count.textContent = countLine(result.stats, locale, this.countLabel);
    this.subject.replaceChildren(result.subject, ' ', this.make('span', {}, `— ${result.preheader}`));
    // Lint is not needed to show the email: list the findings once the frame with it is painted.
    const view = this.host.ownerDocument.defaultView;
    view?.requestAnimationFrame(() =>
      view.setTimeout(() => {
        if (this.result === result) this.showFindings(result.warnings);
      }),
    );
  }

  private showFindings(warnings: LintWarning[]): void {
    const key = warnings.map((w) => `${w.severity}\t${w.path}\t${w.message}`).join('\n');
    if (key === this.findingsKey) return;
    this.findingsKey = key;
    this.findingsHeading.textContent =
      warnings.length === 0 ? 'Findings: none' : `Findings (${warnings.length})`;
    this.findings.replaceChildren(
      ...warnings.map((warning) => {
        const button = this.make(
          'button',
          { type: 'button' },
          this.make(
            'span',
            { class: 'nb-editor-severity', 'data-severity': warning.severity },
            warning.severity,
          ),
          warning.message,
          this.make(
            'span',
            { class: 'nb-editor-rule' },
            warning.path ? `${warning.rule} · ${warning.path}` : warning.rule,
          ),
        );
        // Located on click: the source the findings came from is the last one that rendered.
        button.addEventListener('click', () => this.select(this.readSource?.locate(warning.path)));
        return this.make('li', {}, button);
      }),
    );
  }

  private showProblem(problem: SourceProblem | undefined): void {
    this.problem = problem;
    this.textarea.setAttribute('aria-invalid', String(problem !== undefined));
    if (problem === undefined) {
      this.stage.removeAttribute('data-stale');
      this.problemBox.replaceChildren();
      this.callout.hidden = true;
      return;
    }
    // The last good render stays, dimmed, until the source renders again.
    if (this.result) this.stage.setAttribute('data-stale', '');
    const message = this.make('span', {}, problem.message);
    if (problem.range) {
      const range = problem.range;
      const go = this.make('button', { type: 'button' }, 'Go to the line');
      go.addEventListener('click', () => this.select(range));
      this.problemBox.replaceChildren(message, go);
    } else {
      this.problemBox.replaceChildren(message);
    }
    this.callout.textContent = problem.message;
    this.placeCallout();
  }

  /** Puts the error callout right under the line the problem points to, or hides it. */
  private placeCallout(): void {
    const range = this.problem?.range;
    if (range === undefined) {
      this.callout.hidden = true;
      return;
    }
    const line = this.lineBox(range.start);
    const top = line.top + line.height - this.textarea.scrollTop;
    const visible = top >= 0 && top < this.textarea.clientHeight;
    this.callout.hidden = !visible;
    this.callout.style.top = `${this.textarea.offsetTop + this.textarea.clientTop + top}px`;
  }

  /** Top and height (px, in the textarea's scrolled content) of the line holding `offset`. */
  private lineBox(offset: number): { top: number; height: number } {
    const style = getComputedStyle(this.textarea);
    const mirror = this.mirror;
    for (const property of ['font', 'letter-spacing', 'word-spacing', 'tab-size', 'padding', 'line-height']) {
      mirror.style.setProperty(property, style.getPropertyValue(property));
    }
    mirror.style.width = `${this.textarea.clientWidth}px`;
    const marker = this.make('span', {}, this.textarea.value.slice(offset, offset + 1) || '.');
    mirror.replaceChildren(this.textarea.value.slice(0, offset), marker);
    const box = { top: marker.offsetTop, height: marker.offsetHeight };
    mirror.replaceChildren();
    return box;
  }

  /** Selects a range of the source and scrolls it into view; focuses the source without one. */
  private select(range: SourceRange | undefined): void {
    this.textarea.focus();
    if (range === undefined) return;
    const length = this.textarea.value.length;
    this.textarea.setSelectionRange(Math.min(range.start, length), Math.min(range.end, length));
    const { top } = this.lineBox(range.start);
    if (top < this.textarea.scrollTop || top > this.textarea.scrollTop + this.textarea.clientHeight - 40) {
      this.textarea.scrollTop = Math.max(0, top - this.textarea.clientHeight / 3);
    }
  }

  private setView(view: View): void {
    this.frame.hidden = view !== 'html';
    this.text.hidden = view !== 'text';
  }

  private setWidth(width: number): void {
    this.frame.style.width = `${width}px`;
    this.text.style.width = `${width}px`;
  }

  private setScheme(scheme: ColourScheme): void {
    this.scheme = scheme;
    this.stage.dataset.scheme = scheme;
    if (this.result) this.showEmail(this.result.html);
  }

  /** An element of the host's document with attributes and children. */
  private readonly make = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attributes: Record<string, string> = {},
    ...children: (Node | string)[]
  ): HTMLElementTagNameMap[K] => {
    const node = this.host.ownerDocument.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
}

/** The briefing's locale, for the count line's number format. */
function countLocale(data: unknown): string {
  const locale = (data as { locale?: unknown } | null)?.locale;
  return typeof locale === 'string' ? locale : 'en-US';
}
