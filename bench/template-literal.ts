/**
 * The floor: the same email as newsbrief's default templates, hand-written as template literals
 * over the raw briefing (own escaping, inline Markdown and sugar handling, no validation, no text
 * part). Same skeleton (one MJML-style section, a row per part, MSO ghost tables), same inline
 * styles and dark-mode block, default theme only.
 */
import type { Briefing, SectionBody, Story } from '../src/index.js';

const font = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const brand = '#0b5cab';
const muted = '#616466';
const p = 'margin:0 0 16px';
const mutedP = `${p};font-size:14px;color:${muted}`;
const link = `color:${brand};text-decoration:underline`;
const rule = `<p class="nb-rule" style="margin:0 0 24px;border-top:1px solid #d6d7d8;font-size:1px;line-height:1px">&nbsp;</p>`;

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (value: string) => value.replace(/[&<>"']/g, (ch) => escapes[ch] as string);

/** `**bold**`, `*italic*` / `_italic_`, `[label](url)` over escaped text. */
function inline(text: string | undefined): string {
  if (!text) return '';
  return esc(text)
    .replace(/\[([^\]]+)\]\(((?:https?:|mailto:)[^)\s]+)\)/g, `<a href="$2" style="${link}">$1</a>`)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])/g, '$1<em>$2</em>');
}

