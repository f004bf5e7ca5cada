//! The script compiler: one JSScript's bytecode lowered to a Wasm function with the engine's
//! interpreter-entry signature and frame protocol.
//!
//! The generated function does what `PortableBaselineInterpret<Specialized>` does for this one
//! script, without dispatch or decoding:
//!
//! ```text
//!  ops ──analysis.rs──> blocks, stack depths, IC indices
//!      ──ops.rs (one table: class + emitter per JSOp)──> per-op code
//!          values through vstack.rs (typed locations; the frame written only where the
//!          engine looks), numbers through arith.rs, IC and helper calls through calls.rs,
//!          jumps through control.rs, prologue/epilogue/exits through frame.rs
//!      ──> one Wasm function (13 × i32 -> i32), validated in tests
//! ```
//!
//! - **Prologue** as the interpreter's (`frame.rs`); too little stack hands the call to the
//!   engine's generic interpreter, which reports over-recursion.
//! - **Values have locations** (`vstack.rs`): an operand is in its frame slot, a constant, a
//!   lazy read of a local, or a Wasm local holding a boxed Value, an int32, a number or a
//!   boolean. The frame is written before every call that can GC or throw, on exit paths and
//!   at block edges, and a Value that may be a GC thing never stays in a Wasm local across a
//!   call (the GC moves objects).
//! - **IC ops** call the site's chain through table 0, as the interpreter does; numbers and
//!   booleans are handled inline first (`arith.rs`).
//! - **Errors** leave through the engine's restart entry (`PBIResult::Error`); ops that only
//!   throw, the throwing side of checks, and the rare slow result of a numeric op hand the
//!   frame to the engine's interpreter at a pc (`PBIResult::Unwind`).
//! - A script with an op this compiler does not lower is declined, with the op named.

pub mod analysis;
mod arith;
mod calls;
mod control;
mod direct;
mod frame;
mod inline;
pub mod ops;
mod simple;
#[cfg(test)]
mod tests;
pub mod vstack;

use crate::bytecode::{Op, Operand};
use crate::snapshot::engine::Engine;
use analysis::Analysis;
use runtime_abi::layout::frame as bf;
use runtime_abi::script::{self as sf, param, ScriptFacts};
use std::collections::BTreeMap;
use vstack::{Cached, Entry};
use wasm_encoder::{Function, Instruction as I, MemArg, ValType};

/// Output-module indices a compiled script calls.
#[derive(Clone, Copy, Debug)]
pub struct LowerEnv<'a> {
    pub facts: &'a ScriptFacts,
    pub ic_type_index: u32,
    pub stack_pointer_global: u32,
    pub restart: u32,
    pub generic: u32,
    pub callee_token_script: u32,
    pub set_interpreter_fields: u32,
    pub init_function_env: u32,
    pub lambda: u32,
    pub function_this: u32,
    /// `DelPropOperation` and `DelElemOperation`, each `[sloppy, strict]`.
    pub del_prop: [u32; 2],
    pub del_elem: [u32; 2],
    pub new_arguments_object: u32,
    pub arguments_set_arg: u32,
    pub close_iterator: u32,
    pub set_fun_name: u32,
    pub check_class_heritage: u32,
    pub mutate_proto: u32,
    pub delete_name: u32,
    pub init_prop_accessor: u32,
    pub init_elem_accessor: u32,
    pub to_string: u32,
    pub handle_exception: u32,
    pub get_and_clear_exception: u32,
    pub get_pending_exception_stack: u32,
    pub throw: u32,
    pub throw_with_stack: u32,
    pub freshen_lexical_env: u32,
    pub builtin_object: u32,
    pub set_extended_slot: u32,
    pub obj_with_proto: u32,
    pub fun_with_proto: u32,
    pub recreate_lexical_env: u32,
    pub push_class_body_env: u32,
    pub new_symbol: u32,
    pub push_lexical_env: u32,
    pub ensure_dense_len: u32,
    pub init_dense_element: u32,
    pub regexp_at_pc: u32,
    pub clone_regexp: u32,
    pub gcptr_value_set: u32,
    /// IC bodies the stub library compiled that sites may run inline (`inline.rs`).
    pub inline_bodies: &'a [InlineBody],
    /// What calls need to enter a compiled callee directly (`direct.rs`); `None` when the
    /// engine's facts could not be confirmed, and every call goes through its IC chain.
    pub direct_calls: Option<DirectCalls>,
    /// Counters of what each predicted site did (`aotjs coverage --sites`); `None` normally.
    pub site_counters: Option<&'a SiteCounters>,
}

