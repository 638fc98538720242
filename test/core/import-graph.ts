/**
 * Walks the import graph of TypeScript sources from an entry file, reading files as text (nothing is executed).
 * Follows relative and `@/…` (repo root) specifiers through static imports, re-exports, `import('…')` and
 * `require('…')`; package specifiers are leaves. Reports forbidden imports and dynamic imports it cannot read.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  from: string; // repo-relative file
  specifier: string;
  resolved?: string; // repo-relative file, for local modules
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
  /** Edges that reach a forbidden module, with the rule they break. */
  violations: (ImportEdge & { rule: string })[];
  /** Local specifiers that name no file: a hole in the walk. */
  unresolved: ImportEdge[];
  /** `import(expr)` with a non-literal argument: the walk cannot see where it goes. */
  opaque: { from: string; text: string }[];
}

const FORBIDDEN_PACKAGES: [RegExp, string][] = [
  [/^next(\/|$)/, 'Next.js'],
  [/^@prisma\//, 'Prisma'],
  [/^iron-session(\/|$)/, 'iron-session'],
  [/^server-only$/, 'server-only'],
  [/^react(-dom)?(\/|$)/, 'React'],
];
const FORBIDDEN_LOCAL: [RegExp, string][] = [
  [/(^|\/)generated\/prisma(\/|$|\.)/, 'generated Prisma client'],
  [/^lib\/db(\.tsx?$|\/)/, 'lib/db (database)'],
];
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '/index.ts', '/index.tsx'];
const PARSED = /\.(m?ts|tsx|m?js)$/;

function resolveLocal(specifier: string, fromFile: string, root: string): string | undefined {
  const base = specifier.startsWith('@/') ? join(root, specifier.slice(2)) : resolve(dirname(fromFile), specifier);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every module specifier in a file, plus the text of dynamic imports whose argument is not a literal. */
export function readSpecifiers(file: string, text = readFileSync(file, 'utf8')) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const specifiers: string[] = [];
  const opaque: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      specifiers.push(node.moduleSpecifier.text);
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression))
      specifiers.push(node.moduleReference.expression.text);
    if (ts.isCallExpression(node)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) {
        const arg = node.arguments[0];
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) specifiers.push(arg.text);
        else opaque.push(node.getText(source));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { specifiers, opaque };
}

export function walkImports(entry: string, root: string): ImportGraph {
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  const graph: ImportGraph = { files: [], edges: [], violations: [], unresolved: [], opaque: [] };
  const seen = new Set<string>();
  const queue = [resolve(root, entry)];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    graph.files.push(rel(file));
    if (!PARSED.test(file)) continue; // e.g. JSON: no imports
    const { specifiers, opaque } = readSpecifiers(file);
    for (const text of opaque) graph.opaque.push({ from: rel(file), text });
    for (const specifier of specifiers) {
      const local = specifier.startsWith('.') || specifier.startsWith('@/');
      const target = local ? resolveLocal(specifier, file, root) : undefined;
      const edge: ImportEdge = { from: rel(file), specifier, resolved: target && rel(target) };
      graph.edges.push(edge);
      if (local && !target) graph.unresolved.push(edge);
      const rule = local
        ? FORBIDDEN_LOCAL.find(([re]) => re.test(edge.resolved ?? specifier) || re.test(specifier))?.[1]
        : FORBIDDEN_PACKAGES.find(([re]) => re.test(specifier))?.[1];
      if (rule) graph.violations.push({ ...edge, rule });
      else if (target) queue.push(target);
    }
  }
  return graph;
}
