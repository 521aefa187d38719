/**
 * Build time: the default template (Handlebars over MJML's output) → the source of one plain
 * render function, so a default render runs template-literal code instead of the Handlebars
 * runtime (an options object, a program wrapper and a wrapped helper call per block, a data frame
 * per iteration). Templates stay Handlebars: this reads Handlebars' own parse tree (whitespace
 * control applied) and supports the part of the language the default templates use, with the
 * runtime's semantics (template-runtime.ts): `{{path}}`, `{{{path}}}`, `this`, `@root`,
 * `@first` / `@last` / `@index` / `@key`, and `{{#if}}`, `{{#unless}}`, `{{#each}}`, `{{#with}}`
 * with `{{else}}`. Anything else is an error here, at build time; overrides are compiled by
 * Handlebars itself. test/template-codegen.test.ts renders both ways and compares bytes.
 */
import Handlebars from 'handlebars';
import { utf8Extra } from '../render/bytes.js';

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type PathExpression = hbs.AST.PathExpression;

/** Where a template is being compiled: the context variable, and the innermost `{{#each}}`'s. */
interface Scope {
  context: string;
  each?: { index: string; first: string; last: string; key: string };
}

/**
 * What a statement of an `{{#each}}` body reads from outside the body, while it is generated:
 * each expression with its base variable, and whether it was a block's argument (an object whose
 * identity, not text, decides the output).
 */
interface Reads {
  /** Variables numbered above this were made inside the statement. */
  after: number;
  /** The body's own item and `@` data variables. */
  own: Set<string>;
  outer: Map<string, { base: string; block: boolean }>;
}

const builtInHelpers = new Set([
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'helperMissing',
  'blockHelperMissing',
]);

/**
 * The module source of `export function name(root)` rendering `template` as Handlebars would,
 * importing its helpers from `runtimeModule`. With `keptRuns`, `{{#each}}` bodies splice the html
 * kept on kept views (an edition set's shared stories, see `eachBody`).
 */
export function generateRenderFunction(
  template: string,
  name: string,
  runtimeModule: string,
  { keptRuns = false }: { keptRuns?: boolean } = {},
): string {
  const generator = new Generator(keptRuns);
  const body = generator.program(Handlebars.parse(template), { context: 'root' });
  const helpers = [
    ...(keptRuns ? ['bytesMark', 'counted'] : []),
    'each',
    'escaped',
    'field',
    'get',
    ...(keptRuns ? ['kept'] : []),
    'present',
    ...(generator.writesText ? ['staticText'] : []),
    'truthy',
    'unescaped',
  ];
  // The default template also counts the UTF-8 bytes it writes (see `counted`).
  const statement = keptRuns ? `return counted(${body}, mark);` : `return ${body};`;
  return [
    `import { ${helpers.join(', ')} } from ${JSON.stringify(runtimeModule)};`,
    '',
    `export function ${name}(root) {`,
    ...(keptRuns ? ['  const mark = bytesMark();'] : []),
    `  ${statement}`,
    '}',
  ].join('\n');
}

class Generator {
  private variables = 0;
  private reads: Reads | undefined;
  private segments = 0;
  /** Whether the code calls `staticText` (static text outside ASCII): the import names it then. */
  writesText = false;

  constructor(private readonly keptRuns: boolean) {}

  /** An expression for the output of `program` in `scope`. */
  program(program: Program | undefined, scope: Scope): string {
    if (!program) return "''";
    const parts = program.body.map((node) => this.statement(node, scope)).filter((part) => part !== "''");
    return parts.length === 0 ? "''" : parts.join(' + ');
  }

