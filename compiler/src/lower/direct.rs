//! Direct calls: a call whose callee turns out, at run time, to be a scripted function with a
//! compiled function of its own enters that function straight from the call site, without the
//! Call IC chain and the engine's generic CacheIR interpreter in between.
//!
//! The site does what the engine's `CallScriptedFunction` handler does, minus its stub frame
//! (research notes: `docs/direct-calls.md`):
//!
//! ```text
//!   caller's operand stack:  ... callee this arg0 .. argN-1        <- sp at the op
//!   below it, written here:  [newTarget] argK-1 .. arg0 this token descriptor   <- callee's sp
//! ```
//!
//! - the arguments are copied in reverse, with `undefined` for missing formals (the caller
//!   pads, the descriptor keeps the actual count), then the callee token and a descriptor of
//!   type BaselineJS: the caller's frame is this baseline frame itself. The engine's frame
//!   walker then sizes the caller's frame down to the callee's header, so the copied
//!   arguments count as the caller's values as well: all of them are Values, traced twice.
//! - the call is a `call_indirect` of the script's compiled function (`Weval::func`), with the
//!   interpreter entry's thirteen parameters; `PBIResult` other than Ok leaves through the
//!   restart entry, exactly as the Call IC's error does.
//!
//! Guards, each falling back to the site's IC chain: the callee is a `JSFunction` (its class
//! is one of the two function classes), has a script (`BASESCRIPT`), is not a class
//! constructor, is in the caller's realm, its script has a JitScript (what the compiled
//! function's prologue reads its ICScript from) and a compiled function, and the arguments fit
//! on the auxiliary stack. Constructing calls (`new`) go through the chain.

use super::ops::OpCtx;
use super::{m, Decline, DirectCalls, Lower};
use runtime_abi::ic;
use runtime_abi::layout::{base_shape, frame as bf, function, isd, script, shared_data, weval};
use runtime_abi::script::{self as sf, ctx, param};
use runtime_abi::value::{TYPE_OBJECT, UNDEFINED};
use stubs::value as vc;
use wasm_encoder::{Instruction as I, ValType};

/// The JSOps whose sites make direct calls: every non-constructing, non-spread call.
pub fn is_direct_call_op(op: &str) -> bool {
    matches!(op, "Call" | "CallIgnoresRv" | "CallContent" | "CallIter" | "CallContentIter")
}

/// Headroom kept below the copied arguments before the callee's own stack check runs.
const ARGS_HEADROOM: i32 = 64;

/// `Call`, `CallIgnoresRv`, `CallContent`, `CallIter`, `CallContentIter`: a direct call when the
/// callee allows, else the IC chain. The IC sees the operand stack (callee, this, args).
pub(crate) fn call(l: &mut Lower<'_>, cx: &OpCtx<'_>, facts: DirectCalls) -> Result<(), Decline> {
    let argc = cx.v;
    let depth = l.depth();
    l.count_site(cx.idx, "entered");
    l.sync_stack();
    l.open_block(); // $done
    l.open_block(); // $slow
    let t = Temps::new(l);
    guard_callee(l, &t, depth, argc, facts);
    copy_frame(l, &t, depth, argc);
    enter(l, cx.idx, &t, depth, facts);
    l.i(I::Br(1));
    l.end();
    // The chain.
    super::calls::call_ic_operands(l, argc, false);
    l.count_site(cx.idx, "chain");
    l.ic_call(cx.idx);
    l.end();
    t.free(l);
    super::calls::push_call_result(l, argc + 2);
    Ok(())
}

/// i32 temps of one call site.
struct Temps {
    fun: u32,
    flags: u32,
    script: u32,
    func: u32,
    n: u32,
    this_addr: u32,
    /// Scratch: the padding loop's slot, then the callee's ImmutableScriptData.
    cursor: u32,
}

impl Temps {
    fn new(l: &mut Lower<'_>) -> Self {
        let mut t = || l.temp(ValType::I32);
        Temps { fun: t(), flags: t(), script: t(), func: t(), n: t(), this_addr: t(), cursor: t() }
    }
    fn free(self, l: &mut Lower<'_>) {
        for x in [self.fun, self.flags, self.script, self.func, self.n, self.this_addr, self.cursor] {
            l.free_temp(x);
        }
    }
}

