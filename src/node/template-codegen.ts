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

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type PathExpression = hbs.AST.PathExpression;

/** Where a template is being compiled: the context variable, and the innermost `{{#each}}`'s. */
interface Scope {
  context: string;
  each?: { index: string; first: string; last: string; key: string };
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
 * importing its helpers from `runtimeModule`.
 */
export function generateRenderFunction(template: string, name: string, runtimeModule: string): string {
  const generator = new Generator();
  const body = generator.program(Handlebars.parse(template), { context: 'root' });
  return [
    `import { each, escaped, field, get, present, truthy, unescaped } from ${JSON.stringify(runtimeModule)};`,
    '',
    `export function ${name}(root) {`,
    `  return ${body};`,
    '}',
  ].join('\n');
}

class Generator {
  private variables = 0;

  /** An expression for the output of `program` in `scope`. */
  program(program: Program | undefined, scope: Scope): string {
    if (!program) return "''";
    const parts = program.body.map((node) => this.statement(node, scope)).filter((part) => part !== "''");
    return parts.length === 0 ? "''" : parts.join(' + ');
  }

  private statement(node: Node, scope: Scope): string {
    switch (node.type) {
      case 'ContentStatement':
        return JSON.stringify((node as hbs.AST.ContentStatement).value);
      case 'CommentStatement':
        return "''";
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        if (mustache.params.length > 0 || mustache.hash) unsupported(node, 'helper calls');
        const path = this.path(mustache.path, scope);
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
    const value = this.path(block.params[0] as PathExpression, scope);
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
        const inner = this.program(block.program, { context, each: frame });
        const params = [context, frame.index, frame.first, frame.last, frame.key].join(', ');
        return `each(${value}, ${scope.context}, (${params}) => ${inner}, () => ${inverse})`;
      }
      default:
        return unsupported(block, `the {{#${name}}} block`);
    }
  }

  /** An expression for a path's value. */
  private path(node: Node, scope: Scope): string {
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
    return parts.reduce((expression, part) => {
      const read = part in Object.prototype || part === '__proto__' ? 'get' : 'field';
      return `${read}(${expression}, ${JSON.stringify(part)})`;
    }, base);
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
