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
//! on the auxiliary stack.
//!
//! Constructing calls (`new`, `super(...)`) do the same with `new.target` above the arguments
//! and a constructing callee token, after `CreateThisFromIC` made `this` (an object from the
//! callee's prototype, or the uninitialized-lexical magic of a derived class constructor), as
//! the engine's `CallScriptedFunction` does; a primitive result becomes `this`. They guard the
//! callee a constructor and `new.target` a function (whose `prototype` is a plain data
//! property, so making `this` is not observable and the chain may still run if the callee's
//! JitScript went away in a GC meanwhile).
//!
//! A non-constructing call whose callee is a native function goes straight to the native
//! (`JSNative(cx, argc, vp)`) behind a native exit frame, as the engine's `CallNativeFunction`
//! does, when the site's first stub has no compiled body (its code is the generic CacheIR
//! interpreter): natives that CacheIR specializes (`Math.sqrt`, `charCodeAt`, `push`, ...)
//! keep their compiled stubs, and a site whose IC is still empty calls its chain so that one
//! can attach.

use super::ops::OpCtx;
use super::{m, Decline, DirectCalls, Lower};
use runtime_abi::ic;
use runtime_abi::layout::{base_shape, frame as bf, function, isd, script, shared_data, weval};
use runtime_abi::script::{self as sf, ctx, param};
use runtime_abi::value::{TYPE_OBJECT, UNDEFINED};
use stubs::value as vc;
use wasm_encoder::{Instruction as I, ValType};

/// How a call op's site calls directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallShape {
    /// `callee, this, args`.
    Call,
    /// `callee, this, args, new.target`.
    Construct,
}

/// The JSOps whose sites make direct calls: every non-spread call, constructing or not.
pub fn call_shape(op: &str) -> Option<CallShape> {
    match op {
        "Call" | "CallIgnoresRv" | "CallContent" | "CallIter" | "CallContentIter" => Some(CallShape::Call),
        "New" | "NewContent" | "SuperCall" => Some(CallShape::Construct),
        _ => None,
    }
}

pub fn is_direct_call_op(op: &str) -> bool {
    call_shape(op).is_some()
}

/// Headroom kept below the copied arguments before the callee's own stack check runs.
const ARGS_HEADROOM: i32 = 64;

/// A direct call when the callee allows, else the IC chain. The IC sees the operand stack
/// (callee, this, args, and new.target when constructing).
pub(crate) fn call(l: &mut Lower<'_>, cx: &OpCtx<'_>, facts: DirectCalls) -> Result<(), Decline> {
    let shape = call_shape(&cx.op.name).ok_or_else(|| Decline::op(&cx.op.name))?;
    let construct = shape == CallShape::Construct;
    let argc = cx.v;
    let depth = l.depth();
    let site = Site { idx: cx.idx, depth, argc, construct };
    if depth < site.uses() {
        return Err(Decline::malformed(format!("{} with {argc} arguments on a stack of {depth}", cx.op.name)));
    }
    l.count_site(cx.idx, "entered");
    l.sync_stack();
    l.open_block(); // $done
    l.open_block(); // $slow
    let t = Temps::new(l);
    guard_function(l, &t, site.callee_slot(), facts);
    if construct {
        construct_scripted(l, &t, site, facts);
    } else {
        let native = facts.native_type_index.is_some();
        if native {
            l.open_block(); // $native
        }
        // Not scripted: a native (to `$native`), or the chain.
        l.i(I::LocalGet(t.flags)).i(I::I32Const(function::FLAG_BASESCRIPT as i32)).i(I::I32And).i(I::I32Eqz).i(I::BrIf(0));
        let slow = u32::from(native);
        guard_not_class_constructor(l, &t, slow);
        guard_compiled(l, &t, slow);
        copy_frame(l, &t, site, slow);
        enter(l, &t, site, facts);
        l.i(I::Br(slow + 1));
        if native {
            l.end();
            call_native(l, &t, site, facts);
            l.i(I::Br(1));
        }
    }
    l.end();
    // The chain.
    super::calls::call_ic_operands(l, argc, construct);
    l.count_site(cx.idx, "chain");
    l.ic_call(cx.idx);
    l.end();
    t.free(l);
    super::calls::push_call_result(l, site.uses());
    Ok(())
}

/// One call site's geometry: operand slots are numbered from 1 (the bottom) to `depth`.
#[derive(Clone, Copy)]
struct Site {
    idx: usize,
    depth: u32,
    argc: u32,
    construct: bool,
}