/// Counter globals for compiled IC sites, allocated while scripts are lowered: each is named
/// `aotjs.cov.site.<script>.<offset>.<what>`, and gets the global index `base + position`
/// (the linker adds them in this order afterwards). A name asked for again (a script is
/// lowered more than once while its locals' types settle) keeps its global.
#[derive(Debug)]
pub struct SiteCounters {
    base: u32,
    /// The script being lowered (its request's `specialized` slot), part of each name.
    script: std::cell::Cell<u32>,
    names: std::cell::RefCell<Vec<String>>,
    index: std::cell::RefCell<std::collections::HashMap<String, u32>>,
}

impl SiteCounters {
    pub fn new(base: u32) -> Self {
        SiteCounters { base, script: std::cell::Cell::new(0), names: Default::default(), index: Default::default() }
    }
    /// The export name of a site counter.
    pub fn name(script: u32, offset: u32, what: &str) -> String {
        format!("aotjs.cov.site.{script:x}.{offset}.{what}")
    }
    /// Starts a script; returns a mark to `drop_since` if the script is declined.
    pub fn start_script(&self, script: u32) -> usize {
        self.script.set(script);
        self.names.borrow().len()
    }
    /// Forgets the counters named since `mark` (their script's body was dropped).
    pub fn drop_since(&self, mark: usize) {
        let mut index = self.index.borrow_mut();
        for name in self.names.borrow_mut().drain(mark..) {
            index.remove(&name);
        }
    }
    /// Every counter's name, in global-index order.
    pub fn take_names(&self) -> Vec<String> {
        self.index.borrow_mut().clear();
        self.names.take()
    }
    fn global(&self, offset: u32, what: &str) -> u32 {
        let name = Self::name(self.script.get(), offset, what);
        if let Some(&g) = self.index.borrow().get(&name) {
            return g;
        }
        let mut names = self.names.borrow_mut();
        let g = self.base + names.len() as u32;
        names.push(name.clone());
        self.index.borrow_mut().insert(name, g);
        g
    }
}

/// Facts a direct call relies on, confirmed against the snapshot.
#[derive(Clone, Copy, Debug)]
pub struct DirectCalls {
    /// `FunctionClass` and `ExtendedFunctionClass`.
    pub function_classes: [u32; 2],
    /// Type index of the interpreter-entry signature (13 × i32 -> i32).
    pub script_type_index: u32,
    /// `CreateThisFromIC` (output function index), for constructing calls.
    pub create_this: u32,
    /// Type index of `JSNative` (`(cx, argc, vp) -> bool`, 3 × i32 -> i32): natives are
    /// called directly when the module has it.
    pub native_type_index: Option<u32>,
    /// The generic CacheIR interpreter's table index: a site whose first stub has this code
    /// has no compiled body to keep, so natives are called directly there.
    pub generic_ic_table_index: u32,
}

pub use inline::{predicted_groups, InlineBody, InlineShape};

/// What a compiled IC site does before (or instead of) calling its IC chain: for listings
/// that explain the compiler's predictions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SitePlan {
    /// Runs these groups of stub-library bodies inline when the site's first stub (for
    /// property sites, its first or second) has one.
    Inline(Vec<InlineBody>),
    /// Enters the callee's compiled function when the callee has one; calls a native callee
    /// directly when the site's first stub has no compiled body.
    DirectCall,
    /// `new`: makes `this` and enters the constructor's compiled function when it has one.
    DirectConstruct,
    /// Calls the chain; arithmetic, comparisons and branches handle numbers and booleans
    /// inline first (`arith.rs`, `control.rs`).
    Chain,
}

