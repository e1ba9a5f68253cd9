import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The API and the libraries are compiled to CommonJS, where `exports`, `module` and `require` are the module
 * wrapper's own variables. A binding of that name (a constructor parameter property `private readonly exports`,
 * a parameter, a variable) shadows them: TypeScript then compiles a reference to an exported constant inside that
 * scope as `exports.NAME` — which reads the shadowing value. That is how `super(ANALYTICS_TICK_MS)` became
 * `super(exportService.ANALYTICS_TICK_MS)` = `setInterval(fn, undefined)` = a 1 ms loop in `npm start` while
 * every test (ESM through vitest) passed. This guard parses every source file and refuses such a binding.
 */
const FORBIDDEN = new Set(['exports', 'module', 'require']);
const root = resolve(__dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', 'coverage'].includes(entry.name) ? [] : sources(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every name the file declares (parameters, variables, functions, classes, imports, catch clauses, destructuring). */
function shadowingBindings(fileName: string, text: string): { name: string; line: number }[] {
  const file = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: { name: string; line: number }[] = [];
  const check = (name: ts.Node | undefined) => {
    if (name && ts.isIdentifier(name) && FORBIDDEN.has(name.text)) {
      found.push({ name: name.text, line: file.getLineAndCharacterOfPosition(name.getStart()).line + 1 });
    }
  };
  const visit = (node: ts.Node) => {
    if (
      ts.isParameter(node) ||
      ts.isVariableDeclaration(node) ||
      ts.isBindingElement(node) ||
      ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isImportSpecifier(node) ||
      ts.isImportClause(node) ||
      ts.isNamespaceImport(node) ||
      ts.isImportEqualsDeclaration(node) ||
      ts.isEnumDeclaration(node)
    ) {
      check(node.name);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('CommonJS wrapper names', () => {
  it('finds a constructor parameter property named exports (the analytics scheduler bug)', () => {
    const bug = `export const TICK = 5;\nclass S extends W {\n  constructor(\n    private readonly exports: ExportService,\n  ) { super(TICK); }\n}`;
    expect(shadowingBindings('s.ts', bug)).toEqual([{ name: 'exports', line: 4 }]);
    expect(
      shadowingBindings('s.ts', 'function f(module: string) { const { require } = x; return module + require; }').map((b) => b.name),
    ).toEqual(['module', 'require']);
    // Property names and object keys are not bindings (Nest's `@Module({ exports: [...] })` is fine).
    expect(shadowingBindings('s.ts', 'const m = { exports: [1], module: 2 }; class C { exports = 1; }')).toEqual([]);
  });

  it('no source file in apps/ or libs/ declares exports, module or require', () => {
    const offenders = ['apps', 'libs']
      .flatMap((dir) => sources(join(root, dir)))
      .flatMap((path) => shadowingBindings(path, readFileSync(path, 'utf8')).map((b) => `${relative(root, path)}:${b.line} ${b.name}`));
    expect(offenders).toEqual([]);
  });
});
