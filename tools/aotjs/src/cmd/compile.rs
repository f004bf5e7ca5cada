//! `aotjs compile SNAP.wasm -o OUT.wasm [--report R.json] [--precompile]`

use crate::cache::{write_atomic, Cache};
use aotjs_compiler::stubcache::StubCache;
use wasmtime::{Result};
use wasmtime::error::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compile a snapshot: fill the engine's requests with compiled code and link it in.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs compile app.snap.wasm -o app.aot.wasm
  aotjs compile app.snap.wasm -o app.aot.wasm --report report.json
  aotjs compile app.snap.wasm --precompile -o app.aot.cwasm   native code via Cranelift

What cannot be compiled yet keeps running in the engine's interpreter; --report says what
and why.")]
pub struct Args {
    /// Snapshot made by `aotjs snapshot` (or any Wizer snapshot of a known engine).
    pub input: PathBuf,
    /// Output module (default: INPUT with the extension .aot.wasm, or .aot.cwasm).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Write the compile report as JSON to this file (`-` for stdout).
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Also compile the output to native code with Wasmtime/Cranelift; writes a .cwasm.
    #[arg(long)]
    pub precompile: bool,
    /// Leave every IC body to the engine's CacheIR interpreter (link only).
    #[arg(long)]
    pub no_stubs: bool,
    /// Do not update the stub library kept in the cache (it is still read).
    #[arg(long)]
    pub no_stubs_cache: bool,
    /// Leave every script to the engine's interpreter (no script compiler).
    #[arg(long)]
    pub no_scripts: bool,
    /// Send every call through its IC chain, even where the callee has a compiled function
    /// (to measure what direct calls gain).
    #[arg(long)]
    pub no_direct_calls: bool,
    /// Testing an engine fact: give the scripts the engine never runs compiled (generators,
    /// async functions, the self-hosting setup script) a function that traps, so a run that
    /// completes proves it.
    #[arg(long, hide = true)]
    pub trap_never_entered: bool,
}

/// `$AOTJS_CACHE/stubs/<engine code digest>.stubs`, when the input names a known engine.
fn stub_cache_file(cache: &Cache, input: &[u8]) -> Option<PathBuf> {
    let digest = aotjs_compiler::snapshot::engine::code_digest_of(input)?;
    Some(cache.dir("stubs").ok()?.join(format!("{digest}.stubs")))
}

/// Compiles a snapshot with the stub library kept in `cache` (read, and updated unless
/// `update_stubs` is false); `what` names the input in errors.
pub fn compile_snapshot(cache: &Cache, input: &[u8], opts: &aotjs_compiler::CompileOptions, update_stubs: bool, what: &Path) -> Result<aotjs_compiler::Compiled> {
    let cache_file = stub_cache_file(cache, input);
    let mut stubs = cache_file
        .as_ref()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| StubCache::from_bytes(&b).ok())
        .unwrap_or_default();
    let compiled = aotjs_compiler::compile_with_cache(input, opts, &mut stubs)
        .with_context(|| format!("cannot compile {}", what.display()))?;
    if let (Some(p), true) = (&cache_file, stubs.changed() && update_stubs) {
        // A cache that cannot be written only costs time later; never fail the compile for it.
        if let Err(e) = write_atomic(p, &stubs.to_bytes()) {
            eprintln!("aotjs: warning: cannot update the stub library {}: {e:#}", p.display());
        }
    }
    Ok(compiled)
}

/// One line saying what a compile did, for `-v`.
pub fn summary(r: &aotjs_compiler::report::Report, elapsed: std::time::Duration) -> String {
    format!(
        "{} scripts ({} compiled{}), {} IC bodies ({} compiled into {} stubs, {} bytes of code, {} of them reaching an op the engine's own CacheIR interpreter does not implement, which fails there as in the engine; {} of the declined ones blocked by such an op; stub library {} hits, {} new), {} bytes, in {:.2?}",
        r.scripts.total, r.scripts.compiled, engine_never_enters(r), r.ics.total, r.ics.compiled, r.stub_functions, r.stub_code_bytes,
        r.ics_compiled_engine_failure.values().sum::<u64>(), r.ics_engine_cannot_run, r.stub_cache_hits, r.stub_cache_misses, r.output_bytes, elapsed
    )
}

/// ", N that the engine never runs compiled" when some scripts are generators, async functions
/// or the self-hosting setup script.
fn engine_never_enters(r: &aotjs_compiler::report::Report) -> String {
    match r.scripts_engine_never_enters {
        0 => String::new(),
        n => format!(", {n} that the engine never runs compiled"),
    }
}

pub fn main(a: Args, verbose: bool) -> Result<ExitCode> {
    let input = super::read_input(&a.input)?;
    let start = std::time::Instant::now();
    let opts = aotjs_compiler::CompileOptions { stubs: !a.no_stubs, scripts: !a.no_scripts, direct_calls: !a.no_direct_calls, trap_scripts_engine_never_enters: a.trap_never_entered, ..Default::default() };
    let cache = Cache::open()?;
    let compiled = compile_snapshot(&cache, &input, &opts, !a.no_stubs_cache, &a.input)?;
    if verbose {
        eprintln!("aotjs: {}", summary(&compiled.report, start.elapsed()));
    }
    let (bytes, ext) = if a.precompile {
        let wt = crate::host::engine()?;
        (wt.precompile_module(&compiled.wasm).context("precompiling with Cranelift")?, "aot.cwasm")
    } else {
        (compiled.wasm, "aot.wasm")
    };
    let out = a.output.unwrap_or_else(|| strip_snap(&a.input).with_extension(ext));
    let report = serde_json::to_string_pretty(&compiled.report)?;
    match &a.report {
        Some(p) if p.as_os_str() == "-" => println!("{report}"),
        Some(p) => write_atomic(p, report.as_bytes())?,
        None => {}
    }
    write_atomic(&out, &bytes)?;
    if verbose {
        eprintln!("aotjs: wrote {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `app.snap.wasm` -> `app`, so outputs are named `app.aot.wasm`.
fn strip_snap(p: &std::path::Path) -> PathBuf {
    let s = p.to_string_lossy();
    PathBuf::from(s.strip_suffix(".snap.wasm").or_else(|| s.strip_suffix(".wasm")).unwrap_or(&s))
}
