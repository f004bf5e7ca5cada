//! The Wasmtime host: WASI preview 1, the Fastly host calls the engine makes to serve one
//! request, and (for un-compiled snapshots) the `weval` intrinsics with their generic meaning.
//!
//! Every Fastly import is `(i32...) -> i32` returning a `FastlyStatus`. The handful that the
//! engine needs to dispatch one `fetch` event write their out-parameters; every other one
//! returns `UNSUPPORTED` and writes nothing, so the guest never reads garbage.

use wasmtime::{format_err, bail, Result};
use wasmtime::error::Context;
use runtime_abi::protocol::{intrinsic_generic, Generic, INTRINSIC_MODULE};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use wasmtime::{Caller, Engine, Extern, Func, FuncType, Linker, Module, Store, Val, ValType};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::p2::pipe::{MemoryInputPipe, MemoryOutputPipe};
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtxBuilder};

/// `FastlyStatus` values the host returns.
const FASTLY_OK: i32 = 0;
const FASTLY_UNSUPPORTED: i32 = 5;

/// The bytes a deterministic run's random source cycles through (the first SHA-256 round
/// constants: arbitrary, but not zero and not repeating with a short period).
const DETERMINISTIC_SEED: [u8; 32] = [
    0x42, 0x8a, 0x2f, 0x98, 0x71, 0x37, 0x44, 0x91, 0xb5, 0xc0, 0xfb, 0xcf, 0xe9, 0xb5, 0xdb, 0xa5,
    0x39, 0x56, 0xc2, 0x5b, 0x59, 0xf1, 0x11, 0xf1, 0x92, 0x3f, 0x82, 0xa4, 0xab, 0x1c, 0x5e, 0xd5,
];

/// Prefix of the counter globals a coverage build exports.
const COUNTER_PREFIX: &str = "aotjs.cov.";

/// What a deterministic run's wall clock starts at: 2025-01-01T00:00:00Z.
const DETERMINISTIC_EPOCH: Duration = Duration::from_secs(1_735_689_600);

/// A clock that advances one microsecond per reading. The engine records readings in its heap
/// (GC and start-up timing); this makes them a function of the program alone.
struct StepClock {
    base: Duration,
    reads: std::sync::atomic::AtomicU64,
}

impl StepClock {
    fn new(base: Duration) -> Self {
        StepClock { base, reads: std::sync::atomic::AtomicU64::new(0) }
    }
    fn tick(&self) -> Duration {
        let n = self.reads.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.base + Duration::from_micros(n)
    }
}

impl wasmtime_wasi::HostWallClock for StepClock {
    fn resolution(&self) -> Duration {
        Duration::from_micros(1)
    }
    fn now(&self) -> Duration {
        self.tick()
    }
}

impl wasmtime_wasi::HostMonotonicClock for StepClock {
    fn resolution(&self) -> u64 {
        1_000
    }
    fn now(&self) -> u64 {
        self.tick().as_nanos() as u64
    }
}

/// The response the guest sent downstream.
#[derive(Default, Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
    pub sent: bool,
}

pub struct HostState {
    pub wasi: WasiP1Ctx,
    next_handle: i32,
    pub response: Response,
    trace: bool,
    url: String,
}

/// The URL of the request a run dispatches, unless `RunConfig::url` says otherwise.
pub const DEFAULT_URL: &str = "http://localhost/";

/// How one instance is set up.
#[derive(Default)]
pub struct RunConfig {
    /// Bytes on the guest's stdin.
    pub stdin: Vec<u8>,
    /// Host directories preopened in the guest: (host path, guest path).
    pub preopens: Vec<(PathBuf, String)>,
    /// Environment variables the guest sees.
    pub env: Vec<(String, String)>,
    /// URL of the request dispatched (default `DEFAULT_URL`).
    pub url: Option<String>,
    /// Print host calls to stderr (`AOTJS_TRACE_HOST=1`).
    pub trace: bool,
    /// Fixed random bytes instead of the host's entropy, so the same input gives the same
    /// snapshot (hash seeds live in the heap) and benchmark runs see the same `Math.random`.
    pub fixed_random: bool,
    /// Clocks that advance one microsecond per reading, from a fixed date. Snapshots need
    /// this to be reproducible; benchmarks must not use it (timing harnesses read clocks).
    pub step_clocks: bool,
}

