// The runtime module graph of a source file: its imports and re-exports, followed over relative
// paths, leaving out what the build erases (type-only imports and exports). Read with the
// TypeScript parser, so comments, strings and multi-line imports cannot fool it. (Core's tests
// keep the same walker: packages do not import each other's test fixtures.)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One module of the graph and the bare (package) specifiers it loads at runtime. */
export interface GraphModule {
  readonly file: string;
  readonly packages: readonly string[];
}

/** Whether an import or export statement loads its module at runtime once types are erased. */
function loadsAtRuntime(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (clause === undefined) return true; // import './x'
    if (clause.isTypeOnly) return false;
    if (clause.name !== undefined) return true;
    const bindings = clause.namedBindings;
    if (bindings === undefined || ts.isNamespaceImport(bindings)) return true;
    // The build emits nothing for `import { type A, type B }` (no verbatim module syntax).
    return bindings.elements.length === 0 || bindings.elements.some((e) => !e.isTypeOnly);
  }
  if (node.isTypeOnly) return false;
  const clause = node.exportClause;
  if (clause === undefined || ts.isNamespaceExport(clause)) return true;
  return clause.elements.length === 0 || clause.elements.some((e) => !e.isTypeOnly);
}

/** The specifiers a source file loads at runtime: static imports, re-exports and `import()`. */
export function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      if (loadsAtRuntime(node)) out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      out.push(arg !== undefined && ts.isStringLiteralLike(arg) ? arg.text : '<dynamic>');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier.replace(/\.(?:c|m)?js$/, ''));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

/**
 * Walks the runtime graph from an entry file.
 *
 * @param entry - Absolute path of a `.ts` file.
 * @param root - Directory the returned `file` names are relative to.
 * @returns Every module reached (the entry first), with its bare runtime imports.
 */
export function runtimeGraph(entry: string, root: string): GraphModule[] {
  const seen = new Map<string, GraphModule>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    const packages: string[] = [];
    for (const specifier of runtimeSpecifiers(file)) {
      if (specifier.startsWith('.')) queue.push(resolveRelative(file, specifier));
      else packages.push(specifier);
    }
    seen.set(file, { file: relative(root, file).split('\\').join('/'), packages });
  }
  return [...seen.values()];
}
