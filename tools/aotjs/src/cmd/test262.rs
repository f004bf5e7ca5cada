//! `aotjs test262 PATH [DIR...]`: the ECMAScript conformance suite, differentially.
//!
//! Tests are batched many to a program: the harness files at the top level, each test's source
//! wrapped in a function (`"use strict"` first for strict-only tests) called from `main()` under
//! try/catch, so the tests run in compiled code. Each batch is snapshotted, compiled, and run
//! interpreted and compiled on the same snapshot. A test passes when both runs meet its own
//! expectation (no exception, or the negative test's error type, or `$DONE()` without error for
//! async tests); it differs when the two runs print different results. A batch that does not
//! parse is split until the offending test is isolated and skipped. When the two runs stop at
//! different points (a trap) the batch is split too, so the stop is blamed on its own test;
//! when both stop after the same tests (a promise that never settles, an error escaping the
//! harness), the test that stopped them runs alone and the rest run again as a batch.

use crate::cache::Cache;
use crate::host::{self, RunConfig};
use serde_json::json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wasmtime::{bail, Result};

/// Run test262 tests interpreted and compiled, and compare.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs test262 ~/test262 test/language/expressions
  aotjs test262 ~/test262 test/built-ins/Array test/built-ins/String --json > t.json
  aotjs test262 ~/test262 test/language/statements/for/S12.6.3_A1.js

PATH is a checkout of tc39/test262 (its harness/ and test/ directories). Skipped, with the
reason: module tests, raw tests, parse- and resolve-phase negative tests (they cannot share a
program), tests needing agents (CanBlockIsTrue). A difference between interpreted and compiled
makes the exit status 1.")]
pub struct Args {
    /// The test262 checkout.
    pub path: PathBuf,
    /// Directories or files under PATH (default: test/language and test/built-ins).
    pub dirs: Vec<PathBuf>,
    /// Tests per program.
    #[arg(long, default_value_t = 150)]
    pub batch: usize,
    /// Print per-test results and totals as JSON.
    #[arg(long)]
    pub json: bool,
}

/// What a test's frontmatter says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub includes: Vec<String>,
    pub flags: Vec<String>,
    /// (phase, error type) of a negative test.
    pub negative: Option<(String, String)>,
}

/// One test to run.
#[derive(Clone, Debug)]
struct Test {
    name: String,
    source: String,
    meta: Meta,
}

/// Per test: the result line of each run, or why it was skipped.
#[derive(Clone, Debug)]
enum Outcome {
    Ran { interp: String, compiled: String },
    Skipped(String),
}

