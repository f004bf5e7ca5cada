//! `aotjs snapshot`: Wizer, in-process, following the engine's init protocol.
//!
//! The engine's init export reads one line from stdin (the script path, then `--legacy-script`
//! for a classic script), loads the script from a preopened directory and runs its top level.
//! The snapshot's `_start` is the engine's resume function, which dispatches one `fetch` event.
//! aotjs appends a fetch-handler prelude so that plain JS with a `main()` just works.

use crate::cache::Cache;
use crate::host::{self, RunConfig};
use wasmtime::{format_err, bail, Result};
use wasmtime::error::Context;
use runtime_abi::EngineSpec;
use std::path::{Path, PathBuf};
use wasmtime::{Engine, Module};
use wasmtime_wizer::{WasmtimeWizer, Wizer};

/// Appended to every program. It is the whole contract between the user's script and the
/// Fastly engine: at run time, call `main()` if the script defines it, await it, and answer the
/// request. An uncaught exception becomes a 500 response whose body is the report (this
/// engine's `console.error` writes to stdout, so the report travels in the body and the host
/// prints it on stderr); `aotjs run` turns the status into the exit code. The body must not
/// be empty: on this engine an empty response body loses the program's console output.
pub const PRELUDE: &str = r#"
;addEventListener("fetch", (event) => event.respondWith((async () => {
  try {
    if (typeof main === "function") await main();
  } catch (e) {
    let text = "exception";
    try {
      text = String(e);
      const stack = (e && typeof e.stack === "string") ? e.stack : "";
      const frames = stack.split("\n").filter((l) => {
        const m = /:(\d+):\d+$/.exec(l);
        return m !== null && Number(m[1]) <= __AOTJS_USER_LINES__;
      });
      if (frames.length > 0) text += "\n" + frames.join("\n");
    } catch (_) {}
    return new Response("Uncaught " + text + "\n", { status: 500 });
  }
  return new Response("aotjs", { status: 200 });
})()));
"#;

/// The program as the engine loads it: the user's source, then the prelude, which only
/// reports stack frames that lie in the user's lines.
pub fn with_prelude(source: &str) -> String {
    let lines = source.lines().count().max(1);
    format!("{source}\n{}{}", PRELUDE.replace("__AOTJS_USER_LINES__", &lines.to_string()), ic_warmup())
}

/// Value kinds the IC warm-up feeds its operators: a JS expression making a fresh value of
/// each, whether it is an object (operators that would convert it run the program's own
/// `valueOf`/`toString`, so they are left out), and whether relational and arithmetic
/// operators take it.
const WARMUP_VALUES: &[(&str, bool)] = &[
    ("3", false),
    ("-7", false),
    ("0.5", false),
    ("\"ab\"", false),
    ("\"3\"", false),
    ("true", false),
    ("null", false),
    ("undefined", false),
    ("{}", true),
    ("[]", true),
    ("function () {}", true),
];

/// Operators applied to every pair of primitives.
const WARMUP_PRIMITIVE_BINARY: &[&str] = &["+", "-", "*", "/", "%", "|", "&", "^", "<<", ">>", ">>>", "<", "<=", ">", ">=", "==", "!="];
/// Operators applied to every pair.
const WARMUP_EQUALITY: &[&str] = &["===", "!=="];
const WARMUP_UNARY: &[&str] = &["-v", "~v", "+v", "!v", "typeof v", "v ? 1 : 2"];
const WARMUP_TYPE_NAMES: &[&str] = &["undefined", "object", "boolean", "number", "string", "function", "symbol", "bigint"];
/// Object literals with up to this many properties, and array literals with up to this many
/// elements, get a site each: the allocation bodies carry the slot counts and array length.
const WARMUP_LITERAL_SIZES: usize = 12;
/// Bound functions with up to this many bound arguments are made with `bind` and called (the
/// call stubs' bodies carry the count; past three the engine keeps them in an array).
const WARMUP_BOUND_ARGS: usize = 4;
/// BigInt operators: a BigInt meets only BigInts in arithmetic (anything else throws), and
/// numbers and strings in comparisons, both ways round.
const WARMUP_BIGINT_ARITH: &[&str] = &["+", "-", "*", "/", "%", "**", "&", "|", "^", "<<", ">>"];
const WARMUP_COMPARISONS: &[&str] = &["<", "<=", ">", ">=", "==", "!=", "===", "!=="];
const WARMUP_BIGINT_PARTNERS: &[&str] = &["3", "0.5", "\"3\"", "\"ab\""];
/// Right operands per warm-up function: below the engine's 6 optimized stubs per IC site, so
/// every pair attaches its own stub.
const WARMUP_GROUP: usize = 4;

