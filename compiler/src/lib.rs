//! aotjs-compiler: a Wizer snapshot of a SpiderMonkey engine in, the same engine with compiled
//! code linked in, out. Pure bytes in, bytes out: no files, no processes, no Wasmtime.
//!
//! ```text
//!  snapshot.wasm
//!      |  snapshot::Module::parse        validated; sections kept as raw slices
//!      v
//!  Module + MemoryImage                  image = active data segments, flattened
//!      |  snapshot::identify             code-section digest must name a known engine;
//!      v                                 its opcode tables are read from the image and probed
//!  Engine (tables)
//!      |  snapshot::requests::read       the pending list via `weval.pending.head`;
//!      v                                 every request decoded, none modified yet
//!  Requests (scripts, ICs)
//!      |  plan: which requests get code  stubs::compile for IC bodies, lower:: for scripts;
//!      v                                 a request either gets code or a reason in the report
//!  Plan
//!      |  link::Linker::finish           requests unlinked, flag set, slots written,
//!      v                                 intrinsics removed, untouched bytes carried over
//!  output.wasm + Report                  validated before it is returned: an invalid function
//!                                        is a compiler bug, reported, never written
//! ```

pub mod bytecode;
pub mod error;
pub mod link;
pub mod lower;
pub mod report;
pub mod snapshot;
pub mod stubcache;

pub use error::{Error, Result};
pub use report::Report;

use runtime_abi::protocol::req;
use snapshot::{MemoryImage, Module, Requests};

/// Options of one compilation.
#[derive(Clone, Debug)]
pub struct CompileOptions {
    /// Compile IC bodies with the stub library (otherwise all stay with the IC interpreter).
    pub stubs: bool,
    /// Add counters that measure which IC hits run in compiled stubs (`aotjs coverage`).
    pub coverage: bool,
    /// Compile scripts with the script compiler (otherwise all stay with the interpreter).
    pub scripts: bool,
    /// Let compiled call sites enter compiled callees directly (otherwise every call goes
    /// through its IC chain).
    pub direct_calls: bool,
    /// Count, per compiled IC site with an inline or direct path, its passes and its chain
    /// calls (`aotjs coverage --sites`); listed in `Report::sites`.
    pub site_counters: bool,
    /// For testing an engine fact: fill the requests of scripts the engine never runs
    /// compiled (generators, async functions, the self-hosting setup script) with a function
    /// that traps, instead of leaving them unfilled, so a run proves the engine does not
    /// enter them.
    pub trap_scripts_engine_never_enters: bool,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions { stubs: true, coverage: false, scripts: true, direct_calls: true, site_counters: false, trap_scripts_engine_never_enters: false }
    }
}

/// The result of `compile`: the output module and what was done.
pub struct Compiled {
    pub wasm: Vec<u8>,
    pub report: Report,
}

/// A snapshot, parsed and identified: what `inspect` shows and `compile` starts from.
pub struct Snapshot<'a> {
    pub module: Module<'a>,
    pub image: MemoryImage,
    pub engine: snapshot::Engine,
    pub requests: Requests,
}

impl<'a> Snapshot<'a> {
    /// Parses, identifies the engine and reads the request list. Refuses unknown engines.
    pub fn load(bytes: &'a [u8]) -> Result<Self> {
        let module = Module::parse(bytes)?;
        let image = module.memory_image();
        let engine = snapshot::identify(&module, &image)?;
        let requests = snapshot::requests::read(&module, &image)?;
        Ok(Snapshot { module, image, engine, requests })
    }

    /// True when the engine's "already compiled" flag is set in the image.
    pub fn is_compiled(&self) -> Result<bool> {
        if self.requests.flag_addr == 0 {
            return Ok(false);
        }
        Ok(self.image.u8(self.requests.flag_addr)? != 0)
    }
}

/// Compiles a snapshot: fills the requests it can, links, and reports the rest.
pub fn compile(bytes: &[u8], opts: &CompileOptions) -> Result<Compiled> {
    compile_with_cache(bytes, opts, &mut stubcache::StubCache::new())
}

/// `compile`, reusing and extending a stub library kept between compilations. Coverage builds
/// neither read nor fill it (their stubs carry counters).
pub fn compile_with_cache(bytes: &[u8], opts: &CompileOptions, cache: &mut stubcache::StubCache) -> Result<Compiled> {
    let snap = Snapshot::load(bytes)?;
    if snap.engine.facts.is_none() || snap.requests.flag_addr == 0 {
        return Err(Error::NoAotProtocol { engine: snap.engine.spec.name });
    }
    if snap.is_compiled()? || snap.module.custom_section(report::METADATA_SECTION).is_some() {
        return Err(Error::AlreadyCompiled);
    }
    let mut report = Report::new(&snap);

    let mut linker = link::Linker::new(&snap.module)?;
    let mut slots = Vec::new();
    if opts.coverage {
        report.coverage = Some(plan_coverage(&snap, &mut linker)?);
    }
    let mut predicted = Vec::new();
    if opts.stubs {
        plan_stubs(&snap, &mut linker, &mut slots, &mut report, cache)?;
        // IC slots first: their table indices are then known to the script compiler, which
        // predicts bodies at its sites by them.
        order_ic_slots(&snap, &mut slots);
        predicted = inline_bodies(&snap, &linker, &slots)?;
        report.stub_cache_hits = cache.hits;
        report.stub_cache_misses = cache.misses;
    } else {
        for (_, ic) in snap.requests.ics() {
            report.decline_ic(&snap.engine.cache_kind_name(ic.kind), report::REASON_STUBS_OFF, None);
        }
    }
    if opts.scripts {
        let first_script = slots.len();
        plan_scripts(&snap, &mut linker, &mut slots, &mut report, &predicted, opts)?;
        slots[first_script..].sort();
    } else {
        for _ in snap.requests.scripts() {
            report.decline_script(&lower::Decline { reason: report::REASON_SCRIPTS_OFF.into(), op: None, engine_never_enters: false });
        }
    }
    let mut image = snap.image.clone();
    unlink_requests(&mut image, &snap.requests)?;
    // The flag is a C++ `bool`: write one byte, not a word over its neighbours.
    image.write(snap.requests.flag_addr, &[1])?;

    let metadata = report.metadata_json();
    let (wasm, stats) = linker.finish(image, &slots, &[(report::METADATA_SECTION, metadata)])?;
    // Every generated function must validate; a failure is a compiler bug, reported as one
    // rather than written out.
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&wasm)
        .map_err(|e| Error::InvalidOutput(e.to_string()))?;
    report.link = stats;
    report.output_bytes = wasm.len() as u64;
    Ok(Compiled { wasm, report })
}

