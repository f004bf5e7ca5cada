//! `aotjs weval ...`: weval's command line, so the Fastly toolchain can hand its AOT step to
//! aotjs (`js-compute-runtime app.js app.wasm --enable-aot --weval-bin $(which aotjs)`).
//!
//! The toolchain runs `BIN weval -v [--cache-ro FILE] --dir DIR... -w -i ENGINE.wasm -o OUT.wasm`
//! with `SCRIPT [--legacy-script]` on stdin, an environment holding only its own variables, and
//! `RUST_MIN_STACK` set. aotjs snapshots the engine in-process with that stdin line and those
//! preopened directories (as weval's own Wizer step does), compiles the snapshot, and writes
//! OUT. The same happens when the aotjs binary is invoked through a link named `weval`.

use crate::cache::{write_atomic, Cache};
use crate::cmd::compile::{compile_snapshot, summary};
use runtime_abi::{EngineSpec, ENGINES};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wasmtime::error::Context;
use wasmtime::{bail, Result};

/// Snapshot and compile as weval does (the Fastly toolchain's AOT step).
#[derive(clap::Args)]
#[command(after_help = "Examples:
  echo 'app.js --legacy-script' | aotjs weval -w --dir . -i fastly-weval.wasm -o app.wasm
  aotjs weval -i app.snap.wasm -o app.aot.wasm        an existing snapshot: compile only
  npx js-compute-runtime app.js app.wasm --enable-aot --weval-bin $(which aotjs)

With -w, stdin holds the line the engine's init function reads: the script's path, then
--legacy-script for a classic script. weval's cache options are accepted and not used.")]
pub struct Args {
    /// The engine (with -w) or a snapshot of it (without).
    #[arg(short = 'i', long = "input")]
    pub input: PathBuf,
    /// The compiled module to write.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Snapshot (Wizen) the engine first, reading the init line from stdin.
    #[arg(short = 'w', long = "wizen")]
    pub wizen: bool,
    /// A directory the engine may read while it initializes (opened under the same name).
    #[arg(long = "dir")]
    pub dirs: Vec<PathBuf>,
    /// weval's IC cache (not needed: aotjs compiles the engine's IC bodies itself).
    #[arg(long = "cache")]
    pub cache: Option<PathBuf>,
    /// weval's read-only IC cache (not needed, as --cache).
    #[arg(long = "cache-ro")]
    pub cache_ro: Option<PathBuf>,
    /// The engine's init export (default: the known engine's own).
    #[arg(long = "init-func")]
    pub init_func: Option<String>,
}

/// The arguments as `aotjs` parses them when the binary runs under the name `weval`
/// (`weval weval -v ...` or `weval -v ...`); `None` under any other name.
pub fn args_for_link(args: Vec<std::ffi::OsString>) -> Option<Vec<std::ffi::OsString>> {
    let name = Path::new(args.first()?).file_stem()?.to_str()?.to_string();
    if name != "weval" {
        return None;
    }
    let mut out = vec![std::ffi::OsString::from("aotjs"), "weval".into()];
    let rest = &args[1..];
    let rest = if rest.first().is_some_and(|a| a == "weval") { &rest[1..] } else { rest };
    out.extend(rest.iter().cloned());
    Some(out)
}

