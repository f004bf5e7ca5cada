//! `aotjs fuzz`: differential fuzzing. Random programs (`fuzzgen`) are snapshotted, compiled,
//! and run interpreted and compiled on the same snapshot; any difference in output or exit
//! status is a bug. A failing program is minimised and kept as a corpus program.

use crate::cache::{write_atomic, Cache};
use crate::fuzzgen::{self, Case};
use crate::host::{self, RunConfig};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use wasmtime::Result;

/// Differential fuzzing: random programs, interpreted vs compiled on the same snapshot.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs fuzz                          one program of 40 random cases (seed 1)
  aotjs fuzz --seconds 600            as many programs as fit in ten minutes
  aotjs fuzz --seed 17 --programs 5 --json
  aotjs fuzz --print 17               the program of seed 17, to read or run by hand

Each program's cases also run once at the top level, so their inline caches are attached in
the snapshot and run compiled. A difference is judged with node, when installed: if compiled code
agrees with node, the engine's own interpreter is wrong (not aotjs); the program is kept in
--keep DIR/engine-interpreter. Otherwise it is an aotjs bug: minimised, written to --keep DIR
as fuzz_SEED.js (with fuzz_SEED.out from node when DIR has run-node.sh), exit status 1.")]
pub struct Args {
    /// First seed; program k uses seed + k.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Number of programs (default 1, or unlimited with --seconds).
    #[arg(long)]
    pub programs: Option<u64>,
    /// Keep starting programs until this many seconds have passed.
    #[arg(long)]
    pub seconds: Option<u64>,
    /// Test cases per program (one snapshot each).
    #[arg(long, default_value_t = 40)]
    pub cases: usize,
    /// Where a minimised failing program is written (default: ./corpus if it exists).
    #[arg(long)]
    pub keep: Option<PathBuf>,
    /// Print the program of this seed and exit.
    #[arg(long, value_name = "SEED")]
    pub print: Option<u64>,
    /// Print a JSON summary instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// What running one program interpreted and compiled showed.
enum Outcome {
    Same { scripts: u64, compiled: u64 },
    Differs { what: String, interpreted: String, compiled: String },
}

/// Compiled code is right where, on every line the two runs print differently, it prints what
/// node prints. Lines both runs agree on are not judged: the engine and node may differ there
/// (say, in a float's last digit) without it being a compiler's business.
fn judge(interpreted: &str, compiled: &str, node: &str) -> Verdict {
    let (i, c, n): (Vec<&str>, Vec<&str>, Vec<&str>) = (interpreted.lines().collect(), compiled.lines().collect(), node.lines().collect());
    if i.len() != c.len() || c.len() != n.len() {
        return if compiled == node { Verdict::EngineInterpreter } else { Verdict::Aotjs };
    }
    let differing = (0..c.len()).filter(|&k| i[k] != c[k]);
    if differing.clone().count() > 0 && differing.into_iter().all(|k| c[k] == n[k]) {
        Verdict::EngineInterpreter
    } else {
        Verdict::Aotjs
    }
}

/// Who is wrong when the two runs differ, with node as the tie-break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// Compiled code disagrees with node (or node is not there to ask): an aotjs bug.
    Aotjs,
    /// Compiled code agrees with node and the engine's own interpreter does not: a bug of the
    /// engine build (weval's output of the same snapshot shows it too), not of aotjs.
    EngineInterpreter,
}

struct Fuzzer {
    wt: wasmtime::Engine,
    cache: Cache,
    spec: &'static runtime_abi::EngineSpec,
}