/// Branches to `$slow` (label 0) unless the callee at slot `depth - argc - 1` is a scripted,
/// non-class-constructor function of this realm whose script has a JitScript and a compiled
/// function; leaves the function, its flags, its script and the compiled function's table index
/// in `t`.
fn guard_callee(l: &mut Lower<'_>, t: &Temps, depth: u32, argc: u32, facts: DirectCalls) {
    let (v, s) = (l.p.r, l.env.facts);
    l.load_slot(depth - argc - 1);
    l.i(I::LocalSet(v));
    vc::has_type(&mut *l.code.borrow_mut(), v, TYPE_OBJECT);
    l.i(I::I32Eqz).i(I::BrIf(0));
    l.i(I::LocalGet(v)).i(I::I32WrapI64).i(I::LocalTee(t.fun));
    // The class, through shape and base shape; the base shape stays in `script` a moment.
    let base = t.script;
    l.i(I::I32Load(m(ic::OBJ_SHAPE, 2))).i(I::I32Load(m(ic::SHAPE_BASE, 2))).i(I::LocalTee(base));
    l.i(I::I32Load(m(base_shape::CLASP, 2))).i(I::LocalTee(t.func));
    l.i(I::I32Const(facts.function_classes[0] as i32)).i(I::I32Ne);
    l.i(I::LocalGet(t.func)).i(I::I32Const(facts.function_classes[1] as i32)).i(I::I32Ne);
    l.i(I::I32And).i(I::BrIf(0));
    l.i(I::LocalGet(base)).i(I::I32Load(m(base_shape::REALM, 2)));
    l.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_realm, 2))).i(I::I32Ne).i(I::BrIf(0));
    // Scripted, and not a class constructor (which throws when called).
    l.i(I::LocalGet(t.fun)).i(I::I32Load(m(function::FLAGS_AND_ARG_COUNT, 2))).i(I::LocalTee(t.flags));
    l.i(I::I32Const(function::FLAG_BASESCRIPT as i32)).i(I::I32And).i(I::I32Eqz).i(I::BrIf(0));
    l.i(I::LocalGet(t.flags)).i(I::I32Const(function::FLAG_KIND_MASK as i32)).i(I::I32And);
    l.i(I::I32Const(function::KIND_CLASS_CONSTRUCTOR as i32)).i(I::I32Eq).i(I::BrIf(0));
    // A JitScript (warm-up data tagged 0), and a compiled function.
    l.i(I::LocalGet(t.fun)).i(I::I32Load(m(function::SCRIPT, 2))).i(I::LocalTee(t.script));
    l.i(I::I32Load(m(sf::SCRIPT_WARM_UP_DATA, 2))).i(I::LocalTee(t.func));
    l.i(I::I32Eqz);
    l.i(I::LocalGet(t.func)).i(I::I32Const(sf::WARM_UP_DATA_TAG_MASK as i32)).i(I::I32And);
    l.i(I::I32Or).i(I::BrIf(0));
    l.i(I::LocalGet(t.script)).i(I::I32Load(m(script::WEVAL, 2))).i(I::LocalTee(t.func));
    l.i(I::I32Eqz).i(I::BrIf(0));
    l.i(I::LocalGet(t.func)).i(I::I32Load(m(weval::FUNC, 2))).i(I::LocalTee(t.func));
    l.i(I::I32Eqz).i(I::BrIf(0));
}