/// The IC calling convention's Wasm signature: `(i64, i64, i32, i32) -> i64`.
fn ic_sig() -> snapshot::module::FuncSig {
    use wasmparser::ValType::{I32, I64};
    snapshot::module::FuncSig { params: vec![I64, I64, I32, I32], results: vec![I64] }
}

/// Type indices with the IC signature.
fn ic_types(snap: &Snapshot<'_>) -> Vec<u32> {
    let sig = ic_sig();
    snap.module.types.iter().enumerate().filter(|(_, t)| **t == sig).map(|(i, _)| i as u32).collect()
}

/// The engine's generic CacheIR interpreter (input function index).
fn generic_ic_func(snap: &Snapshot<'_>) -> Result<u32> {
    let facts = snap.engine.facts.ok_or(Error::NoAotProtocol { engine: snap.engine.spec.name })?;
    snap.module.table0.get(&facts.generic_ic_table_index).copied().ok_or_else(|| Error::EngineTable(format!(
        "table 0 has no function at the generic IC interpreter's index {}",
        facts.generic_ic_table_index
    )))
}

/// Counts IC chain starts in all engine code, and entries and guard failures of the generic
/// CacheIR interpreter.
fn plan_coverage(snap: &Snapshot<'_>, linker: &mut link::Linker<'_, '_>) -> Result<report::CoverageManifest> {
    let generic = generic_ic_func(snap)?;
    let m = report::CoverageManifest {
        chain_starts: "aotjs.cov.chain_starts".into(),
        generic_entries: "aotjs.cov.generic_entries".into(),
        generic_next: "aotjs.cov.generic_next".into(),
        stubs: Vec::new(),
        declined: Vec::new(),
    };
    let chain = linker.add_counter_global(m.chain_starts.clone());
    let g_entries = linker.add_counter_global(m.generic_entries.clone());
    let g_next = linker.add_counter_global(m.generic_next.clone());
    linker.set_counted_types(ic_types(snap));
    linker.set_default_counters(link::Counters { on_entry: None, before_call_indirect: Some(chain) });
    linker.set_counters(link::InFuncIdx(generic), link::Counters { on_entry: Some(g_entries), before_call_indirect: Some(g_next) });
    Ok(m)
}

/// What calls from stubs call, if every engine function keeps its signature and survives
/// linking and the module has both entry types.
fn stub_calls(snap: &Snapshot<'_>, linker: &link::Linker<'_, '_>, f: &runtime_abi::EngineFacts) -> Option<stubs::StubCalls> {
    let func = |idx: u32, params: usize, results: usize| checked_func(snap, linker, idx, &i32_sig(params, results));
    let s = &f.script;
    Some(stubs::StubCalls {
        script_type_index: type_index(snap, &script_sig())?,
        native_type_index: type_index(snap, &i32_sig(3, 1))?,
        generic_entry: func(s.generic_func, 8, 1)?,
        create_this: func(s.create_this_from_ic_func, 4, 1)?,
        report_over_recursed: func(s.report_over_recursed_func, 1, 0)?,
        cx_activation: s.cx_activation,
        activation_exit_fp: s.activation_exit_fp,
        cx_runtime: s.cx_runtime,
        pb_stack_top: s.pb_stack_top,
        new_plain_object: func(f.new_plain_object_func, 4, 1)?,
        new_array_object: func(f.new_array_object_func, 3, 1)?,
        new_array_from_length: func(f.new_array_from_length_func, 3, 1)?,
        set_property_megamorphic: func(f.set_property_megamorphic_func, 5, 1)?,
        set_element_megamorphic: func(f.set_element_megamorphic_func, 5, 1)?,
        set_array_length: func(f.set_array_length_func, 4, 1)?,
        call_native_getter: func(f.call_native_accessor_funcs[0], 4, 1)?,
        call_native_setter: func(f.call_native_accessor_funcs[1], 4, 1)?,
        new_typed_array_from_buffer: func(f.new_typed_array_from_buffer_func, 5, 1)?,
        bind_function: func(f.bind_function_funcs[0], 4, 1)?,
        bind_function_specialized: func(f.bind_function_funcs[1], 5, 1)?,
        object_to_iterator: func(f.object_to_iterator_func, 2, 1)?,
    })
}

