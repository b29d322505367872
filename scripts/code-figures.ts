// The code-shape figures of issue #28, measured the same way every time (`npm run figures:code`):
// the named functions and components over 80 lines in `app/` and `components/`, and the pairs
// of places there that share six or more lines (the `duplicates` command, when the machine has
// it). The figures go into the closing note of a change with the date, commit and load printed
// at the top, so a later run can be compared with them.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";

const ROOTS = ["app", "components"];
const args = process.argv.slice(2);
const limitArg = args.indexOf("--over");
/** Functions longer than this many lines are listed. */
const OVER = limitArg >= 0 ? Number(args[limitArg + 1]) : 80;

type LongFunction = { name: string; file: string; line: number; lines: number };

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Function declarations, and arrow functions or function expressions assigned to a named const. */
function longFunctions(file: string): LongFunction[] {
  const text = readFileSync(file, "utf8");
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: LongFunction[] = [];
  const measure = (name: string, node: ts.Node) => {
    const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
    const lines = end - start + 1;
    if (lines > OVER) found.push({ name, file, line: start + 1, lines });
  };
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name && node.body) {
      measure(node.name.text, node);
    } else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    ) {
      measure(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function duplicatePairs(repo: string): { pairs: number | null; line: string } {
  try {
    const out = execFileSync("duplicates", ["--repo", repo, "--most", "200", "--seconds", "120"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const first = out.split("\n").find((l) => l.trim() !== "") ?? "";
    if (/no duplicates/i.test(first)) return { pairs: 0, line: first.trim() };
    const m = /(\d+)\s+pairs?/i.exec(first);
    const incomplete = out.split("\n").filter((l) => l.startsWith("incomplete:"));
    return {
      pairs: m ? Number(m[1]) : null,
      line: [first.trim(), ...incomplete].join("\n    "),
    };
  } catch {
    return { pairs: null, line: "the duplicates command is not on this machine" };
  }
}

function git(...a: string[]): string {
  try {
    return execFileSync("git", a, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "?";
  }
}

const commit = git("rev-parse", "--short", "HEAD");
const dirty = git("status", "--porcelain", "--", ...ROOTS) !== "" ? " (with uncommitted changes)" : "";
const load = os
  .loadavg()
  .map((n) => n.toFixed(2))
  .join(" ");
console.log(`code figures, ${new Date().toISOString()}, commit ${commit}${dirty}, load ${load}`);

const functions = ROOTS.flatMap(sourceFiles)
  .flatMap(longFunctions)
  .sort((a, b) => b.lines - a.lines);
console.log(`\nnamed functions over ${OVER} lines in ${ROOTS.join("/ + ")}/: ${functions.length}`);
for (const f of functions) console.log(`  ${String(f.lines).padStart(4)}  ${f.name}  ${f.file}:${f.line}`);

console.log("\nduplicate pairs (duplicates --repo DIR --most 200):");
let total = 0;
let known = true;
for (const root of ROOTS) {
  const { pairs, line } = duplicatePairs(root);
  console.log(`  ${root}: ${pairs ?? "?"}    ${line}`);
  if (pairs === null) known = false;
  else total += pairs;
}
console.log(`  total: ${known ? total : "?"}`);
