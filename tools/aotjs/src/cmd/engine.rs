//! `aotjs engine fetch|list`

use crate::cache::Cache;
use wasmtime::Result;
use runtime_abi::ENGINES;
use std::process::ExitCode;

/// Download, verify and list the engines.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs engine fetch          download and verify every engine now
  aotjs engine list           show the engines and where they are cached")]
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
}

pub fn main(a: Args, _verbose: bool) -> Result<ExitCode> {
    let cache = Cache::open()?;
    for spec in ENGINES {
        match a.action {
            Action::Fetch => {
                let path = crate::engines::ensure(&cache, spec, true)?;
                println!("{:<14} {}  {}", spec.name, &spec.file_sha256[..16], path.display());
            }
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