/** Whitespace-separated words of the prose a reader reads, counted in one pass per field. */
function words(text: string | undefined): number {
  if (!text) return 0;
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const space = text.charCodeAt(i) <= 0x20;
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

function bodyWords(body: SectionBody | undefined): number {
  if (body === undefined) return 0;
  if (typeof body === 'string') return words(body);
  if (Array.isArray(body)) return body.reduce((n, bullet) => n + words(bullet), 0);
  return words(body.text) + (body.bullets ?? []).reduce((n, bullet) => n + words(bullet), 0);
}

function storyWords(s: Story): number {
  return (
    words(s.headline) +
    words(s.lede) +
    bodyWords(s.whyItMatters) +
    bodyWords(s.flashback) +
    bodyWords(s.whatsNext) +
    (s.sections ?? []).reduce((n, x) => n + bodyWords(x), 0)
  );
}

/** One date format per locale, made once: what any hand-written renderer would keep. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(locale, format);
  }
  return format;
}

function row(padding: string, content: string): string {
  return `<tr><td align="left" class="nb-t" style="font-size:0px;padding:${padding};word-break:break-word"><div style="font-family:${font};font-size:16px;line-height:1.5;text-align:left;color:#1d2125">${content}</div></td></tr>`;
}

function section(label: string, body: SectionBody | undefined): string {
  if (body === undefined) return '';
  const { text, bullets = [] } =
    typeof body === 'string' ? { text: body } : Array.isArray(body) ? { bullets: body } : body;
  const list = bullets.length
    ? `<ul style="${p};padding:0;padding-left:24px">${bullets.map((b) => `<li style="margin:0 0 8px">${inline(b)}</li>`).join('')}</ul>`
    : '';
  return `<p style="${p}"><strong>${esc(label)}:</strong>${text ? ` ${inline(text)}` : ''}</p>${list}`;
}

function story(s: Story, index: number): string {
  const image = s.image
    ? `<p style="${p}"><img class="nb-img" src="${esc(s.image.src)}" alt="${esc(s.image.alt)}" width="552" style="display:block;width:100%;height:auto;border:0;max-width:552px">${s.image.credit ? `<span class="nb-muted" style="font-size:14px;color:${muted};display:block;margin-top:4px">${inline(s.image.credit)}</span>` : ''}</p>`
    : '';
  const url = s.source?.url;
  const label = s.source?.label;
  const sourceText =
    label && label !== 'Go deeper'
      ? label
      : `${label ?? 'Go deeper'}: ${url ? new URL(url).hostname.replace(/^www\./, '') : ''}`;
  return row(
    '8px 24px 0',
    `${index ? rule : ''}${s.kicker ? `<p class="nb-kicker" style="margin:0 0 4px;font-size:14px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:${brand}">${inline(s.kicker)}</p>` : ''}<h2 id="story-${index + 1}" style="margin:0 0 8px;font-size:24px;line-height:1.25;font-weight:800"><span class="nb-num" style="color:${brand}">${index + 1}.</span> ${inline(s.headline)}</h2>${s.byline ? `<p class="nb-muted" style="${mutedP}">${inline(s.byline)}</p>` : ''}${image}${s.lede ? `<p style="${p}">${inline(s.lede)}</p>` : ''}${section('Why it matters', s.whyItMatters)}${section('Flashback', s.flashback)}${(s.sections ?? []).map((x) => section(x.label ?? '', x)).join('')}${section("What's next", s.whatsNext)}${url ? `<p class="nb-go" style="${p};font-weight:700"><a href="${esc(url)}" style="${link}">${esc(sourceText)}</a></p>` : ''}`,
  );
}

const head = `<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"><style data-embed>:root{color-scheme:light dark;supported-color-schemes:light dark}@media (prefers-color-scheme:dark){.nb-body,.nb-body>div,.nb-s,.nb-s td,.nb-s>table{background:#121417!important;background-color:#121417!important}.nb-t div,.nb-t h1,.nb-t h2,.nb-t li,.nb-t p{color:#e6e8eb!important}.nb-t a{color:#4885c0!important}.nb-t .nb-kicker,.nb-t .nb-num{color:#4885c0!important}.nb-t .nb-muted{color:#a6a8ab!important}.nb-t .nb-rule{border-color:#47494c!important}}[data-ogsb] .nb-s,[data-ogsb] .nb-s td{background-color:#121417!important}[data-ogsc] .nb-t div,[data-ogsc] .nb-t h1,[data-ogsc] .nb-t h2,[data-ogsc] .nb-t li,[data-ogsc] .nb-t p{color:#e6e8eb!important}[data-ogsc] .nb-t a{color:#4885c0!important}[data-ogsc] .nb-t .nb-kicker,[data-ogsc] .nb-t .nb-num{color:#4885c0!important}[data-ogsc] .nb-t .nb-muted{color:#a6a8ab!important}</style>`;

/** Renders the briefing as the default newsbrief email, by hand. */
export function renderTemplateLiteral(b: Briefing): string {
  const lang = esc(b.locale ?? 'en-US');
  const subject = esc(b.subject ?? b.stories[0]?.headline ?? b.title);
  const preheader = esc(b.preheader ?? b.stories[0]?.lede ?? '');
  const words = b.stories.reduce((n, s) => n + storyWords(s), 0);
  const date = b.date ? dateFormat(b.locale ?? 'en-US').format(new Date(`${b.date}T12:00:00Z`)) : '';
  const f = b.footer ?? {};
  const links = [
    f.unsubscribeUrl && `<a href="${esc(f.unsubscribeUrl)}" style="${link}">Unsubscribe</a>`,
    f.preferencesUrl && `<a href="${esc(f.preferencesUrl)}" style="${link}">Manage preferences</a>`,
  ].filter(Boolean);
  const masthead = row(
    '32px 24px 8px',
    `<h1 style="margin:0;font-size:28px;line-height:1.2;font-weight:800;color:${brand}">${esc(b.title)}</h1>${date ? `<p class="nb-muted" style="font-size:14px;color:${muted};margin:4px 0 16px"><time datetime="${esc(b.date ?? '')}">${date}</time></p>` : ''}${b.greeting ? `<p style="${p}">${inline(b.greeting)}</p>` : ''}<p class="nb-muted" style="${mutedP}">Smart Brevity count: ${words.toLocaleString('en-US')} words ... ${Math.ceil((words / 265) * 2) / 2} minutes</p>`,
  );
  const footer = row(
    '8px 24px 0',
    `${rule}${f.text ? `<p class="nb-muted" style="${mutedP}">${inline(f.text)}</p>` : ''}${f.address ? `<p class="nb-muted" style="${mutedP}">${inline(f.address)}</p>` : ''}${links.length ? `<p class="nb-muted" style="${mutedP}">${links.join(' &middot; ')}</p>` : ''}`,
  );
  return `<!doctype html><html lang="${lang}" dir="ltr" xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><head><title>${subject}</title><!--[if !mso]><!--><meta http-equiv="X-UA-Compatible" content="IE=edge"><!--<![endif]--><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="viewport" content="width=device-width,initial-scale=1"><style type="text/css">#outlook a{padding:0}body{margin:0;padding:0;-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%}table,td{border-collapse:collapse;mso-table-lspace:0pt;mso-table-rspace:0pt}img{border:0;height:auto;line-height:100%;outline:0;text-decoration:none;-ms-interpolation-mode:bicubic}p{display:block;margin:13px 0}</style><!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:AllowPNG/><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]--><!--[if lte mso 11]><style type="text/css">.mj-outlook-group-fix{width:100%!important}</style><![endif]-->${head}</head><body class="nb-body" style="word-spacing:normal;background-color:#ffffff"><div aria-label="${subject}" aria-roledescription="email" role="article" lang="${lang}" dir="ltr" style="word-spacing:normal;background-color:#ffffff"><div class="nb-preheader" style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all">${preheader}${'\u034f\u200c\u00a0'.repeat(Math.max(0, Math.ceil((200 - preheader.length) / 3)))}</div><!--[if mso | IE]><table align="center" border="0" cellpadding="0" cellspacing="0" class="nb-s-outlook" role="presentation" style="width:600px" width="600" bgcolor="#ffffff"><tr><td style="line-height:0px;font-size:0px;mso-line-height-rule:exactly"><![endif]--><div class="nb-s" style="background:#ffffff;background-color:#ffffff;margin:0 auto;max-width:600px"><table align="center" border="0" cellpadding="0" cellspacing="0" role="presentation" style="background:#ffffff;background-color:#ffffff;width:100%"><tbody><tr><td style="border-top:6px solid ${brand};direction:ltr;font-size:0px;padding:0 0 32px;text-align:center"><!--[if mso | IE]><table role="presentation" border="0" cellpadding="0" cellspacing="0"><tr><td class="" style="vertical-align:top;width:600px"><![endif]--><div class="mj-column-per-100 mj-outlook-group-fix" style="font-size:0px;text-align:left;direction:ltr;display:inline-block;vertical-align:top;width:100%"><table border="0" cellpadding="0" cellspacing="0" role="presentation" style="vertical-align:top" width="100%"><tbody>${masthead}${b.stories.map(story).join('')}${footer}</tbody></table></div><!--[if mso | IE]></td></tr></table><![endif]--></td></tr></tbody></table></div><!--[if mso | IE]></td></tr></table><![endif]--></div></body></html>`;
}