impl SitePlan {
    /// The plan of a site of JSOp `op` under `env`. Predictions come from the stub library's
    /// compiled bodies for the op's CacheKind; a site's own IC state in the snapshot is not
    /// consulted.
    pub fn of(op: &str, env: &LowerEnv<'_>) -> SitePlan {
        let groups = predicted_groups(op, env.inline_bodies);
        if !groups.is_empty() {
            SitePlan::Inline(groups)
        } else if let (Some(_), Some(shape)) = (env.direct_calls, direct::call_shape(op)) {
            match shape {
                direct::CallShape::Call => SitePlan::DirectCall,
                direct::CallShape::Construct => SitePlan::DirectConstruct,
            }
        } else {
            SitePlan::Chain
        }
    }

    /// One line: `inline: fixed slot read (3 bodies), ...; else the chain`.
    pub fn describe(&self) -> String {
        match self {
            SitePlan::Inline(groups) => {
                // Groups of one shape kind (differing in field offsets) count together.
                let mut kinds: Vec<(&str, u32)> = Vec::new();
                for g in groups {
                    match kinds.iter_mut().find(|(n, _)| *n == g.shape.name()) {
                        Some((_, c)) => *c += g.count,
                        None => kinds.push((g.shape.name(), g.count)),
                    }
                }
                let parts: Vec<String> = kinds.iter().map(|(n, c)| format!("{n} ({c} bod{})", if *c == 1 { "y" } else { "ies" })).collect();
                format!("inline: {}; else the chain", parts.join(", "))
            }
            SitePlan::DirectCall => {
                "direct call of a compiled scripted callee, or of a native where the site has no compiled stub; else the chain".into()
            }
            SitePlan::DirectConstruct => "direct `new` of a compiled scripted constructor; else the chain".into(),
            SitePlan::Chain => "the chain (after the inline path for numbers and booleans, where the op has one)".into(),
        }
    }
}

/// One script to compile: its request and what the image says of its JSScript.
pub struct ScriptInput<'a> {
    pub ops: &'a [Op],
    /// Resume offsets, scope notes and try notes from the script's ImmutableScriptData.
    pub notes: &'a crate::bytecode::notes::ScriptNotes,
    pub nfixed: u32,
    pub nslots: u32,
    pub num_ic_entries: u32,
    pub args_obj_aliases_formals: bool,
    pub immutable_flags: u32,
}

/// Why a script is not compiled; `op` names the op that stopped it, when one did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decline {
    pub reason: String,
    pub op: Option<String>,
    /// The engine never runs this script compiled, whatever is compiled for it (it refuses to
    /// enter it, or the script never runs again): a justified decline, not work left to do.
    pub engine_never_enters: bool,
}

/// A function body (no locals, `unreachable`) for `CompileOptions::trap_scripts_engine_never_enters`.
pub const TRAP_BODY: [u8; 3] = [0x00, 0x00, 0x0b];

impl Decline {
    pub(crate) fn op(op: &str) -> Self {
        Decline { reason: format!("script: op {op} is not lowered yet"), op: Some(op.to_string()), engine_never_enters: false }
    }
    pub(crate) fn why(reason: impl Into<String>) -> Self {
        Decline { reason: format!("script: {}", reason.into()), op: None, engine_never_enters: false }
    }
    /// Bytecode the engine would never produce (an operand out of range): reported as such,
    /// not as work left to do.
    pub(crate) fn malformed(what: impl Into<String>) -> Self {
        Decline { reason: format!("script: malformed bytecode: {}", what.into()), op: None, engine_never_enters: false }
    }
    /// A script the engine never runs through its compiled function (it refuses to enter it,
    /// or the script never runs again).
    pub(crate) fn engine_never_enters(reason: impl Into<String>) -> Self {
        Decline { engine_never_enters: true, ..Decline::why(reason) }
    }
}