pub fn main(a: Args, verbose: bool) -> Result<ExitCode> {
    if a.batch == 0 {
        bail!("--batch must be at least 1");
    }
    let harness = a.path.join("harness");
    if !harness.join("assert.js").is_file() || !harness.join("sta.js").is_file() {
        bail!("{}: not a test262 checkout (no harness/assert.js)", a.path.display());
    }
    let dirs = if a.dirs.is_empty() { vec![PathBuf::from("test/language"), PathBuf::from("test/built-ins")] } else { a.dirs.clone() };
    let mut files = Vec::new();
    for d in &dirs {
        let p = a.path.join(d);
        if !p.exists() {
            bail!("{}: no such file or directory", p.display());
        }
        collect(&p, &mut files)?;
    }
    files.sort();
    let mut results: BTreeMap<String, Outcome> = BTreeMap::new();
    let mut runnable = Vec::new();
    for f in &files {
        let name = f.strip_prefix(&a.path).unwrap_or(f).display().to_string();
        let source = match std::fs::read_to_string(f) {
            Ok(s) => s,
            Err(e) => {
                results.insert(name, Outcome::Skipped(format!("unreadable: {e}")));
                continue;
            }
        };
        let meta = parse_meta(&source);
        match skip_reason(&meta) {
            Some(reason) => {
                results.insert(name, Outcome::Skipped(reason.to_string()));
            }
            None => runnable.push(Test { name, source, meta }),
        }
    }
    let r = Runner { wt: host::engine()?, cache: Cache::open()?, spec: runtime_abi::EngineSpec::default_engine(), harness };
    let batches: Vec<&[Test]> = runnable.chunks(a.batch).collect();
    for (n, batch) in batches.iter().enumerate() {
        if !a.json || verbose {
            eprintln!("aotjs test262: batch {}/{} ({} tests, from {})", n + 1, batches.len(), batch.len(), batch[0].name);
        }
        r.run_batch(batch, &mut results)?;
    }
    let summary = summarise(&results);
    if a.json {
        let tests: Vec<serde_json::Value> = results
            .iter()
            .map(|(name, o)| match o {
                Outcome::Ran { interp, compiled } => json!({ "test": name, "interpreted": interp, "compiled": compiled, "passed": passed(interp, compiled), "differ": interp != compiled }),
                Outcome::Skipped(why) => json!({ "test": name, "skipped": why }),
            })
            .collect();
        let mut out = summary.clone();
        out["tests"] = json!(tests);
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        for (name, o) in &results {
            if let Outcome::Ran { interp, compiled } = o {
                if interp != compiled {
                    println!("DIFFER {name}\n  interpreted: {interp}\n  compiled:    {compiled}");
                }
            }
        }
        println!(
            "{} tests run: {} passed, {} failed (the engine itself fails {}), {} differ between interpreted and compiled; {} skipped",
            summary["run"], summary["passed"], summary["failed"], summary["engine_fails"], summary["differ"], summary["skipped"]
        );
    }
    Ok(if summary["differ"] == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn passed(interp: &str, compiled: &str) -> bool {
    interp == "PASS" && compiled == "PASS"
}

fn summarise(results: &BTreeMap<String, Outcome>) -> serde_json::Value {
    let (mut run, mut pass, mut differ, mut engine_fails, mut skipped) = (0, 0, 0, 0, 0);
    let mut skip_reasons: BTreeMap<String, u64> = BTreeMap::new();
    for o in results.values() {
        match o {
            Outcome::Ran { interp, compiled } => {
                run += 1;
                pass += passed(interp, compiled) as u64;
                differ += (interp != compiled) as u64;
                engine_fails += (interp != "PASS") as u64;
            }
            Outcome::Skipped(why) => {
                skipped += 1;
                let key = why.split(':').next().unwrap_or(why).to_string();
                *skip_reasons.entry(key).or_default() += 1;
            }
        }
    }
    json!({ "run": run, "passed": pass, "failed": run - pass, "engine_fails": engine_fails, "differ": differ, "skipped": skipped, "skip_reasons": skip_reasons })
}

/// Every test file under `p` (test262 fixtures, `*_FIXTURE.js`, are not tests).
fn collect(p: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if p.is_file() {
        out.push(p.to_path_buf());
        return Ok(());
    }
    for e in std::fs::read_dir(p)? {
        let path = e?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|x| x == "js") && !path.to_string_lossy().contains("_FIXTURE") {
            out.push(path);
        }
    }
    Ok(())
}

/// The frontmatter between `/*---` and `---*/`: `includes`, `flags` (inline `[a, b]` or block
/// `- a` lists) and `negative` (`phase`, `type`).
pub fn parse_meta(source: &str) -> Meta {
    let mut m = Meta::default();
    let Some(start) = source.find("/*---") else { return m };
    let Some(len) = source[start..].find("---*/") else { return m };
    let yaml = &source[start + 5..start + len];
    let mut key = String::new();
    let (mut phase, mut ty) = (String::new(), String::new());
    for line in yaml.lines() {
        let trimmed = line.trim();
        if !line.starts_with(' ') && !line.starts_with('\t') {
            if let Some((k, v)) = line.split_once(':') {
                key = k.trim().to_string();
                list_into(&mut m, &key, v.trim());
            }
            continue;
        }
        if let Some(item) = trimmed.strip_prefix("- ") {
            list_into(&mut m, &key, &format!("[{item}]"));
        } else if key == "negative" {
            if let Some((k, v)) = trimmed.split_once(':') {
                match k.trim() {
                    "phase" => phase = v.trim().to_string(),
                    "type" => ty = v.trim().to_string(),
                    _ => {}
                }
            }
        }
    }
    if !phase.is_empty() {
        m.negative = Some((phase, ty));
    }
    m
}

fn list_into(m: &mut Meta, key: &str, v: &str) {
    let Some(inner) = v.strip_prefix('[').and_then(|v| v.strip_suffix(']')) else { return };
    let items = inner.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    match key {
        "includes" => m.includes.extend(items),
        "flags" => m.flags.extend(items),
        _ => {}
    }
}

/// Why a test cannot run in a shared, function-wrapped program, if it cannot.
fn skip_reason(m: &Meta) -> Option<&'static str> {
    let flag = |f: &str| m.flags.iter().any(|x| x == f);
    if flag("module") {
        return Some("module: aotjs runs classic scripts");
    }
    if flag("raw") {
        return Some("raw: must run unwrapped, alone");
    }
    if flag("CanBlockIsTrue") {
        return Some("agents: CanBlockIsTrue needs worker agents");
    }
    if m.negative.as_ref().is_some_and(|(phase, _)| phase != "runtime") {
        return Some("early error: a parse- or resolve-phase negative test cannot share a program");
    }
    None
}