/// The IC warm-up, run at snapshot time. Attaching an IC stub now gives its CacheIR body a
/// request that aotjs compiles; stubs first attached at run time never get compiled code, and
/// the engine's built-in IC corpus lacks the common bodies of arithmetic, comparisons,
/// equality across types, `typeof` tests, truthiness and object and array literals. Every operator meets every pair of
/// value kinds (a function per left kind and group of right kinds, so each IC site sees
/// fewer kinds than its stub limit). It touches nothing the program can see: fresh values
/// only, and no operator that would call into an object.
pub fn ic_warmup() -> String {
    let mut js = String::from(";(function () {\n");
    let mut calls = String::new();
    for (li, &(l, l_obj)) in WARMUP_VALUES.iter().enumerate() {
        for (gi, group) in WARMUP_VALUES.chunks(WARMUP_GROUP).enumerate() {
            let name = format!("b{li}_{gi}");
            let primitives = !l_obj && group.iter().all(|&(_, r_obj)| !r_obj);
            // Loose equality converts nothing between objects, or with null or undefined.
            let nullish = |v: &str| matches!(v, "null" | "undefined");
            let loose = group.iter().all(|&(r, r_obj)| r_obj == l_obj || nullish(l) || nullish(r));
            let ops = WARMUP_EQUALITY
                .iter()
                .chain(if primitives { WARMUP_PRIMITIVE_BINARY } else { &[] })
                .chain(if loose && !primitives { &["==", "!="][..] } else { &[] });
            let body = binary_statements(ops);
            js.push_str(&format!("  function {name}(a, b) {{ let r; {body}return r; }}\n"));
            for &(r, _) in group {
                calls.push_str(&format!("  {name}({l}, {r});\n"));
            }
        }
        let mut unary = String::new();
        for u in WARMUP_UNARY.iter().filter(|_| !l_obj) {
            unary.push_str(&format!("r = {u}; "));
        }
        if l_obj {
            unary.push_str("r = !v; r = typeof v; r = v ? 1 : 2; ");
        }
        for t in WARMUP_TYPE_NAMES {
            unary.push_str(&format!("r = typeof v == \"{t}\"; r = typeof v != \"{t}\"; r = typeof v === \"{t}\"; r = typeof v !== \"{t}\"; "));
        }
        if !l_obj {
            unary.push_str("let c = v; c++; c--; ++c; --c; ");
        }
        js.push_str(&format!("  function u{li}(v) {{ let r; {unary}return r; }}\n"));
        calls.push_str(&format!("  u{li}({l});\n"));
    }
    let mut literals = String::new();
    for n in 0..=WARMUP_LITERAL_SIZES {
        let props: Vec<String> = (0..n).map(|k| format!("p{k}: 0")).collect();
        let elems = vec!["0"; n];
        literals.push_str(&format!("r = {{{}}}; r = [{}]; ", props.join(", "), elems.join(", ")));
    }
    js.push_str(&format!("  function lit() {{ let r; {literals}return r; }}\n"));
    calls.push_str("  lit();\n");
    // Each count of bound arguments gets a `bind` site and a call site; the calls pass what
    // the target's formals still lack, so that none underflows.
    let formals: Vec<String> = (0..WARMUP_BOUND_ARGS).map(|k| format!("a{k}")).collect();
    let mut bound = String::new();
    for k in 0..=WARMUP_BOUND_ARGS {
        let args: Vec<String> = (0..k).map(|a| a.to_string()).collect();
        let rest: Vec<String> = (k..WARMUP_BOUND_ARGS).map(|a| a.to_string()).collect();
        bound.push_str(&format!("g = t.bind(o{}{}); r = g({}); ", if k > 0 { ", " } else { "" }, args.join(", "), rest.join(", ")));
    }
    js.push_str(&format!("  function bt({}) {{ return this; }}\n", formals.join(", ")));
    js.push_str(&format!("  function bnd(t) {{ const o = {{}}; let g, r; {bound}return r; }}\n"));
    calls.push_str("  bnd(bt); bnd(bt);\n");
    bigint_warmup(&mut js, &mut calls);
    js.push_str(&calls);
    js.push_str("})();\n");
    js
}

/// The BigInt part of the warm-up: arithmetic and comparisons of two BigInts, comparisons
/// with each partner kind in both orders, the unary operators, truth and `asIntN`/`asUintN`.
fn bigint_warmup(js: &mut String, calls: &mut String) {
    let arith = binary_statements(WARMUP_BIGINT_ARITH.iter().chain(WARMUP_COMPARISONS));
    let comparisons = binary_statements(WARMUP_COMPARISONS.iter());
    js.push_str(&format!("  function bga(a, b) {{ let r; {arith}return r; }}\n"));
    // One function per order: each site then sees four kinds, below its stub limit.
    js.push_str(&format!("  function bgl(a, b) {{ let r; {comparisons}return r; }}\n"));
    js.push_str(&format!("  function bgr(a, b) {{ let r; {comparisons}return r; }}\n"));
    js.push_str("  function bgu(v) { let r; r = -v; r = ~v; r = !v; r = v ? 1 : 2; let c = v; c++; c--; ++c; --c; r = BigInt.asIntN(32, v); r = BigInt.asUintN(32, v); return r; }\n");
    calls.push_str("  bga(5n, 3n); bgu(5n);\n");
    for p in WARMUP_BIGINT_PARTNERS {
        calls.push_str(&format!("  bgl(5n, {p}); bgr({p}, 5n);\n"));
    }
}