impl Site {
    /// The slot of the last argument (below new.target when constructing).
    fn last_arg(self) -> u32 {
        self.depth - u32::from(self.construct)
    }
    fn this_slot(self) -> u32 {
        self.last_arg() - self.argc
    }
    fn callee_slot(self) -> u32 {
        self.this_slot() - 1
    }
    /// The operands the op pops.
    fn uses(self) -> u32 {
        self.argc + 2 + u32::from(self.construct)
    }
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

/// Branches to `$slow` (label 0) unless the value in `slot` is a `JSFunction` of this realm;
/// leaves the function in `t.fun` and its flags in `t.flags`.
fn guard_function(l: &mut Lower<'_>, t: &Temps, slot: u32, facts: DirectCalls) {
    let (v, s) = (l.p.r, l.env.facts);
    l.load_slot(slot);
    l.i(I::LocalSet(v));
    vc::has_type(&mut *l.code.borrow_mut(), v, TYPE_OBJECT);
    l.i(I::I32Eqz).i(I::BrIf(0));
    l.i(I::LocalGet(v)).i(I::I32WrapI64).i(I::LocalTee(t.fun));
    // The class, through shape and base shape; the base shape stays in `script` a moment.
    let base = t.script;
    l.i(I::I32Load(m(ic::OBJ_SHAPE, 2))).i(I::I32Load(m(ic::SHAPE_BASE, 2))).i(I::LocalTee(base));
    branch_unless_function_class(l, t.func, facts, 0);
    l.i(I::LocalGet(base)).i(I::I32Load(m(base_shape::REALM, 2)));
    l.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_realm, 2))).i(I::I32Ne).i(I::BrIf(0));
    l.i(I::LocalGet(t.fun)).i(I::I32Load(m(function::FLAGS_AND_ARG_COUNT, 2))).i(I::LocalSet(t.flags));
}

/// With a base shape on the Wasm stack: branches to `slow` unless its class is a function
/// class (`scratch` is clobbered).
fn branch_unless_function_class(l: &mut Lower<'_>, scratch: u32, facts: DirectCalls, slow: u32) {
    l.i(I::I32Load(m(base_shape::CLASP, 2))).i(I::LocalTee(scratch));
    l.i(I::I32Const(facts.function_classes[0] as i32)).i(I::I32Ne);
    l.i(I::LocalGet(scratch)).i(I::I32Const(facts.function_classes[1] as i32)).i(I::I32Ne);
    l.i(I::I32And).i(I::BrIf(slow));
}

/// A class constructor throws when called without `new`: the chain does that.
fn guard_not_class_constructor(l: &mut Lower<'_>, t: &Temps, slow: u32) {
    l.i(I::LocalGet(t.flags)).i(I::I32Const(function::FLAG_KIND_MASK as i32)).i(I::I32And);
    l.i(I::I32Const(function::KIND_CLASS_CONSTRUCTOR as i32)).i(I::I32Eq).i(I::BrIf(slow));
}

/// Branches to `slow` unless scripted function `t.fun`'s script has a JitScript (warm-up data
/// tagged 0) and a compiled function; leaves the script in `t.script` and the compiled
/// function's table index in `t.func`.
fn guard_compiled(l: &mut Lower<'_>, t: &Temps, slow: u32) {
    l.i(I::LocalGet(t.fun)).i(I::I32Load(m(function::SCRIPT, 2))).i(I::LocalTee(t.script));
    l.i(I::I32Load(m(sf::SCRIPT_WARM_UP_DATA, 2))).i(I::LocalTee(t.func));
    l.i(I::I32Eqz);
    l.i(I::LocalGet(t.func)).i(I::I32Const(sf::WARM_UP_DATA_TAG_MASK as i32)).i(I::I32And);
    l.i(I::I32Or).i(I::BrIf(slow));
    l.i(I::LocalGet(t.script)).i(I::I32Load(m(script::WEVAL, 2))).i(I::LocalTee(t.func));
    l.i(I::I32Eqz).i(I::BrIf(slow));
    l.i(I::LocalGet(t.func)).i(I::I32Load(m(weval::FUNC, 2))).i(I::LocalTee(t.func));
    l.i(I::I32Eqz).i(I::BrIf(slow));
}

