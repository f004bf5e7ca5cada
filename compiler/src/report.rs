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
    pub ics: Counts,
    /// IC bodies per CacheKind name: (total, compiled).
    pub ics_by_kind: BTreeMap<String, Counts>,
    /// Why requests were declined, with how many each reason covers.
    pub declined: BTreeMap<String, u64>,
    pub link: LinkStats,
    pub output_bytes: u64,
}

#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Counts {
    pub total: u64,
    pub compiled: u64,
    pub declined: u64,
}

/// Name of the custom section that marks an aotjs output.
pub const METADATA_SECTION: &str = "aotjs";

pub const REASON_NO_SCRIPT_COMPILER: &str = "script: no script compiler in this build yet";
pub const REASON_NO_STUB_COMPILER: &str = "ic: no stub compiler in this build yet";

impl Report {
    pub(crate) fn new(snap: &Snapshot<'_>) -> Self {
        let mut r = Report {
            engine: snap.engine.spec.name.to_string(),
            engine_code_sha256: snap.engine.code_sha256.clone(),
            scripts: Counts::default(),
            ics: Counts::default(),
            ics_by_kind: BTreeMap::new(),
            declined: BTreeMap::new(),
            link: LinkStats::default(),
            output_bytes: 0,
        };
        for _ in snap.requests.scripts() {
            r.scripts.total += 1;
            r.scripts.declined += 1;
            *r.declined.entry(REASON_NO_SCRIPT_COMPILER.into()).or_default() += 1;
        }
        for (_, ic) in snap.requests.ics() {
            r.ics.total += 1;
            r.ics.declined += 1;
            let k = r.ics_by_kind.entry(snap.engine.cache_kind_name(ic.kind)).or_default();
            k.total += 1;
            k.declined += 1;
            *r.declined.entry(REASON_NO_STUB_COMPILER.into()).or_default() += 1;
        }
        r
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
        })
        .to_string()
        .into_bytes()
    }
}
