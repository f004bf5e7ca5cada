//! `aotjs inspect SNAP.wasm [--json] [--ics] [--no-disasm]`

use aotjs_compiler::bytecode;
use aotjs_compiler::snapshot::scripts;
use aotjs_compiler::Snapshot;
use wasmtime::{Result};
use wasmtime::error::Context;
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Show a snapshot's engine and what it asks to have compiled.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  aotjs inspect app.snap.wasm              engine, scripts with disassembly, IC counts
  aotjs inspect app.snap.wasm --ics        also every IC body, decoded, and each site's plan
  aotjs inspect app.snap.wasm --lowered    also each script's generated Wasm (or decline reason)
  aotjs inspect app.snap.wasm --lowered --function add --no-disasm
  aotjs inspect app.snap.wasm --json | jq '.scripts[].name'")]
pub struct Args {
    /// Snapshot to inspect.
    pub input: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// List every IC request with its CacheIR ops, and mark each IC op in the disassembly with
    /// what its compiled site does first (inline stub bodies, a direct call, or the chain).
    #[arg(long)]
    pub ics: bool,
    /// Leave out the bytecode disassembly.
    #[arg(long)]
    pub no_disasm: bool,
    /// Also show each script's lowering: the Wasm function the script compiler generates, or
    /// why the script stays interpreted.
    #[arg(long)]
    pub lowered: bool,
    /// Only show scripts of functions with this name.
    #[arg(long, value_name = "NAME")]
    pub function: Option<String>,
}

pub fn main(a: Args) -> Result<ExitCode> {
    let bytes = super::read_input(&a.input)?;
    let snap = Snapshot::load(&bytes).with_context(|| format!("cannot inspect {}", a.input.display()))?;
    let value = describe(&snap, &a)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        print!("{}", render_text(&value, &a));
    }
    Ok(ExitCode::SUCCESS)
}

/// Everything inspect reports, as one JSON value; the text form is rendered from it.
fn describe(snap: &Snapshot<'_>, a: &Args) -> Result<serde_json::Value> {
    let spec = snap.engine.spec;
    let origins = scripts::origins(&snap.image, &snap.requests);
    let lowered = if a.lowered { Some(aotjs_compiler::lowered_listings(snap)?) } else { None };
    let plans = if a.ics { Some(aotjs_compiler::site_plans(snap)?) } else { None };
    let mut script_list = Vec::new();
    for (r, s) in snap.requests.scripts() {
        let origin = origins.get(&r.specialized);
        if a.function.is_some() && origin.and_then(|o| o.name.as_ref()) != a.function.as_ref() {
            continue;
        }
        let site_plans = plans.as_ref().and_then(|p| p.get(&r.specialized));
        let disasm = if a.no_disasm {
            None
        } else {
            Some(match bytecode::decode(&snap.engine, &s.bytecode) {
                Ok(ops) => ops
                    .iter()
                    .map(|o| match site_plans.and_then(|p| p.get(&o.offset)) {
                        Some(plan) => format!("{:<40} ; {}", o.to_string(), plan.describe()),
                        None => o.to_string(),
                    })
                    .collect::<Vec<_>>(),
                Err(e) => vec![format!("cannot decode: {e}")],
            })
        };
        let sites = site_plans.map(|p| p.iter().map(|(off, plan)| json!({ "offset": off, "plan": plan.describe() })).collect::<Vec<_>>());
        script_list.push(json!({
            "name": origin.and_then(|o| o.name.clone()),
            "line": origin.map(|o| o.line),
            "column": origin.map(|o| o.column),
            "bytecode_length": s.bytecode.len(),
            "nfixed": s.nfixed,
            "request": format!("{:#x}", r.addr),
            "disassembly": disasm,
            "sites": sites,
            "notes": match bytecode::notes::parse(&s.isd) {
                Ok(n) => json!(n),
                Err(e) => json!({ "error": e }),
            },
            "lowered": lowered.as_ref().and_then(|l| l.get(&r.specialized)).map(|l| match l {
                Ok(lines) => json!({ "wasm": lines }),
                Err(reason) => json!({ "declined": reason }),
            }),
        }));
    }
    // Source order; scripts whose owner is gone (e.g. a finished top level) last.
    script_list.sort_by_key(|s| (s["line"].as_u64().unwrap_or(u64::MAX), s["column"].as_u64().unwrap_or(0), s["bytecode_length"].as_u64()));

    let mut by_kind: BTreeMap<String, u64> = BTreeMap::new();
    let mut op_counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut ic_list = Vec::new();
    for (_, ic) in snap.requests.ics() {
        let kind = snap.engine.cache_kind_name(ic.kind);
        *by_kind.entry(kind.clone()).or_default() += 1;
        let ops = match stubs::decode(&ic.code, &snap.engine) {
            Ok(ops) => ops.iter().map(|o| o.to_string()).collect::<Vec<_>>(),
            Err(e) => vec![format!("cannot decode: {e}")],
        };
        for o in &ops {
            *op_counts.entry(o.split(' ').next().unwrap_or("").to_string()).or_default() += 1;
        }
        if a.ics {
            ic_list.push(json!({ "kind": kind, "code_length": ic.code_length, "ops": ops }));
        }
    }
    let mut top_ops: Vec<(String, u64)> = op_counts.into_iter().collect();
    top_ops.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    Ok(json!({
        "engine": {
            "name": spec.name,
            "package": format!("{}@{}", spec.npm_package, spec.npm_version),
            "file": spec.path_in_tarball,
            "code_sha256": snap.engine.code_sha256,
        },
        "compiled": snap.is_compiled()?,
        "requests": snap.requests.list.len(),
        "scripts": script_list,
        "ic_requests": {
            "count": snap.requests.ics().count(),
            "by_kind": by_kind,
            "top_ops": top_ops.iter().take(20).map(|(n, c)| json!([n, c])).collect::<Vec<_>>(),
            "bodies": if a.ics { Some(ic_list) } else { None },
        },
    }))
}

