/** Theme tokens: validation, defaults, and the derived colours (muted text, rules, dark palette). */
import * as v from 'valibot';
import { BriefingValidationError } from '../errors.js';
import { lineControlFound, textCharacterProblem, urlCharacterProblem } from '../normalize/text-hygiene.js';
import { describe, formatPath, record } from '../schema.js';

/**
 * Brand tokens. Colours are 3- or 6-digit hex. Text colours (brand, text, link) under 4.5:1 on
 * `backgroundColor` are darkened (or lightened) just enough to reach 4.5:1.
 */
export interface Theme {
  /** Masthead rule, kicker and story numbers. @default "#0b5cab" */
  brandColor?: string;
  /** Body text. @default "#1d2125" */
  textColor?: string;
  /** Email background. @default "#ffffff" */
  backgroundColor?: string;
  /** Links. @default "#0b5cab" */
  linkColor?: string;
  /**
   * CSS font stack: font names separated by commas, a name with spaces in single quotes
   * (`Georgia, 'Times New Roman', serif`). Letters, digits, spaces, hyphens, underscores and
   * periods only: no `;`, braces, `<`, double quotes or line breaks. @default system sans-serif stack
   */
  fontFamily?: string;
  /** https URL of a logo shown above the title (shown 40 px high). */
  logoUrl?: string;
  /** Alt text of the logo. @default the briefing title */
  logoAlt?: string;
  /** Logo for dark mode (Apple Mail, Outlook.com and others that honour `prefers-color-scheme`). */
  logoDarkUrl?: string;
  /**
   * Logo width in px, with `logoHeight` (the file's pixel size will do): the logo is shown 40 px
   * high, and these give its width so a client that blocks images keeps the logo's box.
   */
  logoWidth?: number;
  /** Logo height in px, with `logoWidth`. */
  logoHeight?: number;
  /** Logo width ÷ height (`4` for a 160×40 logo), instead of `logoWidth` and `logoHeight`. */
  logoAspectRatio?: number;
  /** Email width in px, 480–800. @default 600 */
  width?: number;
}

/** Dark-mode palette, derived from the theme so each colour keeps 4.5:1 contrast on the dark background. */
export interface DarkPalette {
  backgroundColor: string;
  textColor: string;
  linkColor: string;
  brandColor: string;
  mutedColor: string;
  ruleColor: string;
}

type LogoToken = 'logoUrl' | 'logoAlt' | 'logoDarkUrl' | 'logoWidth' | 'logoHeight' | 'logoAspectRatio';

export interface ResolvedTheme extends Required<Omit<Theme, LogoToken>>, Pick<Theme, LogoToken> {
  mutedColor: string;
  ruleColor: string;
  dark: DarkPalette;
}

export const defaultTheme = {
  brandColor: '#0b5cab',
  textColor: '#1d2125',
  backgroundColor: '#ffffff',
  linkColor: '#0b5cab',
  fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  width: 600,
} as const;

const show = (input: unknown) => JSON.stringify(input) ?? String(input);

const hex = (field: string) =>
  v.pipe(
    v.string(),
    v.regex(
      /^#(?:[0-9a-fA-F]{3}){1,2}$/,
      (issue) => `expected a hex colour like "#0b5cab" for ${field}, found ${show(issue.input)}`,
    ),
  );
/** A check whose message says what is wrong: `problem` returns it, or `undefined` when all is well. */
const problemCheck = (problem: (value: string) => string | undefined) =>
  v.rawCheck<string>(({ dataset, addIssue }) => {
    const message = dataset.typed ? problem(dataset.value) : undefined;
    if (message) addIssue({ message });
  });

const httpsUrl = v.pipe(
  v.string(),
  problemCheck(urlCharacterProblem),
  v.check(
    (value) => URL.canParse(value) && new URL(value).protocol === 'https:',
    (issue) => `expected an https URL, found ${show(issue.input)}`,
  ),
);
const pixels = (field: string) =>
  v.pipe(
    v.number((issue) => `expected ${field} in px, found ${show(issue.input)}`),
    v.integer((issue) => `expected a whole number of px for ${field}, found ${show(issue.input)}`),
    v.minValue(1, (issue) => `expected ${field} of at least 1 px, found ${show(issue.input)}`),
    v.maxValue(10_000, (issue) => `expected ${field} of at most 10000 px, found ${show(issue.input)}`),
  );