pub fn main(a: Args, verbose: bool) -> Result<ExitCode> {
    if a.cases == 0 {
        wasmtime::bail!("--cases must be at least 1");
    }
    if let Some(seed) = a.print {
        print!("{}", fuzzgen::render(seed, &fuzzgen::generate(seed, a.cases)));
        return Ok(ExitCode::SUCCESS);
    }
    let f = Fuzzer { wt: host::engine()?, cache: Cache::open()?, spec: runtime_abi::EngineSpec::default_engine() };
    let limit = a.programs.unwrap_or(if a.seconds.is_some() { u64::MAX } else { 1 });
    let deadline = a.seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let keep = a.keep.clone().unwrap_or_else(|| if Path::new("corpus").is_dir() { PathBuf::from("corpus") } else { PathBuf::from("fuzz-failures") });
    let start = Instant::now();
    let (mut programs, mut scripts, mut compiled) = (0u64, 0u64, 0u64);
    let (mut failures, mut engine_bugs) = (Vec::new(), Vec::new());
    while programs < limit && deadline.is_none_or(|d| Instant::now() < d) {
        let seed = a.seed + programs;
        let cases = fuzzgen::generate(seed, a.cases);
        let outcome = f.check(seed, &cases)?;
        programs += 1;
        match outcome {
            Outcome::Same { scripts: s, compiled: c } => {
                scripts += s;
                compiled += c;
                if !a.json {
                    eprintln!("aotjs fuzz: seed {seed}: {} cases, same output ({c} of {s} scripts compiled)", cases.len());
                }
            }
            Outcome::Differs { what, interpreted, compiled } => {
                let verdict = f.verdict(seed, &cases, &interpreted, &compiled);
                eprintln!("aotjs fuzz: seed {seed}: DIFFERENT ({verdict:?}): {what}; minimising");
                let small = fuzzgen::minimise(&cases, |cs| match f.check(seed, cs) {
                    Ok(Outcome::Differs { interpreted, compiled, .. }) => f.verdict(seed, cs, &interpreted, &compiled) == verdict,
                    _ => false,
                });
                let dir = match verdict {
                    Verdict::Aotjs => keep.clone(),
                    Verdict::EngineInterpreter => keep.join("engine-interpreter"),
                };
                let path = f.keep(&dir, seed, &small, &what, verdict)?;
                eprintln!("aotjs fuzz: seed {seed}: kept {}", path.display());
                let entry = json!({ "seed": seed, "difference": what, "kept": path.display().to_string() });
                match verdict {
                    Verdict::Aotjs => failures.push(entry),
                    Verdict::EngineInterpreter => engine_bugs.push(entry),
                }
            }
        }
        if verbose {
            eprintln!("aotjs fuzz: {programs} programs in {:.1?}", start.elapsed());
        }
    }
    let summary = json!({
        "programs": programs,
        "cases": programs * a.cases as u64,
        "scripts": scripts,
        "scripts_compiled": compiled,
        "differ": failures.len() + engine_bugs.len(),
        "aotjs_bugs": failures.len(),
        "failures": failures,
        "engine_interpreter_bugs": engine_bugs,
        "seconds": start.elapsed().as_secs_f64(),
    });
    if a.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        println!(
            "{programs} programs ({} cases, {compiled} of {scripts} scripts compiled) in {:.1} s: {} with different output ({} where compiled code disagrees with node, {} where the engine's interpreter does)",
            summary["cases"], summary["seconds"].as_f64().unwrap_or(0.0), failures.len() + engine_bugs.len(), failures.len(), engine_bugs.len()
        );
    }
    Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

impl Fuzzer {
    /// Snapshots the program of `cases`, compiles it, runs both and compares.
    fn check(&self, seed: u64, cases: &[Case]) -> Result<Outcome> {
        let name = PathBuf::from(format!("fuzz_{seed}.js"));
        let source = fuzzgen::render(seed, cases);
        let snap = crate::cmd::snapshot_source(&name, &source, self.spec, false)?;
        let opts = aotjs_compiler::CompileOptions::default();
        let out = match crate::cmd::compile::compile_snapshot(&self.cache, &snap, &opts, true, &name) {
            Ok(c) => c,
            Err(e) => return Ok(Outcome::Differs { what: format!("the compile failed: {}", crate::one_line(&e)), interpreted: String::new(), compiled: String::new() }),
        };
        let interp = self.run(&snap, &name)?;
        let comp = match self.run(&out.wasm, &name) {
            Ok(r) => r,
            Err(e) => return Ok(Outcome::Differs { what: format!("the compiled module does not run: {}", crate::one_line(&e)), interpreted: String::new(), compiled: String::new() }),
        };
        if interp == comp {
            return Ok(Outcome::Same { scripts: out.report.scripts.total as u64, compiled: out.report.scripts.compiled as u64 });
        }
        let compiled = if comp.1 == 0 && comp.2.is_none() { comp.0.clone() } else { String::new() };
        Ok(Outcome::Differs { what: describe(&interp, &comp), interpreted: interp.0, compiled })
    }

