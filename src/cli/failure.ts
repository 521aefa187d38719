/**
 * How the CLI fails: one line per problem, `file:line:col: message` where there is a line,
 * `file: message` where there is only a file, exit code 1, never a stack trace.
 */
import { BriefingValidationError, NewsbriefError } from '../errors.js';
import { SourceLineError } from '../parse/errors.js';

/** One problem: where it is (`file:line:col`, or `file`) and what is wrong there. */
export interface Problem {
  at: string;
  message: string;
}

/** A failure already worded for the terminal: each problem names its file (and line, when known). */
export class CommandError extends NewsbriefError {
  override name = 'CommandError';
  readonly problems: readonly Problem[];

  /** One problem at `at`, or several. */
  constructor(at: string | readonly Problem[], message = '') {
    const problems = typeof at === 'string' ? [{ at, message }] : at;
    super(problems.map((problem) => `${problem.at}: ${problem.message}`).join('\n'));
    this.problems = problems;
  }

  /** `file:line:col: message`, one line per problem. */
  get lines(): string[] {
    return this.message.split('\n');
  }
}

/** A line and column in a file, 1-based. */
export interface Place {
  line: number;
  column: number;
}

/** `file:3:5`, or `file` when the place is unknown. */
export function where(file: string, place: Place | undefined): string {
  return place ? `${file}:${place.line}:${place.column}` : file;
}

/**
 * The lines for a newsbrief error about `file`: a parse error at its line, each validation issue
 * at its field's place (`locate` finds it in the source), anything else after the file name.
 */
export function fileFailure(
  file: string,
  error: NewsbriefError,
  locate: (path: string) => Place | undefined = () => undefined,
): CommandError {
  if (error instanceof CommandError) return error;
  if (error instanceof SourceLineError) return new CommandError(where(file, error), error.reason);
  if (error instanceof BriefingValidationError) {
    return new CommandError(
      error.issues.map((issue) => ({
        at: where(file, locate(issue.path)),
        message: `${issue.path || '(root)'}: ${issue.message}`,
      })),
    );
  }
  return new CommandError(file, error.message);
}

/** Node's errors from the file system and the network carry a `code` such as `ENOENT`. */
export interface SystemError extends Error {
  code: string;
  path?: string;
  port?: number;
  syscall?: string;
}

export function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** A system error as a problem at `subject` (a file name), or at the port the server wanted. */
export function systemProblem(error: SystemError, subject = error.path): CommandError {
  const at = subject ?? (error.port !== undefined ? `port ${error.port}` : 'newsbrief');
  return new CommandError(at, systemReason(error));
}

function systemReason(error: SystemError): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'is a folder; expected a file';
    case 'ENOTDIR':
      return 'a part of this path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return error.syscall === 'listen'
        ? 'permission denied; ports below 1024 need privileges: pick another with --port'
        : 'permission denied';
    case 'EADDRINUSE':
      return 'already in use; stop what uses it, or pick another with --port (0 picks a free one)';
    case 'EADDRNOTAVAIL':
      return 'address not available on this machine';
    case 'EMFILE':
      return 'too many open files';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error.message;
  }
}

/** Runs `work`; a system error from it becomes a problem at `subject`. */
export async function onFile<T>(subject: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isSystemError(error) ? systemProblem(error, subject) : error;
  }
}

/**
 * The lines the top-level handler prints for any error, expected or not. An error newsbrief did
 * not mean to throw is a bug: one line with its message and where to report it, no stack.
 */
export function failureLines(error: unknown): readonly string[] {
  if (error instanceof CommandError) return error.lines;
  if (error instanceof BriefingValidationError) return fileFailure('newsbrief', error).lines;
  if (error instanceof NewsbriefError) return error.message.split('\n');
  if (isSystemError(error)) return systemProblem(error).lines;
  const message = error instanceof Error ? error.message : String(error);
  return [
    `newsbrief: unexpected error: ${message.split('\n')[0]} (this is a bug in newsbrief; please report it with the command you ran)`,
  ];
}