/// Output of one run.
pub struct RunOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// The exit status: `proc_exit`'s code, 1 for a trap or an error response, else 0.
    pub exit_code: i32,
    /// A trap or host error that ended the run, as one line.
    pub trap: Option<String>,
    pub elapsed: Duration,
    /// Exported i64 globals named `aotjs.cov.*` after the run (coverage builds).
    pub counters: std::collections::BTreeMap<String, i64>,
    /// The response the program sent.
    pub response: Response,
}

/// The Wasmtime configuration every aotjs module is compiled and run with. Precompiled
/// artifacts are only valid for the same configuration, so there is exactly one.
pub fn engine() -> Result<Engine> {
    let mut config = wasmtime::Config::new();
    config.cranelift_opt_level(wasmtime::OptLevel::Speed);
    config.parallel_compilation(true);
    // The engine recurses deeply in C++; give its Wasm stack room, as Wizer and weval do.
    config.max_wasm_stack(8 << 20);
    // Async support comes in with Wizer's dependencies; its stack must be at least as large.
    config.async_stack_size(9 << 20);
    // A developer's knob: `AOTJS_PERFMAP=1` writes /tmp/perf-PID.map so `perf record` can
    // name compiled Wasm functions (by their Wasm function index).
    if std::env::var_os("AOTJS_PERFMAP").is_some() {
        config.profiler(wasmtime::ProfilingStrategy::PerfMap);
    }
    // Engine functions are the same in every snapshot: compile each once, ever.
    if let Some(store) = crate::cache::FunctionCache::open() {
        config.enable_incremental_compilation(std::sync::Arc::new(store))?;
    }
    Engine::new(&config)
}

/// Builds a store with fresh WASI state.
pub fn store(engine: &Engine, cfg: &RunConfig) -> Result<(Store<HostState>, MemoryOutputPipe, MemoryOutputPipe)> {
    let stdout = MemoryOutputPipe::new(64 << 20);
    let stderr = MemoryOutputPipe::new(16 << 20);
    let mut b = WasiCtxBuilder::new();
    b.stdin(MemoryInputPipe::new(cfg.stdin.clone()))
        .stdout(stdout.clone())
        .stderr(stderr.clone());
    if cfg.fixed_random {
        b.secure_random(wasmtime_wasi::Deterministic::new(DETERMINISTIC_SEED.to_vec()));
        b.insecure_random(wasmtime_wasi::Deterministic::new(DETERMINISTIC_SEED.to_vec()));
        b.insecure_random_seed(0x6a09_e667_f3bc_c908_bb67_ae85_84ca_a73b);
    }
    if cfg.step_clocks {
        b.wall_clock(StepClock::new(DETERMINISTIC_EPOCH));
        b.monotonic_clock(StepClock::new(Duration::ZERO));
    }
    for (dir, guest) in &cfg.preopens {
        b.preopened_dir(dir, guest, FsPerms::ReadOnly)
            .with_context(|| format!("cannot preopen {}", dir.display()))?;
    }
    b.envs(&cfg.env);
    let state = HostState { wasi: b.build_p1(), next_handle: 1, response: Response::default(), trace: cfg.trace, url: cfg.url.clone().unwrap_or_else(|| DEFAULT_URL.to_string()) };
    Ok((Store::new(engine, state), stdout, stderr))
}

/// A linker with every import `module` needs. Intrinsics are not defined here: see
/// `instantiate`, which links them from a Wasm stub module.
pub fn linker(engine: &Engine, module: &Module) -> Result<Linker<HostState>> {
    let mut linker = Linker::new(engine);
    wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |s: &mut HostState| &mut s.wasi)?;
    for import in module.imports() {
        let (m, name) = (import.module(), import.name());
        let Some(ty) = import.ty().func().cloned() else {
            bail!("module imports non-function `{m}.{name}`; aotjs only hosts function imports");
        };
        if m == "wasi_snapshot_preview1" {
            continue;
        }
        if m == INTRINSIC_MODULE {
            // Checked here so an unknown intrinsic is reported before instantiation.
            intrinsic_generic(name).ok_or_else(|| format_err!("unknown intrinsic import `{m}.{name}`"))?;
        } else if m.starts_with("fastly_") {
            define_fastly(&mut linker, m, name, ty)?;
        } else {
            bail!("module imports `{m}.{name}`, which no known engine needs");
        }
    }
    Ok(linker)
}