/// Compiles every IC body the stub library supports and plans its slot. Identical generated
/// bodies share one function (except in coverage builds, where each stub has its counters).
fn plan_stubs(
    snap: &Snapshot<'_>,
    linker: &mut link::Linker<'_, '_>,
    slots: &mut Vec<(u32, link::OutFuncIdx)>,
    report: &mut Report,
    cache: &mut stubcache::StubCache,
) -> Result<()> {
    let sig = ic_sig();
    let ic_type_index = type_index(snap, &sig).ok_or_else(|| Error::EngineTable(
        "the engine has no function type (i64, i64, i32, i32) -> i64 for IC stubs".into(),
    ))?;
    let facts = snap.engine.facts;
    let array_class = facts.map(|f| f.array_class);
    let arguments_classes = facts.map(|f| f.arguments_classes);
    let f64_unary = snapshot::module::FuncSig { params: vec![wasmparser::ValType::F64], results: vec![wasmparser::ValType::F64] };
    let math_functions = facts.zip(type_index(snap, &f64_unary)).map(|(f, ty)| (f.unary_math_functions, f.unary_math_function_count, ty));
    // The barriered store is called directly; only if it survives linking under a new index.
    let store_sig = snapshot::module::FuncSig { params: vec![wasmparser::ValType::I32; 2], results: vec![] };
    let gcptr_value_set = facts.and_then(|f| checked_func(snap, linker, f.gcptr_value_set_func, &store_sig));
    let stack_pointer_global = facts.map_or(0, |f| f.stack_pointer_global);
    // Pure engine functions stubs call directly: only if each keeps its signature and
    // survives linking.
    let i32s = |n: usize| i32_sig(n, 1);
    let f64_binary = snapshot::module::FuncSig { params: vec![wasmparser::ValType::F64; 2], results: vec![wasmparser::ValType::F64] };
    let direct1 = |func: u32, sig: &snapshot::module::FuncSig| checked_func(snap, linker, func, sig);
    let direct = |funcs: [u32; 2], sigs: [&snapshot::module::FuncSig; 2]| -> Option<[u32; 2]> {
        Some([direct1(funcs[0], sigs[0])?, direct1(funcs[1], sigs[1])?])
    };
    let native_data_property = facts.and_then(|f| direct(f.native_data_property_funcs, [&i32s(4), &i32s(3)]));
    let has_native_data_property = facts.and_then(|f| direct(f.has_native_data_property_funcs, [&i32s(3), &i32s(3)]));
    let pow_fmod = facts.and_then(|f| direct(f.pow_fmod_funcs, [&f64_binary, &f64_binary]));
    let generic_ic = generic_ic_func(snap).ok().and_then(|f| linker.out_index(link::InFuncIdx(f))).map(|i| i.0);
    let calls = facts.and_then(|f| stub_calls(snap, linker, f));
    let grow_slots = facts.and_then(|f| direct1(f.grow_slots_pure_func, &i32s(3)));
    // Five engine functions of one signature, each kept and checked, or none.
    let direct_each = |funcs: [u32; 5], sig: &snapshot::module::FuncSig| -> Option<[u32; 5]> {
        funcs.iter().map(|&func| direct1(func, sig)).collect::<Option<Vec<u32>>>()?.try_into().ok()
    };
    let strings = facts.and_then(|f| {
        Some(stubs::StringFuncs {
            string_to_number: direct1(f.string_to_number_pure_func, &i32s(3))?,
            int32_to_string: direct1(f.int32_to_string_pure_func, &i32s(2))?,
            concat: direct1(f.concat_strings_func, &i32s(3))?,
            substring: direct1(f.substring_kernel_func, &i32s(4))?,
            index_from_string: direct1(f.get_index_from_string_func, &i32s(1))?,
            search: direct_each(f.string_search_funcs, &i32s(4))?,
            parse_int: direct1(f.number_parse_int_func, &i32s(4))?,
            number_to_string: direct1(
                f.number_to_string_func,
                &snapshot::module::FuncSig { params: vec![wasmparser::ValType::I32, wasmparser::ValType::F64], results: vec![wasmparser::ValType::I32] },
            )?,
            unary: direct_each(f.string_unary_funcs, &i32s(2))?,
            atomize: direct1(f.atomize_string_no_gc_func, &i32s(2))?,
        })
    });
    let value_ops = facts.and_then(|f| {
        let b = &f.value_ops;
        let as_n_sig = {
            use wasmparser::ValType::{I32, I64};
            snapshot::module::FuncSig { params: vec![I32, I32, I64], results: vec![I32] }
        };
        let each = |funcs: &[u32], sig: &snapshot::module::FuncSig| funcs.iter().map(|&func| direct1(func, sig)).collect::<Option<Vec<u32>>>();
        Some(stubs::ValueOpFuncs {
            binary: each(&b.binary_value_funcs, &i32s(4))?.try_into().ok()?,
            unary: each(&b.unary_value_funcs, &i32s(3))?.try_into().ok()?,
            as_n: each(&b.as_n_funcs, &as_n_sig)?.try_into().ok()?,
            equal: direct1(b.equal_func, &i32s(2))?,
            compare: each(&b.value_compare_funcs, &i32s(4))?.try_into().ok()?,
            map: each(&b.map_funcs, &i32s(4))?.try_into().ok()?,
            proxy_get: direct1(b.proxy_get_func, &i32s(5))?,
            proxy_set: direct1(b.proxy_set_func, &i32s(6))?,
            same_value: direct1(b.same_value_func, &i32s(4))?,
            engine_natives: each(&b.engine_natives, &i32s(3))?.try_into().ok()?,
        })
    });
    let regexp = facts.and_then(|f| {
        Some(stubs::RegExpFuncs {
            prototype_optimizable: direct1(f.regexp_prototype_optimizable_func, &i32s(2))?,
            instance_optimizable: direct1(f.regexp_instance_optimizable_func, &i32s(3))?,
            cx_last_limit: f.cx_regexp_searcher_last_limit,
        })
    });
    // GuardClass kinds whose classes the image names as expected.
    let class_named = |clasp: u32, name: &str| snap.image.u32(clasp).ok().and_then(|p| snap.image.c_str(p, 32)).as_deref() == Some(name);
    let guard_classes: Vec<runtime_abi::GuardClassFact> = facts
        .map_or(&[][..], |f| f.guard_classes)
        .iter()
        .filter(|g| g.classes.iter().all(|&c| class_named(c, g.name)))
        .copied()
        .collect();
    let engine_unimplemented = facts.map_or(&[][..], |f| f.ic_interpreter_unimplemented_ops);
    let static_strings = facts.map(|f| stubs::StaticStrings {
        cx_runtime: f.script.cx_runtime,
        facts: f.static_strings,
        string_from_char_code: direct1(f.static_strings.string_from_char_code_func, &i32s(2)),
    });
    let realm = facts.map(|f| stubs::RealmFacts {
        cx_realm: f.script.cx_realm,
        dead_object_proxy_handler: f.dead_object_proxy_handler,
        array_constructor_native: f.array_constructor_native,
    });
    let object_pure = facts.and_then(|f| direct(f.object_pure_funcs, [&i32s(4), &i32s(1)]));
    let set_typed_array_element_sig = {
        use wasmparser::ValType::{I32, I64};
        snapshot::module::FuncSig { params: vec![I32, I32, I64, I32, I32], results: vec![I32] }
    };
    let typed_array_pure = facts.and_then(|f| {
        let [length, get] = direct(f.typed_array_pure_funcs, [&i32_sig(2, 0), &i32s(3)])?;
        Some([length, get, direct1(f.set_typed_array_element_func, &set_typed_array_element_sig)?])
    });
    // The typed array class arrays, if the image names their first classes as expected.
    let typed_array_classes = facts
        .map(|f| f.typed_array_classes)
        .filter(|t| class_named(t.fixed_length, "Int8Array") && class_named(t.resizable, "Int8Array"));
    let mut by_body: std::collections::BTreeMap<Vec<u8>, link::OutFuncIdx> = std::collections::BTreeMap::new();
    // Request order is the engine's list order: deterministic for a given snapshot.
    for (r, ic) in snap.requests.ics() {
        let kind = snap.engine.cache_kind_name(ic.kind);
        let ops = match stubs::decode(&ic.code, &snap.engine) {
            Ok(ops) => ops,
            Err(e) => {
                report.decline_ic(&kind, &format!("ic: CacheIR does not decode: {e}"), None);
                continue;
            }
        };
        // Everything the generated code depends on, besides the generator itself (whose
        // `GENERATOR_ID` covers its source and runtime-abi's).
        let key = stubcache::StubCache::key(&[
            snap.engine.code_sha256.as_bytes(),
            &stubcache::facts_digest(facts),
            &[ic.kind, ic.stub_data_offset],
            &ic_type_index.to_le_bytes(),
            &gcptr_value_set.map_or(u32::MAX, |f| f).to_le_bytes(),
            &stack_pointer_global.to_le_bytes(),
            // (Class addresses and the other engine facts are in `facts_digest`; what follows
            // depends on the output module.)
            &generic_ic.unwrap_or(u32::MAX).to_le_bytes(),
            &math_functions.map_or(u32::MAX, |m| m.2).to_le_bytes(),
            &native_data_property.map_or([u32::MAX; 2], |n| n).map(u32::to_le_bytes).concat(),
            &has_native_data_property.map_or([u32::MAX; 2], |n| n).map(u32::to_le_bytes).concat(),
            &pow_fmod.map_or([u32::MAX; 2], |n| n).map(u32::to_le_bytes).concat(),
            format!("{calls:?}").as_bytes(),
            &grow_slots.map_or(u32::MAX, |g| g).to_le_bytes(),
            format!("{strings:?}").as_bytes(),
            format!("{value_ops:?}").as_bytes(),
            format!("{guard_classes:?}").as_bytes(),
            format!("{static_strings:?}").as_bytes(),
            format!("{regexp:?}").as_bytes(),
            format!("{typed_array_classes:?}").as_bytes(),
            &typed_array_pure.map_or([u32::MAX; 3], |n| n).map(u32::to_le_bytes).concat(),
            &object_pure.map_or([u32::MAX; 2], |n| n).map(u32::to_le_bytes).concat(),
            &ic.code,
        ]);
        let cached = if report.coverage.is_none() { cache.get(&key).cloned() } else { None };
        let mut env = stubs::StubEnv {
            ops: &snap.engine,
            stub_data_offset: ic.stub_data_offset as u32,
            ic_type_index,
            array_class,
            arguments_classes,
            guard_classes: &guard_classes,
            math_functions,
            native_data_property,
            has_native_data_property,
            pow_fmod,
            grow_slots,
            strings,
            value_ops,
            gcptr_value_set,
            stack_pointer_global,
            generic_ic,
            calls,
            counters: None,
            static_strings,
            regexp,
            typed_array_classes,
            typed_array_pure,
            dom_proxy_family_addr: facts.map(|f| f.dom_proxy_handler_family_addr),
            runtime_window_proxy_class: facts.map(|f| f.runtime_window_proxy_class),
            realm,
            object_pure,
            engine_unimplemented,
        };
        let result = match cached {
            Some(stubcache::CachedStub::Compiled(body)) => Ok(body),
            Some(stubcache::CachedStub::Declined(reason, op)) => {
                report.decline_ic(&kind, &reason, op.as_deref());
                continue;
            }
            None => {
                let r = stubs::compile(&ops, &env);
                if report.coverage.is_none() {
                    cache.insert(key, match &r {
                        Ok(body) => stubcache::CachedStub::Compiled(body.clone()),
                        Err(d) => stubcache::CachedStub::Declined(format!("ic: {d}"), Some(d.op().to_string())),
                    });
                }
                r
            }
        };
        match result {
            Ok(body) if report.coverage.is_some() => {
                let n = report.coverage.as_ref().map_or(0, |c| c.stubs.len());
                let (entries, fails, deferred) =
                    (format!("aotjs.cov.stub.{n}.entries"), format!("aotjs.cov.stub.{n}.fails"), format!("aotjs.cov.stub.{n}.deferred"));
                env.counters = Some(stubs::StubCounters {
                    entries: linker.add_counter_global(entries.clone()),
                    fails: linker.add_counter_global(fails.clone()),
                    deferred: linker.add_counter_global(deferred.clone()),
                });
                let counted = stubs::compile(&ops, &env).map_err(|d| Error::EngineTable(format!("stub compiled without counters but not with them: {d}")))?;
                report.stub_code_bytes += body.len() as u64;
                let f = linker.add_function(link::NewFunction { sig: sig.clone(), body: counted });
                slots.push((r.specialized, f));
                report.compile_ic(&kind, stubs::engine_failure_op(&ops, engine_unimplemented));
                let ops = ops.iter().map(|o| o.name.clone()).collect();
                if let Some(c) = report.coverage.as_mut() {
                    c.stubs.push(report::StubCoverage { entries, fails, deferred, kind: kind.clone(), bytes: body.len() as u64, ops });
                }
            }
            Ok(body) => {
                let f = match by_body.get(&body) {
                    Some(f) => *f,
                    None => {
                        report.stub_code_bytes += body.len() as u64;
                        let f = linker.add_function(link::NewFunction { sig: sig.clone(), body: body.clone() });
                        by_body.insert(body, f);
                        f
                    }
                };
                slots.push((r.specialized, f));
                report.compile_ic(&kind, stubs::engine_failure_op(&ops, engine_unimplemented));
            }
            Err(d) => {
                let reason = format!("ic: {d}");
                report.decline_ic(&kind, &reason, Some(d.op()));
                if let Some(c) = report.coverage.as_mut() {
                    let entries = format!("aotjs.cov.declined.{}.entries", c.declined.len());
                    let f = counting_trampoline(snap, linker, &sig, &entries)?;
                    slots.push((r.specialized, f));
                    let ops = ops.iter().map(|o| o.name.clone()).collect();
                    c.declined.push(report::DeclinedCoverage { entries, kind: kind.clone(), ops, reason });
                }
            }
        }
    }
    report.stub_functions = report.coverage.as_ref().map_or(by_body.len(), |c| c.stubs.len()) as u64;
    Ok(())
}

