import Handlebars from "handlebars"

/**
 * Compiling document templates, safely.
 *
 * - An isolated `Handlebars.create()` instance: nothing another package registers on the
 *   global handlebars (helpers, partials) reaches our templates, and nothing of ours leaks.
 * - `strict: true`: a field the view model lacks is an error, not a silently blank cell —
 *   so an override template with a typo fails when it is validated at load.
 * - `knownHelpersOnly: true`: only handlebars' built-in helpers (if, each, unless, with,
 *   lookup); no custom helper can be called by name from a template.
 * - Prototype access stays at handlebars' default (off): allowProto* is never passed.
 * - Sources are checked before compiling: no unescaped output (`{{{…}}}`, `{{& …}}`), no
 *   partials (static or dynamic), no decorators. Customer text (titles, names) therefore
 *   always goes through handlebars' HTML escaping.
 */

const hbs = Handlebars.create()

/** A fresh object per call: handlebars writes into the options it is given. */
export const compileOptions = (): CompileOptions => ({
  strict: true,
  knownHelpersOnly: true,
  preventIndent: true,
  noEscape: false,
})

export class TemplateSourceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "TemplateSourceError"
  }
}

type Node = { type: string; loc?: { start: { line: number; column: number } } | null; [key: string]: unknown }

const where = (node: Node) => (node.loc ? ` at line ${node.loc.start.line}, column ${node.loc.start.column + 1}` : "")

/** Walks the parsed template and refuses what could print unescaped or pull in other templates. */
function checkNode(node: Node | null | undefined) {
  if (!node || typeof node !== "object") return
  switch (node.type) {
    case "MustacheStatement":
      if (node.escaped === false) {
        throw new TemplateSourceError(`unescaped output ({{{…}}} or {{& …}}) is not allowed${where(node)}: use {{…}}`)
      }
      break
    case "PartialStatement":
    case "PartialBlockStatement":
      throw new TemplateSourceError(`partials ({{> …}}) are not allowed${where(node)}: a template is one self-contained file`)
    case "Decorator":
    case "DecoratorBlock":
      throw new TemplateSourceError(`decorators ({{* …}}) are not allowed${where(node)}`)
  }
  for (const key of ["body", "program", "inverse"]) {
    const child = node[key] as Node | Node[] | undefined
    if (Array.isArray(child)) child.forEach(checkNode)
    else if (child) checkNode(child)
  }
}

/** Parses and checks a template source; throws TemplateSourceError with the reason. */
export function checkTemplateSource(source: string): void {
  if (typeof source !== "string") {
    // handlebars must only ever be given strings (an AST object passed to compile() is a known attack path)
    throw new TemplateSourceError("a template source must be a string")
  }
  let ast: Node
  try {
    ast = hbs.parse(source) as unknown as Node
  } catch (e) {
    throw new TemplateSourceError(`does not compile: ${(e as Error).message}`)
  }
  checkNode(ast)
}

export type CompiledTemplate<View> = (view: View) => string

/**
 * Checks and compiles a template. handlebars compiles lazily (on the first call), so the
 * source is also precompiled here: syntax errors and unknown helpers surface now, not at
 * the first render.
 */
export function compileTemplate<View>(source: string): CompiledTemplate<View> {
  checkTemplateSource(source)
  try {
    hbs.precompile(source, compileOptions())
  } catch (e) {
    throw new TemplateSourceError(`does not compile: ${(e as Error).message}`)
  }
  const template = hbs.compile<View>(source, compileOptions())
  return (view: View) => template(view)
}