/// A Wasm module that exports every intrinsic `module` imports, with its generic meaning:
/// what weval's own stub module does. The intrinsics sit in the interpreter's hottest loop, so
/// they must be Wasm-to-Wasm calls; host functions would make the interpreted baseline several
/// times slower than the engine really is.
fn intrinsic_stub_module(module: &Module) -> Result<Option<Vec<u8>>> {
    use wasm_encoder::{CodeSection, ExportKind, ExportSection, Function, FunctionSection, Instruction, TypeSection};
    let mut types = TypeSection::new();
    let mut funcs = FunctionSection::new();
    let mut exports = ExportSection::new();
    let mut code = CodeSection::new();
    let mut n = 0u32;
    for import in module.imports().filter(|i| i.module() == INTRINSIC_MODULE) {
        let ty = import.ty().func().cloned().ok_or_else(|| format_err!("intrinsic `{}` is not a function", import.name()))?;
        let generic = intrinsic_generic(import.name()).ok_or_else(|| format_err!("unknown intrinsic import `weval.{}`", import.name()))?;
        let val = |v: ValType| match v {
            ValType::I32 => Ok(wasm_encoder::ValType::I32),
            ValType::I64 => Ok(wasm_encoder::ValType::I64),
            ValType::F32 => Ok(wasm_encoder::ValType::F32),
            ValType::F64 => Ok(wasm_encoder::ValType::F64),
            _ => Err(format_err!("intrinsic `{}` has an unsupported signature", import.name())),
        };
        let params = ty.params().map(val).collect::<Result<Vec<_>>>()?;
        let results = ty.results().map(val).collect::<Result<Vec<_>>>()?;
        types.ty().function(params, results);
        funcs.function(n);
        exports.export(import.name(), ExportKind::Func, n);
        let mut f = Function::new([]);
        match generic {
            Generic::Nop => {}
            Generic::PassFirst => {
                f.instruction(&Instruction::LocalGet(0));
            }
            Generic::Trap => {
                f.instruction(&Instruction::Unreachable);
            }
        }
        f.instruction(&Instruction::End);
        code.function(&f);
        n += 1;
    }
    if n == 0 {
        return Ok(None);
    }
    let mut m = wasm_encoder::Module::new();
    m.section(&types).section(&funcs).section(&exports).section(&code);
    Ok(Some(m.finish()))
}

/// Instantiates `module`, first linking its intrinsics (if any) from a stub module instance.
pub fn instantiate(engine: &Engine, linker: &mut Linker<HostState>, store: &mut Store<HostState>, module: &Module) -> Result<wasmtime::Instance> {
    if let Some(stubs) = intrinsic_stub_module(module)? {
        let stubs = Module::new(engine, &stubs)?;
        let instance = linker.instantiate(&mut *store, &stubs)?;
        linker.instance(&mut *store, INTRINSIC_MODULE, instance)?;
    }
    linker.instantiate(&mut *store, module).context("instantiating the module")
}

/// A module made ready to be instantiated many times, as a server instantiates it per
/// request: pre-instantiated (imports resolved once) when every import is the host's; a module
/// with intrinsic imports links them per instance from a fresh stub instance, as `instantiate`.
pub struct Ready {
    module: Module,
    linker: Linker<HostState>,
    pre: Option<wasmtime::InstancePre<HostState>>,
    intrinsics: Option<wasmtime::InstancePre<HostState>>,
}

impl Ready {
    pub fn new(engine: &Engine, module: &Module) -> Result<Ready> {
        let linker = linker(engine, module)?;
        let (pre, intrinsics) = match intrinsic_stub_module(module)? {
            None => (Some(linker.instantiate_pre(module).context("pre-instantiating the module")?), None),
            Some(stubs) => (None, Some(linker.instantiate_pre(&Module::new(engine, &stubs)?)?)),
        };
        Ok(Ready { module: module.clone(), linker, pre, intrinsics })
    }

    /// Whether instances come from a pre-instantiated module.
    pub fn is_pre_instantiated(&self) -> bool {
        self.pre.is_some()
    }

    pub fn instantiate(&self, store: &mut Store<HostState>) -> Result<wasmtime::Instance> {
        if let Some(pre) = &self.pre {
            return pre.instantiate(store);
        }
        let mut linker = self.linker.clone();
        if let Some(stubs) = &self.intrinsics {
            let instance = stubs.instantiate(&mut *store)?;
            linker.instance(&mut *store, INTRINSIC_MODULE, instance)?;
        }
        linker.instantiate(store, &self.module)
    }
}

