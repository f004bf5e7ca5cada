//! `aotjs`: ahead-of-time compiler for JavaScript on SpiderMonkey-in-Wasm.
//!
//! The CLI is a thin layer: files, the engine cache, Wasmtime and Wizer live here; everything
//! that reads or writes modules is in `aotjs-compiler`.

mod bench;
mod cache;
mod cmd;
mod engines;
mod fuzzgen;
mod host;
mod snapshot;
mod split;
mod startup;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "aotjs",
    version,
    about = "Ahead-of-time compiler for JavaScript running in SpiderMonkey compiled to WebAssembly",
    after_help = "Examples:
  aotjs demo                                 the whole job on a built-in program, measured
  aotjs snapshot app.js -o app.snap.wasm     run app.js's top level, snapshot the engine
  aotjs compile app.snap.wasm -o app.aot.wasm --report report.json
  aotjs run app.aot.wasm                     run the program's main()
  aotjs run app.js                           snapshot in memory and run, in one step
  aotjs inspect app.snap.wasm                engine, scripts with disassembly, IC requests
  aotjs bench corpus/sched.js --weval ~/.cargo/bin/weval
  aotjs bench corpus/sched.js --aotjs-baseline /tmp/old/aotjs
  aotjs octane ~/octane richards deltablue --weval ~/.cargo/bin/weval
  aotjs coverage corpus/sched.js             share of IC hits served by compiled stubs
  aotjs fuzz --seconds 600                   differential fuzzing, interpreted vs compiled
  aotjs test262 ~/test262 test/language      the conformance suite, interpreted vs compiled
  aotjs engine fetch                         download and verify the engines now
  js-compute-runtime app.js app.wasm --enable-aot --weval-bin $(which aotjs)
                                             the Fastly toolchain, with aotjs as its AOT step

Engines are downloaded from the npm registry on first use and cached in $AOTJS_CACHE
(default ~/.cache/aotjs)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print progress and details to stderr.
    #[arg(short, long, global = true)]
    verbose: bool,
}

#[derive(Subcommand)]
enum Command {
    Demo(cmd::demo::Args),
    Snapshot(cmd::snapshot::Args),
    Compile(cmd::compile::Args),
    Run(cmd::run::Args),
    Inspect(cmd::inspect::Args),
    Bench(bench::Args),
    Coverage(cmd::coverage::Args),
    Octane(cmd::octane::Args),
    Engine(cmd::engine::Args),
    Fuzz(cmd::fuzz::Args),
    Test262(cmd::test262::Args),
    /// weval's command line, for the Fastly toolchain's --weval-bin (also as a link named `weval`).
    Weval(cmd::weval::Args),
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match cmd::weval::args_for_link(args.clone()) {
        Some(weval_args) => Cli::parse_from(weval_args),
        None => Cli::parse_from(args),
    };
    let result = match cli.command {
        Command::Demo(a) => cmd::demo::main(a, cli.verbose),
        Command::Snapshot(a) => cmd::snapshot::main(a, cli.verbose),
        Command::Compile(a) => cmd::compile::main(a, cli.verbose),
        Command::Run(a) => cmd::run::main(a, cli.verbose),
        Command::Inspect(a) => cmd::inspect::main(a),
        Command::Bench(a) => bench::main(a, cli.verbose),
        Command::Coverage(a) => cmd::coverage::main(a, cli.verbose),
        Command::Octane(a) => cmd::octane::main(a, cli.verbose),
        Command::Engine(a) => cmd::engine::main(a, cli.verbose),
        Command::Fuzz(a) => cmd::fuzz::main(a, cli.verbose),
        Command::Test262(a) => cmd::test262::main(a, cli.verbose),
        Command::Weval(a) => cmd::weval::main(a, cli.verbose),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", one_line(&e));
            ExitCode::from(1)
        }
    }
}

/// The error and its causes on one line. Some causes (Wasmtime's parser errors) carry a
/// multi-line dump; only the first line of each is kept.
fn one_line(e: &wasmtime::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let line = cause.to_string().lines().next().unwrap_or("").trim().to_string();
        if !line.is_empty() && !parts.iter().any(|p| p.contains(&line)) {
            parts.push(line);
        }
    }
    parts.join(": ")
}
