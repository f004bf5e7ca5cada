//! `aotjs bench`: the regression benchmark against the interpreter.
//!
//! For each program: one snapshot; an aotjs compile and (with `--weval`) a weval compile of that
//! same snapshot, each in a child process so its wall time and peak memory are its own; then
//! the variants run side by side in this process, alternating, with a fresh instance per run.
//! Every run's output must equal the interpreter's, or the row is marked as a mismatch.

use crate::cache::{write_atomic, Cache};
use crate::host::{self, RunConfig};
use wasmtime::{bail, Result};
use wasmtime::error::Context;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

/// Benchmark programs: interpreter vs aotjs (vs weval), side by side.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs bench corpus/sched.js corpus/raytrace.js
  aotjs bench corpus/*.js --weval ~/.cargo/bin/weval --reps 7
  aotjs bench app.js --json > bench.json
  aotjs bench corpus/sched.js --link-only     also the identity compile (no compiled code)

Ratios are speed-ups over the interpreter on the same snapshot (higher is better), from the
median of the runs. Run times include instantiation; native compile time is reported apart.")]
pub struct Args {
    /// JavaScript programs with a main().
    #[arg(required = true)]
    pub apps: Vec<PathBuf>,
    /// Path of a `weval` binary (weval 0.5.x) to compare against.
    #[arg(long)]
    pub weval: Option<PathBuf>,
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
}

/// One compiler run in a child process.
struct ChildRun {
    wall: Duration,
    peak_rss_kb: i64,
}

struct Variant {
    name: &'static str,
    module: wasmtime::Module,
    native_compile: Duration,
    wasm_bytes: u64,
    compile: Option<ChildRun>,
    times: Vec<Duration>,
    mismatch: Option<String>,
}

pub fn main(a: Args, verbose: bool) -> Result<ExitCode> {
    if a.reps == 0 {
        bail!("--reps must be at least 1");
    }
    let spec = crate::cmd::engine_spec(a.engine.as_deref())?;
    if let Some(w) = &a.weval {
        if !w.exists() && which(w).is_none() {
            bail!("weval binary {} not found", w.display());
        }
    }
    let cache = Cache::open()?;
    let wt = host::engine()?;
    let mut rows = Vec::new();
    for app in &a.apps {
        if !a.json {
            eprintln!("aotjs bench: {} ...", app.display());
        }
        rows.push(bench_one(&wt, &cache, spec, app, &a, verbose).with_context(|| format!("benchmarking {}", app.display()))?);
    }
    let geo = |key: &str| -> Option<f64> {
        let v: Vec<f64> = rows.iter().filter_map(|r| r[key].as_f64()).collect();
        (v.len() == rows.len() && !v.is_empty()).then(|| (v.iter().map(|x| x.ln()).sum::<f64>() / v.len() as f64).exp())
    };
    let summary = json!({
        "engine": spec.name,
        "reps": a.reps,
        "programs": rows,
        "geomean_speedup_aotjs": geo("speedup_aotjs"),
        "geomean_speedup_linkonly": geo("speedup_linkonly"),
        "geomean_speedup_weval": geo("speedup_weval"),
    });
    if a.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_table(&summary);
    }
    let mismatches = rows.iter().filter(|r| !r["mismatch"].is_null()).count();
    Ok(if mismatches > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn bench_one(wt: &wasmtime::Engine, cache: &Cache, spec: &runtime_abi::EngineSpec, app: &Path, a: &Args, verbose: bool) -> Result<serde_json::Value> {
    let dir = cache.temp_dir("bench")?;
    let t = Instant::now();
    let snap = crate::cmd::snapshot_js(app, spec, verbose)?;
    let snapshot_time = t.elapsed();
    let snap_path = dir.path().join("app.snap.wasm");
    write_atomic(&snap_path, &snap)?;

    let aot_path = dir.path().join("app.aot.wasm");
    let exe = std::env::current_exe()?;
    let aot_run = child(Command::new(&exe).arg("compile").arg(&snap_path).arg("-o").arg(&aot_path))?;
    let mut inputs: Vec<(&'static str, PathBuf, Option<ChildRun>)> = vec![("interp", snap_path.clone(), None), ("aotjs", aot_path.clone(), Some(aot_run))];
    if a.link_only {
        let link_path = dir.path().join("app.link.wasm");
        let run = child(Command::new(&exe).arg("compile").arg("--no-stubs").arg("--no-scripts").arg(&snap_path).arg("-o").arg(&link_path))?;
        inputs.push(("linkonly", link_path, Some(run)));
    }
    if let Some(weval) = &a.weval {
        let out = dir.path().join("app.weval.wasm");
        let mut cmd = Command::new(weval);
        cmd.args(["weval", "-i"]).arg(&snap_path).arg("-o").arg(&out);
        let ics = cache.root().join("engines").join(spec.weval_ic_cache_file_name());
        if ics.exists() {
            cmd.arg("--cache-ro").arg(&ics);
        }
        // weval needs a deep native stack (engine-protocol.md §9.6).
        cmd.env("RUST_MIN_STACK", (256u64 << 20).to_string());
        let run = child(&mut cmd).context("running weval")?;
        inputs.push(("weval", out, Some(run)));
    }
    let mut variants = Vec::new();
    for (name, path, compile) in inputs {
        let bytes = std::fs::read(&path)?;
        let t = Instant::now();
        let module = host::load_module(wt, &bytes, &path)?;
        variants.push(Variant { name, module, native_compile: t.elapsed(), wasm_bytes: bytes.len() as u64, compile, times: Vec::new(), mismatch: None });
    }
    let mut reference: Option<(Vec<u8>, i32)> = None;
    for rep in 0..a.reps {
        for v in variants.iter_mut() {
            let out = host::run(wt, &v.module, "_start", &RunConfig { fixed_random: true, ..Default::default() })?;
            let got = (out.stdout.clone(), out.exit_code);
            match &reference {
                None => reference = Some(got),
                Some(r) if *r != got && v.mismatch.is_none() => {
                    v.mismatch = Some(format!("output differs from the interpreter's (run {rep}, exit {})", out.exit_code));
                }
                _ => {}
            }
            v.times.push(out.elapsed);
        }
    }
    let median = |v: &Variant| {
        let mut t = v.times.clone();
        t.sort();
        t[t.len() / 2]
    };
    let interp = median(&variants[0]).as_secs_f64();
    let mut row = json!({
        "program": app.display().to_string(),
        "snapshot_ms": ms(snapshot_time),
        "snapshot_bytes": variants[0].wasm_bytes,
        "mismatch": serde_json::Value::Null,
    });
    let mut mismatches = Vec::new();
    for v in &variants {
        let m = median(v).as_secs_f64();
        row[format!("median_ms_{}", v.name)] = json!(m * 1e3);
        row[format!("native_compile_ms_{}", v.name)] = json!(ms(v.native_compile));
        if v.name != "interp" {
            row[format!("speedup_{}", v.name)] = json!(interp / m);
            row[format!("bytes_{}", v.name)] = json!(v.wasm_bytes);
        }
        if let Some(c) = &v.compile {
            row[format!("compile_ms_{}", v.name)] = json!(ms(c.wall));
            row[format!("compile_peak_mb_{}", v.name)] = json!(c.peak_rss_kb as f64 / 1024.0);
        }
        if let Some(mm) = &v.mismatch {
            mismatches.push(format!("{}: {mm}", v.name));
        }
    }
    if !mismatches.is_empty() {
        row["mismatch"] = json!(mismatches.join("; "));
    }
    Ok(row)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Runs a compiler as a child and measures its wall time and peak resident memory.
///
/// The peak is the child's own `VmHWM`, polled from `/proc` while it runs: `ru_maxrss` of a
/// spawned child also counts the parent's memory from before `exec`, which here is large. The
/// last reading is kept, not the largest: a reading taken before `exec` shows the parent's
/// address space, and after `exec` the high-water mark only grows.
fn child(cmd: &mut Command) -> Result<ChildRun> {
    let start = Instant::now();
    let mut proc = cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped()).spawn()?;
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
    if !status.success() {
        let mut msg = String::new();
        if let Some(mut e) = proc.stderr.take() {
            use std::io::Read;
            let _ = e.read_to_string(&mut msg);
        }
        bail!("{:?} failed: {}", cmd.get_program(), msg.lines().last().unwrap_or("no message"));
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

fn print_table(s: &serde_json::Value) {
    let has_weval = s["programs"].as_array().is_some_and(|r| r.iter().any(|r| !r["median_ms_weval"].is_null()));
    let has_link = s["programs"].as_array().is_some_and(|r| r.iter().any(|r| !r["median_ms_linkonly"].is_null()));
    let f = |v: &serde_json::Value, k: &str| v[k].as_f64().map_or("-".to_string(), |x| format!("{x:.0}"));
    let x = |v: &serde_json::Value, k: &str| v[k].as_f64().map_or("-".to_string(), |x| format!("{x:.2}x"));
    print!("{:<28} {:>10}", "program", "interp ms");
    if has_link {
        print!(" {:>10} {:>8}", "link ms", "speedup");
    }
    print!(" {:>10} {:>8}", "aotjs ms", "speedup");
    if has_weval {
        print!(" {:>10} {:>8}", "weval ms", "speedup");
    }
    print!(" {:>11} {:>9}", "aotjs comp", "peak MB");
    if has_weval {
        print!(" {:>11} {:>9}", "weval comp", "peak MB");
    }
    println!(" {:>9} {:>9}", "snap MB", "aotjs MB");
    for r in s["programs"].as_array().into_iter().flatten() {
        let name = Path::new(r["program"].as_str().unwrap_or("")).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        print!("{:<28} {:>10}", name, f(r, "median_ms_interp"));
        if has_link {
            print!(" {:>10} {:>8}", f(r, "median_ms_linkonly"), x(r, "speedup_linkonly"));
        }
        print!(" {:>10} {:>8}", f(r, "median_ms_aotjs"), x(r, "speedup_aotjs"));
        if has_weval {
            print!(" {:>10} {:>8}", f(r, "median_ms_weval"), x(r, "speedup_weval"));
        }
        print!(" {:>9}ms {:>9}", f(r, "compile_ms_aotjs"), f(r, "compile_peak_mb_aotjs"));
        if has_weval {
            print!(" {:>9}ms {:>9}", f(r, "compile_ms_weval"), f(r, "compile_peak_mb_weval"));
        }
        let mb = |k: &str| r[k].as_f64().map_or("-".into(), |b| format!("{:.1}", b / 1048576.0));
        println!(" {:>9} {:>9}", mb("snapshot_bytes"), mb("bytes_aotjs"));
        if let Some(m) = r["mismatch"].as_str() {
            println!("  MISMATCH: {m}");
        }
    }
    let g = |k: &str| s[k].as_f64().map_or("-".to_string(), |x| format!("{x:.2}x"));
    print!("geomean speedup over the interpreter:");
    if has_link {
        print!(" link only {},", g("geomean_speedup_linkonly"));
    }
    print!(" aotjs {}", g("geomean_speedup_aotjs"));
    if has_weval {
        print!(", weval {}", g("geomean_speedup_weval"));
    }
    println!(" ({} runs each, median)", s["reps"]);
}
