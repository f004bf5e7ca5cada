//! `aotjs coverage APP.js... [--json]`: how much of a program's IC work runs in compiled stubs.

use crate::host::{self, RunConfig};
use aotjs_compiler::report::CoverageManifest;
use serde_json::json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wasmtime::error::Context;
use wasmtime::{bail, Result};

/// Measure, per IC hit, whether it ran in a compiled stub, the engine's generic CacheIR
/// interpreter, or a fallback stub.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs coverage corpus/sched.js corpus/raytrace.js
  aotjs coverage octane/richards-main.js --json
  aotjs coverage base.js+richards.js+run.js        files joined with + form one program
  aotjs coverage corpus/raytrace.js --sites       also how each compiled IC site's prediction did

An IC hit is one IC invocation from the interpreter; it is served by the first stub in its
chain whose guards pass. The byte figures say how much compiled stub code serves 50/90/95/99%
of all hits (the stubs sorted by hits served).

With --sites, each program also runs compiled (scripts included) with a counter at every IC
site that has an inline path or a direct call: how often the site ran, and how often it
called its IC chain instead (a failed guard or a wrong prediction).")]
pub struct Args {
    /// Programs (JavaScript with main(), or snapshots); `a.js+b.js` joins files into one.
    #[arg(required = true)]
    pub apps: Vec<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Also run each program compiled and count, per predicted IC site, its passes and its
    /// chain calls.
    #[arg(long)]
    pub sites: bool,
}

/// Hits served by one compiled stub body.
struct Served {
    key: String,
    kind: String,
    bytes: u64,
    hits: i64,
    entries: i64,
    deferred: i64,
}

/// Hits one declined body sent to the generic CacheIR interpreter.
struct Sent {
    key: String,
    kind: String,
    reason: String,
    entries: i64,
}

pub fn main(a: Args, verbose: bool) -> Result<ExitCode> {
    let spec = super::engine_spec(None)?;
    let wt = host::engine()?;
    let mut programs = Vec::new();
    let mut total = Totals::default();
    let mut by_body: BTreeMap<String, (u64, i64)> = BTreeMap::new();
    for app in &a.apps {
        if !a.json {
            eprintln!("aotjs coverage: {app} ...");
        }
        let snap = load_program(app, spec, verbose)?;
        let opts = aotjs_compiler::CompileOptions { coverage: true, scripts: false, direct_calls: false, ..Default::default() };
        let (compiled, out) = compile_and_run(&wt, &snap, app, &opts, "under coverage")?;
        let manifest = compiled.report.coverage.clone().context("coverage build has no manifest")?;
        let (t, served, sent) = tally(&manifest, &out.counters);
        let sites = if a.sites { Some(site_coverage(&wt, &snap, app)?) } else { None };
        for s in &served {
            let e = by_body.entry(s.key.clone()).or_insert((s.bytes, 0));
            e.1 += s.hits;
        }
        programs.push(json!({
            "program": app,
            "ic_hits": t.hits,
            "compiled": t.compiled,
            "generic": t.generic,
            "fallback": t.fallback,
            "compiled_share": share(t.compiled, t.hits),
            "stubs_compiled": compiled.report.ics.compiled,
            "stubs_hit": served.iter().filter(|s| s.hits > 0).count(),
            "bytes_to_cover": curve(&served, t.hits),
            // Every compiled stub that ran: what it is, hits it served, guards it failed.
            "stubs": served.iter().filter(|s| s.entries > 0).map(|s| json!({
                "body": s.key, "bytes": s.bytes, "served": s.hits, "failed": s.entries - s.hits - s.deferred,
                "deferred_to_generic": s.deferred,
            })).collect::<Vec<_>>(),
            // Every declined corpus body that ran, most hits first, with the op that blocks it.
            "declined": declined_json(&sent),
            // Hits entering the generic interpreter through bodies that are not in the
            // engine's corpus at all (attached at run time): every generic entry that neither a
            // declined body's trampoline nor a compiled stub's deferral accounts for.
            "generic_not_in_corpus": t.generic_entries
                - sent.iter().map(|s| s.entries).sum::<i64>()
                - served.iter().map(|s| s.deferred).sum::<i64>(),
            "by_kind": by_kind(&served, &sent),
            "sites": sites,
        }));
        total.add(&t);
    }
    let all: Vec<Served> = by_body.into_iter().map(|(key, (bytes, hits))| Served { key, kind: String::new(), bytes, hits, entries: 0, deferred: 0 }).collect();
    let summary = json!({
        "programs": programs,
        "total": {
            "ic_hits": total.hits,
            "compiled": total.compiled,
            "generic": total.generic,
            "fallback": total.fallback,
            "compiled_share": share(total.compiled, total.hits),
            "bytes_to_cover": curve(&all, total.hits),
        },
    });
    if a.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_text(&summary);
    }
    Ok(ExitCode::SUCCESS)
}

