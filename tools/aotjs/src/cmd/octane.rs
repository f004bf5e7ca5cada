//! `aotjs octane DIR [BENCH...]`: Octane's scores on the plain interpreter, the same-snapshot
//! interpreter, aotjs (and weval, and another aotjs), side by side in one run.
//!
//! Each benchmark becomes one program: shims for the d8 shell functions Octane expects, then
//! `base.js` and the benchmark's files joined as `aotjs coverage` joins `a.js+b.js`, then a
//! driver whose `main()` runs the suite. The variants are prepared and run by `bench`'s
//! machinery; here the result of a run is the score it prints, not its wall time (Octane's
//! harness times itself, about a second per measurement). A failure is one cell of the table,
//! never the end of the run: splay runs out of this engine's 32 MiB JS heap.

use crate::bench::{self, int_cell, ratio_cell, Rivals, Setup, Table, Variant};
use crate::cache::Cache;
use crate::host;
use serde_json::json;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wasmtime::{bail, Result};

/// Run Octane benchmarks on the interpreters, aotjs and its rivals; compare their scores.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs octane ~/octane                                     every benchmark in the checkout
  aotjs octane ~/octane richards deltablue --weval ~/.cargo/bin/weval
  aotjs octane ~/octane crypto --aotjs-baseline /tmp/old/aotjs   an older aotjs side by side
  aotjs octane ~/octane richards --reps 3 --json > octane.json

