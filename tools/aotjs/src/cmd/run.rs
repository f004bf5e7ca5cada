//! `aotjs run MODULE.wasm | MODULE.cwasm | APP.js`

use crate::host::{self, RunConfig};
use wasmtime::{Result};
use wasmtime::error::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Run a snapshot, a compiled module, a precompiled artifact, or a JS file directly.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs run app.aot.wasm        run a compiled module
  aotjs run app.aot.cwasm       run a precompiled native artifact (aotjs compile --precompile)
  aotjs run app.snap.wasm       run the snapshot on the engine's interpreter
  aotjs run app.js              snapshot in memory, then run
  aotjs run app.wasm --url 'http://localhost/x?n=5' --response
                                a Fastly app (e.g. built by js-compute-runtime): print its answer

The program's output is printed; the exit code is the program's (1 for an uncaught exception).")]
pub struct Args {
    /// Module, artifact or JavaScript file to run.
    pub input: PathBuf,
    /// Engine to use when INPUT is JavaScript (default: fastly-weval).
    #[arg(long)]
    pub engine: Option<String>,
    /// Print the time the run took to stderr.
    #[arg(long)]
    pub time: bool,
    /// URL of the request the run dispatches (default: http://localhost/).
    #[arg(long)]
    pub url: Option<String>,
    /// Print the response: its status line on stderr, its body on stdout.
    #[arg(long)]
    pub response: bool,
}

pub fn main(a: Args, verbose: bool) -> Result<ExitCode> {
    let bytes = if super::is_js(&a.input) {
        let spec = super::engine_spec(a.engine.as_deref())?;
        super::snapshot_js(&a.input, spec, verbose)?
    } else {
        super::read_input(&a.input)?
    };
    let wt = host::engine()?;
    let start = std::time::Instant::now();
    let cache = crate::cache::Cache::open_or_private()?;
    let loaded = host::load_fresh(&wt, &cache, &bytes, &a.input)?;
    let module = &loaded.module;
    if verbose {
        let how = if loaded.data.is_some() { "the engine's code module (cached) and the snapshot's data" } else { "compiled to native code" };
        eprintln!("aotjs: {how} in {:.2?}", start.elapsed());
    }
    let entry = if module.get_export("_start").is_some() { "_start" } else { "wizer.resume" };
    let cfg = RunConfig { trace: std::env::var_os("AOTJS_TRACE_HOST").is_some(), url: a.url.clone(), ..Default::default() };
    let out = host::run_loaded(&wt, &loaded, entry, &cfg).with_context(|| format!("running {}", a.input.display()))?;
    std::io::stdout().write_all(&out.stdout)?;
    std::io::stderr().write_all(&out.stderr)?;
    if a.response {
        if out.response.sent {
            eprintln!("status {}", out.response.status);
            std::io::stdout().write_all(&out.response.body)?;
        } else {
            eprintln!("error: {} sent no response", a.input.display());
        }
    }
    if let Some(trap) = &out.trap {
        eprintln!("error: {} stopped: {trap}", a.input.display());
    }
    if a.time || verbose {
        eprintln!("aotjs: ran in {:.2?}", out.elapsed);
    }
    Ok(ExitCode::from(out.exit_code.clamp(0, 255) as u8))
}