/// Compiles the snapshot with `opts` and runs it (fixed randomness); a non-zero exit is an
/// error naming the build (`how`).
fn compile_and_run(wt: &wasmtime::Engine, snap: &[u8], app: &str, opts: &aotjs_compiler::CompileOptions, how: &str) -> Result<(aotjs_compiler::Compiled, host::RunOutput)> {
    let compiled = aotjs_compiler::compile(snap, opts).with_context(|| format!("compiling {app} {how}"))?;
    let module = host::load_module(wt, &compiled.wasm, Path::new(app))?;
    let out = host::run(wt, &module, "_start", &RunConfig { fixed_random: true, ..Default::default() })?;
    if out.exit_code != 0 {
        bail!("{app} exited with {} {how}: {}", out.exit_code, String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or(""));
    }
    Ok((compiled, out))
}

/// Runs the program compiled with site counters: per predicted IC site (an inline path or a
/// direct call), its passes and its chain calls, most passes first, with totals.
fn site_coverage(wt: &wasmtime::Engine, snap: &[u8], app: &str) -> Result<serde_json::Value> {
    let opts = aotjs_compiler::CompileOptions { site_counters: true, ..Default::default() };
    let (compiled, out) = compile_and_run(wt, snap, app, &opts, "compiled with site counters")?;
    let count = |name: &str| out.counters.get(name).copied().unwrap_or(0);
    let mut sites: Vec<serde_json::Value> = compiled
        .report
        .sites
        .iter()
        .map(|s| {
            let (entered, chain) = (count(&s.entered), count(&s.chain));
            json!({
                "script": s.script, "line": s.line, "offset": s.offset, "op": s.op, "plan": s.plan,
                "passes": entered, "fast": entered - chain, "chain": chain,
            })
        })
        .filter(|s| s["passes"].as_i64() > Some(0))
        .collect();
    sites.sort_by_key(|s| std::cmp::Reverse(s["passes"].as_i64().unwrap_or(0)));
    let passes: i64 = sites.iter().filter_map(|s| s["passes"].as_i64()).sum();
    let fast: i64 = sites.iter().filter_map(|s| s["fast"].as_i64()).sum();
    Ok(json!({
        "predicted_sites": compiled.report.sites.len(),
        "sites_run": sites.len(),
        "passes": passes,
        "fast": fast,
        "chain": passes - fast,
        "fast_share": share(fast, passes),
        "sites": sites,
    }))
}

/// A snapshot of the program: `.wasm` is taken as a snapshot, JS (joined with `+`) is snapshotted.
fn load_program(app: &str, spec: &'static runtime_abi::EngineSpec, verbose: bool) -> Result<Vec<u8>> {
    let parts: Vec<PathBuf> = app.split('+').map(PathBuf::from).collect();
    if parts.len() == 1 && !super::is_js(&parts[0]) {
        return super::read_input(&parts[0]);
    }
    let source = super::join_js(&parts)?;
    let name = parts.last().cloned().unwrap_or_default();
    super::snapshot_source(&name, &source, spec, verbose)
}

#[derive(Default)]
struct Totals {
    hits: i64,
    compiled: i64,
    generic: i64,
    fallback: i64,
    /// Every entry into the generic interpreter, including those whose guards then failed.
    generic_entries: i64,
}

impl Totals {
    fn add(&mut self, t: &Totals) {
        self.hits += t.hits;
        self.compiled += t.compiled;
        self.generic += t.generic;
        self.fallback += t.fallback;
        self.generic_entries += t.generic_entries;
    }
}

fn tally(m: &CoverageManifest, c: &BTreeMap<String, i64>) -> (Totals, Vec<Served>, Vec<Sent>) {
    let get = |k: &str| c.get(k).copied().unwrap_or(0);
    let served: Vec<Served> = m
        .stubs
        .iter()
        .map(|s| Served {
            key: format!("{}: {}", s.kind, s.ops.join(" ")),
            kind: s.kind.clone(),
            bytes: s.bytes,
            hits: get(&s.entries) - get(&s.fails) - get(&s.deferred),
            entries: get(&s.entries),
            deferred: get(&s.deferred),
        })
        .collect();
    let sent: Vec<Sent> = m
        .declined
        .iter()
        .map(|d| Sent { key: format!("{}: {}", d.kind, d.ops.join(" ")), kind: d.kind.clone(), reason: d.reason.clone(), entries: get(&d.entries) })
        .collect();
    let hits = get(&m.chain_starts);
    let compiled: i64 = served.iter().map(|s| s.hits).sum();
    let generic = get(&m.generic_entries) - get(&m.generic_next);
    let totals = Totals { hits, compiled, generic, fallback: hits - compiled - generic, generic_entries: get(&m.generic_entries) };
    (totals, served, sent)
}

/// Declined bodies that ran, merged by body, most hits first.
fn declined_json(sent: &[Sent]) -> Vec<serde_json::Value> {
    let mut merged: BTreeMap<&str, (&str, i64)> = BTreeMap::new();
    for s in sent.iter().filter(|s| s.entries > 0) {
        merged.entry(&s.key).or_insert((&s.reason, 0)).1 += s.entries;
    }
    let mut rows: Vec<_> = merged.into_iter().collect();
    rows.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then(a.0.cmp(b.0)));
    rows.into_iter().map(|(body, (reason, entries))| json!({ "body": body, "reason": reason, "generic_entries": entries })).collect()
}

