//! `aotjs demo`: the whole job on a default program, step by step, with the measured speed-up.

use crate::cache::{write_atomic, Cache};
use crate::host::{self, RunConfig};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use wasmtime::{bail, Result};
use wasmtime::error::Context;

/// The default program: the corpus's task scheduler, built into the binary so the demo works
/// from any directory.
const DEFAULT_APP: &str = include_str!("../../../../corpus/sched.js");

/// Snapshot, compile and run a program, and measure compiled against interpreted.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs demo                     the built-in task-scheduler program
  aotjs demo app.js --reps 5     your own program
  aotjs demo --keep out/         keep the snapshot and compiled module in out/")]
pub struct Args {
    /// Program to use (default: the built-in task scheduler, corpus/sched.js).
    pub app: Option<PathBuf>,
    /// Runs of each variant for the measurement; the median is reported.
    #[arg(long, default_value_t = 3)]
    pub reps: usize,
    /// Directory to keep the snapshot and the compiled module in.
    #[arg(long)]
    pub keep: Option<PathBuf>,
}

pub fn main(a: Args, verbose: bool) -> Result<ExitCode> {
    if a.reps == 0 {
        bail!("--reps must be at least 1");
    }
    let cache = Cache::open()?;
    let scratch = cache.temp_dir("demo")?;
    let dir = match &a.keep {
        Some(d) => {
            std::fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
            d.clone()
        }
        None => scratch.path().to_path_buf(),
    };
    let (app_path, source) = match &a.app {
        Some(p) => (p.clone(), super::read_js(p)?),
        None => (PathBuf::from("sched.js"), DEFAULT_APP.to_string()),
    };
    let stem = app_path.file_stem().and_then(|s| s.to_str()).unwrap_or("app").to_string();
    let spec = super::engine_spec(None)?;
    println!("aotjs demo: {} on engine {} ({}@{})", app_path.display(), spec.name, spec.npm_package, spec.npm_version);

    let t = Instant::now();
    let snap = super::snapshot_source(&app_path, &source, spec, verbose)?;
    let wt = host::engine()?;
    let snap_path = dir.join(format!("{stem}.snap.wasm"));
    write_atomic(&snap_path, &snap)?;
    step(1, "snapshot", &format!("{} -> {} ({:.1} MB)", app_path.display(), snap_path.display(), mb(snap.len())), t.elapsed());

    let t = Instant::now();
    let compiled = aotjs_compiler::compile(&snap, &aotjs_compiler::CompileOptions::default())?;
    let aot_path = dir.join(format!("{stem}.aot.wasm"));
    write_atomic(&aot_path, &compiled.wasm)?;
    let r = &compiled.report;
    step(2, "compile", &format!(
        "{} -> {} ({:.1} MB): {}/{} scripts and {}/{} IC bodies compiled, the rest stays interpreted",
        snap_path.display(), aot_path.display(), mb(compiled.wasm.len()), r.scripts.compiled, r.scripts.total, r.ics.compiled, r.ics.total
    ), t.elapsed());

    let t = Instant::now();
    let interp_module = host::load_module(&wt, &snap, &snap_path)?;
    let aot_module = host::load_module(&wt, &compiled.wasm, &aot_path)?;
    step(3, "native", "both modules compiled to native code with Cranelift", t.elapsed());

    let cfg = RunConfig { fixed_random: true, ..Default::default() };
    let first = host::run(&wt, &aot_module, "_start", &cfg)?;
    step(4, "run", &format!("{} (exit {}), its output:", aot_path.display(), first.exit_code), first.elapsed);
    for line in String::from_utf8_lossy(&first.stdout).lines().take(12) {
        println!("       | {line}");
    }
    std::io::stderr().write_all(&first.stderr)?;

    let (mut ti, mut ta) = (Vec::new(), Vec::new());
    for _ in 0..a.reps {
        let i = host::run(&wt, &interp_module, "_start", &cfg)?;
        let c = host::run(&wt, &aot_module, "_start", &cfg)?;
        if i.stdout != c.stdout || i.exit_code != c.exit_code {
            bail!("compiled output differs from interpreted output: this is a compiler bug");
        }
        ti.push(i.elapsed);
        ta.push(c.elapsed);
    }
    let (mi, ma) = (median(&mut ti), median(&mut ta));
    step(5, "measure", &format!(
        "interpreter {:.0} ms, aotjs {:.0} ms: {:.2}x speed-up (median of {}, same snapshot, identical output)",
        mi.as_secs_f64() * 1e3, ma.as_secs_f64() * 1e3, mi.as_secs_f64() / ma.as_secs_f64(), a.reps
    ), Duration::ZERO);
    if verbose {
        eprintln!("aotjs: files in {}", dir.display());
    }
    Ok(ExitCode::from(first.exit_code.clamp(0, 255) as u8))
}

fn step(n: u32, name: &str, what: &str, took: Duration) {
    if took.is_zero() {
        println!("{n}. {name:<9} {what}");
    } else {
        println!("{n}. {name:<9} {what}  [{:.2?}]", took);
    }
}

fn mb(n: usize) -> f64 {
    n as f64 / 1048576.0
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}