/// The Fastly host calls this host implements, with their parameter counts (the engine's own
/// import signatures; every parameter is an i32). `fastly_call` reads exactly these
/// parameters, so an import of one of them with another arity is refused at load.
const FASTLY_CALLS: &[(&str, usize)] = &[
    ("fastly_http_req.body_downstream_get", 2),
    ("fastly_http_req.method_get", 4),
    ("fastly_http_req.uri_get", 4),
    ("fastly_http_req.version_get", 2),
    ("fastly_http_resp.version_get", 2),
    ("fastly_http_req.header_names_get", 6),
    ("fastly_http_resp.header_names_get", 6),
    ("fastly_http_req.header_values_get", 8),
    ("fastly_http_resp.header_values_get", 8),
    ("fastly_http_req.new", 1),
    ("fastly_http_resp.new", 1),
    ("fastly_http_body.new", 1),
    ("fastly_http_resp.status_get", 2),
    ("fastly_http_resp.status_set", 2),
    ("fastly_http_body.write", 5),
    ("fastly_http_body.read", 4),
    ("fastly_http_resp.send_downstream", 3),
    ("fastly_http_body.close", 1),
    ("fastly_http_body.append", 2),
    ("fastly_http_resp.header_insert", 5),
    ("fastly_http_resp.header_append", 5),
    ("fastly_http_resp.header_remove", 3),
    ("fastly_http_resp.framing_headers_mode_set", 2),
    ("fastly_http_req.header_insert", 5),
    ("fastly_http_req.header_append", 5),
    ("fastly_http_req.header_remove", 3),
];

/// Checks an import's signature against what the host does for it: `(i32...) -> i32`, and for
/// a call the host implements, exactly that call's parameters.
fn check_fastly_signature(call: &str, ty: &FuncType) -> Result<()> {
    if ty.results().len() != 1 || !ty.results().all(|r| matches!(r, ValType::I32)) || !ty.params().all(|p| matches!(p, ValType::I32)) {
        bail!("Fastly import `{call}` has an unexpected signature (expected i32 parameters and one i32 result)");
    }
    if let Some((_, arity)) = FASTLY_CALLS.iter().find(|(name, _)| *name == call) {
        if ty.params().len() != *arity {
            bail!("Fastly import `{call}` takes {} parameters; the host's takes {arity}", ty.params().len());
        }
    }
    Ok(())
}

fn define_fastly(linker: &mut Linker<HostState>, m: &str, name: &str, ty: FuncType) -> Result<()> {
    let call = format!("{m}.{name}");
    check_fastly_signature(&call, &ty)?;
    linker.func_new(m, name, ty, move |mut c, params, results| {
        let p: Vec<i32> = params.iter().map(|v| v.unwrap_i32()).collect();
        let status = fastly_call(&mut c, &call, &p)?;
        if c.data().trace {
            eprintln!("[host] {call}{p:?} -> {status}");
        }
        results[0] = Val::I32(status);
        Ok(())
    })?;
    Ok(())
}

fn memory(c: &mut Caller<'_, HostState>) -> Result<wasmtime::Memory> {
    match c.get_export("memory") {
        Some(Extern::Memory(m)) => Ok(m),
        _ => bail!("guest exports no memory"),
    }
}

fn write_mem(c: &mut Caller<'_, HostState>, addr: i32, bytes: &[u8]) -> Result<()> {
    memory(c)?.write(c, addr as u32 as usize, bytes).map_err(|e| format_err!("host call wrote outside guest memory: {e}"))
}

fn read_mem(c: &mut Caller<'_, HostState>, addr: i32, len: i32) -> Result<Vec<u8>> {
    // The guest chooses the length: check it against its memory before allocating.
    let (addr, len) = (addr as u32 as usize, len as u32 as usize);
    let size = memory(c)?.data_size(&*c);
    if addr.checked_add(len).is_none_or(|end| end > size) {
        bail!("host call read outside guest memory ({len} bytes at {addr:#x})");
    }
    let mut buf = vec![0u8; len];
    memory(c)?.read(&*c, addr, &mut buf).map_err(|e| format_err!("host call read outside guest memory: {e}"))?;
    Ok(buf)
}

