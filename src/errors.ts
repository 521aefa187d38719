/**
 * Base class of every error newsbrief throws on purpose: bad input, a broken template override,
 * unparseable authoring text. Catch this to tell newsbrief's errors from bugs.
 */
export class NewsbriefError extends Error {
  override name = 'NewsbriefError';
}

/** One problem found in a briefing: where it is, written the way a person writes it, and what is wrong. */
export interface ValidationIssue {
  /** Field path such as `stories[2].sections[1].bullets[0]` or `footer.unsubscribeUrl`; `''` for the root. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

/**
 * Thrown (or returned by `validateBriefing`) when input does not match the briefing format.
 * `issues` lists every problem; `message` lists them all, one per line.
 */
export class BriefingValidationError extends NewsbriefError {
  override name = 'BriefingValidationError';
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.path || '(root)'}: ${issue.message}`);
    super(
      `Invalid briefing: ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}\n${lines.join('\n')}`,
    );
    this.issues = issues;
  }
}
