/**
 * What the engine tests read from a rendered page, measured inside the browser from computed
 * styles and layout boxes. `probe` runs in the page: it must not reference anything outside its
 * own body. Every engine helper evaluates `probeExpression` the same way.
 */

export interface Box {
  left: number;
  right: number;
  top: number;
  width: number;
  height: number;
}

export interface TextSample {
  tag: string;
  text: string;
  /** `[r, g, b]` of the computed `color`. */
  color: number[];
  /** `[r, g, b]` of the first opaque background behind the element. */
  background: number[];
}

export interface ImageSample {
  alt: string;
  className: string;
  /** The `width` / `height` attributes, as written. */
  attributes: { width: string | null; height: string | null };
  box: Box;
  /** Content box of the story column (`td.nb-t`) that holds the image. */
  column: Box;
  loaded: boolean;
  style: { fontFamily: string; fontSize: string; color: string };
}

export interface RtlSample {
  tag: string;
  direction: string;
  /** Distance from the text's right end to its block's right content edge (0 = flush right). */
  gapRight: number;
  text: string;
}

export interface PageProbe {
  viewport: number;
  scrollWidth: number;
  scrollHeight: number;
  dir: string;
  prefersDark: boolean;
  /** `[r, g, b]` of the body's first opaque background (the page behind the email). */
  background: number[];
  headlines: (Box & { text: string })[];
  texts: TextSample[];
  preheader: { box: Box; visibleText: boolean } | undefined;
  images: ImageSample[];
  rtl: RtlSample[];
  lists: { paddingLeft: string; paddingRight: string }[];
  /** Computed font-family of the first body paragraph (which font the engine resolves varies). */
  bodyFont: string;
}

/** Runs in the page. Returns plain JSON. */
export function probe(): PageProbe {
  const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
  const boxOf = (element: Element): Box => {
    const r = element.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, width: r.width, height: r.height };
  };
  const backgroundOf = (element: Element | null): number[] => {
    for (let e = element; e; e = e.parentElement) {
      const bg = rgb(getComputedStyle(e).backgroundColor);
      if (bg.length === 3 || (bg[3] ?? 0) > 0) return bg.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const visible = (element: Element) => {
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    const r = element.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const inPreheader = (element: Element) => element.closest('.nb-preheader') !== null;
  const ownText = (element: Element) =>
    [...element.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();

  const texts = [...document.body.querySelectorAll('*')]
    .filter((e) => !inPreheader(e) && ownText(e) && visible(e))
    .map((e) => ({
      tag: e.tagName.toLowerCase(),
      text: (e.textContent ?? '').trim().slice(0, 40),
      color: rgb(getComputedStyle(e).color).slice(0, 3),
      background: backgroundOf(e),
    }));

  const preheaderElement = document.querySelector('.nb-preheader');
  let preheader: PageProbe['preheader'];
  if (preheaderElement) {
    // Visible means a reader could see any of its text: a box with area that is not transparent.
    const style = getComputedStyle(preheaderElement);
    const box = boxOf(preheaderElement);
    const visibleText =
      style.display !== 'none' &&
      style.visibility !== 'hidden' &&
      Number(style.opacity) > 0 &&
      box.width > 0 &&
      box.height > 0;
    preheader = { box, visibleText };
  }

  const images = [...document.images]
    .filter((img) => visible(img))
    .map((img) => {
      const cell = img.closest('td');
      const cellBox = cell ? boxOf(cell) : boxOf(document.body);
      const cellStyle = cell ? getComputedStyle(cell) : undefined;
      const padLeft = cellStyle ? Number.parseFloat(cellStyle.paddingLeft) : 0;
      const padRight = cellStyle ? Number.parseFloat(cellStyle.paddingRight) : 0;
      const style = getComputedStyle(img);
      return {
        alt: img.alt,
        className: img.className,
        attributes: { width: img.getAttribute('width'), height: img.getAttribute('height') },
        box: boxOf(img),
        column: {
          ...cellBox,
          left: cellBox.left + padLeft,
          right: cellBox.right - padRight,
          width: cellBox.width - padLeft - padRight,
        },
        loaded: img.complete && img.naturalWidth > 0,
        style: { fontFamily: style.fontFamily, fontSize: style.fontSize, color: style.color },
      };
    });

  const rtl =
    document.documentElement.dir === 'rtl'
      ? [...document.querySelectorAll('.nb-t p, .nb-t h1, .nb-t h2, .nb-t li')]
          .filter((e) => !e.classList.contains('nb-rule') && visible(e) && (e.textContent ?? '').trim())
          .map((e) => {
            const range = document.createRange();
            range.selectNodeContents(e);
            const style = getComputedStyle(e);
            const contentRight = e.getBoundingClientRect().right - Number.parseFloat(style.paddingRight);
            return {
              tag: e.tagName.toLowerCase(),
              direction: style.direction,
              gapRight: Math.round(contentRight - range.getBoundingClientRect().right),
              text: (e.textContent ?? '').trim().slice(0, 30),
            };
          })
      : [];

  const firstParagraph = document.querySelector('.nb-t p:not(.nb-rule)');
  return {
    viewport: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    dir: document.documentElement.dir,
    prefersDark: window.matchMedia('(prefers-color-scheme: dark)').matches,
    background: backgroundOf(document.body),
    headlines: [...document.querySelectorAll('h1, h2')].map((h) => ({
      ...boxOf(h),
      text: (h.textContent ?? '').trim().slice(0, 40),
    })),
    texts,
    preheader,
    images,
    rtl,
    lists: [...document.querySelectorAll('.nb-t ul')].map((ul) => {
      const style = getComputedStyle(ul);
      return { paddingLeft: style.paddingLeft, paddingRight: style.paddingRight };
    }),
    bodyFont: firstParagraph ? getComputedStyle(firstParagraph).fontFamily : '',
  };
}

/**
 * `probe` as an expression for any engine's evaluate. Transpilers that keep function names
 * (tsx, esbuild's keepNames) wrap nested functions in a `__name` helper that does not exist in
 * the page, so the expression brings a no-op one.
 */
export const probeExpression = `(() => { const __name = (f) => f; return (${probe.toString()})(); })()`;