fn new_handle(c: &mut Caller<'_, HostState>, out: i32) -> Result<i32> {
    let h = c.data().next_handle;
    c.data_mut().next_handle += 1;
    write_mem(c, out, &h.to_le_bytes())?;
    Ok(FASTLY_OK)
}

/// A string out-parameter `(buf, cap, nwritten_out)`.
fn write_str(c: &mut Caller<'_, HostState>, s: &str, buf: i32, cap: i32, nwritten: i32) -> Result<i32> {
    if (cap as u32 as usize) < s.len() {
        write_mem(c, nwritten, &(s.len() as u32).to_le_bytes())?;
        return Ok(4); // BUFLEN
    }
    write_mem(c, buf, s.as_bytes())?;
    write_mem(c, nwritten, &(s.len() as u32).to_le_bytes())?;
    Ok(FASTLY_OK)
}

fn fastly_call(c: &mut Caller<'_, HostState>, call: &str, p: &[i32]) -> Result<i32> {
    Ok(match call {
        "fastly_http_req.body_downstream_get" => {
            write_mem(c, p[0], &1i32.to_le_bytes())?;
            write_mem(c, p[1], &2i32.to_le_bytes())?;
            c.data_mut().next_handle = c.data().next_handle.max(3);
            FASTLY_OK
        }
        "fastly_http_req.method_get" => write_str(c, "GET", p[1], p[2], p[3])?,
        "fastly_http_req.uri_get" => {
            let url = c.data().url.clone();
            write_str(c, &url, p[1], p[2], p[3])?
        }
        "fastly_http_req.version_get" | "fastly_http_resp.version_get" => {
            write_mem(c, p[1], &2u32.to_le_bytes())?; // HTTP/1.1
            FASTLY_OK
        }
        "fastly_http_req.header_names_get" | "fastly_http_resp.header_names_get" => {
            write_mem(c, p[4], &(-1i64).to_le_bytes())?;
            write_mem(c, p[5], &0u32.to_le_bytes())?;
            FASTLY_OK
        }
        "fastly_http_req.header_values_get" | "fastly_http_resp.header_values_get" => {
            write_mem(c, p[6], &(-1i64).to_le_bytes())?;
            write_mem(c, p[7], &0u32.to_le_bytes())?;
            FASTLY_OK
        }
        "fastly_http_req.new" | "fastly_http_resp.new" | "fastly_http_body.new" => new_handle(c, p[0])?,
        "fastly_http_resp.status_get" => {
            let s = if c.data().response.status == 0 { 200 } else { c.data().response.status };
            write_mem(c, p[1], &s.to_le_bytes())?;
            FASTLY_OK
        }
        "fastly_http_resp.status_set" => {
            c.data_mut().response.status = p[1] as u16;
            FASTLY_OK
        }
        "fastly_http_body.write" => {
            let bytes = read_mem(c, p[1], p[2])?;
            c.data_mut().response.body.extend_from_slice(&bytes);
            write_mem(c, p[4], &(p[2] as u32).to_le_bytes())?;
            FASTLY_OK
        }
        "fastly_http_body.read" => {
            write_mem(c, p[3], &0u32.to_le_bytes())?;
            FASTLY_OK
        }
        // Every call above is in FASTLY_CALLS, so its parameters are there (checked at load).
        "fastly_http_resp.send_downstream" => {
            c.data_mut().response.sent = true;
            FASTLY_OK
        }
        "fastly_http_body.close" | "fastly_http_body.append" | "fastly_http_resp.header_insert"
        | "fastly_http_resp.header_append" | "fastly_http_resp.header_remove"
        | "fastly_http_resp.framing_headers_mode_set" | "fastly_http_req.header_insert"
        | "fastly_http_req.header_append" | "fastly_http_req.header_remove" => FASTLY_OK,
        _ => FASTLY_UNSUPPORTED,
    })
}

/// Compiles, or loads a precompiled artifact (`.cwasm`) made with `engine()`'s configuration.
pub fn load_module(engine: &Engine, bytes: &[u8], what: &Path) -> Result<Module> {
    match Engine::detect_precompiled(bytes) {
        Some(wasmtime::Precompiled::Module) => {
            // SAFETY: the artifact is trusted as the user's own build output; Wasmtime checks
            // that it was made by this Wasmtime version with this configuration.
            unsafe { Module::deserialize(engine, bytes) }
                .with_context(|| format!("{} is a precompiled artifact this aotjs cannot load", what.display()))
        }
        Some(wasmtime::Precompiled::Component) => bail!("{} is a component, not a core module", what.display()),
        None if !bytes.starts_with(b"\0asm") => bail!("{} is not a valid WebAssembly module (no `\\0asm` header)", what.display()),
        None => Module::new(engine, bytes).with_context(|| format!("{} is not a valid WebAssembly module", what.display())),
    }
}