/// Defines what the harness expects of the host, then the harness files.
const HOST_PRELUDE: &str = r#"var $262 = {
  global: globalThis,
  gc() {},
  evalScript(src) { return (0, eval)(src); },
  detachArrayBuffer(buffer) { buffer.transfer(); },
  createRealm() { throw new Test262Error("$262.createRealm is not supported by this runner"); },
  agent: {},
};
var print = function () {};
var $DONE;
function __message(e) {
  try { return e && typeof e === "object" && "name" in e ? e.name + ": " + e.message : String(e); } catch (_) { return "(unprintable)"; }
}
"#;

struct Runner {
    wt: wasmtime::Engine,
    cache: Cache,
    spec: &'static runtime_abi::EngineSpec,
    harness: PathBuf,
}

/// A run's result line per test index, and how it ended if not normally.
type RunLines = (BTreeMap<usize, String>, Option<String>);

impl Runner {
    /// The program of a batch.
    fn program(&self, tests: &[Test]) -> Result<String> {
        let mut s = String::from(HOST_PRELUDE);
        let mut included = Vec::new();
        for inc in ["assert.js", "sta.js"].into_iter().map(String::from).chain(tests.iter().flat_map(|t| t.meta.includes.iter().cloned())) {
            if inc == "doneprintHandle.js" || included.contains(&inc) {
                continue;
            }
            let text = std::fs::read_to_string(self.harness.join(&inc)).map_err(|e| wasmtime::format_err!("harness/{inc}: {e}"))?;
            s.push_str(&text);
            s.push('\n');
            included.push(inc);
        }
        for (k, t) in tests.iter().enumerate() {
            let strict = if t.meta.flags.iter().any(|f| f == "onlyStrict") { "\"use strict\";\n" } else { "" };
            s.push_str(&format!("function __t{k}() {{\n{strict}{}\n}}\n", t.source));
        }
        let table: Vec<String> = tests
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let negative = t.meta.negative.as_ref().map(|(_, ty)| format!("{ty:?}")).unwrap_or_else(|| "null".into());
                format!("[__t{k}, {negative}, {}]", t.meta.flags.iter().any(|f| f == "async"))
            })
            .collect();
        s.push_str(&format!("const __TESTS = [{}];\n", table.join(",\n")));
        s.push_str(
            r#"async function main() {
  for (let k = 0; k < __TESTS.length; k++) {
    const [test, negative, isAsync] = __TESTS[k];
    let line;
    try {
      if (isAsync) {
        const err = await new Promise((resolve) => { $DONE = resolve; test(); });
        line = err ? "FAIL async: " + __message(err) : "PASS";
      } else {
        test();
        line = negative ? "FAIL expected " + negative : "PASS";
      }
    } catch (e) {
      line = negative && e && e.constructor && e.constructor.name === negative ? "PASS" : "FAIL " + __message(e);
    }
    console.log("T" + k + " " + line.split("\n")[0]);
  }
}
"#,
        );
        Ok(s)
    }

    /// Runs `tests` as one program, or splits it when it does not parse or a run stops early.
    fn run_batch(&self, tests: &[Test], results: &mut BTreeMap<String, Outcome>) -> Result<()> {
        let source = self.program(tests)?;
        let name = PathBuf::from("test262.js");
        let snap = match crate::cmd::snapshot_source(&name, &source, self.spec, false) {
            Ok(s) => s,
            Err(e) => {
                if tests.len() == 1 {
                    results.insert(tests[0].name.clone(), Outcome::Skipped(format!("does not load wrapped in a function: {}", crate::one_line(&e))));
                    return Ok(());
                }
                return self.split(tests, results);
            }
        };
        let opts = aotjs_compiler::CompileOptions::default();
        let compiled = crate::cmd::compile::compile_snapshot(&self.cache, &snap, &opts, true, &name);
        let interp = self.run(&snap)?;
        let comp = match &compiled {
            Ok(c) => self.run(&c.wasm)?,
            Err(e) => (BTreeMap::new(), Some(format!("compile failed: {}", crate::one_line(e)))),
        };
        let (ni, nc) = (interp.0.len(), comp.0.len());
        if tests.len() > 1 && (ni < tests.len() || nc < tests.len()) {
            if ni != nc {
                return self.split(tests, results);
            }
            // Both runs stopped after the same tests (a promise that never settles, an error
            // that escapes the harness): keep those results, give the test that stopped them a
            // run of its own, and run the rest again as a batch.
            let n = ni;
            self.record(&tests[..n], &interp, &comp, results);
            self.run_batch(&tests[n..n + 1], results)?;
            return if n + 1 < tests.len() { self.run_batch(&tests[n + 1..], results) } else { Ok(()) };
        }
        self.record(tests, &interp, &comp, results);
        Ok(())
    }

    /// Each test's result line from both runs (`NO RESULT` with how a run ended, if it did
    /// not get that far).
    fn record(&self, tests: &[Test], interp: &RunLines, comp: &RunLines, results: &mut BTreeMap<String, Outcome>) {
        for (k, t) in tests.iter().enumerate() {
            let line = |run: &(BTreeMap<usize, String>, Option<String>)| {
                run.0.get(&k).cloned().unwrap_or_else(|| format!("NO RESULT ({})", run.1.as_deref().unwrap_or("the run ended first")))
            };
            results.insert(t.name.clone(), Outcome::Ran { interp: line(interp), compiled: line(comp) });
        }
    }

    fn split(&self, tests: &[Test], results: &mut BTreeMap<String, Outcome>) -> Result<()> {
        let (a, b) = tests.split_at(tests.len() / 2);
        self.run_batch(a, results)?;
        self.run_batch(b, results)
    }

    /// The result line of each test index, and how the run ended if not normally.
    fn run(&self, wasm: &[u8]) -> Result<RunLines> {
        let module = host::load_fresh(&self.wt, &self.cache, wasm, Path::new("test262.js"))?;
        let out = host::run_loaded(&self.wt, &module, "_start", &RunConfig { fixed_random: true, ..Default::default() })?;
        let mut lines = BTreeMap::new();
        for l in String::from_utf8_lossy(&out.stdout).lines() {
            if let Some((k, rest)) = l.strip_prefix('T').and_then(|l| l.split_once(' ')) {
                if let Ok(k) = k.parse::<usize>() {
                    lines.insert(k, rest.to_string());
                }
            }
        }
        let end = out.trap.or_else(|| (out.exit_code != 0).then(|| format!("exit {}", out.exit_code)));
        Ok((lines, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frontmatter_lists_and_negative_blocks_parse() {
        let src = "/*---\nesid: x\nincludes: [compareArray.js, propertyHelper.js]\nflags:\n  - onlyStrict\n  - async\nnegative:\n  phase: runtime\n  type: TypeError\nfeatures: [Symbol]\n---*/\ncode();";
        let m = parse_meta(src);
        assert_eq!(m.includes, ["compareArray.js", "propertyHelper.js"]);
        assert_eq!(m.flags, ["onlyStrict", "async"]);
        assert_eq!(m.negative, Some(("runtime".into(), "TypeError".into())));
        assert_eq!(skip_reason(&m), None);
        let parse = parse_meta("/*---\nnegative:\n  phase: parse\n  type: SyntaxError\nflags: [noStrict]\n---*/");
        assert!(skip_reason(&parse).is_some_and(|r| r.starts_with("early error")));
        assert!(skip_reason(&parse_meta("/*---\nflags: [module]\n---*/")).is_some());
        assert_eq!(parse_meta("no frontmatter"), Meta::default());
    }
}