pub use ops::{bails_out, op_supported};

/// Where in a compiled function's code a part of the script begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Prologue,
    /// The op at this index of `ScriptInput::ops`.
    Op(usize),
    Epilogue,
}

/// A script's compiled function.
pub struct Lowered {
    /// The function body (locals and code, without its size prefix).
    pub body: Vec<u8>,
    /// (byte offset in `body`, what begins there), in order: for listings.
    pub marks: Vec<(usize, Mark)>,
}

/// Why generators and async functions are declined. The engine decides per call whether a
/// script may run in the portable baseline interpreter, whose function a compiled script
/// replaces, and refuses every generator and async function
/// (`CanEnterPortableBaselineInterpreter`); they run in its C++ interpreter, which cannot
/// enter compiled code, and resuming one is a C++-interpreter operation too. Tested:
/// `generators_and_async_functions_never_enter_compiled_code` fills them with traps.
pub const REASON_GENERATOR_OR_ASYNC: &str =
    "generators and async functions always run in the engine's C++ interpreter (it never enters their compiled function)";

/// Why the script with `SetIntrinsic` is declined: only the self-hosted global's setup script
/// has that op, and it runs once, when the engine starts, before any snapshot is taken.
pub const REASON_SELF_HOSTING_SETUP: &str =
    "the self-hosted global's setup script (SetIntrinsic) runs once, when the engine starts, and never again";

/// Checks that a script can be compiled and compiles it: the function body (locals and code).
pub fn compile_script(engine: &Engine, env: &LowerEnv<'_>, input: &ScriptInput<'_>) -> Result<Lowered, Decline> {
    let flags = input.immutable_flags;
    if flags & (sf::FLAG_IS_ASYNC | sf::FLAG_IS_GENERATOR) != 0 {
        return Err(Decline::engine_never_enters(REASON_GENERATOR_OR_ASYNC));
    }
    if input.ops.iter().any(|o| o.name == "SetIntrinsic") {
        return Err(Decline::engine_never_enters(REASON_SELF_HOSTING_SETUP));
    }
    if let Some(op) = input.ops.iter().find(|o| !op_supported(&o.name)) {
        return Err(Decline::op(&op.name));
    }
    let a = analysis::analyse(engine, input.ops, input.notes, input.num_ic_entries).map_err(|e| if e.malformed { Decline::malformed(e.message) } else { Decline::why(e.message) })?;
    // Locals are typed optimistically: assume every local holds int32s wherever it is
    // definitely assigned, lower, and see what the lowering stores. If every store fits the
    // assumption, the assumption holds at run time (by induction over the stores) and this
    // lowering is the result; otherwise weaken (int32 -> number -> unknown) and lower again.
    const MAX_TYPING_PASSES: usize = 4;
    let mut assumed = vec![analysis::LocalTy::Int32; input.nfixed as usize];
    for pass in 0..=MAX_TYPING_PASSES {
        let last = pass == MAX_TYPING_PASSES;
        if last {
            assumed.fill(analysis::LocalTy::Unknown);
        }
        let mut l = Lower::new(env, input, &a, analysis::typed_locals_at_blocks(&a, input.ops, &assumed));
        l.mark(Mark::Prologue);
        l.prologue();
        l.body()?;
        let weaker: Vec<_> = assumed.iter().zip(&l.local_stores).map(|(a, s)| a.join(*s)).collect();
        if weaker == assumed || last {
            l.mark(Mark::Epilogue);
            l.epilogue();
            let locals = l.local_types.len();
            let lowered = l.finish();
            within_wasm_limits(lowered.body.len(), locals)?;
            return Ok(lowered);
        }
        assumed = weaker;
    }
    unreachable!("the last typing pass assumes nothing and always returns")
}

