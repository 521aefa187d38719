/**
 * Amazon SES v2: one `SendBulkEmail` (`POST /v2/email/outbound-bulk-emails`) per 50 entries.
 * The edition goes once per call as an inline template (`TemplateContent`), or by name from a
 * stored template made with `sesTemplate`; reader tokens become `{{NAME}}` and each entry carries
 * its reader's `ReplacementTemplateData` and one-click `ReplacementHeaders`. SES runs templates
 * through Handlebars and does not escape values, so `{{` in the copy is broken up and values come
 * escaped for their part.
 */
import { NewsbriefError } from '../errors.js';
import { quote } from '../normalize/links.js';
import type { ReaderTokenSource } from '../readers/tokens.js';
import { headerPhrase } from './headers.js';
import type { MergeSyntax } from './merge.js';
import { mergeCopy, mergeValues } from './merge.js';
import type { EspPlan, MailboxParts, PreparedMessage } from './plan.js';

/** A header as SES takes it. */
export type SesHeader = { Name: string; Value: string };

/** A name/value message tag. */
export type SesTag = { Name: string; Value: string };

/** One bulk entry: one recipient, their template data and headers. */
export type SesBulkEmailEntry = {
  Destination: { ToAddresses: string[] };
  ReplacementEmailContent?: { ReplacementTemplate: { ReplacementTemplateData: string } };
  ReplacementHeaders?: SesHeader[];
};

/** The edition as an SES template: subject, HTML and text with `{{NAME}}` variables. */
export type SesTemplateContent = { Subject: string; Html: string; Text: string };

/** The `SendBulkEmailCommand` input of `@aws-sdk/client-sesv2` (PascalCase, as on the wire). */
export type SesBatchBody = {
  FromEmailAddress: string;
  ReplyToAddresses?: string[];
  DefaultEmailTags?: SesTag[];
  ConfigurationSetName?: string;
  DefaultContent: {
    Template: {
      TemplateContent?: SesTemplateContent;
      TemplateName?: string;
      TemplateData: string;
      Headers?: SesHeader[];
    };
  };
  BulkEmailEntries: SesBulkEmailEntry[];
};

/** The `CreateEmailTemplateCommand` input for a stored template of this edition. */
export type SesStoredTemplate = { TemplateName: string; TemplateContent: SesTemplateContent };

/** SES's own subscription-management tag stays live; every other `{{` in the copy is broken. */
const braces = /\{\{amazonSESUnsubscribeUrl\}\}|\{(?=\{)/g;

const sesSyntax: MergeSyntax = {
  variable: (name) => `{{${name}}}`,
  inert(copy, part, beforeToken, afterToken) {
    const html = part === 'html';
    let out = copy.replace(braces, (found) => (found === '{' ? (html ? '&#123;' : '{\u2060') : found));
    // `{` or `\` just before a variable would make `{{{NAME}}}` or the escaped `\{{NAME}}`; `}` just after, `}}}`.
    if (beforeToken && /[{\\]$/.test(out)) {
      const last = out.at(-1) as string;
      out = out.slice(0, -1) + (html ? (last === '{' ? '&#123;' : '&#92;') : `${last}\u2060`);
    }
    if (afterToken && out.startsWith('}')) out = (html ? '&#125;' : '\u2060}') + out.slice(1);
    return out;
  },
};

function templateContent(result: ReaderTokenSource) {
  const copy = mergeCopy(result, sesSyntax);
  return { copy, content: { Subject: copy.subject, Html: copy.html, Text: copy.text } };
}

/**
 * The stored SES template for an edition: pass it to `CreateEmailTemplateCommand` once, then send
 * with `espBatches(result, recipients, { esp: 'ses', templateName, … })` (same variables).
 *
 * @example
 * await ses.send(new CreateEmailTemplateCommand(sesTemplate(result, 'morning-brief-2026-03-14')));
 */
export function sesTemplate(result: ReaderTokenSource, templateName: string): SesStoredTemplate {
  if (typeof templateName !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(templateName)) {
    throw new NewsbriefError(
      `templateName: expected letters, digits, _ and - (at most 64), found ${typeof templateName === 'string' ? quote(templateName) : typeof templateName}.`,
    );
  }
  return { TemplateName: templateName, TemplateContent: templateContent(result).content };
}

/**
 * An address SES accepts: it has no SMTPUTF8, so the local part must be ASCII; a non-ASCII
 * domain goes as punycode and a non-ASCII name as an RFC 2047 encoded-word.
 */
export function sesMailbox(parts: MailboxParts, field: string): string {
  const at = parts.email.lastIndexOf('@');
  const local = parts.email.slice(0, at);
  if (/[^\x20-\x7e]/.test(local)) {
    throw new NewsbriefError(
      `${field}: expected an address with an ASCII local part (Amazon SES does not support SMTPUTF8), found ${quote(parts.email)}.`,
    );
  }
  const rawDomain = parts.email.slice(at + 1);
  const domain = /[^\x20-\x7e]/.test(rawDomain) ? new URL(`http://${rawDomain}`).hostname : rawDomain;
  const email = `${local}@${domain}`;
  return parts.name === undefined ? email : `${headerPhrase(parts.name)} <${email}>`;
}

function headerList(headers: Readonly<Record<string, string>>): SesHeader[] {
  return Object.entries(headers).map(([Name, Value]) => ({ Name, Value }));
}

export function sesPlan(
  message: PreparedMessage,
  options: { templateName?: string; configurationSetName?: string },
): EspPlan<SesBatchBody> {
  const { copy, content } = templateContent(message.result);
  const template: SesBatchBody['DefaultContent']['Template'] =
    options.templateName === undefined
      ? { TemplateContent: content, TemplateData: '{}' }
      : { TemplateName: sesTemplate(message.result, options.templateName).TemplateName, TemplateData: '{}' };
  if (Object.keys(message.headers).length > 0) template.Headers = headerList(message.headers);
  const fixed: Omit<SesBatchBody, 'BulkEmailEntries'> = {
    FromEmailAddress: sesMailbox(message.from, 'options.from'),
    DefaultContent: { Template: template },
  };
  if (message.replyTo) fixed.ReplyToAddresses = [sesMailbox(message.replyTo, 'options.replyTo')];
  if (message.tags.length > 0)
    fixed.DefaultEmailTags = message.tags.map((tag) => ({ Name: tag, Value: 'true' }));
  if (options.configurationSetName !== undefined) fixed.ConfigurationSetName = options.configurationSetName;
  return {
    size: 50,
    path: '/v2/email/outbound-bulk-emails',
    body(chunk) {
      const entries = chunk.map((recipient): SesBulkEmailEntry => {
        const entry: SesBulkEmailEntry = {
          Destination: { ToAddresses: [sesMailbox(recipient, `recipients[${recipient.position}].email`)] },
          ReplacementEmailContent: {
            ReplacementTemplate: {
              ReplacementTemplateData: JSON.stringify(
                mergeValues(copy.variables, recipient.data, `recipients[${recipient.position}].data`),
              ),
            },
          },
        };
        if (Object.keys(recipient.headers).length > 0)
          entry.ReplacementHeaders = headerList(recipient.headers);
        return entry;
      });
      return { ...fixed, BulkEmailEntries: entries };
    },
  };
}