/** What a character in a font stack could break: said in the error, so the fix is clear. */
const fontStackBreakers: Record<string, string> = {
  ';': 'which would end the CSS declaration',
  '{': 'which would open a CSS block',
  '}': 'which would close the CSS block',
  '<': 'which would end the style element',
  '>': 'which is not part of a font name',
  '"': "which would end the HTML attribute the font is inlined into; quote names with ' instead",
  '\\': 'which would start a CSS escape',
};

/** Letters, digits, spaces, hyphens, underscores and periods: what font names are made of. */
const fontNameCharacter = /[\p{L}\p{N} ._-]/u;

/**
 * Why a font stack is refused, or `undefined`. Each comma-separated entry is a name, unquoted or
 * wrapped whole in single quotes (`Georgia, 'Times New Roman', serif`): nothing that could end
 * the declaration, the rule, the style element or the attribute the stack is written into.
 */
export function fontStackProblem(value: string): string | undefined {
  if (value.length === 0 || value.length > 200) {
    return `expected a CSS font stack of 1–200 characters, found ${value.length}`;
  }
  const control = lineControlFound(value);
  if (control) return `expected a CSS font stack on one line, without control characters, ${control}`;
  const at = (index: number) => `at character ${index + 1}`;
  for (let index = 0; index < value.length; index += 1) {
    const character = value[index] as string;
    if (character === ',' || character === "'" || fontNameCharacter.test(character)) continue;
    const why = fontStackBreakers[character];
    return `expected a CSS font stack of font names separated by commas (letters, digits, spaces, periods, hyphens, underscores; single quotes around a whole name), found ${JSON.stringify(character)} ${at(index)}${why ? `, ${why}` : ''}`;
  }
  let start = 0;
  while (start <= value.length) {
    let end = value.indexOf(',', start);
    const first = value.slice(start).search(/\S/) + start;
    if (value[first] === "'") {
      const close = value.indexOf("'", first + 1);
      if (close < 0) return `expected each quoted font name to be closed, found an unclosed ' ${at(first)}`;
      const after = value.slice(close + 1).search(/\S/);
      if (after >= 0 && value[close + 1 + after] !== ',') {
        return `expected a comma after the quoted font name, found ${JSON.stringify(value[close + 1 + after])} ${at(close + 1 + after)}`;
      }
      end = value.indexOf(',', close);
    }
    if (end < 0) end = value.length;
    const entry = value.slice(start, end);
    if (entry.trim() === '') return `expected a font name between commas, found none ${at(start)}`;
    const quote = value[first] === "'" ? -1 : entry.indexOf("'");
    if (quote >= 0)
      return `expected quotes around a whole font name, found ' ${at(start + quote)} inside a name`;
    start = end + 1;
  }
  return undefined;
}

const themeSchema = v.pipe(
  record({
    brandColor: v.optional(hex('brandColor')),
    textColor: v.optional(hex('textColor')),
    backgroundColor: v.optional(hex('backgroundColor')),
    linkColor: v.optional(hex('linkColor')),
    fontFamily: v.optional(v.pipe(v.string(), problemCheck(fontStackProblem))),
    logoUrl: v.optional(httpsUrl),
    logoAlt: v.optional(
      v.pipe(
        v.string(),
        v.maxLength(
          200,
          (issue) => `expected logo alt text of at most 200 characters, found ${issue.input.length}`,
        ),
        problemCheck((value) => textCharacterProblem(value, false)),
      ),
    ),
    logoDarkUrl: v.optional(httpsUrl),
    logoWidth: v.optional(pixels('logoWidth')),
    logoHeight: v.optional(pixels('logoHeight')),
    logoAspectRatio: v.optional(
      v.pipe(
        v.number((issue) => `expected width ÷ height as a number (e.g. 4), found ${show(issue.input)}`),
        v.minValue(0.1, (issue) => `expected an aspect ratio of at least 0.1, found ${show(issue.input)}`),
        v.maxValue(20, (issue) => `expected an aspect ratio of at most 20, found ${show(issue.input)}`),
      ),
    ),
    width: v.optional(
      v.pipe(
        v.number((issue) => `expected a width in px (480–800), found ${show(issue.input)}`),
        v.integer((issue) => `expected a whole number of px, found ${show(issue.input)}`),
        v.minValue(480, (issue) => `expected a width of at least 480 px, found ${show(issue.input)}`),
        v.maxValue(800, (issue) => `expected a width of at most 800 px, found ${show(issue.input)}`),
      ),
    ),
  }),
  // The logo's proportions come from both dimensions, or from logoAspectRatio alone.
  v.forward(
    v.check(
      (theme) => (theme.logoWidth === undefined) === (theme.logoHeight === undefined),
      'expected logoWidth and logoHeight together (or logoAspectRatio alone), found only one',
    ),
    ['logoHeight'],
  ),
  v.forward(
    v.check(
      (theme) => theme.logoHeight === undefined || theme.logoAspectRatio === undefined,
      'expected either logoWidth and logoHeight or logoAspectRatio, found both',
    ),
    ['logoAspectRatio'],
  ),
);