/// The largest function body and the most locals a Wasm engine accepts (the limits of the
/// JS embedding API, which wasmparser and Wasmtime enforce).
pub const MAX_FUNCTION_BODY_BYTES: usize = 7_654_321;
pub const MAX_FUNCTION_LOCALS: usize = 50_000;

/// A script whose function would break a Wasm limit (a class with thousands of members, say)
/// stays interpreted, with the reason.
fn within_wasm_limits(body_bytes: usize, locals: usize) -> Result<(), Decline> {
    if body_bytes > MAX_FUNCTION_BODY_BYTES {
        return Err(Decline::why(format!("its function would be {body_bytes} bytes, over Wasm's limit of {MAX_FUNCTION_BODY_BYTES}")));
    }
    if locals > MAX_FUNCTION_LOCALS {
        return Err(Decline::why(format!("its function would need {locals} locals, over Wasm's limit of {MAX_FUNCTION_LOCALS}")));
    }
    Ok(())
}

/// The protocol's own Wasm locals, allocated once per function.
pub(crate) struct Proto {
    pub frame: u32,
    pub ctx: u32,
    pub ic0: u32,
    /// Block index for the back-edge dispatch.
    pub state: u32,
    /// Exit code and operands for the restart entry.
    pub code: u32,
    pub pcoff: u32,
    pub sperr: u32,
    pub shadow: u32,
    /// Base of the frame's slots: every slot is a constant offset from it.
    pub low: u32,
    pub saved_top: u32,
    pub exit_fp: u32,
    /// IC operands and result.
    pub a: u32,
    pub b: u32,
    pub r: u32,
    /// Scratch for boxing numbers.
    pub tf: u32,
    pub t32: u32,
}

/// Lowers one script.
pub(crate) struct Lower<'e> {
    pub env: &'e LowerEnv<'e>,
    pub input: &'e ScriptInput<'e>,
    pub a: &'e Analysis,
    /// Generated code (a cell so emitting reads like one chain of instructions).
    pub code: std::cell::RefCell<Vec<u8>>,
    /// Types of the locals after the parameters, in index order.
    pub local_types: Vec<ValType>,
    pub free: [Vec<u32>; 3],
    pub p: Proto,
    pub vs: Vec<Entry>,
    /// Per fixed slot: its value held in a Wasm local, if any.
    pub cache: Vec<Option<Cached>>,
    pub cache_locals: BTreeMap<(u32, usize), u32>,
    /// Per fixed slot: the join of the static types of every store so far (what a typing pass
    /// learns).
    pub local_stores: Vec<analysis::LocalTy>,
    /// Per block, per fixed slot: the type it holds at the block's start (assumed by this pass).
    pub locals_at_block: Vec<Vec<analysis::LocalTy>>,
    /// Wasm blocks opened inside the current op's code (added to every branch depth).
    pub nest: u32,
    pub block: usize,
    pub nblocks: usize,
    /// (offset in `code`, what begins there).
    pub marks: Vec<(usize, Mark)>,
}

pub(crate) fn m(offset: u32, align: u32) -> MemArg {
    MemArg { offset: offset as u64, align, memory_index: 0 }
}

impl<'e> Lower<'e> {
    fn new(env: &'e LowerEnv<'e>, input: &'e ScriptInput<'e>, a: &'e Analysis, locals_at_block: Vec<Vec<analysis::LocalTy>>) -> Self {
        let placeholder = Proto { frame: 0, ctx: 0, ic0: 0, state: 0, code: 0, pcoff: 0, sperr: 0, shadow: 0, low: 0, saved_top: 0, exit_fp: 0, a: 0, b: 0, r: 0, tf: 0, t32: 0 };
        let mut l = Lower {
            env,
            input,
            a,
            code: std::cell::RefCell::new(Vec::new()),
            local_types: Vec::new(),
            free: [Vec::new(), Vec::new(), Vec::new()],
            p: placeholder,
            vs: Vec::new(),
            cache: vec![None; input.nfixed as usize],
            cache_locals: BTreeMap::new(),
            local_stores: vec![analysis::LocalTy::NoStore; input.nfixed as usize],
            locals_at_block,
            nest: 0,
            block: 0,
            nblocks: a.block_starts.len(),
            marks: Vec::new(),
        };
        let (i32_, i64_, f64_) = (ValType::I32, ValType::I64, ValType::F64);
        l.p = Proto {
            frame: l.new_local(i32_),
            ctx: l.new_local(i32_),
            ic0: l.new_local(i32_),
            state: l.new_local(i32_),
            code: l.new_local(i32_),
            pcoff: l.new_local(i32_),
            sperr: l.new_local(i32_),
            shadow: l.new_local(i32_),
            low: l.new_local(i32_),
            saved_top: l.new_local(i32_),
            exit_fp: l.new_local(i32_),
            a: l.new_local(i64_),
            b: l.new_local(i64_),
            r: l.new_local(i64_),
            tf: l.new_local(f64_),
            t32: l.new_local(i32_),
        };
        l
    }