pub fn main(a: Args, verbose: bool) -> Result<ExitCode> {
    let say = |msg: &str| {
        if verbose {
            eprintln!("aotjs weval: {msg}");
        }
    };
    for (flag, value) in [("--cache", &a.cache), ("--cache-ro", &a.cache_ro)] {
        if let Some(v) = value {
            say(&format!("{flag} {} ignored: aotjs compiles the engine's IC bodies itself", v.display()));
        }
    }
    let input = super::read_input(&a.input)?;
    let cache = Cache::open_or_private()?;
    say(&format!("cache: {}", cache.root().display()));
    if cache.is_private() {
        say("no cache directory found (no AOTJS_CACHE, no home directory): using a private cache for this run");
    }
    let snapshot = if a.wizen {
        let spec = engine_of(&input, &a.input)?;
        if a.init_func.as_deref().is_some_and(|f| f != spec.init_func) {
            bail!("--init-func {}: the engine {} initializes with `{}`", a.init_func.as_deref().unwrap_or(""), spec.name, spec.init_func);
        }
        let init = init_input(&a.dirs, read_init_line()?)?;
        say(&format!("snapshotting {} ({}) with `{}`", a.input.display(), spec.name, init.stdin));
        let start = std::time::Instant::now();
        let wt = crate::host::engine()?;
        let snap = crate::snapshot::snapshot_engine(&wt, &cache, spec, &input, &init, &script_name(&init.stdin))?;
        say(&format!("snapshot taken in {:.2?} ({} bytes)", start.elapsed(), snap.len()));
        snap
    } else {
        input
    };
    let start = std::time::Instant::now();
    let opts = aotjs_compiler::CompileOptions::default();
    let compiled = compile_snapshot(&cache, &snapshot, &opts, true, &a.input)?;
    say(&format!("compiled: {}", summary(&compiled.report, start.elapsed())));
    write_atomic(&a.output, &compiled.wasm)?;
    say(&format!("wrote {}", a.output.display()));
    Ok(ExitCode::SUCCESS)
}

/// The known engine these bytes are, by their sha256.
fn engine_of(bytes: &[u8], path: &Path) -> Result<&'static EngineSpec> {
    let digest = crate::cache::sha256_hex(bytes);
    if let Some(spec) = ENGINES.iter().find(|e| e.file_sha256 == digest) {
        return Ok(spec);
    }
    if !bytes.starts_with(b"\0asm") {
        bail!("{}: not a WebAssembly module", path.display());
    }
    bail!("{}: unknown engine (sha256 {digest}); aotjs knows {}", path.display(), EngineSpec::names().join(", "))
}

/// The init line from stdin: its first line, trimmed.
fn read_init_line() -> Result<String> {
    let mut text = String::new();
    std::io::stdin().take(64 << 10).read_to_string(&mut text).context("reading the init line from stdin")?;
    let line = text.lines().next().unwrap_or("").trim().to_string();
    if line.is_empty() {
        bail!("-w needs the script's path on stdin (then --legacy-script for a classic script)");
    }
    Ok(line)
}

/// The init input: the stdin line, each `--dir` preopened under the name it was given (as
/// weval's Wizer step does), and this process's environment (which weval passes on too).
fn init_input(dirs: &[PathBuf], line: String) -> Result<crate::snapshot::InitInput> {
    let mut preopens = Vec::new();
    for d in dirs {
        if !d.is_dir() {
            bail!("--dir {}: not a directory", d.display());
        }
        let guest = d.to_str().with_context(|| format!("--dir {}: not a UTF-8 path", d.display()))?;
        preopens.push((d.clone(), guest.to_string()));
    }
    let env = std::env::vars().collect();
    Ok(crate::snapshot::InitInput { stdin: line, preopens, env })
}

/// The script named by an init line, for error messages.
fn script_name(line: &str) -> String {
    line.split_whitespace().next().unwrap_or(line).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(v: &[&str]) -> Vec<std::ffi::OsString> {
        v.iter().map(|s| s.into()).collect()
    }

    #[test]
    fn a_link_named_weval_runs_the_weval_subcommand() {
        let want = os(&["aotjs", "weval", "-v", "-i", "e.wasm"]);
        assert_eq!(args_for_link(os(&["/usr/bin/weval", "weval", "-v", "-i", "e.wasm"])), Some(want.clone()));
        assert_eq!(args_for_link(os(&["weval", "-v", "-i", "e.wasm"])), Some(want));
        assert_eq!(args_for_link(os(&["/x/aotjs", "weval", "-v"])), None);
    }

    #[test]
    fn the_script_name_is_the_first_word_of_the_init_line() {
        assert_eq!(script_name("/tmp/x/app.js --legacy-script"), "/tmp/x/app.js");
        assert_eq!(script_name("app.js"), "app.js");
    }
}