/// `r = a OP b; ` for each operator.
fn binary_statements<'o>(ops: impl Iterator<Item = &'o &'o str>) -> String {
    ops.map(|op| format!("r = a {op} b; ")).collect()
}

/// Name the script has inside the guest; error messages show it.
const GUEST_DIR: &str = "/";

/// What the engine's init export reads: its stdin line, the directories it may open, its
/// environment.
pub struct InitInput {
    /// `SCRIPT [--legacy-script]`, as the engine's init export reads it.
    pub stdin: String,
    /// (host directory, name the guest opens it by).
    pub preopens: Vec<(PathBuf, String)>,
    pub env: Vec<(String, String)>,
}

/// Makes a snapshot of `engine_bytes` with the program `source` loaded (followed by the
/// aotjs prelude).
pub fn snapshot(
    wt: &Engine,
    cache: &Cache,
    spec: &EngineSpec,
    engine_bytes: &[u8],
    app_path: &Path,
    source: &str,
) -> Result<Vec<u8>> {
    let file_name = app_path
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.contains(char::is_whitespace))
        .unwrap_or("app.js")
        .to_string();
    let dir = cache.temp_dir("snapshot")?;
    std::fs::write(dir.path().join(&file_name), with_prelude(source))?;
    let init = InitInput {
        stdin: format!("{GUEST_DIR}{file_name} --legacy-script"),
        preopens: vec![(dir.path().to_path_buf(), GUEST_DIR.to_string())],
        env: Vec::new(),
    };
    snapshot_engine(wt, cache, spec, engine_bytes, &init, &app_path.display().to_string())
}

/// Runs the engine's init export with `init` and takes the snapshot; `what` names the
/// program in errors.
pub fn snapshot_engine(wt: &Engine, cache: &Cache, spec: &EngineSpec, engine_bytes: &[u8], init: &InitInput, what: &str) -> Result<Vec<u8>> {
    let mut wizer = Wizer::new();
    wizer.init_func(spec.init_func);
    wizer.func_rename("_start", spec.resume_func);
    let (cx, instrumented) = wizer.instrument(engine_bytes).context("preparing the engine for snapshotting")?;
    let module = instrumented_module(wt, cache, spec, &instrumented)?;

    let cfg = RunConfig {
        stdin: init.stdin.clone().into_bytes(),
        preopens: init.preopens.clone(),
        env: init.env.clone(),
        url: None,
        trace: std::env::var_os("AOTJS_TRACE_HOST").is_some(),
        fixed_random: true,
        step_clocks: true,
    };
    let (mut store, _stdout, stderr) = host::store(wt, &cfg)?;
    let mut linker = host::linker(wt, &module)?;
    let instance = host::instantiate(wt, &mut linker, &mut store, &module).context("instantiating the engine")?;
    let mut call = |name: &str| -> Result<()> {
        let f = instance
            .get_typed_func::<(), ()>(&mut store, name)
            .with_context(|| format!("engine has no `{name}` export of type () -> ()"))?;
        f.call(&mut store, ())
    };
    let mut result = Ok(());
    if module.get_export("_initialize").is_some() {
        result = call("_initialize");
    }
    if result.is_ok() {
        result = call(spec.init_func);
    }
    let (code, trap) = host::exit_status(result);
    if code != 0 || trap.is_some() {
        let err = String::from_utf8_lossy(&stderr.contents()).trim().to_string();
        let detail = if !err.is_empty() { err } else { trap.unwrap_or_else(|| format!("exit code {code}")) };
        bail!("{what} failed at snapshot time: {}", one_line(&detail));
    }
    let err = String::from_utf8_lossy(&stderr.contents()).trim().to_string();
    if is_init_error(&err) {
        bail!("{what} failed at snapshot time: {}", one_line(&err));
    }
    block_on(wizer.snapshot(&cx, &mut WasmtimeWizer { store: &mut store, instance }))
        .map_err(|e| format_err!("taking the snapshot: {e:#}"))
}

/// The engine reports a failed top level on stderr and may still return normally.
fn is_init_error(stderr: &str) -> bool {
    stderr.contains("Error") || stderr.contains("error:") || stderr.contains("Exception")
}

/// Keeps a multi-line engine message to what a terminal line shows: the first line that says
/// what went wrong, with the location line after it if the engine gave one.
pub fn one_line(s: &str) -> String {
    let lines: Vec<&str> = s.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    lines.iter().take(2).copied().collect::<Vec<_>>().join(" | ")
}

/// The instrumented engine is the same for every program: compile it once per engine and
/// keep the native code in the cache.
fn instrumented_module(wt: &Engine, cache: &Cache, spec: &EngineSpec, wasm: &[u8]) -> Result<Module> {
    let key = format!("{}-wizer-instrumented", spec.name);
    cache.compiled_module(wt, &key, wasm)
}

/// Wizer's snapshot API is async; with the Wasmtime-backed state every future is ready at
/// once, so polling with a no-op waker is enough.
fn block_on<F: std::future::Future>(fut: F) -> F::Output {
    use std::task::{Context as TaskCx, Poll, Waker};
    let mut fut = std::pin::pin!(fut);
    let mut cx = TaskCx::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
        std::thread::yield_now();
    }
}
