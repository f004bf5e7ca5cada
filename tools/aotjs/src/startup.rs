//! `aotjs bench --startup APP.js`: time from a precompiled module to the first response.
//!
//! What a server that gives each request a fresh instance pays: a new store, instantiation
//! (Wasmtime's pre-instantiation and copy-on-write memory image: the snapshot's heap is mapped,
//! not copied), and one dispatch of the fetch event up to the response. Native compilation is
//! done once before timing, as a deployment does. Three modules of one program, sampled in
//! alternation: the plain interpreter build's snapshot (what users run without AOT), the
//! AOT-protocol engine's snapshot, and aotjs's compile of that snapshot.

use crate::cache::Cache;
use crate::host::{self, Ready, RunConfig};
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use wasmtime::error::Context;
use wasmtime::{bail, Result};

/// One module under test.
struct Subject {
    name: &'static str,
    ready: Ready,
    bytes: usize,
    /// Per sample: (instantiated, responded), both from the start of the sample.
    samples: Vec<(Duration, Duration)>,
}

pub fn main(apps: &[std::path::PathBuf], engine: Option<&str>, samples: usize, json_out: bool, verbose: bool) -> Result<ExitCode> {
    if samples == 0 {
        bail!("--samples must be at least 1");
    }
    let spec = crate::cmd::engine_spec(engine)?;
    let cache = Cache::open()?;
    let wt = host::engine()?;
    let mut rows = Vec::new();
    for app in apps {
        if !json_out {
            eprintln!("aotjs bench --startup: {} ...", app.display());
        }
        let row = startup_one(&wt, &cache, spec, app, samples, verbose).with_context(|| format!("measuring start-up of {}", app.display()))?;
        rows.push(row);
    }
    let out = json!({ "engine": spec.name, "samples": samples, "programs": rows });
    if json_out {
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print_table(&out);
    }
    Ok(ExitCode::SUCCESS)
}

fn startup_one(wt: &wasmtime::Engine, cache: &Cache, spec: &'static runtime_abi::EngineSpec, app: &Path, samples: usize, verbose: bool) -> Result<serde_json::Value> {
    let source = crate::cmd::read_js(app)?;
    let mut modules: Vec<(&'static str, Vec<u8>)> = Vec::new();
    if let Some(plain) = crate::bench::plain_engine(spec) {
        modules.push(("plain", crate::cmd::snapshot_source(app, &source, plain, verbose)?));
    }
    let snap = crate::cmd::snapshot_source(app, &source, spec, verbose)?;
    let opts = aotjs_compiler::CompileOptions::default();
    let compiled = crate::cmd::compile::compile_snapshot(cache, &snap, &opts, true, app)?.wasm;
    modules.push(("snapshot", snap));
    modules.push(("aotjs", compiled));
    let mut subjects = Vec::new();
    for (name, bytes) in modules {
        let module = host::load_module(wt, &bytes, app)?;
        let ready = Ready::new(wt, &module)?;
        subjects.push(Subject { name, ready, bytes: bytes.len(), samples: Vec::with_capacity(samples) });
    }
    // One untimed round first: page cache, lazy initialisation in Wasmtime.
    for s in &subjects {
        sample(wt, &s.ready).with_context(|| format!("running the {} module", s.name))?;
    }
    for _ in 0..samples {
        for s in subjects.iter_mut() {
            let t = sample(wt, &s.ready)?;
            s.samples.push(t);
        }
    }
    let mut row = json!({ "program": app.display().to_string() });
    for s in &subjects {
        let inst = median(s.samples.iter().map(|t| t.0).collect());
        let first = median(s.samples.iter().map(|t| t.1).collect());
        row[s.name] = json!({
            "instantiate_ms": crate::bench::ms(inst),
            "first_response_ms": crate::bench::ms(first),
            "pre_instantiated": s.ready.is_pre_instantiated(),
            "bytes": s.bytes,
        });
    }
    let first = |name: &str| row[name]["first_response_ms"].as_f64();
    let (plain, snap, aot) = (first("plain"), first("snapshot"), first("aotjs"));
    if let (Some(snap), Some(aot)) = (snap, aot) {
        row["aotjs_over_snapshot"] = json!(snap / aot);
    }
    if let (Some(plain), Some(aot)) = (plain, aot) {
        row["aotjs_over_plain"] = json!(plain / aot);
    }
    Ok(row)
}

/// One fresh instance answering one request: (instantiated, responded) from the start.
fn sample(wt: &wasmtime::Engine, ready: &Ready) -> Result<(Duration, Duration)> {
    let cfg = RunConfig { fixed_random: true, ..Default::default() };
    let start = Instant::now();
    let (mut store, _stdout, _stderr) = host::store(wt, &cfg)?;
    let instance = ready.instantiate(&mut store)?;
    let instantiated = start.elapsed();
    let entry = if instance.get_export(&mut store, "_start").is_some() { "_start" } else { "wizer.resume" };
    let f = instance.get_typed_func::<(), ()>(&mut store, entry)?;
    let (code, trap) = host::exit_status(f.call(&mut store, ()));
    let responded = start.elapsed();
    let response = &store.data().response;
    if code != 0 || trap.is_some() || !response.sent || response.status >= 500 {
        bail!("the program did not answer (exit {code}, status {}{})", response.status, trap.map(|t| format!(", {t}")).unwrap_or_default());
    }
    Ok((instantiated, responded))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn print_table(out: &serde_json::Value) {
    println!("start-up, median of {} samples (ms): instantiate / first response", out["samples"]);
    println!("{:<28} {:>18} {:>18} {:>18} {:>9} {:>9}", "program", "plain", "snapshot", "aotjs", "x snap", "x plain");
    for r in out["programs"].as_array().into_iter().flatten() {
        let cell = |name: &str| match (r[name]["instantiate_ms"].as_f64(), r[name]["first_response_ms"].as_f64()) {
            (Some(i), Some(f)) => format!("{i:.3} / {f:.3}"),
            _ => "-".to_string(),
        };
        let ratio = |k: &str| r[k].as_f64().map(|x| format!("{x:.2}x")).unwrap_or_else(|| "-".into());
        let program = r["program"].as_str().unwrap_or("");
        let program = Path::new(program).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        println!("{:<28} {:>18} {:>18} {:>18} {:>9} {:>9}", program, cell("plain"), cell("snapshot"), cell("aotjs"), ratio("aotjs_over_snapshot"), ratio("aotjs_over_plain"));
    }
    println!("x snap, x plain: the first response's speed-up of aotjs over that module (higher is better).");
    println!("The snapshot module imports the engine's intrinsics, which are linked per instance, so it");
    println!("is not pre-instantiated; plain and aotjs import only the host and are.");
}
