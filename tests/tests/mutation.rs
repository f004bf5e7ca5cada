//! Crafted snapshots: a snapshot with bytes changed where aotjs reads its input (the request
//! list, each script's bytecode and ImmutableScriptData, the module's own sections) compiles to a
//! valid module or fails with an error; `compile` and the listings `inspect` prints never panic.

use aotjs_compiler::snapshot::module::Module;
use aotjs_compiler::stubcache::StubCache;
use aotjs_compiler::{CompileOptions, Snapshot};
use aotjs_tests::{run_aotjs, scratch, text};
use std::ops::Range;

const PROGRAM: &str = r#"
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.norm2 = function () { return this.x * this.x + this.y * this.y; };
function sum(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function pick(o, k) { switch (k) { case 0: return o.x; case 1: return o.y; default: return -1; } }
function main() {
  const p = new Point(3, 4);
  console.log(p.norm2(), sum([1, 2, 3]), fib(10), pick(p, 1), [1, 2].map((v) => v * 2).join());
}
"#;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Where a byte of linear memory at `addr` sits in the module file, if in an active segment.
fn file_offset(module: &Module<'_>, file: &[u8], addr: u32) -> Option<usize> {
    module.data.iter().find_map(|seg| {
        let start = seg.active?;
        let off = addr.checked_sub(start)? as usize;
        (off < seg.bytes.len()).then(|| seg.bytes.as_ptr() as usize - file.as_ptr() as usize + off)
    })
}

/// The file ranges worth changing, each with what it is.
fn targets(file: &[u8]) -> Vec<(String, Range<usize>)> {
    let snap = Snapshot::load(file).expect("the snapshot loads");
    let mut out = Vec::new();
    let find = |needle: &[u8]| file.windows(needle.len()).position(|w| w == needle);
    for (n, (r, script)) in snap.requests.scripts().enumerate().take(8) {
        if let Some(at) = file_offset(&snap.module, file, r.addr) {
            out.push((format!("script request {n}"), at..at + 64));
        }
        if let Some(at) = find(&script.bytecode) {
            out.push((format!("bytecode of script {n}"), at..at + script.bytecode.len()));
        }
        if let Some(at) = find(&script.isd[..script.isd.len().min(64)]) {
            out.push((format!("ImmutableScriptData of script {n}"), at..at + script.isd.len()));
        }
    }
    for (n, (r, _)) in snap.requests.ics().enumerate().take(4) {
        if let Some(at) = file_offset(&snap.module, file, r.addr) {
            out.push((format!("IC request {n}"), at..at + 64));
        }
    }
    for s in &snap.module.sections {
        if s.id != 10 && s.id != 11 {
            out.push((format!("section {}", s.id), s.range.clone()));
        }
    }
    out
}

#[test]
fn mutated_snapshots_compile_to_a_valid_module_or_an_error_never_a_panic() {
    let dir = scratch("mutation");
    let js = dir.join("app.js");
    std::fs::write(&js, PROGRAM).unwrap();
    let snap_path = dir.join("app.snap.wasm");
    let out = run_aotjs([&"snapshot".into(), &js, &"-o".into(), &snap_path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let file = std::fs::read(&snap_path).unwrap();
    let targets = targets(&file);
    assert!(targets.iter().any(|t| t.0.starts_with("bytecode")), "no bytecode found to change: {:?}", targets.iter().map(|t| &t.0).collect::<Vec<_>>());
    let opts = CompileOptions::default();
    let mut stubs = StubCache::new();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut compiled, mut refused) = (0, 0);
    for i in 0..48 {
        let (what, range) = &targets[rng.below(targets.len())];
        let mut m = file.clone();
        let changes = 1 + rng.below(4);
        for _ in 0..changes {
            let at = range.start + rng.below(range.len().max(1));
            m[at] = rng.next() as u8;
        }
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let out = aotjs_compiler::compile_with_cache(&m, &opts, &mut stubs);
            if let Ok(c) = &out {
                wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
                    .validate_all(&c.wasm)
                    .unwrap_or_else(|e| panic!("the output does not validate: {e}"));
            }
            if let Ok(s) = Snapshot::load(&m) {
                let _ = aotjs_compiler::lowered_listings(&s);
                let _ = aotjs_compiler::site_plans(&s);
            }
            out.is_ok()
        }));
        match result {
            Ok(true) => compiled += 1,
            Ok(false) => refused += 1,
            Err(_) => panic!("mutation {i} ({changes} bytes of {what}) panicked"),
        }
    }
    eprintln!("48 mutated snapshots: {compiled} compiled to valid modules, {refused} refused with an error");
}