/// Coverage builds: a function for one declined body that counts its entries and calls the
/// engine's generic CacheIR interpreter with the same arguments, which is what the engine runs
/// for a body without compiled code. `entries` names its counter.
fn counting_trampoline(
    snap: &Snapshot<'_>,
    linker: &mut link::Linker<'_, '_>,
    sig: &snapshot::module::FuncSig,
    entries: &str,
) -> Result<link::OutFuncIdx> {
    use wasm_encoder::Instruction as I;
    let generic = linker.out_index(link::InFuncIdx(generic_ic_func(snap)?)).ok_or_else(|| Error::EngineTable(
        "the generic IC interpreter does not survive linking".into(),
    ))?;
    let counter = linker.add_counter_global(entries.to_string());
    let mut f = wasm_encoder::Function::new([]);
    for ins in [I::GlobalGet(counter), I::I64Const(1), I::I64Add, I::GlobalSet(counter)] {
        f.instruction(&ins);
    }
    for p in 0..4 {
        f.instruction(&I::LocalGet(p));
    }
    f.instruction(&I::Call(generic.0));
    f.instruction(&I::End);
    Ok(linker.add_function(link::NewFunction { sig: sig.clone(), body: f.into_raw_body() }))
}

/// The JSOp interpreter entry's Wasm signature: thirteen i32 parameters, an i32 result.
fn script_sig() -> snapshot::module::FuncSig {
    snapshot::module::FuncSig { params: vec![wasmparser::ValType::I32; 13], results: vec![wasmparser::ValType::I32] }
}