  private statement(node: Node, scope: Scope): string {
    switch (node.type) {
      case 'ContentStatement': {
        const value = (node as hbs.AST.ContentStatement).value;
        const extra = utf8Extra(value);
        // Static text outside ASCII adds to the byte count when it is written (see `staticText`).
        if (extra === 0) return JSON.stringify(value);
        this.writesText = true;
        return `staticText(${JSON.stringify(value)}, ${extra})`;
      }
      case 'CommentStatement':
        return "''";
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        if (mustache.params.length > 0 || mustache.hash) unsupported(node, 'helper calls');
        const path = this.path(mustache.path, scope, false);
        return `${mustache.escaped ? 'escaped' : 'unescaped'}(${path}, ${scope.context})`;
      }
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, scope);
      default:
        return unsupported(node, node.type);
    }
  }

  private block(block: hbs.AST.BlockStatement, scope: Scope): string {
    const helper = block.path as PathExpression;
    const name = helper.original;
    if (block.params.length !== 1 || block.hash || block.program.blockParams?.length) {
      unsupported(block, `{{#${name}}} with other than one argument`);
    }
    const value = this.path(block.params[0] as PathExpression, scope, true);
    const inverse = this.program(block.inverse, scope);
    switch (name) {
      case 'if':
        return `(truthy(${value}, ${scope.context}) ? ${this.program(block.program, scope)} : ${inverse})`;
      case 'unless':
        return `(truthy(${value}, ${scope.context}) ? ${inverse} : ${this.program(block.program, scope)})`;
      case 'with': {
        const context = this.variable('c');
        const inner = this.program(block.program, { ...scope, context });
        return `((${context}) => (${context} === undefined ? ${inverse} : ${inner}))(present(${value}, ${scope.context}))`;
      }
      case 'each': {
        const context = this.variable('c');
        const frame = {
          index: this.variable('i'),
          first: this.variable('f'),
          last: this.variable('l'),
          key: this.variable('k'),
        };
        // Only an outermost `{{#each}}` keeps runs: one nested in it is written once inside the
        // run that holds it, and in every other render a kept() check per item would only cost.
        const inner =
          this.keptRuns && this.reads === undefined
            ? this.eachBody(block.program, { context, each: frame })
            : this.program(block.program, { context, each: frame });
        const params = [context, frame.index, frame.first, frame.last, frame.key].join(', ');
        return `each(${value}, ${scope.context}, (${params}) => ${inner}, () => ${inverse})`;
      }
      default:
        return unsupported(block, `the {{#${name}}} block`);
    }
  }

  /**
   * An `{{#each}}` body whose runs of statements are spliced from the item's kept html when the
   * item is a kept view (an edition set's shared story, see `kept` in template-runtime.ts). A run
   * is kept under a key of everything it reads from outside the item: the `@index`, `@first`,
   * `@last` and `@key` data and the outer values it prints (`@root.theme.textColor`…). Statements
   * that take an outer value as a block's argument (`{{#with @root.sponsor}}`) run every time.
   */
  private eachBody(program: Program, scope: Scope & { each: NonNullable<Scope['each']> }): string {
    const outerReads = this.reads;
    const own = new Set([scope.context, ...Object.values(scope.each)]);
    const parts: string[] = [];
    let run: { code: string[]; outer: Set<string> } | undefined;
    const closeRun = () => {
      if (!run) return;
      this.segments += 1;
      const key = [...Object.values(scope.each), ...run.outer].join(', ');
      parts.push(`kept(${scope.context}, ${this.segments}, () => [${key}], () => ${run.code.join(' + ')})`);
      run = undefined;
    };
    for (const node of program.body) {
      const reads: Reads = { after: this.variables, own, outer: new Map() };
      this.reads = reads;
      const code = this.statement(node, scope);
      this.reads = outerReads;
      // What this body reads from outside, the statement around it may read from outside too.
      for (const [expression, read] of reads.outer) this.noteRead(expression, read.base, read.block);
      if (code === "''") continue;
      const blocks = [...reads.outer.values()].some((read) => read.block);
      if (blocks || node.type === 'ContentStatement') {
        // Static text is cheaper written than looked up; a block on an outer object always runs.
        if (node.type === 'ContentStatement' && run) run.code.push(code);
        else {
          closeRun();
          parts.push(code);
        }
        continue;
      }
      run ??= { code: [], outer: new Set() };
      run.code.push(code);
      for (const expression of reads.outer.keys()) run.outer.add(expression);
    }
    closeRun();
    return parts.length === 0 ? "''" : parts.join(' + ');
  }

  /** An expression for a path's value; `block` when it is a block's argument. */
  private path(node: Node, scope: Scope, block: boolean): string {
    if (node.type !== 'PathExpression') return unsupported(node, `${node.type} arguments`);
    const path = node as PathExpression;
    if (path.depth > 0) unsupported(node, '../ paths');
    let base = scope.context;
    let parts = path.parts;
    if (path.data) {
      const [first, ...rest] = parts;
      parts = rest;
      if (first === 'root') base = 'root';
      else if (scope.each && (first === 'first' || first === 'last' || first === 'index' || first === 'key'))
        base = scope.each[first];
      else return unsupported(node, `@${first}`);
    } else if (parts.length === 1 && !isScoped(path) && builtInHelpers.has(parts[0] as string)) {
      unsupported(node, `the {{${parts[0]}}} helper`);
    }
    // `field` is a plain property read; `get` checks for an own property, for names an object
    // inherits (`constructor`…), as Handlebars' lookupProperty does for every name.
    const expression = parts.reduce((expression, part) => {
      const read = part in Object.prototype || part === '__proto__' ? 'get' : 'field';
      return `${read}(${expression}, ${JSON.stringify(part)})`;
    }, base);
    this.noteRead(expression, base, block);
    return expression;
  }

  /** Records a read from outside the `{{#each}}` body being generated, if it is one. */
  private noteRead(expression: string, base: string, block: boolean): void {
    const reads = this.reads;
    if (!reads || reads.own.has(base)) return;
    if (base !== 'root' && Number(base.slice(1)) > reads.after) return;
    const known = reads.outer.get(expression);
    reads.outer.set(expression, { base, block: block || known?.block === true });
  }

  private variable(prefix: string): string {
    this.variables += 1;
    return `${prefix}${this.variables}`;
  }
}

/** `this.x` or `./x`: never a helper. */
function isScoped(path: PathExpression): boolean {
  return /^(this|\.)(\/|\.|$)/.test(path.original);
}

function unsupported(node: Node, what: string): never {
  const at = node.loc ? ` (line ${node.loc.start.line}, column ${node.loc.start.column})` : '';
  throw new Error(`The default template uses ${what}${at}, which template-codegen.ts does not compile.`);
}
