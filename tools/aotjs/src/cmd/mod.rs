//! One module per subcommand, plus what they share: reading inputs, choosing the engine.

pub mod compile;
pub mod coverage;
pub mod demo;
pub mod engine;
pub mod fuzz;
pub mod inspect;
pub mod octane;
pub mod run;
pub mod snapshot;
pub mod test262;
pub mod weval;

use wasmtime::{bail, Result};
use wasmtime::error::Context;
use runtime_abi::EngineSpec;
use std::path::{Path, PathBuf};

/// The engine named by `--engine`, or the default.
pub fn engine_spec(name: Option<&str>) -> Result<&'static EngineSpec> {
    match name {
        None => Ok(EngineSpec::default_engine()),
        Some(n) => EngineSpec::by_name(n)
            .with_context(|| format!("unknown engine `{n}` (known: {})", EngineSpec::names().join(", "))),
    }
}

/// Reads an input file with an error that names it.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => wasmtime::format_err!("{}: no such file", path.display()),
        _ => wasmtime::format_err!("cannot read {}: {e}", path.display()),
    })?;
    if bytes.is_empty() {
        bail!("{}: file is empty", path.display());
    }
    Ok(bytes)
}

/// Reads a JavaScript source file.
pub fn read_js(path: &Path) -> Result<String> {
    let bytes = read_input(path)?;
    if bytes.starts_with(b"\0asm") {
        bail!("{}: is a WebAssembly module, expected JavaScript source", path.display());
    }
    String::from_utf8(bytes).map_err(|_| wasmtime::format_err!("{}: is not UTF-8 text", path.display()))
}

/// Snapshots a JS file with the chosen engine, in memory.
pub fn snapshot_js(path: &Path, spec: &EngineSpec, verbose: bool) -> Result<Vec<u8>> {
    snapshot_source(path, &read_js(path)?, spec, verbose)
}

/// JavaScript files joined into one program, in order, each followed by a newline: what
/// `a.js+b.js` names on the command line, and how `octane` assembles a benchmark.
pub fn join_js(parts: &[PathBuf]) -> Result<String> {
    let mut source = String::new();
    for p in parts {
        source.push_str(&read_js(p)?);
        source.push('\n');
    }
    Ok(source)
}

/// Snapshots JavaScript source with the chosen engine, in memory; `name` is the file name the
/// engine's messages and stack traces show.
pub fn snapshot_source(name: &Path, source: &str, spec: &EngineSpec, verbose: bool) -> Result<Vec<u8>> {
    let cache = crate::cache::Cache::open()?;
    let engine_bytes = crate::engines::load(&cache, spec, true)?;
    let wt = crate::host::engine()?;
    let start = std::time::Instant::now();
    let snap = crate::snapshot::snapshot(&wt, &cache, spec, &engine_bytes, name, source)?;
    if verbose {
        eprintln!("aotjs: snapshot of {} in {:.2?} ({} bytes)", name.display(), start.elapsed(), snap.len());
    }
    Ok(snap)
}

/// True for paths that name JavaScript source.
pub fn is_js(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("js" | "mjs" | "cjs"))
}