/// The output index of engine function `f`, after checking it has the signature aotjs calls it
/// with (a cheap probe that the facts describe this build).
fn engine_func(snap: &Snapshot<'_>, linker: &link::Linker<'_, '_>, f: u32, params: usize, results: usize, what: &str) -> Result<u32> {
    if !has_sig(snap, f, &i32_sig(params, results)) {
        return Err(Error::EngineTable(format!("function {f} is not {what} with the expected signature")));
    }
    linker.out_index(link::InFuncIdx(f)).map(|i| i.0).ok_or_else(|| Error::EngineTable(format!("{what} (function {f}) does not survive linking")))
}

/// Like [`engine_func`], for an optional engine function: `None` when it is missing, has
/// another signature or does not survive linking.
fn checked_func(snap: &Snapshot<'_>, linker: &link::Linker<'_, '_>, f: u32, sig: &snapshot::module::FuncSig) -> Option<u32> {
    has_sig(snap, f, sig).then_some(())?;
    linker.out_index(link::InFuncIdx(f)).map(|i| i.0)
}

/// Whether the engine has a function `f` (import or body) of signature `sig`.
fn has_sig(snap: &Snapshot<'_>, f: u32, sig: &snapshot::module::FuncSig) -> bool {
    let n = snap.module.num_func_imports() as usize + snap.module.bodies.len();
    (f as usize) < n && snap.module.func_sig(f) == sig
}

/// `params` i32s to `results` i32s: the signature of most engine functions aotjs calls.
fn i32_sig(params: usize, results: usize) -> snapshot::module::FuncSig {
    snapshot::module::FuncSig { params: vec![wasmparser::ValType::I32; params], results: vec![wasmparser::ValType::I32; results] }
}

/// The engine module's index of function type `sig`, if it has one.
fn type_index(snap: &Snapshot<'_>, sig: &snapshot::module::FuncSig) -> Option<u32> {
    snap.module.types.iter().position(|t| t == sig).map(|i| i as u32)
}