/// Writes the callee's arguments, `this`, callee token and descriptor below the operand stack,
/// leaving the callee's sp in `t.this_addr`; branches to `$slow` when they would not fit on the
/// auxiliary stack.
fn copy_frame(l: &mut Lower<'_>, t: &Temps, depth: u32, argc: u32) {
    // n = max(argc, nargs): the argument slots the callee sees.
    let n = t.n;
    l.i(I::LocalGet(t.flags)).i(I::I32Const(function::NARGS_SHIFT as i32)).i(I::I32ShrU).i(I::LocalTee(n));
    l.i(I::I32Const(argc as i32)).i(I::LocalGet(n)).i(I::I32Const(argc as i32)).i(I::I32GtU).i(I::Select).i(I::LocalSet(n));
    // this_addr = sp - 8 (n + 1); room for it, the header and some headroom above stack.base.
    l.sp_addr(depth);
    l.i(I::LocalTee(t.this_addr)).i(I::LocalGet(param::STACK)).i(I::I32Load(m(sf::STACK_BASE, 2))).i(I::I32Sub);
    l.i(I::LocalGet(n)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Const(8 + 8 + ARGS_HEADROOM)).i(I::I32Add).i(I::I32LtU).i(I::BrIf(0));
    l.i(I::LocalGet(t.this_addr)).i(I::LocalGet(n)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Sub).i(I::I32Const(8)).i(I::I32Sub).i(I::LocalSet(t.this_addr));
    // this and the actual arguments, from the operand stack.
    let this_slot = depth - argc;
    for i in 0..=argc {
        l.i(I::LocalGet(t.this_addr));
        l.load_slot(this_slot + i);
        l.i(I::I64Store(m(8 * i, 3)));
    }
    pad_missing_formals(l, t, argc);
    // The callee's sp, below this: the descriptor, then the callee token (a function, not
    // constructing).
    let sp = t.this_addr;
    l.i(I::LocalGet(t.this_addr)).i(I::I32Const(8)).i(I::I32Sub).i(I::LocalTee(sp));
    l.i(I::LocalGet(t.fun)).i(I::I32Store(m(sf::FRAME_CALLEE_TOKEN - sf::FRAME_DESCRIPTOR, 2)));
    let descriptor = (argc << sf::FRAME_DESCRIPTOR_ARGC_SHIFT) | sf::FRAME_TYPE_BASELINE_JS;
    l.i(I::LocalGet(sp)).i(I::I32Const(descriptor as i32)).i(I::I32Store(m(0, 2)));
}

/// `undefined` for each missing formal: argument slots `argc..n`, when `n > argc`.
fn pad_missing_formals(l: &mut Lower<'_>, t: &Temps, argc: u32) {
    let p = t.cursor;
    l.i(I::LocalGet(t.n)).i(I::I32Const(argc as i32)).i(I::I32GtU);
    l.open_if();
    l.i(I::LocalGet(t.this_addr)).i(I::I32Const(8 * (argc as i32 + 1))).i(I::I32Add).i(I::LocalSet(p));
    l.open_loop();
    l.i(I::LocalGet(p)).i(I::I64Const(UNDEFINED as i64)).i(I::I64Store(m(0, 3)));
    l.i(I::LocalGet(p)).i(I::I32Const(8)).i(I::I32Add).i(I::LocalTee(p));
    l.i(I::LocalGet(t.this_addr)).i(I::LocalGet(t.n)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::I32Const(8)).i(I::I32Add);
    l.i(I::I32LtU).i(I::BrIf(0));
    l.end();
    l.end();
}

/// Calls the compiled function with the interpreter entry's parameters; the result Value in
/// `p.r`; an error or unwind leaves through the restart entry at this op.
fn enter(l: &mut Lower<'_>, idx: usize, t: &Temps, depth: u32, facts: DirectCalls) {
    let c = l.p.ctx;
    l.store_pc(idx);
    l.i(I::LocalGet(param::CX)).i(I::LocalGet(param::STATE)).i(I::LocalGet(param::STACK));
    l.i(I::LocalGet(t.this_addr));
    l.i(I::I32Const(0));
    l.i(I::LocalGet(c)).i(I::I32Const(ctx::ARG2 as i32)).i(I::I32Add);
    // pcbase = the script's bytecode, through its shared data; isd below it.
    l.i(I::LocalGet(t.script)).i(I::I32Load(m(script::SHARED_DATA, 2))).i(I::I32Load(m(shared_data::ISD, 2))).i(I::LocalTee(t.cursor));
    l.i(I::I32Const(isd::CODE as i32)).i(I::I32Add);
    l.i(I::I32Const(0)).i(I::LocalGet(t.cursor));
    for _ in 0..4 {
        l.i(I::I32Const(0));
    }
    l.i(I::LocalGet(t.func)).i(I::CallIndirect { type_index: facts.script_type_index, table_index: 0 });
    l.i(I::LocalSet(t.func));
    // The callee popped its frame; the stack's fp is this frame's again, whatever happened.
    l.i(I::LocalGet(param::STACK)).i(I::LocalGet(l.p.frame)).i(I::I32Const(bf::SIZE as i32)).i(I::I32Add).i(I::I32Store(m(sf::STACK_FP, 2)));
    l.i(I::LocalGet(t.func));
    l.open_if();
    l.i(I::LocalGet(t.func)).i(I::LocalSet(l.p.code));
    l.exit_to_restart(idx, depth);
    l.end();
    l.i(I::LocalGet(c)).i(I::I64Load(m(ctx::ARG2, 3))).i(I::LocalSet(l.p.r));
}