/** Validates theme tokens (issues are reported under `theme.*`) and derives the full palette. */
export function resolveTheme(theme: Theme | undefined): ResolvedTheme {
  const result = v.safeParse(themeSchema, theme ?? {}, {
    message: (issue) =>
      `expected ${issue.expected === 'Object' ? 'an object' : issue.expected}, found ${describe(issue.input)}`,
  });
  if (!result.success) {
    throw new BriefingValidationError(
      result.issues.map((issue) => ({
        path: formatPath(['theme', ...(issue.path ?? []).map((item) => item.key as PropertyKey)]),
        message: issue.message,
      })),
    );
  }
  const merged = { ...defaultTheme, ...stripUndefined(result.output) };
  const backgroundColor = normalizeHex(merged.backgroundColor);
  // Brand, link and text colours are all text somewhere (title, kicker, links): a token under
  // 4.5:1 on the background is darkened (or lightened) just enough to reach it.
  // The dark palette starts from the tokens as given, which may already suit a dark background.
  const brandToken = normalizeHex(merged.brandColor);
  const linkToken = normalizeHex(merged.linkColor);
  const brandColor = ensureContrast(brandToken, backgroundColor);
  const textColor = ensureContrast(normalizeHex(merged.textColor), backgroundColor);
  const linkColor = ensureContrast(linkToken, backgroundColor);
  const darkBackground = '#121417';
  const darkText = '#e6e8eb';
  return {
    ...merged,
    brandColor,
    textColor,
    backgroundColor,
    linkColor,
    mutedColor: readableMix(textColor, backgroundColor, 0.3),
    ruleColor: mix(textColor, backgroundColor, 0.82),
    dark: {
      backgroundColor: darkBackground,
      textColor: darkText,
      linkColor: ensureContrast(linkToken, darkBackground),
      brandColor: ensureContrast(brandToken, darkBackground),
      mutedColor: readableMix(darkText, darkBackground, 0.3),
      ruleColor: mix(darkText, darkBackground, 0.75),
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function normalizeHex(color: string): string {
  const value = color.toLowerCase();
  if (value.length === 4) return `#${[...value.slice(1)].map((c) => c + c).join('')}`;
  return value;
}

function channels(color: string): [number, number, number] {
  const value = normalizeHex(color);
  return [1, 3, 5].map((i) => Number.parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: number[]): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.max(0, Math.min(255, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** `amount` of the way from `from` to `to`. */
function mix(from: string, to: string, amount: number): string {
  const a = channels(from);
  const b = channels(to);
  return toHex(a.map((c, i) => c + ((b[i] as number) - c) * amount));
}

/** WCAG 2 relative luminance. */
function luminance(color: string): number {
  const [r, g, b] = channels(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** A softer text colour that still keeps 4.5:1 on the background. */
function readableMix(text: string, background: string, amount: number): string {
  for (let step = amount; step > 0; step -= 0.05) {
    const candidate = mix(text, background, step);
    if (contrastRatio(candidate, background) >= 4.5) return candidate;
  }
  return text;
}

/** Lightens (on dark) or darkens (on light) a colour until it reaches 4.5:1 on the background. */
function ensureContrast(color: string, background: string): string {
  const target = luminance(background) < 0.5 ? '#ffffff' : '#000000';
  for (let step = 0; step <= 1; step += 0.05) {
    const candidate = mix(color, target, step);
    if (contrastRatio(candidate, background) >= 4.5) return candidate;
  }
  return target;
}