/// The engine functions compiled scripts call, checked and renumbered for the output.
fn lower_env<'f>(snap: &Snapshot<'_>, linker: &link::Linker<'_, '_>, facts: &'f runtime_abi::EngineFacts) -> Result<lower::LowerEnv<'f>> {
    let s = &facts.script;
    let ic_type_index = type_index(snap, &ic_sig()).ok_or_else(|| Error::EngineTable(
        "the engine has no function type (i64, i64, i32, i32) -> i64 for IC stubs".into(),
    ))?;
    Ok(lower::LowerEnv {
        facts: s,
        ic_type_index,
        stack_pointer_global: facts.stack_pointer_global,
        restart: engine_func(snap, linker, s.restart_func, 13, 1, "the interpreter's restart entry")?,
        generic: engine_func(snap, linker, s.generic_func, 8, 1, "the generic interpreter entry")?,
        callee_token_script: engine_func(snap, linker, s.callee_token_script_func, 1, 1, "CalleeToken -> script")?,
        set_interpreter_fields: engine_func(snap, linker, s.set_interpreter_fields_func, 2, 0, "setInterpreterFieldsForPrologue")?,
        init_function_env: engine_func(snap, linker, s.init_function_env_func, 2, 1, "InitFunctionEnvironmentObjects")?,
        lambda: engine_func(snap, linker, s.lambda_func, 3, 1, "js::Lambda")?,
        function_this: engine_func(snap, linker, s.function_this_func, 3, 1, "GetFunctionThis")?,
        del_prop: [
            engine_func(snap, linker, s.del_prop_func, 4, 1, "DelPropOperation<false>")?,
            engine_func(snap, linker, s.strict_del_prop_func, 4, 1, "DelPropOperation<true>")?,
        ],
        del_elem: [
            engine_func(snap, linker, s.del_elem_func, 4, 1, "DelElemOperation<false>")?,
            engine_func(snap, linker, s.strict_del_elem_func, 4, 1, "DelElemOperation<true>")?,
        ],
        new_arguments_object: engine_func(snap, linker, s.new_arguments_object_func, 3, 1, "NewArgumentsObject")?,
        arguments_set_arg: engine_func(snap, linker, s.arguments_set_arg_func, 3, 0, "ArgumentsObject::setArg")?,
        set_fun_name: engine_func(snap, linker, s.set_fun_name_func, 4, 1, "SetFunctionName")?,
        check_class_heritage: engine_func(snap, linker, s.check_class_heritage_func, 2, 1, "CheckClassHeritageOperation")?,
        mutate_proto: engine_func(snap, linker, s.mutate_proto_func, 3, 1, "MutatePrototype")?,
        delete_name: engine_func(snap, linker, s.delete_name_func, 4, 1, "DeleteNameOperation")?,
        init_prop_accessor: engine_func(snap, linker, s.init_prop_accessor_func, 5, 1, "InitPropGetterSetterOperation")?,
        init_elem_accessor: engine_func(snap, linker, s.init_elem_accessor_func, 5, 1, "InitElemGetterSetterOperation")?,
        to_string: engine_func(snap, linker, s.to_string_func, 2, 1, "ToStringSlow<CanGC>")?,
        handle_exception: engine_func(snap, linker, s.handle_exception_func, 1, 0, "HandleException")?,
        get_and_clear_exception: engine_func(snap, linker, s.get_and_clear_exception_func, 2, 1, "GetAndClearException")?,
        get_pending_exception_stack: engine_func(snap, linker, s.get_pending_exception_stack_func, 2, 1, "getPendingExceptionStack")?,
        throw: engine_func(snap, linker, s.throw_func, 2, 1, "ThrowOperation")?,
        throw_with_stack: engine_func(snap, linker, s.throw_with_stack_func, 3, 1, "ThrowWithStackOperation")?,
        freshen_lexical_env: engine_func(snap, linker, s.freshen_lexical_env_func, 2, 1, "freshenLexicalEnvironment")?,
        builtin_object: engine_func(snap, linker, s.builtin_object_func, 2, 1, "BuiltinObjectOperation")?,
        set_extended_slot: engine_func(snap, linker, s.set_extended_slot_func, 3, 0, "JSFunction::setExtendedSlot")?,
        obj_with_proto: engine_func(snap, linker, s.obj_with_proto_func, 2, 1, "ObjectWithProtoOperation")?,
        fun_with_proto: engine_func(snap, linker, s.fun_with_proto_func, 4, 1, "FunWithProtoOperation")?,
        recreate_lexical_env: engine_func(snap, linker, s.recreate_lexical_env_func, 2, 1, "recreateLexicalEnvironment")?,
        push_class_body_env: engine_func(snap, linker, s.push_class_body_env_func, 3, 1, "PushClassBodyEnv")?,
        new_symbol: engine_func(snap, linker, s.new_symbol_func, 3, 1, "JS::Symbol::new_")?,
        close_iterator: engine_func(snap, linker, s.close_iterator_func, 1, 0, "CloseIterator")?,
        push_lexical_env: engine_func(snap, linker, s.push_lexical_env_func, 3, 1, "PushLexicalEnv")?,
        ensure_dense_len: engine_func(snap, linker, s.ensure_dense_initialized_len_func, 2, 0, "ensureDenseInitializedLength")?,
        regexp_at_pc: engine_func(snap, linker, s.regexp_at_pc_func, 2, 1, "JSScript::getRegExp")?,
        clone_regexp: engine_func(snap, linker, s.clone_regexp_func, 2, 1, "CloneRegExpObject")?,
        init_dense_element: engine_func(snap, linker, s.init_dense_element_func, 3, 0, "initDenseElement")?,
        gcptr_value_set: engine_func(snap, linker, facts.gcptr_value_set_func, 2, 0, "GCPtr<Value>::set")?,
        inline_bodies: &[],
        direct_calls: direct_calls(snap, linker, facts)?,
        site_counters: None,
    })
}

/// The facts direct calls need, if the image confirms them: both function classes are JSClasses
/// named "Function", and the module has the interpreter entry's type (and `JSNative`'s, for
/// native callees).
fn direct_calls(snap: &Snapshot<'_>, linker: &link::Linker<'_, '_>, facts: &runtime_abi::EngineFacts) -> Result<Option<lower::DirectCalls>> {
    let named_function = |clasp: u32| snap.image.u32(clasp).ok().and_then(|name| snap.image.c_str(name, 16)).as_deref() == Some("Function");
    if !facts.function_classes.iter().all(|&c| named_function(c)) {
        return Ok(None);
    }
    let Some(script_type_index) = type_index(snap, &script_sig()) else { return Ok(None) };
    let create_this = engine_func(snap, linker, facts.script.create_this_from_ic_func, 4, 1, "CreateThisFromIC")?;
    Ok(Some(lower::DirectCalls {
        function_classes: facts.function_classes,
        script_type_index,
        create_this,
        native_type_index: type_index(snap, &i32_sig(3, 1)),
        generic_ic_table_index: facts.generic_ic_table_index,
    }))
}

/// Lowers one script request: the function body, or why it stays interpreted.
fn lower_one(
    snap: &Snapshot<'_>,
    env: &lower::LowerEnv<'_>,
    origins: &std::collections::HashMap<u32, snapshot::scripts::ScriptOrigin>,
    r: &snapshot::requests::Request,
    script: &snapshot::requests::ScriptRequest,
) -> Result<std::result::Result<lower::Lowered, lower::Decline>> {
    // Flags are read at run time too; the image's copy tells async functions and generators
    // apart, which the engine never runs compiled (a justified decline, not a missing op).
    let immutable_flags = match origins.get(&r.specialized) {
        Some(o) => snap.image.u32(o.script_addr + runtime_abi::layout::script::IMMUTABLE_FLAGS)?,
        None => 0,
    };
    let ops = match bytecode::decode(&snap.engine, &script.bytecode) {
        Ok(ops) => ops,
        Err(e) => return Ok(Err(lower::Decline::why(format!("malformed bytecode: {e}")))),
    };
    let notes = match bytecode::notes::parse(&script.isd) {
        Ok(n) => n,
        Err(e) => return Ok(Err(lower::Decline::why(format!("ImmutableScriptData notes do not parse: {e}")))),
    };
    let input = lower::ScriptInput {
        ops: &ops,
        notes: &notes,
        nfixed: script.nfixed as u32,
        nslots: script.isd_u32(runtime_abi::layout::isd::NSLOTS).unwrap_or(0),
        num_ic_entries: script.isd_u32(runtime_abi::layout::isd::NUM_IC_ENTRIES).unwrap_or(0),
        args_obj_aliases_formals: script.args_obj_aliases_formals,
        immutable_flags,
    };
    Ok(lower::compile_script(&snap.engine, env, &input))
}

