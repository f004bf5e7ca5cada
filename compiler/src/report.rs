//! The compile report: what was compiled, what was declined and why. Unsupported is data.

use crate::link::LinkStats;
use crate::Snapshot;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub engine: String,
    pub engine_code_sha256: String,
    pub scripts: Counts,
    /// Of the declined scripts, those the engine never runs compiled (generators, async
    /// functions, the self-hosting setup script): justified declines, not work left.
    pub scripts_engine_never_enters: u64,
    pub ics: Counts,
    /// IC bodies per CacheKind name: (total, compiled).
    pub ics_by_kind: BTreeMap<String, Counts>,
    /// Why requests were declined, with how many each reason covers.
    pub declined: BTreeMap<String, u64>,
    /// For declined IC bodies: the first op that could not be compiled, with how many bodies.
    pub ic_unsupported_ops: BTreeMap<String, u64>,
    /// Of the declined IC bodies, those blocked by an op the engine's own CacheIR interpreter
    /// does not implement either: it fails such a stub on every hit, so the body never runs
    /// to its end in the engine (`EngineFacts::ic_interpreter_unimplemented_ops`).
    pub ics_engine_cannot_run: u64,
    /// Compiled IC bodies that reach an op the engine's own CacheIR interpreter does not
    /// implement (the same list), by that op. The engine fails such a stub on every hit that
    /// gets there, and so does the compiled body, so the chain goes on to the next stub as in
    /// the engine; where the stub library lowers the op (DataView), it does what the engine's
    /// fallback would have done.
    pub ics_compiled_engine_failure: BTreeMap<String, u64>,
    /// JSOps that kept scripts interpreted, with how many scripts each stopped.
    pub script_unsupported_ops: BTreeMap<String, u64>,
    pub script_code_bytes: u64,
    /// Wasm functions generated for IC bodies (identical bodies share one) and their bytes.
    pub stub_functions: u64,
    pub stub_code_bytes: u64,
    /// IC bodies found in the stub library kept between compilations, and compiled afresh.
    pub stub_cache_hits: u64,
    pub stub_cache_misses: u64,
    pub link: LinkStats,
    pub output_bytes: u64,
    /// Coverage builds only: the counters and what each stub is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<CoverageManifest>,
    /// Site-counting builds only (`aotjs coverage --sites`): each compiled IC site with a fast
    /// path, what it predicted, and its counters.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<SiteCoverage>,
    /// The engine's list behind `ics_engine_cannot_run`.
    #[serde(skip)]
    engine_cannot_run: &'static [&'static str],
}

/// One compiled IC site with an inline or direct path: `entered` counts every pass, `chain`
/// the passes that called the IC chain (a guard failed or the prediction was wrong).
#[derive(Clone, Debug, Serialize)]
pub struct SiteCoverage {
    pub script: Option<String>,
    pub line: Option<u32>,
    pub offset: u32,
    pub op: String,
    pub plan: String,
    pub entered: String,
    pub chain: String,
}

