//! `aotjs snapshot APP.js -o SNAP.wasm`

use crate::cache::write_atomic;
use wasmtime::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Run a program's top level in the engine and write the snapshot.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs snapshot app.js -o app.snap.wasm
  aotjs snapshot app.js --engine fastly -o app.plain.wasm

The top level runs now; main(), if defined, runs when the snapshot is run.")]
pub struct Args {
    /// The JavaScript program (a classic script).
    pub app: PathBuf,
    /// Output snapshot (default: APP with the extension .snap.wasm).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Engine to snapshot (default: fastly-weval).
    #[arg(long)]
    pub engine: Option<String>,
}

pub fn main(a: Args, verbose: bool) -> Result<ExitCode> {
    let spec = super::engine_spec(a.engine.as_deref())?;
    let snap = super::snapshot_js(&a.app, spec, verbose)?;
    let out = a.output.unwrap_or_else(|| a.app.with_extension("snap.wasm"));
    write_atomic(&out, &snap)?;
    if verbose {
        eprintln!("aotjs: wrote {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}