/// Compiles every script the script compiler supports and plans its slot.
/// The compiled IC bodies the script compiler can run inline at a site, with the table index
/// the engine will give every stub of that body (`slots` must be the IC slots, in the order
/// `finish` gets them).
fn inline_bodies(snap: &Snapshot<'_>, linker: &link::Linker<'_, '_>, slots: &[(u32, link::OutFuncIdx)]) -> Result<Vec<lower::InlineBody>> {
    let shapes = inline_shapes(snap);
    let mut out: Vec<lower::InlineBody> = Vec::new();
    for (n, (addr, _)) in slots.iter().enumerate() {
        let Some(&shape) = shapes.get(addr) else { continue };
        let table_index = linker.table_index_of_slot(n)?;
        match out.last_mut() {
            Some(g) if g.shape == shape && g.table_index + g.count == table_index => g.count += 1,
            _ => out.push(lower::InlineBody { table_index, count: 1, shape }),
        }
    }
    Ok(out)
}

/// The inline shape of every IC body the script compiler can run at a site, by request address.
fn inline_shapes(snap: &Snapshot<'_>) -> std::collections::HashMap<u32, lower::InlineShape> {
    let mut out = std::collections::HashMap::new();
    for (r, ic) in snap.requests.ics() {
        let kind = snap.engine.cache_kind_name(ic.kind);
        let Ok(ops) = stubs::decode(&ic.code, &snap.engine) else { continue };
        let names: Vec<(&str, &[u8])> = ops.iter().map(|o| (o.name.as_str(), o.args)).collect();
        if let Some(shape) = lower::InlineShape::recognise(&kind, &names, ic.stub_data_offset as u32) {
            out.insert(r.specialized, shape);
        }
    }
    out
}

/// Orders the IC slots so bodies with the same inline shape get consecutive table indices (a
/// site then checks a group with one range compare), the rest after them; by address within
/// a group, so the order is deterministic.
fn order_ic_slots(snap: &Snapshot<'_>, slots: &mut [(u32, link::OutFuncIdx)]) {
    let shapes = inline_shapes(snap);
    slots.sort_by_key(|&(addr, f)| (shapes.get(&addr).is_none(), shapes.get(&addr).copied(), addr, f.0));
}

fn plan_scripts(
    snap: &Snapshot<'_>,
    linker: &mut link::Linker<'_, '_>,
    slots: &mut Vec<(u32, link::OutFuncIdx)>,
    report: &mut Report,
    predicted: &[lower::InlineBody],
    opts: &CompileOptions,
) -> Result<()> {
    let facts = snap.engine.facts.ok_or(Error::NoAotProtocol { engine: snap.engine.spec.name })?;
    let counters = lower::SiteCounters::new(linker.next_counter_global());
    let mut env = lower_env(snap, linker, facts)?;
    env.inline_bodies = predicted;
    if !opts.direct_calls {
        env.direct_calls = None;
    }
    if opts.site_counters {
        env.site_counters = Some(&counters);
    }
    let origins = snapshot::scripts::origins(&snap.image, &snap.requests);
    for (r, script) in snap.requests.scripts() {
        let mark = counters.start_script(r.specialized);
        match lower_one(snap, &env, &origins, r, script)? {
            Ok(lower::Lowered { body, .. }) => {
                report.script_code_bytes += body.len() as u64;
                let f = linker.add_function(link::NewFunction { sig: script_sig(), body });
                slots.push((r.specialized, f));
                report.compile_script();
                if opts.site_counters {
                    list_sites(snap, &env, origins.get(&r.specialized), r, script, report);
                }
            }
            Err(d) => {
                // The body is dropped, so are the counters it named.
                counters.drop_since(mark);
                report.decline_script(&d);
                if d.engine_never_enters && opts.trap_scripts_engine_never_enters {
                    let f = linker.add_function(link::NewFunction { sig: script_sig(), body: lower::TRAP_BODY.to_vec() });
                    slots.push((r.specialized, f));
                }
            }
        }
    }
    for name in counters.take_names() {
        linker.add_counter_global(name);
    }
    Ok(())
}

/// Lists the counted sites of one compiled script in the report (the same ops the lowering
/// counted: those whose plan is not just the chain).
fn list_sites(
    snap: &Snapshot<'_>,
    env: &lower::LowerEnv<'_>,
    origin: Option<&snapshot::scripts::ScriptOrigin>,
    r: &snapshot::requests::Request,
    script: &snapshot::requests::ScriptRequest,
    report: &mut Report,
) {
    for (op, plan) in planned_sites(snap, env, script) {
        if plan == lower::SitePlan::Chain {
            continue;
        }
        let name = |what| lower::SiteCounters::name(r.specialized, op.offset, what);
        report.sites.push(report::SiteCoverage {
            script: origin.and_then(|o| o.name.clone()),
            line: origin.map(|o| o.line),
            offset: op.offset,
            op: op.name,
            plan: plan.describe(),
            entered: name("entered"),
            chain: name("chain"),
        });
    }
}

/// Every IC op of a script with its site's plan under `env`; none if the bytecode does not
/// decode (such a script is declined anyway).
fn planned_sites(snap: &Snapshot<'_>, env: &lower::LowerEnv<'_>, script: &snapshot::requests::ScriptRequest) -> Vec<(bytecode::Op, lower::SitePlan)> {
    let ops = bytecode::decode(&snap.engine, &script.bytecode).unwrap_or_default();
    ops.into_iter().filter(|o| o.has_ic).map(|o| {
        let plan = lower::SitePlan::of(&o.name, env);
        (o, plan)
    }).collect()
}