    /// Counts one pass of op `idx`'s site through `what` (`entered`, `chain`), when the
    /// compile counts sites.
    pub(crate) fn count_site(&mut self, idx: usize, what: &str) {
        if let Some(c) = self.env.site_counters {
            let g = c.global(self.input.ops[idx].offset, what);
            self.i(I::GlobalGet(g)).i(I::I64Const(1)).i(I::I64Add).i(I::GlobalSet(g));
        }
    }

    pub(crate) fn new_local(&mut self, ty: ValType) -> u32 {
        self.local_types.push(ty);
        param::COUNT + self.local_types.len() as u32 - 1
    }

    pub(crate) fn i(&self, ins: I<'_>) -> &Self {
        stubs::value::Emit::emit(&mut *self.code.borrow_mut(), &ins);
        self
    }

    /// The function body: locals declared in runs of one type, then the code.
    fn finish(self) -> Lowered {
        let mut runs: Vec<(u32, ValType)> = Vec::new();
        for &t in &self.local_types {
            match runs.last_mut() {
                Some((n, u)) if *u == t => *n += 1,
                _ => runs.push((1, t)),
            }
        }
        let code = self.code.into_inner();
        let code_len = code.len();
        let mut f = Function::new(runs);
        f.raw(code);
        let body = f.into_raw_body();
        let header = body.len() - code_len;
        let marks = self.marks.into_iter().map(|(at, what)| (header + at, what)).collect();
        Lowered { body, marks }
    }

    /// Notes that the code emitted next is `what`'s.
    fn mark(&mut self, what: Mark) {
        let at = self.code.borrow().len();
        self.marks.push((at, what));
    }

    // ---- addresses -------------------------------------------------------------------------

    /// Offset from `low` of operand stack slot `k` (1-based from the bottom).
    pub(crate) fn slot_off(&self, k: u32) -> u32 {
        8 * (self.a.max_depth - k)
    }
    /// Offset from `low` of fixed slot (local) `i`.
    pub(crate) fn local_off(&self, i: u32) -> u32 {
        8 * (self.input.nfixed + self.a.max_depth - i - 1)
    }
    /// `spoffset` for ICs: bytes from the frame down to the stack pointer at `depth`.
    pub(crate) fn spoffset(&self, depth: u32) -> u32 {
        8 * (self.input.nfixed + depth)
    }
    pub(crate) fn load_slot(&mut self, k: u32) {
        let off = self.slot_off(k);
        self.i(I::LocalGet(self.p.low)).i(I::I64Load(m(off, 3)));
    }
    /// The stack pointer when `depth` values are on the operand stack: the address of the top
    /// slot, slot `depth`.
    pub(crate) fn sp_addr(&mut self, depth: u32) {
        let off = self.slot_off(depth);
        self.i(I::LocalGet(self.p.low)).i(I::I32Const(off as i32)).i(I::I32Add);
    }