/// `new callee(...)` of a scripted constructor with a compiled function; the guards branch
/// to `$slow` (label 0), success to `$done` (label 1).
fn construct_scripted(l: &mut Lower<'_>, t: &Temps, site: Site, facts: DirectCalls) {
    let flags = function::FLAG_BASESCRIPT | function::FLAG_CONSTRUCTOR;
    l.i(I::LocalGet(t.flags)).i(I::I32Const(flags as i32)).i(I::I32And).i(I::I32Const(flags as i32)).i(I::I32Ne).i(I::BrIf(0));
    guard_compiled(l, t, 0);
    // new.target: a function (any realm).
    let v = l.p.r;
    l.load_slot(site.depth);
    l.i(I::LocalSet(v));
    vc::has_type(&mut *l.code.borrow_mut(), v, TYPE_OBJECT);
    l.i(I::I32Eqz).i(I::BrIf(0));
    l.i(I::LocalGet(v)).i(I::I32WrapI64).i(I::I32Load(m(ic::OBJ_SHAPE, 2))).i(I::I32Load(m(ic::SHAPE_BASE, 2)));
    branch_unless_function_class(l, t.func, facts, 0);
    create_this(l, t, site, facts);
    // The GC may have moved the callee, or (rarely) dropped its JitScript: then the chain.
    l.load_slot(site.callee_slot());
    l.i(I::I32WrapI64).i(I::LocalSet(t.fun));
    guard_compiled(l, t, 0);
    copy_frame(l, t, site, 0);
    enter(l, t, site, facts);
    l.i(I::Br(1));
}

/// `state.value0 = CreateThisFromIC(callee, new.target)`, behind an exit frame, the callee and
/// new.target rooted in `state.obj0`/`obj1` (cleared after); an exception leaves through the
/// restart entry.
fn create_this(l: &mut Lower<'_>, t: &Temps, site: Site, facts: DirectCalls) {
    l.i(I::LocalGet(param::STATE)).i(I::LocalGet(t.fun)).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
    l.i(I::LocalGet(param::STATE));
    l.load_slot(site.depth);
    l.i(I::I32WrapI64).i(I::I32Store(m(sf::STATE_OBJ1, 2)));
    l.i(I::LocalGet(param::STATE)).i(I::I64Const(UNDEFINED as i64)).i(I::I64Store(m(sf::STATE_VALUE0, 3)));
    let f = facts.create_this;
    let r = l.helper_call(site.idx, |l| {
        l.i(I::LocalGet(param::CX));
        for at in [sf::STATE_OBJ0, sf::STATE_OBJ1, sf::STATE_VALUE0] {
            l.i(I::LocalGet(param::STATE)).i(I::I32Const(at as i32)).i(I::I32Add);
        }
        l.i(I::Call(f));
    });
    for at in [sf::STATE_OBJ0, sf::STATE_OBJ1] {
        l.i(I::LocalGet(param::STATE)).i(I::I32Const(0)).i(I::I32Store(m(at, 2)));
    }
    l.error_if_zero(site.idx, r);
    l.free_temp(r);
}