/// The lowering of every script request, keyed by its `specialized` slot: the generated
/// function as a listing of Wasm operators, or why the script stays interpreted. For
/// `aotjs inspect --lowered` and the lowering goldens.
pub fn lowered_listings(snap: &Snapshot<'_>) -> Result<std::collections::BTreeMap<u32, std::result::Result<Vec<String>, String>>> {
    let listings = with_listing_env(snap, |env| {
        let origins = snapshot::scripts::origins(&snap.image, &snap.requests);
        let mut out = std::collections::BTreeMap::new();
        for (r, script) in snap.requests.scripts() {
            let listing = match lower_one(snap, env, &origins, r, script)? {
                Ok(lowered) => {
                    let ops = bytecode::decode(&snap.engine, &script.bytecode).unwrap_or_default();
                    Ok(wat_listing(snap, &lowered, &ops))
                }
                Err(d) => Err(d.reason),
            };
            out.insert(r.specialized, listing);
        }
        Ok(out)
    })?;
    Ok(listings.unwrap_or_default())
}

/// What each IC site of each script request does when compiled, keyed by the request's
/// `specialized` slot and the op's bytecode offset: the inline bodies it checks, a direct
/// call, or just its chain (`lower::SitePlan`). For `aotjs inspect --ics`.
pub fn site_plans(snap: &Snapshot<'_>) -> Result<std::collections::BTreeMap<u32, std::collections::BTreeMap<u32, lower::SitePlan>>> {
    let plans = with_listing_env(snap, |env| {
        let mut out = std::collections::BTreeMap::new();
        for (r, script) in snap.requests.scripts() {
            let sites = planned_sites(snap, env, script).into_iter().map(|(o, plan)| (o.offset, plan)).collect();
            out.insert(r.specialized, sites);
        }
        Ok(out)
    })?;
    Ok(plans.unwrap_or_default())
}

/// Runs `f` with the lowering environment `compile` gives scripts (the same stub plan, so
/// sites predict the same bodies); `None` for an aotjs output, which has no requests left and
/// whose function indices are no longer the engine's.
fn with_listing_env<T>(snap: &Snapshot<'_>, f: impl FnOnce(&lower::LowerEnv<'_>) -> Result<T>) -> Result<Option<T>> {
    let facts = snap.engine.facts.ok_or(Error::NoAotProtocol { engine: snap.engine.spec.name })?;
    if snap.is_compiled()? || snap.module.custom_section(report::METADATA_SECTION).is_some() {
        return Ok(None);
    }
    let mut linker = link::Linker::new(&snap.module)?;
    let mut slots = Vec::new();
    plan_stubs(snap, &mut linker, &mut slots, &mut Report::new(snap), &mut stubcache::StubCache::new())?;
    order_ic_slots(snap, &mut slots);
    let predicted = inline_bodies(snap, &linker, &slots)?;
    let mut env = lower_env(snap, &linker, facts)?;
    env.inline_bodies = &predicted;
    f(&env).map(Some)
}

/// A compiled script function as standard Wasm text (wasmprinter), with a comment line where
/// each part of the script begins: the prologue, each JS op (as the disassembly shows it), the
/// epilogue. Type indices are the engine's; function and global indices are the output
/// module's.
fn wat_listing(snap: &Snapshot<'_>, lowered: &lower::Lowered, ops: &[bytecode::Op]) -> Vec<String> {
    let Some((module, body_start)) = listing_module(snap, &lowered.body) else {
        return vec![";; (no listing: the engine has no type for script functions)".to_string()];
    };
    let mut storage = String::new();
    let lines = match wasmprinter::Config::new().offsets_and_lines(&module, &mut storage) {
        Ok(lines) => lines.collect::<Vec<_>>(),
        Err(e) => return vec![format!(";; (no listing: {e})")],
    };
    let label = |m: lower::Mark| match m {
        lower::Mark::Prologue => ";; prologue: frame, arguments, environment objects".to_string(),
        lower::Mark::Op(i) => ops.get(i).map(|op| format!(";; {op}")).unwrap_or_else(|| format!(";; op {i}")),
        lower::Mark::Epilogue => ";; epilogue: return and exits".to_string(),
    };
    let mut marks = lowered.marks.iter().map(|(at, m)| (body_start + at, *m)).peekable();
    let mut out = Vec::new();
    let mut in_func = false;
    for (offset, line) in lines {
        let text = line.trim_end();
        in_func |= text.trim_start().starts_with("(func");
        if !in_func {
            continue;
        }
        if let Some(at) = offset {
            let indent: String = text.chars().take_while(|c| c.is_whitespace()).collect();
            while let Some((_, m)) = marks.next_if(|(m_at, _)| *m_at <= at) {
                out.push(format!("{indent}{}", label(m)));
            }
        }
        out.push(text.to_string());
    }
    out
}

/// A module holding just `body` as a script function (the engine's types, so type indices
/// print as the engine's), and the offset of the body's first byte in it.
fn listing_module(snap: &Snapshot<'_>, body: &[u8]) -> Option<(Vec<u8>, usize)> {
    let ty = type_index(snap, &script_sig())?;
    let types = snap.module.sections.iter().find(|s| s.id == 1)?;
    let mut funcs = wasm_encoder::FunctionSection::new();
    funcs.function(ty);
    let mut code = wasm_encoder::CodeSection::new();
    code.raw(body);
    let mut m = wasm_encoder::Module::new();
    m.section(&wasm_encoder::RawSection { id: 1, data: types.data }).section(&funcs).section(&code);
    let bytes = m.finish();
    let start = wasmparser::Parser::new(0).parse_all(&bytes).find_map(|p| match p {
        Ok(wasmparser::Payload::CodeSectionEntry(f)) => Some(f.range().start),
        _ => None,
    })?;
    Some((bytes, start))
}

/// Empties the pending list in the image, as the engine expects of a compiled module.
fn unlink_requests(image: &mut MemoryImage, requests: &Requests) -> Result<()> {
    for r in &requests.list {
        image.write_u32(r.addr + req::NEXT, 0)?;
        image.write_u32(r.addr + req::PREV, 0)?;
    }
    image.write_u32(requests.head_addr, 0)
}