DIR is a checkout of https://github.com/chromium/octane (base.js, richards.js, ...). Each
benchmark runs as its own program on: plain, the plain interpreter build users run without AOT;
interp, the AOT-protocol engine interpreting the snapshot the compilers start from; aotjs; and
weval and baseline when given. Variants alternate; scores are medians (higher is better).
A failed cell (splay runs out of the engine's JS heap) shows ERR with the reason below the
table, and the run goes on. Lines other than scores must agree with the same-snapshot
interpreter's (two failed runs aside); a difference is flagged as MISMATCH and makes the exit
status 1.")]
pub struct Args {
    /// A local checkout of chromium/octane.
    pub dir: PathBuf,
    /// Benchmarks to run (default: every one whose files are in DIR).
    pub benchmarks: Vec<String>,
    /// Path of a `weval` binary (weval 0.5.x) to compare against.
    #[arg(long)]
    pub weval: Option<PathBuf>,
    /// Path of another `aotjs` binary (say, a build of an older commit) whose `compile` of the
    /// same snapshot runs as the column `baseline`.
    #[arg(long, value_name = "PATH")]
    pub aotjs_baseline: Option<PathBuf>,
    /// Runs of each variant (alternating); the median score is reported.
    #[arg(long, default_value_t = 1)]
    pub reps: usize,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// Octane's benchmarks and their files after `base.js`, in the order Octane's `run.js` loads
/// them.
const BENCHMARKS: &[(&str, &[&str])] = &[
    ("richards", &["richards.js"]),
    ("deltablue", &["deltablue.js"]),
    ("crypto", &["crypto.js"]),
    ("raytrace", &["raytrace.js"]),
    ("earley-boyer", &["earley-boyer.js"]),
    ("regexp", &["regexp.js"]),
    ("splay", &["splay.js"]),
    ("navier-stokes", &["navier-stokes.js"]),
    ("pdfjs", &["pdfjs.js"]),
    ("mandreel", &["mandreel.js"]),
    ("gbemu", &["gbemu-part1.js", "gbemu-part2.js"]),
    ("code-load", &["code-load.js"]),
    ("box2d", &["box2d.js"]),
    ("zlib", &["zlib.js", "zlib-data.js"]),
    ("typescript", &["typescript.js", "typescript-input.js", "typescript-compiler.js"]),
];

/// What the d8 shell gives Octane and this engine does not: zlib's Emscripten runtime takes
/// the shell's `print` and `read` when no browser or node is found.
const SHIMS: &str = r#"var print = function () { console.log(Array.prototype.join.call(arguments, " ")); };
var read = function (name) { throw new Error("read(" + name + "): no files here"); };
"#;

/// Runs the suites loaded above; the lines it prints are what a variant's run is judged by.
const DRIVER: &str = r#"
function main() {
  BenchmarkSuite.RunSuites({
    NotifyResult(name, result) { console.log(name + ": " + result); },
    NotifyError(name, e) { console.log(name + ": ERROR " + e); },
    NotifyScore(score) { console.log("Score: " + score); },
  });
}
"#;

/// Score ratios shown, as (numerator, denominator) variants.
const RATIOS: &[(&str, &str)] = &[
    ("aotjs", "plain"),
    ("aotjs", "interp"),
    ("weval", "plain"),
    ("weval", "interp"),
    ("aotjs", "weval"),
    ("baseline", "plain"),
    ("aotjs", "baseline"),
];

/// Every column `octane` can have, in table order.
const VARIANTS: [&str; 5] = ["plain", "interp", "aotjs", "weval", "baseline"];

pub fn main(a: Args, verbose: bool) -> Result<ExitCode> {
    if a.reps == 0 {
        bail!("--reps must be at least 1");
    }
    let selected = select(&a.dir, &a.benchmarks)?;
    let rivals = Rivals { weval: a.weval.clone(), baseline: a.aotjs_baseline.clone(), link_only: false };
    rivals.check()?;
    let spec = super::engine_spec(None)?;
    let cache = Cache::open()?;
    let wt = host::engine()?;
    let setup = Setup { wt: &wt, cache: &cache, spec, plain: bench::plain_engine(spec), rivals: &rivals, verbose };
    let progress = verbose || std::io::stderr().is_terminal();
    let mut rows = Vec::new();
    for (name, files) in &selected {
        if !a.json {
            eprintln!("aotjs octane: {name} ...");
        }
        let mut parts = vec![a.dir.join("base.js")];
        parts.extend(files.iter().map(|f| a.dir.join(f)));
        let source = format!("{SHIMS}{}{DRIVER}", super::join_js(&parts)?);
        let mut p = bench::prepare(&setup, Path::new(&format!("octane-{name}.js")), &source)?;
        bench::run_alternating(&wt, &mut p.variants, a.reps, |v, rep| {
            if progress {
                eprintln!("aotjs octane: {name}: {v}, run {} of {}", rep + 1, a.reps);
            }
        });
        rows.push(row(name, files, &p));
    }
    let summary = summarize(&setup, a.reps, rows);
    if a.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_tables(&summary);
    }
    let mismatches = summary["benchmarks"].as_array().into_iter().flatten().filter(|r| !r["mismatch"].is_null()).count();
    Ok(if mismatches > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The benchmarks to run: those named (each must be known and present), or every one whose
/// files are all in `dir`.
fn select(dir: &Path, names: &[String]) -> Result<Vec<(&'static str, &'static [&'static str])>> {
    if !dir.is_dir() {
        bail!("{}: no such directory", dir.display());
    }
    if !dir.join("base.js").is_file() {
        bail!("{}: no base.js; expected a checkout of github.com/chromium/octane", dir.display());
    }
    let present = |files: &[&str]| files.iter().all(|f| dir.join(f).is_file());
    if names.is_empty() {
        let mut out = Vec::new();
        for &(name, files) in BENCHMARKS {
            if present(files) {
                out.push((name, files));
            } else {
                eprintln!("aotjs octane: skipping {name} ({} not in {})", files.join(", "), dir.display());
            }
        }
        if out.is_empty() {
            bail!("{}: none of Octane's benchmark files are here", dir.display());
        }
        return Ok(out);
    }
    let mut out = Vec::new();
    for n in names {
        let Some(&(name, files)) = BENCHMARKS.iter().find(|(b, _)| b.eq_ignore_ascii_case(n)) else {
            let known: Vec<&str> = BENCHMARKS.iter().map(|b| b.0).collect();
            bail!("unknown benchmark `{n}` (known: {})", known.join(", "));
        };
        if let Some(f) = files.iter().find(|f| !dir.join(f).is_file()) {
            bail!("{}: no such file (needed by {name})", dir.join(f).display());
        }
        out.push((name, files));
    }
    Ok(out)
}

/// What one run printed, judged: its score, or why there is none; and its lines with every
/// number after `NAME: ` replaced, which must agree between variants.
struct Judged {
    score: std::result::Result<f64, String>,
    shape: (Vec<String>, i32),
}

fn judge(run: &std::result::Result<host::RunOutput, String>) -> Judged {
    let out = match run {
        Ok(out) => out,
        Err(e) => return Judged { score: Err(e.clone()), shape: (vec![format!("error: {e}")], -1) },
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut lines = Vec::new();
    let mut score = None;
    let mut error = None;
    for line in stdout.lines() {
        match line.split_once(": ") {
            Some((name, value)) if value.trim().parse::<f64>().is_ok() => {
                if name == "Score" {
                    score = value.trim().parse::<f64>().ok();
                }
                lines.push(format!("{name}: #"));
            }
            _ => {
                if error.is_none() && line.contains(": ERROR ") {
                    error = Some(line.to_string());
                }
                lines.push(line.to_string());
            }
        }
    }
    let score = if out.exit_code != 0 || out.trap.is_some() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let first = stderr.lines().map(str::trim).find(|l| !l.is_empty());
        Err(out.trap.clone().or(first.map(String::from)).unwrap_or_else(|| format!("exit {}", out.exit_code)))
    } else if let Some(e) = error {
        Err(e)
    } else {
        match score {
            Some(s) if s.is_finite() && s > 0.0 => Ok(s),
            _ => Err("no score printed".to_string()),
        }
    };
    Judged { score, shape: (lines, out.exit_code) }
}

/// One benchmark's JSON row: per variant its scores or error, the ratios, the compilers' cost.
fn row(name: &str, files: &[&str], p: &bench::Prepared) -> serde_json::Value {
    let mut r = json!({
        "benchmark": name,
        "files": files,
        "snapshot_ms": bench::ms(p.snapshot_time),
        "mismatch": serde_json::Value::Null,
    });
    let judged: Vec<Vec<Judged>> = p.variants.iter().map(|v| v.runs.iter().map(judge).collect()).collect();
    let reference = bench::reference_index(&p.variants);
    let mut mismatches = Vec::new();
    for (v, runs) in p.variants.iter().zip(&judged) {
        r[format!("error_{}", v.name)] = json!(cell_error(v, runs));
        let scores: Vec<f64> = runs.iter().filter_map(|j| j.score.as_ref().ok().copied()).collect();
        r[format!("scores_{}", v.name)] = json!(scores);
        if r[format!("error_{}", v.name)].is_null() && !scores.is_empty() {
            let mut sorted = scores.clone();
            sorted.sort_by(f64::total_cmp);
            r[format!("score_{}", v.name)] = json!(sorted[sorted.len() / 2]);
        }
        if let Some(c) = &v.compile {
            r[format!("compile_ms_{}", v.name)] = json!(bench::ms(c.wall));
            r[format!("compile_peak_mb_{}", v.name)] = json!(c.peak_rss_kb as f64 / 1024.0);
        }
        if v.module.is_ok() {
            r[format!("bytes_{}", v.name)] = json!(v.wasm_bytes);
            r[format!("native_compile_ms_{}", v.name)] = json!(bench::ms(v.native_compile));
        }
        if let Some(reference) = reference {
            // Two failed runs are two error cells, each with its reason; they are not also a
            // mismatch (the plain build aborts on running out of memory where the AOT-protocol
            // build reports the error to the harness).
            let expected = &judged[reference][0];
            let differs = |j: &Judged| j.shape != expected.shape && !(j.score.is_err() && expected.score.is_err());
            if let Some(rep) = runs.iter().position(differs) {
                let expected = &expected.shape;
                let got = &runs[rep].shape;
                let line = first_difference(&expected.0, &got.0);
                mismatches.push(format!("{}: run {} differs from the {}'s ({line})", v.name, rep + 1, p.variants[reference].name));
            }
        }
    }
    if !mismatches.is_empty() {
        r["mismatch"] = json!(mismatches.join("; "));
    }
    for &(num, den) in RATIOS {
        if let (Some(n), Some(d)) = (r[format!("score_{num}")].as_f64(), r[format!("score_{den}")].as_f64()) {
            r[format!("{num}_over_{den}")] = json!(n / d);
        }
    }
    r
}

/// Why a variant has no score: no module, or the first run that failed.
fn cell_error(v: &Variant, runs: &[Judged]) -> Option<String> {
    if let Err(e) = &v.module {
        return Some(e.clone());
    }
    runs.iter().find_map(|j| j.score.as_ref().err().cloned())
}

/// The first line where two outputs differ, for a mismatch message.
fn first_difference(expected: &[String], got: &[String]) -> String {
    let n = expected.len().max(got.len());
    (0..n)
        .find(|&i| expected.get(i) != got.get(i))
        .map(|i| format!("line {}: expected `{}`, got `{}`", i + 1, expected.get(i).map_or("end of output", |s| s), got.get(i).map_or("end of output", |s| s)))
        .unwrap_or_else(|| "exit status".to_string())
}

/// The whole run: rows, and geomeans over the benchmarks every variant scored (so that the
/// geomeans of different columns cover the same benchmarks).
fn summarize(s: &Setup, reps: usize, rows: Vec<serde_json::Value>) -> serde_json::Value {
    let present: Vec<&str> = VARIANTS.into_iter().filter(|v| rows.iter().any(|r| r.get(format!("error_{v}")).is_some())).collect();
    let common: Vec<&serde_json::Value> = rows.iter().filter(|r| present.iter().all(|v| r[format!("score_{v}")].is_f64())).collect();
    let geo = |key: &str| -> serde_json::Value {
        let v: Vec<f64> = common.iter().filter_map(|r| r[key].as_f64()).collect();
        if v.is_empty() || v.len() != common.len() {
            serde_json::Value::Null
        } else {
            json!(bench::geomean(&v))
        }
    };
    let mut geomean = serde_json::Map::new();
    for v in &present {
        geomean.insert(format!("score_{v}"), geo(&format!("score_{v}")));
    }
    for &(num, den) in RATIOS {
        if present.contains(&num) && present.contains(&den) {
            geomean.insert(format!("{num}_over_{den}"), geo(&format!("{num}_over_{den}")));
        }
    }
    json!({
        "engine": s.spec.name,
        "plain_engine": s.plain.map(|p| p.name),
        "reps": reps,
        "variants": present,
        "benchmarks": rows,
        "geomean_benchmarks": common.iter().map(|r| r["benchmark"].clone()).collect::<Vec<_>>(),
        "geomean": geomean,
    })
}

fn print_tables(s: &serde_json::Value) {
    let rows: Vec<&serde_json::Value> = s["benchmarks"].as_array().into_iter().flatten().collect();
    let present: Vec<&str> = s["variants"].as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
    let ratios: Vec<(&str, &str)> = RATIOS.iter().copied().filter(|(n, d)| present.contains(n) && present.contains(d)).collect();

    let mut header = vec!["score".to_string()];
    header.extend(present.iter().map(|v| v.to_string()));
    header.extend(ratios.iter().map(|(n, d)| format!("{n}/{d}")));
    let mut t = Table::new(header);
    for r in &rows {
        let mut cells = vec![r["benchmark"].as_str().unwrap_or("").to_string()];
        for v in &present {
            cells.push(if r[format!("error_{v}")].is_string() { "ERR".into() } else { int_cell(&r[format!("score_{v}")]) });
        }
        cells.extend(ratios.iter().map(|(n, d)| ratio_cell(&r[format!("{n}_over_{d}")])));
        t.row(cells);
    }
    let n = s["geomean_benchmarks"].as_array().map_or(0, Vec::len);
    let g = &s["geomean"];
    let mut cells = vec![format!("geomean ({n})")];
    cells.extend(present.iter().map(|v| int_cell(&g[format!("score_{v}")])));
    cells.extend(ratios.iter().map(|(n, d)| ratio_cell(&g[format!("{n}_over_{d}")])));
    t.row(cells);
    t.print();
    if n < rows.len() {
        println!("geomeans over the {n} of {} benchmarks that every variant scored", rows.len());
    }
    for r in &rows {
        let name = r["benchmark"].as_str().unwrap_or("");
        for v in &present {
            if let Some(e) = r[format!("error_{v}")].as_str() {
                println!("ERR {name}/{v}: {e}");
            }
        }
        if let Some(m) = r["mismatch"].as_str() {
            println!("MISMATCH {name}: {m}");
        }
    }

    let compilers: Vec<&str> = ["aotjs", "weval", "baseline"].into_iter().filter(|v| present.contains(v)).collect();
    let mut header = vec!["compile".to_string()];
    for c in &compilers {
        header.extend([format!("{c} ms"), "peak MB".into()]);
    }
    header.push("snap MB".into());
    header.extend(compilers.iter().map(|c| format!("{c} MB")));
    let mut t = Table::new(header);
    for r in &rows {
        let mut cells = vec![r["benchmark"].as_str().unwrap_or("").to_string()];
        for c in &compilers {
            cells.push(int_cell(&r[format!("compile_ms_{c}")]));
            cells.push(int_cell(&r[format!("compile_peak_mb_{c}")]));
        }
        let mb = |k: String| r[k].as_f64().map_or("-".into(), |b| format!("{:.1}", b / 1048576.0));
        cells.push(mb("bytes_interp".into()));
        cells.extend(compilers.iter().map(|c| mb(format!("bytes_{c}"))));
        t.row(cells);
    }
    println!();
    t.print();
    println!(
        "(plain: {} interpreted; interp: {} interpreted; scores are medians of {} run(s), higher is better)",
        s["plain_engine"].as_str().unwrap_or("-"),
        s["engine"].as_str().unwrap_or("-"),
        s["reps"]
    );
}
