//! `corpus-bench`: the regression benchmark over every cpu-bound corpus program.
//!
//! Builds the `aotjs` binary in release mode, then runs `aotjs bench` on each corpus program
//! marked `// cpu-bound`, passing any extra arguments through (`--weval PATH`, `--reps N`,
//! `--json`). Usage: `cargo run --release -p aotjs-benches [-- --weval ~/.cargo/bin/weval]`.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> Result<ExitCode> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(&cargo)
        .current_dir(&root)
        .args(["build", "--release", "-q", "-p", "aotjs", "--bin", "aotjs"])
        .status()
        .context("running cargo build for aotjs")?;
    if !status.success() {
        bail!("building aotjs failed");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let aotjs = target.join("release").join("aotjs");

    let mut programs: Vec<PathBuf> = std::fs::read_dir(root.join("corpus"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "js"))
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|s| s.starts_with("// cpu-bound")))
        .collect();
    programs.sort();
    if programs.is_empty() {
        bail!("no cpu-bound programs in corpus/");
    }
    let status = Command::new(&aotjs)
        .arg("bench")
        .args(&programs)
        .args(std::env::args_os().skip(1))
        .status()
        .with_context(|| format!("running {}", aotjs.display()))?;
    Ok(if status.success() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