/// Names of the exported i64 counter globals of a coverage build.
///
/// Every IC chain starts with a `call_indirect` from interpreter code (`chain_starts`); a stub
/// that fails a guard calls the next one. A compiled stub serves `entries - fails` hits; the
/// generic CacheIR interpreter serves `generic_entries - generic_next`; the fallback stubs
/// serve the rest.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CoverageManifest {
    pub chain_starts: String,
    pub generic_entries: String,
    pub generic_next: String,
    pub stubs: Vec<StubCoverage>,
    /// Bodies the stub library declines: each runs in the generic CacheIR interpreter behind
    /// a counting trampoline, so the hits each one sends there are known.
    pub declined: Vec<DeclinedCoverage>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DeclinedCoverage {
    pub entries: String,
    pub kind: String,
    pub ops: Vec<String>,
    /// Why the stub library declined it (the first op it cannot lower).
    pub reason: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct StubCoverage {
    pub entries: String,
    pub fails: String,
    /// Hits the stub handed to the generic interpreter (counted there too).
    pub deferred: String,
    pub kind: String,
    /// Size of the stub's code without counters.
    pub bytes: u64,
    pub ops: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Counts {
    pub total: u64,
    pub compiled: u64,
    pub declined: u64,
}

/// Name of the custom section that marks an aotjs output.
pub const METADATA_SECTION: &str = "aotjs";

pub const REASON_SCRIPTS_OFF: &str = "script: script compilation turned off (--no-scripts)";
pub const REASON_STUBS_OFF: &str = "ic: stub compilation turned off (--no-stubs)";

impl Report {
    pub(crate) fn new(snap: &Snapshot<'_>) -> Self {
        let mut r = Report {
            engine: snap.engine.spec.name.to_string(),
            engine_code_sha256: snap.engine.code_sha256.clone(),
            scripts: Counts::default(),
            scripts_engine_never_enters: 0,
            ics: Counts::default(),
            ics_by_kind: BTreeMap::new(),
            declined: BTreeMap::new(),
            ic_unsupported_ops: BTreeMap::new(),
            ics_engine_cannot_run: 0,
            ics_compiled_engine_failure: BTreeMap::new(),
            script_unsupported_ops: BTreeMap::new(),
            script_code_bytes: 0,
            stub_functions: 0,
            stub_code_bytes: 0,
            stub_cache_hits: 0,
            stub_cache_misses: 0,
            link: LinkStats::default(),
            output_bytes: 0,
            coverage: None,
            sites: Vec::new(),
            engine_cannot_run: snap.engine.facts.map_or(&[][..], |f| f.ic_interpreter_unimplemented_ops),
        };
        r.scripts.total = snap.requests.scripts().count() as u64;
        for (_, ic) in snap.requests.ics() {
            r.ics.total += 1;
            r.ics_by_kind.entry(snap.engine.cache_kind_name(ic.kind)).or_default().total += 1;
        }
        r
    }

    pub(crate) fn decline_script(&mut self, d: &crate::lower::Decline) {
        self.scripts.declined += 1;
        if d.engine_never_enters {
            self.scripts_engine_never_enters += 1;
        }
        let reason = if d.op.is_some() { "script: op not lowered yet (see script_unsupported_ops)" } else { d.reason.as_str() };
        *self.declined.entry(reason.into()).or_default() += 1;
        if let Some(op) = &d.op {
            *self.script_unsupported_ops.entry(op.into()).or_default() += 1;
        }
    }

    pub(crate) fn compile_script(&mut self) {
        self.scripts.compiled += 1;
    }

    /// `engine_failure`: the op at which the body fails as the engine's interpreter does.
    pub(crate) fn compile_ic(&mut self, kind: &str, engine_failure: Option<&str>) {
        if let Some(op) = engine_failure {
            *self.ics_compiled_engine_failure.entry(op.into()).or_default() += 1;
        }
        self.ics.compiled += 1;
        self.ics_by_kind.entry(kind.into()).or_default().compiled += 1;
    }

    pub(crate) fn decline_ic(&mut self, kind: &str, reason: &str, op: Option<&str>) {
        self.ics.declined += 1;
        if op.is_some_and(|o| self.engine_cannot_run.contains(&o)) {
            self.ics_engine_cannot_run += 1;
        }
        self.ics_by_kind.entry(kind.into()).or_default().declined += 1;
        // Per-op detail goes to `ic_unsupported_ops`; `declined` groups reasons by kind.
        let reason = match op {
            Some(_) if reason.starts_with("ic: unsupported CacheIR op") => "ic: unsupported CacheIR op (see ic_unsupported_ops)",
            _ => reason,
        };
        *self.declined.entry(reason.into()).or_default() += 1;
        if let Some(op) = op {
            *self.ic_unsupported_ops.entry(op.into()).or_default() += 1;
        }
    }

    /// What the `aotjs` custom section of the output records: enough to recognise a compiled
    /// module and its engine. Deterministic: no time stamps, no paths.
    pub(crate) fn metadata_json(&self) -> Vec<u8> {
        serde_json::json!({
            "tool": "aotjs",
            "version": env!("CARGO_PKG_VERSION"),
            "engine": self.engine,
            "scripts_compiled": self.scripts.compiled,
            "ics_compiled": self.ics.compiled,
            "script_code_bytes": self.script_code_bytes,
            "stub_code_bytes": self.stub_code_bytes,
        })
        .to_string()
        .into_bytes()
    }
}