    /// `frame->interpreterPC = pc; frame->interpreterICEntry = icEntry` for op `idx`.
    pub(crate) fn store_pc(&mut self, idx: usize) {
        let off = self.input.ops[idx].offset;
        let frame = self.p.frame;
        self.i(I::LocalGet(frame)).i(I::LocalGet(param::PC_BASE)).i(I::I32Const(off as i32)).i(I::I32Add);
        self.i(I::I32Store(m(bf::INTERPRETER_PC, 2)));
        let ic = self.a.ic_index[idx];
        self.i(I::LocalGet(frame)).i(I::LocalGet(self.p.ic0)).i(I::I32Const(8 * ic as i32)).i(I::I32Add);
        self.i(I::I32Store(m(bf::INTERPRETER_IC_ENTRY, 2)));
    }

    /// The GC thing at `index` of the running script, with its kind bits cleared.
    pub(crate) fn gc_thing(&mut self, index: u32) {
        self.i(I::LocalGet(self.p.frame)).i(I::I32Load(m(bf::INTERPRETER_SCRIPT, 2)));
        self.i(I::I32Load(m(sf::SCRIPT_DATA, 2)));
        self.i(I::I32Load(m(sf::PRIVATE_DATA_GCTHINGS + 4 * index, 2)));
        self.i(I::I32Const(!(sf::GCCELLPTR_MASK as i32))).i(I::I32And);
    }

    // ---- body ------------------------------------------------------------------------------

    fn body(&mut self) -> Result<(), Decline> {
        let n = self.nblocks;
        self.i(I::Block(wasm_encoder::BlockType::Empty)); // error exit
        // Environment objects are created inside the error block so a failure can leave.
        self.block = n; // depth bookkeeping: err_depth() = nest here
        self.function_env_objects();
        self.i(I::I32Const(0)).i(I::LocalSet(self.p.state));
        self.i(I::Loop(wasm_encoder::BlockType::Empty));
        if self.catches() {
            self.i(I::Block(wasm_encoder::BlockType::Empty)); // exceptions this frame may catch
        }
        for _ in 0..n {
            self.i(I::Block(wasm_encoder::BlockType::Empty));
        }
        self.i(I::LocalGet(self.p.state));
        let targets: Vec<u32> = (0..n as u32).collect();
        self.i(I::BrTable(targets.into(), 0));
        let ops = self.input.ops;
        let mut falls_in = false;
        for (idx, op) in ops.iter().enumerate() {
            let b = self.a.block_of[idx];
            if idx == self.a.block_starts[b] {
                if falls_in {
                    self.sync_for_edge();
                }
                self.i(I::End);
                self.block = b;
                if let Some(d) = self.a.depth[idx] {
                    self.reset_to_frame(d);
                }
            }
            self.mark(Mark::Op(idx));
            match self.a.depth[idx] {
                Some(d) => {
                    debug_assert_eq!(self.depth(), d, "virtual stack depth at {} {}", op.offset, op.name);
                    let def = ops::lookup(&op.name).ok_or_else(|| Decline::op(&op.name))?;
                    let cx = ops::OpCtx { idx, op, d, v: u32_operand(op) };
                    (def.emit)(self, &cx)?;
                    falls_in = !def.class.terminates();
                }
                None => {
                    self.i(I::Unreachable);
                    falls_in = false;
                }
            }
            debug_assert_eq!(self.nest, 0, "{}", op.name);
        }
        Ok(())
    }
}

/// The op's first immediate as a u32 (0 when it has none).
pub(crate) fn u32_operand(op: &Op) -> u32 {
    match op.operands.first() {
        Some(Operand::U8(v)) => *v as u32,
        Some(Operand::U16(v)) | Some(Operand::Argc(v)) | Some(Operand::Arg(v)) => *v as u32,
        Some(Operand::U24(v)) | Some(Operand::Local(v)) | Some(Operand::U32(v)) | Some(Operand::ResumeIndex(v)) => *v,
        Some(Operand::I8(v)) => *v as i32 as u32,
        Some(Operand::I32(v)) => *v as u32,
        Some(Operand::Thing { index, .. }) => *index,
        _ => 0,
    }
}