/// Per CacheKind: hits served by compiled stubs and entries of declined corpus bodies into
/// the generic interpreter.
fn by_kind(served: &[Served], sent: &[Sent]) -> serde_json::Value {
    let mut kinds: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for s in served {
        kinds.entry(&s.kind).or_default().0 += s.hits;
    }
    for s in sent {
        kinds.entry(&s.kind).or_default().1 += s.entries;
    }
    let mut out = serde_json::Map::new();
    for (k, (compiled, generic)) in kinds.into_iter().filter(|(_, (c, g))| c + g > 0) {
        out.insert(k.into(), json!({ "compiled": compiled, "declined_generic_entries": generic, "compiled_share": share(compiled, compiled + generic) }));
    }
    serde_json::Value::Object(out)
}

fn share(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Bytes of the most-hit compiled stubs needed to serve 50/90/95/99% of all hits, or null
/// where compiled stubs serve less than that.
fn curve(served: &[Served], hits: i64) -> serde_json::Value {
    let mut sorted: Vec<&Served> = served.iter().filter(|s| s.hits > 0).collect();
    sorted.sort_by(|a, b| b.hits.cmp(&a.hits).then(a.bytes.cmp(&b.bytes)));
    let mut out = serde_json::Map::new();
    for pct in [50u32, 90, 95, 99] {
        let need = (hits as f64 * pct as f64 / 100.0).ceil() as i64;
        let (mut acc, mut bytes, mut reached) = (0i64, 0u64, None);
        for s in &sorted {
            acc += s.hits;
            bytes += s.bytes;
            if acc >= need {
                reached = Some(bytes);
                break;
            }
        }
        out.insert(format!("{pct}%"), reached.map_or(serde_json::Value::Null, |b| json!(b)));
    }
    serde_json::Value::Object(out)
}

/// Declined bodies listed per program in text output.
const TOP_DECLINED: usize = 5;

/// Site lines shown per program; `--json` lists every site that ran.
const TOP_SITES: usize = 12;

fn print_sites(v: &serde_json::Value) {
    if v.is_null() {
        return;
    }
    println!(
        "{:<28} predicted IC sites: {} of {} ran; {} passes, {:.1}% on the inline or direct path, {} chain calls",
        "", v["sites_run"], v["predicted_sites"], v["passes"], 100.0 * v["fast_share"].as_f64().unwrap_or(0.0), v["chain"]
    );
    let sites = v["sites"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    for s in sites.iter().take(TOP_SITES) {
        let at = format!("{}:{} @{}", s["script"].as_str().unwrap_or("<top level>"), s["line"], s["offset"]);
        let plan = s["plan"].as_str().unwrap_or("");
        let plan = plan.split(';').next().unwrap_or(plan);
        println!("{:<28} {:>12} passes, {:>10} chain  {at} {} ({plan})", "", s["passes"], s["chain"], s["op"].as_str().unwrap_or(""));
    }
    if sites.len() > TOP_SITES {
        println!("{:<28} ... {} more sites ran (--json lists them)", "", sites.len() - TOP_SITES);
    }
}

fn print_text(s: &serde_json::Value) {
    let line = |name: &str, v: &serde_json::Value| {
        let pct = |k: &str| 100.0 * share(v[k].as_i64().unwrap_or(0), v["ic_hits"].as_i64().unwrap_or(0));
        let curve = v["bytes_to_cover"].as_object().map(|o| {
            o.iter().map(|(k, b)| format!("{k}: {}", b.as_u64().map_or("not reached".into(), |b| format!("{b} B")))).collect::<Vec<_>>().join(", ")
        });
        println!(
            "{name:<28} {:>12} IC hits  compiled {:5.1}%  generic {:5.1}%  fallback {:5.1}%",
            v["ic_hits"], pct("compiled"), pct("generic"), pct("fallback")
        );
        println!("{:<28} stub code serving the hits: {}", "", curve.unwrap_or_default());
    };
    for p in s["programs"].as_array().into_iter().flatten() {
        let name = p["program"].as_str().unwrap_or("");
        line(Path::new(name).file_name().and_then(|n| n.to_str()).unwrap_or(name), p);
        let declined = p["declined"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        for d in declined.iter().take(TOP_DECLINED) {
            println!("{:<28} {:>12} to the generic interpreter: {} ({})", "", d["generic_entries"], d["body"].as_str().unwrap_or(""), d["reason"].as_str().unwrap_or(""));
        }
        if declined.len() > TOP_DECLINED {
            println!("{:<28} ... {} more declined bodies ran (--json lists them)", "", declined.len() - TOP_DECLINED);
        }
        print_sites(&p["sites"]);
    }
    line("total", &s["total"]);
}