/// A module to run: the whole module, or (for a snapshot of a known engine) the engine's code
/// module, compiled once per engine, with the snapshot's data to give each instance.
pub struct Loaded {
    pub module: Module,
    pub data: Option<crate::split::DataImage>,
}

/// Loads `bytes` to run once: a snapshot of a known engine (not compiled by aotjs) as the
/// engine's cached code module plus its data, so a new snapshot needs no native compile;
/// anything else as `load_module`.
pub fn load_fresh(engine: &Engine, cache: &crate::cache::Cache, bytes: &[u8], what: &Path) -> Result<Loaded> {
    let known = Engine::detect_precompiled(bytes).is_none()
        && aotjs_compiler::snapshot::engine::code_digest_of(bytes).and_then(|d| runtime_abi::EngineSpec::by_code_sha256(&d)).is_some();
    if known {
        if let Some(split) = crate::split::split(bytes) {
            let module = cache.compiled_module(engine, "code", &split.code)?;
            return Ok(Loaded { module, data: Some(split.data) });
        }
    }
    Ok(Loaded { module: load_module(engine, bytes, what)?, data: None })
}

/// Instantiates `module` and calls `entry`, collecting output and exit status.
pub fn run(engine: &Engine, module: &Module, entry: &str, cfg: &RunConfig) -> Result<RunOutput> {
    run_with_data(engine, module, None, entry, cfg)
}

/// `run` for a `Loaded` module.
pub fn run_loaded(engine: &Engine, loaded: &Loaded, entry: &str, cfg: &RunConfig) -> Result<RunOutput> {
    run_with_data(engine, &loaded.module, loaded.data.as_ref(), entry, cfg)
}

fn run_with_data(engine: &Engine, module: &Module, data: Option<&crate::split::DataImage>, entry: &str, cfg: &RunConfig) -> Result<RunOutput> {
    let (mut store, stdout, stderr) = store(engine, cfg)?;
    let mut linker = linker(engine, module)?;
    let start = Instant::now();
    let instance = instantiate(engine, &mut linker, &mut store, module)?;
    if let Some(data) = data {
        data.apply(&mut store, &instance)?;
    }
    let func: Func = instance
        .get_func(&mut store, entry)
        .ok_or_else(|| format_err!("module has no `{entry}` export to run"))?;
    let result = func.call(&mut store, &[], &mut []);
    let elapsed = start.elapsed();
    let (exit_code, trap) = exit_status(result);
    let mut counters = std::collections::BTreeMap::new();
    let globals: Vec<(String, wasmtime::Global)> = instance
        .exports(&mut store)
        .filter(|e| e.name().starts_with(COUNTER_PREFIX))
        .filter_map(|e| {
            let name = e.name().to_string();
            e.into_global().map(|g| (name, g))
        })
        .collect();
    for (name, g) in globals {
        if let Val::I64(v) = g.get(&mut store) {
            counters.insert(name, v);
        }
    }
    let response = store.data().response.clone();
    let mut stderr = stderr.contents().to_vec();
    let mut exit_code = exit_code;
    if exit_code == 0 && response.status >= 500 {
        // The prelude's report of an uncaught exception.
        stderr.extend_from_slice(&response.body);
        exit_code = 1;
    }
    Ok(RunOutput { stdout: stdout.contents().to_vec(), stderr, exit_code, trap, elapsed, counters, response })
}

/// Maps a call's outcome to (exit code, trap message).
pub fn exit_status(result: Result<()>) -> (i32, Option<String>) {
    match result {
        Ok(()) => (0, None),
        Err(e) => match e.downcast_ref::<I32Exit>() {
            Some(exit) => (exit.0, None),
            None => {
                // A host error's own message is its root cause; the context above it is a wasm
                // backtrace, which does not fit on one line.
                let msg = match e.downcast_ref::<wasmtime::Trap>() {
                    Some(t) => format!("wasm trap: {t}"),
                    None => e.root_cause().to_string(),
                };
                (1, Some(msg.lines().next().unwrap_or("").to_string()))
            }
        },
    }
}
