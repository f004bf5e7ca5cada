//! `aotjs bench`: the regression benchmark against the interpreters, and the machinery it
//! shares with `aotjs octane` (variants, compilers as children, alternating runs, tables).
//!
//! For each program: one snapshot with the AOT-protocol engine and one with the plain
//! interpreter build users run without AOT; an aotjs compile and (with `--weval`) a weval
//! compile and (with `--aotjs-baseline`) another aotjs's compile of that same snapshot, each in
//! a child process so its wall time and peak memory are its own; then the variants run side by
//! side in this process, alternating, with a fresh instance per run. Every run's output must
//! equal the same-snapshot interpreter's, or the row is marked as a mismatch.

use crate::cache::{write_atomic, Cache};
use crate::host::{self, RunConfig, RunOutput};
use runtime_abi::{EngineSpec, ENGINES};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};
use wasmtime::error::Context;
use wasmtime::{bail, Result};

/// Benchmark programs: interpreters vs aotjs (vs weval, vs another aotjs), side by side.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs bench corpus/sched.js corpus/raytrace.js
  aotjs bench corpus/*.js --weval ~/.cargo/bin/weval --reps 7
  aotjs bench corpus/sched.js --aotjs-baseline /tmp/old/aotjs   an older aotjs side by side
  aotjs bench app.js --json > bench.json
  aotjs bench corpus/sched.js --link-only     also the identity compile (no compiled code)
  aotjs bench --startup app.js                time to the first response of a fresh instance

Columns: plain is the plain interpreter build users run without AOT (its own snapshot);
interp is the AOT-protocol engine interpreting the snapshot every compiler starts from.
Ratios are speed-ups (higher is better) over interp (x interp) and over plain (x plain), from
the median of the runs. Run times include instantiation; native compile time is reported apart.")]
pub struct Args {
    /// JavaScript programs with a main().
    #[arg(required = true)]
    pub apps: Vec<PathBuf>,
    /// Path of a `weval` binary (weval 0.5.x) to compare against.
    #[arg(long)]
    pub weval: Option<PathBuf>,
    /// Path of another `aotjs` binary (say, a build of an older commit) whose `compile` of the
    /// same snapshot runs as the column `baseline`.
    #[arg(long, value_name = "PATH")]
    pub aotjs_baseline: Option<PathBuf>,
    /// Runs of each variant (alternating); the median is reported.
    #[arg(long, default_value_t = 5)]
    pub reps: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Engine to benchmark (default: fastly-weval).
    #[arg(long)]
    pub engine: Option<String>,
    /// Also run the identity compile (`aotjs compile --no-stubs --no-scripts`: linked, no compiled code), to
    /// separate what the linker's removal of the intrinsics gains from what compiled code gains.
    #[arg(long)]
    pub link_only: bool,
    /// Measure start-up instead: a fresh instance answering one request (instantiation plus
    /// one dispatch), for the plain snapshot, the snapshot and aotjs's output.
    #[arg(long)]
    pub startup: bool,
    /// Samples per module with --startup; the median is reported.
    #[arg(long, default_value_t = 200)]
    pub samples: usize,
}

/// The compilers compared with aotjs, as named on the command line.
pub struct Rivals {
    pub weval: Option<PathBuf>,
    pub baseline: Option<PathBuf>,
    pub link_only: bool,
}

impl Rivals {
    /// Checks that the named binaries exist, before any long work starts.
    pub fn check(&self) -> Result<()> {
        for (what, path) in [("weval", &self.weval), ("aotjs baseline", &self.baseline)] {
            if let Some(p) = path {
                if !p.exists() && which(p).is_none() {
                    bail!("{what} binary {} not found", p.display());
                }
            }
        }
        Ok(())
    }
}

/// The plain interpreter build shipped beside `spec` (same package, no AOT protocol): what a
/// user runs without any AOT compiler. None when `spec` is itself that build.
pub fn plain_engine(spec: &EngineSpec) -> Option<&'static EngineSpec> {
    if spec.aot.is_none() {
        return None;
    }
    ENGINES.iter().find(|e| e.aot.is_none() && e.npm_package == spec.npm_package && e.npm_version == spec.npm_version)
}

/// One compiler run in a child process.
pub struct ChildRun {
    pub wall: Duration,
    pub peak_rss_kb: i64,
}

/// One way of running a program: a snapshot, compiled by one compiler or not at all.
pub struct Variant {
    /// Column name: `plain`, `interp`, `aotjs`, `linkonly`, `weval` or `baseline`.
    pub name: &'static str,
    /// The module to run, or why there is none (a failed snapshot or compile), as one line.
    pub module: std::result::Result<wasmtime::Module, String>,
    pub native_compile: Duration,
    pub wasm_bytes: u64,
    pub compile: Option<ChildRun>,
    /// One entry per run, in order; an error is a run that could not start.
    pub runs: Vec<std::result::Result<RunOutput, String>>,
}

/// What preparing the variants of a program needs.
pub struct Setup<'a> {
    pub wt: &'a wasmtime::Engine,
    pub cache: &'a Cache,
    /// The AOT-protocol engine every compiler starts from.
    pub spec: &'static EngineSpec,
    /// The plain interpreter build, when it gets a column of its own.
    pub plain: Option<&'static EngineSpec>,
    pub rivals: &'a Rivals,
    pub verbose: bool,
}

/// A program's variants, ready to run.
pub struct Prepared {
    /// Snapshot time with the AOT-protocol engine.
    pub snapshot_time: Duration,
    pub variants: Vec<Variant>,
}

/// Snapshots `source` with both engines and runs every compiler on the AOT snapshot. A failed
/// snapshot or compile is recorded in its variant, not returned: a caller that compares many
/// programs keeps going. Only a failure of this machine (scratch files) is an error.
pub fn prepare(s: &Setup, name: &Path, source: &str) -> Result<Prepared> {
    let dir = s.cache.temp_dir("bench")?;
    let mut inputs: Vec<(&'static str, std::result::Result<PathBuf, String>, Option<ChildRun>)> = Vec::new();
    if let Some(plain) = s.plain {
        let path = dir.path().join("app.plain.wasm");
        inputs.push(("plain", snapshot_to(name, source, plain, &path, s.verbose), None));
    }
    let t = Instant::now();
    let snap_path = dir.path().join("app.snap.wasm");
    let snap = snapshot_to(name, source, s.spec, &snap_path, s.verbose);
    let snapshot_time = t.elapsed();
    inputs.push(("interp", snap.clone(), None));

    let exe = std::env::current_exe()?;
    let mut compiles: Vec<(&'static str, Command, PathBuf)> = Vec::new();
    let out = dir.path().join("app.aot.wasm");
    let mut cmd = Command::new(&exe);
    cmd.arg("compile").arg(&snap_path).arg("-o").arg(&out);
    compiles.push(("aotjs", cmd, out));
    if s.rivals.link_only {
        let out = dir.path().join("app.link.wasm");
        let mut cmd = Command::new(&exe);
        cmd.args(["compile", "--no-stubs", "--no-scripts"]).arg(&snap_path).arg("-o").arg(&out);
        compiles.push(("linkonly", cmd, out));
    }
    if let Some(weval) = &s.rivals.weval {
        let out = dir.path().join("app.weval.wasm");
        let mut cmd = Command::new(weval);
        cmd.args(["weval", "-i"]).arg(&snap_path).arg("-o").arg(&out);
        let ics = s.cache.root().join("engines").join(s.spec.weval_ic_cache_file_name());
        if ics.exists() {
            cmd.arg("--cache-ro").arg(&ics);
        }
        // weval needs a deep native stack (engine-protocol.md §9.6).
        cmd.env("RUST_MIN_STACK", (256u64 << 20).to_string());
        compiles.push(("weval", cmd, out));
    }
    if let Some(baseline) = &s.rivals.baseline {
        let out = dir.path().join("app.baseline.wasm");
        let mut cmd = Command::new(baseline);
        cmd.arg("compile").arg(&snap_path).arg("-o").arg(&out);
        compiles.push(("baseline", cmd, out));
    }
    for (name, mut cmd, out) in compiles {
        if let Err(e) = &snap {
            inputs.push((name, Err(e.clone()), None));
            continue;
        }
        if s.verbose {
            eprintln!("aotjs: compiling with {name}");
        }
        match child(&mut cmd) {
            Ok(run) => inputs.push((name, Ok(out), Some(run))),
            Err(e) => inputs.push((name, Err(format!("compile: {}", crate::one_line(&e))), None)),
        }
    }

    let mut variants = Vec::new();
    for (name, path, compile) in inputs {
        let mut v = Variant { name, module: Err(String::new()), native_compile: Duration::ZERO, wasm_bytes: 0, compile, runs: Vec::new() };
        v.module = match path {
            Err(e) => Err(e),
            Ok(path) => {
                let bytes = std::fs::read(&path)?;
                v.wasm_bytes = bytes.len() as u64;
                let t = Instant::now();
                let module = host::load_module(s.wt, &bytes, &path).map_err(|e| format!("load: {}", crate::one_line(&e)));
                v.native_compile = t.elapsed();
                module
            }
        };
        variants.push(v);
    }
    Ok(Prepared { snapshot_time, variants })
}

/// Snapshots `source` with `spec` into `path`; a failure is one line.
fn snapshot_to(name: &Path, source: &str, spec: &EngineSpec, path: &Path, verbose: bool) -> std::result::Result<PathBuf, String> {
    let snap = crate::cmd::snapshot_source(name, source, spec, verbose).map_err(|e| format!("snapshot ({}): {}", spec.name, crate::one_line(&e)))?;
    write_atomic(path, &snap).map_err(|e| crate::one_line(&e))?;
    Ok(path.to_path_buf())
}

/// Runs every variant that has a module `reps` times, alternating between variants so that
/// they share the machine's state (frequency, caches, neighbours) equally.
pub fn run_alternating(wt: &wasmtime::Engine, variants: &mut [Variant], reps: usize, mut progress: impl FnMut(&str, usize)) {
    for rep in 0..reps {
        for v in variants.iter_mut() {
            let Ok(module) = &v.module else { continue };
            progress(v.name, rep);
            let out = host::run(wt, module, "_start", &RunConfig { fixed_random: true, ..Default::default() });
            v.runs.push(out.map_err(|e| crate::one_line(&e)));
        }
    }
}

/// The variant whose output the others must reproduce: the same-snapshot interpreter if it
/// ran, else the first variant that ran.
pub fn reference_index(variants: &[Variant]) -> Option<usize> {
    let ran = |v: &Variant| v.runs.iter().any(|r| r.is_ok());
    variants.iter().position(|v| v.name == "interp" && ran(v)).or_else(|| variants.iter().position(ran))
}

pub fn main(a: Args, verbose: bool) -> Result<ExitCode> {
    if a.startup {
        return crate::startup::main(&a.apps, a.engine.as_deref(), a.samples, a.json, verbose);
    }
    if a.reps == 0 {
        bail!("--reps must be at least 1");
    }
    let spec = crate::cmd::engine_spec(a.engine.as_deref())?;
    let rivals = Rivals { weval: a.weval.clone(), baseline: a.aotjs_baseline.clone(), link_only: a.link_only };
    rivals.check()?;
    let cache = Cache::open()?;
    let wt = host::engine()?;
    let setup = Setup { wt: &wt, cache: &cache, spec, plain: plain_engine(spec), rivals: &rivals, verbose };
    let mut rows = Vec::new();
    for app in &a.apps {
        if !a.json {
            eprintln!("aotjs bench: {} ...", app.display());
        }
        rows.push(bench_one(&setup, app, a.reps).with_context(|| format!("benchmarking {}", app.display()))?);
    }
    let geo = |key: &str| -> Option<f64> {
        let v: Vec<f64> = rows.iter().filter_map(|r| r[key].as_f64()).collect();
        (v.len() == rows.len() && !v.is_empty()).then(|| geomean(&v))
    };
    let mut summary = json!({
        "engine": spec.name,
        "plain_engine": setup.plain.map(|p| p.name),
        "reps": a.reps,
        "programs": rows,
    });
    for v in VARIANTS {
        summary[format!("geomean_speedup_{v}")] = json!(geo(&format!("speedup_{v}")));
        summary[format!("geomean_speedup_over_plain_{v}")] = json!(geo(&format!("speedup_over_plain_{v}")));
    }
    for k in ["aotjs_over_baseline", "aotjs_over_weval"] {
        summary[format!("geomean_{k}")] = json!(geo(k));
    }
    if a.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_table(&summary);
    }
    let mismatches = rows.iter().filter(|r| !r["mismatch"].is_null()).count();
    Ok(if mismatches > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Every column `bench` can have, in table order.
const VARIANTS: [&str; 6] = ["plain", "interp", "linkonly", "aotjs", "weval", "baseline"];

fn bench_one(s: &Setup, app: &Path, reps: usize) -> Result<serde_json::Value> {
    let source = crate::cmd::read_js(app)?;
    let mut p = prepare(s, app, &source)?;
    for v in &p.variants {
        if let Err(e) = &v.module {
            bail!("{}: {e}", v.name);
        }
    }
    run_alternating(s.wt, &mut p.variants, reps, |_, _| {});
    let reference = reference_index(&p.variants).context("no variant ran")?;
    let expected = match &p.variants[reference].runs[0] {
        Ok(out) => (out.stdout.clone(), out.exit_code),
        Err(e) => bail!("{}: {e}", p.variants[reference].name),
    };
    let mut mismatches = Vec::new();
    let mut medians = Vec::new();
    for v in &p.variants {
        let mut times = Vec::new();
        let mut mismatch = None;
        for (rep, run) in v.runs.iter().enumerate() {
            let out = run.as_ref().map_err(|e| wasmtime::format_err!("{}: {e}", v.name))?;
            if (&out.stdout, out.exit_code) != (&expected.0, expected.1) && mismatch.is_none() {
                mismatch = Some(format!("{}: output differs from the {}'s (run {rep}, exit {})", v.name, p.variants[reference].name, out.exit_code));
            }
            times.push(out.elapsed);
        }
        mismatches.extend(mismatch);
        times.sort();
        medians.push(times[times.len() / 2].as_secs_f64());
    }
    let median_of = |name: &str| p.variants.iter().position(|v| v.name == name).map(|i| medians[i]);
    let snapshot_bytes = p.variants.iter().find(|v| v.name == "interp").map(|v| v.wasm_bytes);
    let mut row = json!({
        "program": app.display().to_string(),
        "snapshot_ms": ms(p.snapshot_time),
        "snapshot_bytes": snapshot_bytes,
        "mismatch": if mismatches.is_empty() { serde_json::Value::Null } else { json!(mismatches.join("; ")) },
    });
    for (v, m) in p.variants.iter().zip(&medians) {
        row[format!("median_ms_{}", v.name)] = json!(m * 1e3);
        row[format!("native_compile_ms_{}", v.name)] = json!(ms(v.native_compile));
        row[format!("bytes_{}", v.name)] = json!(v.wasm_bytes);
        if let Some(interp) = median_of("interp").filter(|_| v.name != "interp") {
            row[format!("speedup_{}", v.name)] = json!(interp / m);
        }
        if let Some(plain) = median_of("plain").filter(|_| v.name != "plain") {
            row[format!("speedup_over_plain_{}", v.name)] = json!(plain / m);
        }
        if let Some(c) = &v.compile {
            row[format!("compile_ms_{}", v.name)] = json!(ms(c.wall));
            row[format!("compile_peak_mb_{}", v.name)] = json!(c.peak_rss_kb as f64 / 1024.0);
        }
    }
    if let Some(aot) = median_of("aotjs") {
        for other in ["baseline", "weval"] {
            if let Some(o) = median_of(other) {
                row[format!("aotjs_over_{other}")] = json!(o / aot);
            }
        }
    }
    Ok(row)
}

pub fn geomean(v: &[f64]) -> f64 {
    (v.iter().map(|x| x.ln()).sum::<f64>() / v.len() as f64).exp()
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Runs a compiler as a child and measures its wall time and peak resident memory.
///
/// The peak is the child's own `VmHWM`, polled from `/proc` while it runs: `ru_maxrss` of a
/// spawned child also counts the parent's memory from before `exec`, which here is large. The
/// last reading is kept, not the largest: a reading taken before `exec` shows the parent's
/// address space, and after `exec` the high-water mark only grows.
pub fn child(cmd: &mut Command) -> Result<ChildRun> {
    let start = Instant::now();
    let mut proc = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot run {}", cmd.get_program().to_string_lossy()))?;
    // Drained on a thread: a chatty child (weval -v) would otherwise block on a full pipe.
    let mut stderr = proc.stderr.take().context("child has no stderr")?;
    let drain = std::thread::spawn(move || {
        use std::io::Read;
        let mut msg = String::new();
        let _ = stderr.read_to_string(&mut msg);
        msg
    });
    let status_path = format!("/proc/{}/status", proc.id());
    let mut peak_kb = 0i64;
    let status = loop {
        if let Some(hwm) = std::fs::read_to_string(&status_path).ok().and_then(|s| vm_hwm_kb(&s)) {
            peak_kb = hwm;
        }
        if let Some(status) = proc.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let wall = start.elapsed();
    let msg = drain.join().unwrap_or_default();
    if !status.success() {
        let last = msg.lines().rev().map(str::trim).find(|l| !l.is_empty()).unwrap_or("no message");
        bail!("{} failed ({status}): {last}", Path::new(cmd.get_program()).display());
    }
    Ok(ChildRun { wall, peak_rss_kb: peak_kb })
}

/// `VmHWM:  123456 kB` from a `/proc/<pid>/status`.
fn vm_hwm_kb(status: &str) -> Option<i64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn which(p: &Path) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths).map(|d| d.join(p)).find(|c| c.exists())
}

/// A text table: a left-aligned first column, the others right-aligned, widths from content.
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: Vec<String>) -> Table {
        Table { rows: vec![header] }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn print(&self) {
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let width: Vec<usize> = (0..cols).map(|c| self.rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0)).collect();
        for r in &self.rows {
            let mut line = String::new();
            for (c, cell) in r.iter().enumerate() {
                if c == 0 {
                    line.push_str(&format!("{cell:<w$}", w = width[0]));
                } else {
                    line.push_str(&format!("  {cell:>w$}", w = width[c]));
                }
            }
            println!("{}", line.trim_end());
        }
    }
}

/// `1.23x`, or `-` for a missing value.
pub fn ratio_cell(v: &serde_json::Value) -> String {
    v.as_f64().map_or("-".to_string(), |x| format!("{x:.2}x"))
}

/// A number without decimals, or `-`.
pub fn int_cell(v: &serde_json::Value) -> String {
    v.as_f64().map_or("-".to_string(), |x| format!("{x:.0}"))
}

fn print_table(s: &serde_json::Value) {
    let rows: Vec<&serde_json::Value> = s["programs"].as_array().into_iter().flatten().collect();
    let has = |v: &str| rows.iter().any(|r| !r[format!("median_ms_{v}")].is_null());
    let present: Vec<&str> = VARIANTS.into_iter().filter(|v| has(v)).collect();
    let name_of = |r: &serde_json::Value| {
        let p = r["program"].as_str().unwrap_or("");
        Path::new(p).file_name().map_or(p.to_string(), |n| n.to_string_lossy().to_string())
    };

    // Run times and speed-ups.
    let mut header = vec!["program".to_string()];
    for v in &present {
        header.push(format!("{v} ms"));
        if !matches!(*v, "plain" | "interp") {
            header.push("x interp".into());
        }
        if *v != "plain" && has("plain") {
            header.push("x plain".into());
        }
    }
    let others: Vec<&str> = ["baseline", "weval"].into_iter().filter(|v| has(v)).collect();
    for o in &others {
        header.push(format!("aotjs/{o}"));
    }
    let mut t = Table::new(header);
    for r in &rows {
        let mut cells = vec![name_of(r)];
        for v in &present {
            cells.push(int_cell(&r[format!("median_ms_{v}")]));
            if !matches!(*v, "plain" | "interp") {
                cells.push(ratio_cell(&r[format!("speedup_{v}")]));
            }
            if *v != "plain" && has("plain") {
                cells.push(ratio_cell(&r[format!("speedup_over_plain_{v}")]));
            }
        }
        for o in &others {
            cells.push(ratio_cell(&r[format!("aotjs_over_{o}")]));
        }
        t.row(cells);
    }
    t.print();
    for r in &rows {
        if let Some(m) = r["mismatch"].as_str() {
            println!("MISMATCH {}: {m}", name_of(r));
        }
    }

    // Compilers and sizes.
    let compilers: Vec<&str> = ["aotjs", "linkonly", "weval", "baseline"].into_iter().filter(|v| has(v)).collect();
    let mut header = vec!["compile".to_string()];
    for c in &compilers {
        header.push(format!("{c} ms"));
        header.push("peak MB".into());
    }
    header.extend(["snap MB".to_string(), "aotjs MB".to_string()]);
    let mut t = Table::new(header);
    for r in &rows {
        let mut cells = vec![name_of(r)];
        for c in &compilers {
            cells.push(int_cell(&r[format!("compile_ms_{c}")]));
            cells.push(int_cell(&r[format!("compile_peak_mb_{c}")]));
        }
        let mb = |k: &str| r[k].as_f64().map_or("-".into(), |b| format!("{:.1}", b / 1048576.0));
        cells.extend([mb("snapshot_bytes"), mb("bytes_aotjs")]);
        t.row(cells);
    }
    println!();
    t.print();

    let line = |key: &str, from: &[&str]| -> String {
        from.iter().filter(|v| has(v)).map(|v| format!("{v} {}", ratio_cell(&s[format!("{key}{v}")]))).collect::<Vec<_>>().join(", ")
    };
    println!();
    println!("geomean speed-up over the same-snapshot interpreter: {}", line("geomean_speedup_", &["linkonly", "aotjs", "weval", "baseline"]));
    if has("plain") {
        println!(
            "geomean speed-up over the plain interpreter ({}): {}",
            s["plain_engine"].as_str().unwrap_or("plain"),
            line("geomean_speedup_over_plain_", &["interp", "linkonly", "aotjs", "weval", "baseline"])
        );
    }
    if !others.is_empty() {
        println!("geomean {}", others.iter().map(|o| format!("aotjs/{o} {}", ratio_cell(&s[format!("geomean_aotjs_over_{o}")]))).collect::<Vec<_>>().join(", "));
    }
    println!("({} runs each, alternating; medians)", s["reps"]);
}