fn render_text(v: &serde_json::Value, a: &Args) -> String {
    let mut s = String::new();
    let e = &v["engine"];
    let _ = writeln!(s, "engine: {} ({} {}), code sha256 {}", e["name"].as_str().unwrap_or(""), e["package"].as_str().unwrap_or(""), e["file"].as_str().unwrap_or(""), e["code_sha256"].as_str().unwrap_or(""));
    let state = if v["compiled"].as_bool() == Some(true) { "compiled (requests consumed)" } else { "not compiled" };
    let scripts = v["scripts"].as_array().cloned().unwrap_or_default();
    let ics = &v["ic_requests"];
    let _ = writeln!(s, "state: {state}; {} requests: {} scripts, {} IC bodies", v["requests"], scripts.len(), ics["count"]);
    for sc in &scripts {
        let name = sc["name"].as_str().unwrap_or(if sc["line"].is_null() { "<owner not found>" } else { "<anonymous or top level>" });
        let pos = match (sc["line"].as_u64(), sc["column"].as_u64()) {
            (Some(l), Some(c)) => format!("line {l} column {c}"),
            _ => "position unknown".into(),
        };
        let _ = writeln!(s, "\nscript {name}, {pos}, {} bytes of bytecode, nfixed {}", sc["bytecode_length"], sc["nfixed"]);
        if !a.no_disasm {
            for line in sc["disassembly"].as_array().into_iter().flatten() {
                let _ = writeln!(s, "  {}", line.as_str().unwrap_or(""));
            }
        }
        if let Some(reason) = sc["lowered"]["declined"].as_str() {
            let _ = writeln!(s, "  lowered: declined ({reason})");
        } else if let Some(lines) = sc["lowered"]["wasm"].as_array() {
            let _ = writeln!(s, "  lowered: {} lines of Wasm text", lines.len());
            for line in lines {
                let _ = writeln!(s, "    {}", line.as_str().unwrap_or(""));
            }
        }
    }
    let _ = writeln!(s, "\nIC requests by CacheKind:");
    for (k, n) in ics["by_kind"].as_object().into_iter().flatten() {
        let _ = writeln!(s, "  {k:<16} {n}");
    }
    let _ = writeln!(s, "\nmost frequent CacheIR ops:");
    for pair in ics["top_ops"].as_array().into_iter().flatten() {
        let _ = writeln!(s, "  {:<36} {}", pair[0].as_str().unwrap_or(""), pair[1]);
    }
    if a.ics {
        let _ = writeln!(s, "\nIC bodies:");
        for (i, b) in ics["bodies"].as_array().into_iter().flatten().enumerate() {
            let ops: Vec<&str> = b["ops"].as_array().into_iter().flatten().filter_map(|o| o.as_str()).collect();
            let _ = writeln!(s, "  #{i} {}: {}", b["kind"].as_str().unwrap_or(""), ops.join("; "));
        }
    }
    s
}