    /// Asks node which side is right, on the lines where the two runs differ (`compiled` is
    /// empty when the compiled side failed outright).
    fn verdict(&self, seed: u64, cases: &[Case], interpreted: &str, compiled: &str) -> Verdict {
        match node_output(&self.cache, &fuzzgen::render(seed, cases)) {
            Some(node) if !compiled.is_empty() => judge(interpreted, compiled, &node),
            _ => Verdict::Aotjs,
        }
    }

    /// (stdout, exit code, trap) of one run.
    fn run(&self, wasm: &[u8], name: &Path) -> Result<(String, i32, Option<String>)> {
        let module = host::load_fresh(&self.wt, &self.cache, wasm, name)?;
        let out = host::run_loaded(&self.wt, &module, "_start", &RunConfig { fixed_random: true, ..Default::default() })?;
        let mut stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.exit_code != 0 {
            stdout.push_str(&String::from_utf8_lossy(&out.stderr));
        }
        Ok((stdout, out.exit_code, out.trap))
    }

    /// Writes the minimised program (and node's expected output, when the directory is the
    /// corpus) and returns its path.
    fn keep(&self, dir: &Path, seed: u64, cases: &[Case], what: &str, verdict: Verdict) -> Result<PathBuf> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(format!("fuzz_{seed}.js"));
        let who = match verdict {
            Verdict::Aotjs => "compiled code disagrees with node",
            Verdict::EngineInterpreter => "the engine's interpreter disagrees with node and compiled code",
        };
        let header = format!(
            "// Found by `aotjs fuzz --seed {seed} --programs 1` and minimised: interpreted and compiled\n// outputs differed ({}); {who}.\n",
            what.replace('\n', " ")
        );
        write_atomic(&path, format!("{header}{}", fuzzgen::render(seed, cases)).as_bytes())?;
        let runner = dir.join("run-node.sh");
        if runner.exists() {
            if let Ok(out) = std::process::Command::new("sh").arg(&runner).arg(&path).output() {
                if out.status.success() {
                    write_atomic(&path.with_extension("out"), &out.stdout)?;
                }
            }
        }
        Ok(path)
    }
}

/// The program's output under node (`main()` called after the top level, as aotjs runs it), or
/// None when node is not installed or the program fails there.
fn node_output(cache: &Cache, source: &str) -> Option<String> {
    let dir = cache.temp_dir("fuzz-node").ok()?;
    let file = dir.path().join("program.js");
    std::fs::write(&file, source).ok()?;
    let runner = "const out = []; console.log = (x) => out.push(String(x) + '\\n'); \
        require('vm').runInThisContext(require('fs').readFileSync(process.argv[1], 'utf8')); \
        main(); process.stdout.write(out.join(''));";
    let out = std::process::Command::new("node").arg("-e").arg(runner).arg(&file).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The first line where two runs differ, or how their ends differ.
fn describe(interp: &(String, i32, Option<String>), comp: &(String, i32, Option<String>)) -> String {
    if let Some(t) = &comp.2 {
        return format!("compiled run stopped: {t}");
    }
    for (a, b) in interp.0.lines().zip(comp.0.lines()) {
        if a != b {
            return format!("interpreted `{a}`, compiled `{b}`");
        }
    }
    format!("interpreted exit {} with {} lines, compiled exit {} with {} lines", interp.1, interp.0.lines().count(), comp.1, comp.0.lines().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_judges_only_the_lines_the_two_runs_print_differently() {
        // The engine and node disagree on line 1 (both engine runs agree there); on line 2,
        // compiled code agrees with node and the interpreter does not.
        let (i, c, n) = ("a 1.0000000000000002\nb three\n", "a 1.0000000000000002\nb undefined\n", "a 1\nb undefined\n");
        assert_eq!(judge(i, c, n), Verdict::EngineInterpreter);
        assert_eq!(judge(c, i, n), Verdict::Aotjs, "compiled code that disagrees with node on a line that differs");
        assert_eq!(judge("x\n", "x\ny\n", "x\ny\n"), Verdict::EngineInterpreter, "different line counts compare whole outputs");
        assert_eq!(judge("x\n", "x\ny\n", "x\n"), Verdict::Aotjs);
    }
}