/// Writes the callee's arguments, `this`, callee token and descriptor (and new.target above
/// the arguments when constructing, and the `this` that `create_this` left in `state.value0`)
/// below the operand stack, leaving the callee's sp in `t.this_addr`; branches to `slow` when
/// they would not fit on the auxiliary stack.
fn copy_frame(l: &mut Lower<'_>, t: &Temps, site: Site, slow: u32) {
    let (argc, construct) = (site.argc, site.construct);
    // n = max(argc, nargs): the argument slots the callee sees.
    let n = t.n;
    l.i(I::LocalGet(t.flags)).i(I::I32Const(function::NARGS_SHIFT as i32)).i(I::I32ShrU).i(I::LocalTee(n));
    l.i(I::I32Const(argc as i32)).i(I::LocalGet(n)).i(I::I32Const(argc as i32)).i(I::I32GtU).i(I::Select).i(I::LocalSet(n));
    // this_addr = sp - 8 (n + 1 [+ 1]); room for it, the header and some headroom above
    // stack.base.
    let above = 8 + 8 * i32::from(construct);
    l.sp_addr(site.depth);
    l.i(I::LocalTee(t.this_addr)).i(I::LocalGet(param::STACK)).i(I::I32Load(m(sf::STACK_BASE, 2))).i(I::I32Sub);
    l.i(I::LocalGet(n)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Const(above + 8 + ARGS_HEADROOM)).i(I::I32Add).i(I::I32LtU).i(I::BrIf(slow));
    l.i(I::LocalGet(t.this_addr)).i(I::LocalGet(n)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Sub).i(I::I32Const(above)).i(I::I32Sub).i(I::LocalSet(t.this_addr));
    // this and the actual arguments, from the operand stack.
    for i in 0..=argc {
        l.i(I::LocalGet(t.this_addr));
        l.load_slot(site.this_slot() + i);
        l.i(I::I64Store(m(8 * i, 3)));
    }
    pad_missing_formals(l, t, argc);
    if construct {
        // new.target after the (padded) arguments; `this` as made.
        l.i(I::LocalGet(t.this_addr)).i(I::LocalGet(n)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add);
        l.load_slot(site.depth);
        l.i(I::I64Store(m(8, 3)));
        l.i(I::LocalGet(t.this_addr)).i(I::LocalGet(param::STATE)).i(I::I64Load(m(sf::STATE_VALUE0, 3))).i(I::I64Store(m(0, 3)));
        l.i(I::LocalGet(param::STATE)).i(I::I64Const(UNDEFINED as i64)).i(I::I64Store(m(sf::STATE_VALUE0, 3)));
    }
    // The callee's sp, below this: the descriptor, then the callee token.
    let sp = t.this_addr;
    l.i(I::LocalGet(t.this_addr)).i(I::I32Const(8)).i(I::I32Sub).i(I::LocalTee(sp));
    l.i(I::LocalGet(t.fun));
    if construct {
        l.i(I::I32Const(sf::CALLEE_TOKEN_CONSTRUCTING as i32)).i(I::I32Or);
    }
    l.i(I::I32Store(m(sf::FRAME_CALLEE_TOKEN - sf::FRAME_DESCRIPTOR, 2)));
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
/// `p.r` (for a constructing call, `this` when the callee returned a primitive); an error or
/// unwind leaves through the restart entry at this op.
fn enter(l: &mut Lower<'_>, t: &Temps, site: Site, facts: DirectCalls) {
    let (c, idx) = (l.p.ctx, site.idx);
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
    l.exit_to_restart(idx, site.depth);
    l.end();
    let r = l.p.r;
    l.i(I::LocalGet(c)).i(I::I64Load(m(ctx::ARG2, 3))).i(I::LocalSet(r));
    if site.construct {
        // `this` (still in the callee's frame, which the GC traced as this frame's values).
        vc::has_type(&mut *l.code.borrow_mut(), r, TYPE_OBJECT);
        l.i(I::I32Eqz);
        l.open_if();
        l.i(I::LocalGet(t.this_addr)).i(I::I64Load(m(8, 3))).i(I::LocalSet(r));
        l.end();
    }
}

/// Calls native function `t.fun` with `vp` = callee, this, args copied below the operand
/// stack, behind a `CallNative` exit frame; the result (`vp[0]`) in `p.r`. Branches to `$slow`
/// (label 0) for a lazy self-hosted function, when the site's first stub has a compiled body,
/// or when the stack has no room.
fn call_native(l: &mut Lower<'_>, t: &Temps, site: Site, facts: DirectCalls) {
    let Some(native_type) = facts.native_type_index else { return };
    let (argc, idx) = (site.argc, site.idx);
    l.i(I::LocalGet(t.flags)).i(I::I32Const(function::FLAG_SELFHOSTLAZY as i32)).i(I::I32And).i(I::BrIf(0));
    let entry = 8 * l.a.ic_index[idx];
    l.i(I::LocalGet(l.p.ic0)).i(I::I32Load(m(entry + 4, 2)));
    l.i(I::I32Const(facts.generic_ic_table_index as i32)).i(I::I32Ne).i(I::BrIf(0));
    // vp = sp - 8 (argc + 2), with the exit frame and some headroom above stack.base.
    let vp = t.this_addr;
    let bytes = 8 * (argc as i32 + 2);
    l.sp_addr(site.depth);
    l.i(I::LocalTee(vp)).i(I::LocalGet(param::STACK)).i(I::I32Load(m(sf::STACK_BASE, 2))).i(I::I32Sub);
    l.i(I::I32Const(bytes + sf::NATIVE_EXIT_VP as i32 + 4 + ARGS_HEADROOM)).i(I::I32LtU).i(I::BrIf(0));
    l.i(I::LocalGet(vp)).i(I::I32Const(bytes)).i(I::I32Sub).i(I::LocalSet(vp));
    for i in 0..argc + 2 {
        l.i(I::LocalGet(vp));
        l.load_slot(site.callee_slot() + i);
        l.i(I::I64Store(m(8 * i, 3)));
    }
    l.store_pc(idx);
    l.native_exit_frame(vp, argc);
    l.i(I::LocalGet(param::CX)).i(I::I32Const(argc as i32)).i(I::LocalGet(vp));
    l.i(I::LocalGet(t.fun)).i(I::I32Load(m(function::NATIVE, 2)));
    l.i(I::CallIndirect { type_index: native_type, table_index: 0 });
    l.i(I::LocalSet(t.func));
    l.pop_exit_frame();
    l.i(I::LocalGet(t.func)).i(I::I32Eqz);
    l.open_if();
    l.i(I::I32Const(sf::RESULT_ERROR)).i(I::LocalSet(l.p.code));
    l.exit_to_restart(idx, site.depth);
    l.end();
    l.i(I::LocalGet(vp)).i(I::I64Load(m(0, 3))).i(I::LocalSet(l.p.r));
}
