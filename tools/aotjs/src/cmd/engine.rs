//! `aotjs engine fetch|list`

use crate::cache::Cache;
use wasmtime::Result;
use runtime_abi::ENGINES;
use std::process::ExitCode;

/// Download, verify and list the engines.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs engine fetch          download and verify every engine now
  aotjs engine list           show the engines and where they are cached
  aotjs engine tables --json  the JSOp, CacheKind and CacheIR op tables read from the engine")]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(clap::Subcommand)]
pub enum Action {
    /// Download (with npm pack), verify by sha256 and cache the engines.
    Fetch,
    /// List the known engines and their cache state.
    List,
    /// Print the opcode tables read from the engine's own memory image.
    Tables {
        /// Engine to read (default: fastly-weval).
        #[arg(long)]
        engine: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

pub fn main(a: Args, _verbose: bool) -> Result<ExitCode> {
    let cache = Cache::open()?;
    if let Action::Tables { engine, json } = &a.action {
        return tables(&cache, engine.as_deref(), *json);
    }
    for spec in ENGINES {
        match a.action {
            Action::Fetch => {
                let path = crate::engines::ensure(&cache, spec, true)?;
                println!("{:<14} {}  {}", spec.name, &spec.file_sha256[..16], path.display());
            }
            Action::Tables { .. } => unreachable!("handled above"),
            Action::List => {
                let path = cache.root().join("engines").join(spec.file_name());
                let state = if path.exists() { path.display().to_string() } else { "not downloaded".into() };
                let aot = if spec.aot.is_some() { "AOT protocol" } else { "interpreter only" };
                println!("{:<14} {}@{} {:<34} {:<17} {}", spec.name, spec.npm_package, spec.npm_version, spec.path_in_tarball, aot, state);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn tables(cache: &Cache, engine: Option<&str>, json: bool) -> Result<ExitCode> {
    let spec = super::engine_spec(engine)?;
    let bytes = crate::engines::load(cache, spec, true)?;
    let snap = aotjs_compiler::Snapshot::load(&bytes)?;
    let e = &snap.engine;
    if json {
        let v = serde_json::json!({
            "engine": spec.name,
            "jsops": e.jsops.iter().map(|o| serde_json::json!({
                "name": o.name, "length": o.length, "nuses": o.nuses, "ndefs": o.ndefs, "format": o.format,
            })).collect::<Vec<_>>(),
            "cache_kinds": e.cache_kinds,
            "cacheops": e.cacheops.iter().map(|o| serde_json::json!({"name": o.name, "arg_length": o.arg_length})).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!("{}: {} JSOps, {} CacheKinds, {} CacheIR ops", spec.name, e.jsops.len(), e.cache_kinds.len(), e.cacheops.len());
        for (i, o) in e.jsops.iter().enumerate() {
            println!("jsop {i:3} {:<28} length {:>2} uses {:>3} defs {:>2} format {:#010x}", o.name, o.length, o.nuses, o.ndefs, o.format);
        }
        for (i, k) in e.cache_kinds.iter().enumerate() {
            println!("kind {i:3} {k}");
        }
        for (i, o) in e.cacheops.iter().enumerate() {
            println!("cacheop {i:3} {:<44} args {}", o.name, o.arg_length);
        }
    }
    Ok(ExitCode::SUCCESS)
}
