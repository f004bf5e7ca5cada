//! Calls out of compiled code: IC chains (property access, JS calls, allocation, names) with
//! the interpreter's argument conventions, and engine helpers behind an exit frame.

use super::ops::OpCtx;
use super::vstack::{Loc, Ty};
use super::{m, Decline, Lower};
use runtime_abi::ic::{self, ERROR_RESULT};
use runtime_abi::layout::frame as bf;
use runtime_abi::script::{self as sf, ctx, param};
use runtime_abi::value::TYPE_OBJECT;
use stubs::value as vc;
use wasm_encoder::{Instruction as I, ValType};

impl<'e> Lower<'e> {
    /// Calls op `idx`'s IC chain with `p.a`, `p.b` (and `ctx.arg2` when the op has a third
    /// input); the IC sees the operand stack at the current depth, which must be synced. The
    /// result is left in `p.r`; the error sentinel leaves through the restart entry.
    pub(crate) fn ic_call(&mut self, idx: usize) {
        let depth = self.depth();
        self.store_pc(idx);
        let spoff = self.spoffset(depth);
        let (c, ic0) = (self.p.ctx, self.p.ic0);
        self.i(I::LocalGet(c)).i(I::I32Const(spoff as i32)).i(I::I32Store(m(ctx::SPOFFSET, 2)));
        let e = 8 * self.a.ic_index[idx];
        self.i(I::LocalGet(self.p.a)).i(I::LocalGet(self.p.b));
        self.i(I::LocalGet(ic0)).i(I::I32Load(m(e, 2)));
        self.i(I::LocalGet(c));
        self.i(I::LocalGet(ic0)).i(I::I32Load(m(e + 4, 2)));
        self.i(I::CallIndirect { type_index: self.env.ic_type_index, table_index: 0 });
        self.i(I::LocalTee(self.p.r)).i(I::I64Const(ERROR_RESULT as i64)).i(I::I64Eq);
        self.open_if();
        self.i(I::LocalGet(c)).i(I::I32Load(m(ctx::ERROR, 2))).i(I::LocalSet(self.p.code));
        self.exit_to_restart(idx, depth);
        self.end();
    }

    /// An IC call as a whole op step: frame synced before, GC things re-read after.
    pub(crate) fn ic_op(&mut self, idx: usize) {
        self.sync_stack();
        self.ic_call(idx);
        self.after_gc_point();
    }

    /// `p.a` = the Value of the entry popped from position `pos`.
    fn set_operand(&mut self, dst: u32, e: super::vstack::Entry, pos: u32) {
        self.emit_value(&e, pos);
        self.i(I::LocalSet(dst));
        self.release(e);
    }

    /// Like [`Lower::helper_call`], for a helper with no result.
    pub(crate) fn helper_call_void(&mut self, idx: usize, call: impl FnOnce(&mut Self)) {
        let r = self.helper_call(idx, |l| {
            call(l);
            l.i(I::I32Const(1));
        });
        self.free_temp(r);
    }
}

// ---- IC ops --------------------------------------------------------------------------------

/// One operand, one result: GetProp, Typeof, ToPropertyKey, GetIterator, ...
pub(crate) fn ic_unary(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.pop();
    let a = l.p.a;
    l.set_operand(a, e, cx.d);
    l.i(I::I64Const(0)).i(I::LocalSet(l.p.b));
    l.ic_op(cx.idx);
    let r = l.p.r;
    l.push_boxed_from(r, Ty::Unknown);
    Ok(())
}

/// Two operands, one result: GetElem, In, Instanceof, HasOwn, Pow and the generic path of
/// arithmetic.
pub(crate) fn ic_binary(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let rhs = l.pop();
    let lhs = l.pop();
    let (a, b) = (l.p.a, l.p.b);
    l.set_operand(b, rhs, cx.d);
    l.set_operand(a, lhs, cx.d - 1);
    l.ic_op(cx.idx);
    let r = l.p.r;
    l.push_boxed_from(r, Ty::Unknown);
    Ok(())
}

/// `receiver, obj => obj.name (on receiver)`: the IC takes the object first and the receiver
/// second, the reverse of the stack order (as the engine's interpreter passes them).
pub(crate) fn get_prop_super(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let obj = l.pop();
    let receiver = l.pop();
    let (a, b) = (l.p.a, l.p.b);
    l.set_operand(a, obj, cx.d);
    l.set_operand(b, receiver, cx.d - 1);
    l.ic_op(cx.idx);
    let r = l.p.r;
    l.push_boxed_from(r, Ty::Unknown);
    Ok(())
}

/// `obj, rhs => rhs`: the IC sees the rhs pushed back.
pub(crate) fn set_prop(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let rhs = l.pop();
    let obj = l.pop();
    let (a, b) = (l.p.a, l.p.b);
    l.emit_value(&rhs, cx.d);
    l.i(I::LocalSet(b));
    l.set_operand(a, obj, cx.d - 1);
    l.push(rhs);
    l.ic_op(cx.idx);
    Ok(())
}

/// `obj, val => obj`.
pub(crate) fn init_prop(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let val = l.pop();
    let (a, b) = (l.p.a, l.p.b);
    l.set_operand(b, val, cx.d);
    let obj = l.peek(0);
    l.emit_value(&obj, cx.d - 1);
    l.i(I::LocalSet(a));
    l.ic_op(cx.idx);
    Ok(())
}

/// `obj, key, val => val` (Set*), `obj` (Init*), `obj, key+1` (InitElemInc).
pub(crate) fn set_elem(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let name = cx.op.name.as_str();
    let val = l.pop();
    let key = l.pop();
    let obj = l.pop();
    let (a, b, c) = (l.p.a, l.p.b, l.p.ctx);
    l.i(I::LocalGet(c));
    l.emit_value(&val, cx.d);
    l.i(I::I64Store(m(ctx::ARG2, 3)));
    l.set_operand(b, key, cx.d - 1);
    l.emit_value(&obj, cx.d - 2);
    l.i(I::LocalSet(a));
    if matches!(name, "SetElem" | "StrictSetElem") {
        l.release(obj);
        l.push(val);
    } else {
        l.release(val);
        l.push(obj);
    }
    l.ic_op(cx.idx);
    if name == "InitElemInc" {
        let t = l.temp(ValType::I32);
        l.i(I::LocalGet(b)).i(I::I32WrapI64).i(I::I32Const(1)).i(I::I32Add).i(I::LocalSet(t));
        l.push_new(Loc::Int32(t), Ty::Int32);
    }
    Ok(())
}

/// Calls and `new`: callee, this, args (and new.target) are read by the IC from the stack.
pub(crate) fn call(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    if let (true, Some(facts)) = (super::direct::is_direct_call_op(&cx.op.name), l.env.direct_calls) {
        return super::direct::call(l, cx, facts);
    }
    let constructing = matches!(cx.op.name.as_str(), "New" | "NewContent" | "SuperCall");
    call_with(l, cx, cx.v, 2 + cx.v + constructing as u32, constructing)
}

/// Spread calls: callee, this, [newTarget,] args-array => result. (A direct `eval` is a call
/// whose IC sees the op: the engine evaluates in the frame's environment.)
pub(crate) fn spread_call(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let constructing = matches!(cx.op.name.as_str(), "SpreadNew" | "SpreadSuperCall");
    call_with(l, cx, 1, 3 + constructing as u32, constructing)
}

fn call_with(l: &mut Lower<'_>, cx: &OpCtx<'_>, argc: u32, uses: u32, constructing: bool) -> Result<(), Decline> {
    call_ic_operands(l, argc, constructing);
    l.sync_stack();
    l.ic_call(cx.idx);
    push_call_result(l, uses);
    Ok(())
}

/// The Call IC's inputs besides the stack: `argc` in `p.a`, and the values beyond the
/// arguments (callee, this, and new.target when constructing) in `extraArgs`.
pub(crate) fn call_ic_operands(l: &Lower<'_>, argc: u32, constructing: bool) {
    let (a, b, c) = (l.p.a, l.p.b, l.p.ctx);
    l.i(I::I64Const(argc as i64)).i(I::LocalSet(a)).i(I::I64Const(0)).i(I::LocalSet(b));
    l.i(I::LocalGet(c)).i(I::I32Const(2 + constructing as i32)).i(I::I32Store(m(ctx::EXTRA_ARGS, 2)));
}

/// After a call: its `uses` operands popped, GC things re-read, the result (`p.r`) pushed.
pub(crate) fn push_call_result(l: &mut Lower<'_>, uses: u32) {
    for _ in 0..uses {
        l.pop_release();
    }
    l.after_gc_point();
    let r = l.p.r;
    l.push_boxed_from(r, Ty::Unknown);
}

/// The iterator object, as a raw pointer.
pub(crate) fn close_iter(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.pop();
    let a = l.p.a;
    l.emit_value(&e, cx.d);
    l.release(e);
    l.i(I::I64Const(0xFFFF_FFFF)).i(I::I64And).i(I::LocalSet(a)).i(I::I64Const(0)).i(I::LocalSet(l.p.b));
    l.ic_op(cx.idx);
    Ok(())
}

/// GetGName/BindGName (on the global lexical environment), GetName (on the frame's chain).
pub(crate) fn name(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    name_ic_operands(l, &cx.op.name);
    l.ic_op(cx.idx);
    let r = l.p.r;
    l.push_boxed_from(r, Ty::Unknown);
    Ok(())
}

/// A name IC's inputs: the environment it looks in (the global lexical one for the `G` forms,
/// else the frame's chain) in `p.a`, nothing in `p.b`.
pub(crate) fn name_ic_operands(l: &mut Lower<'_>, op: &str) {
    if op != "GetName" {
        l.global_lexical_env();
    } else {
        l.i(I::LocalGet(l.p.frame)).i(I::I32Load(m(bf::ENV_CHAIN, 2)));
    }
    let a = l.p.a;
    l.i(I::I64ExtendI32U).i(I::LocalSet(a)).i(I::I64Const(0)).i(I::LocalSet(l.p.b));
}

/// NewObject, NewInit, NewArray, Rest, GetIntrinsic: no operands.
pub(crate) fn ic_nullary(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    l.i(I::I64Const(0)).i(I::LocalSet(l.p.a)).i(I::I64Const(0)).i(I::LocalSet(l.p.b));
    l.ic_op(cx.idx);
    let r = l.p.r;
    let ty = if matches!(cx.op.name.as_str(), "NewObject" | "NewInit" | "NewArray" | "Rest") { Ty::Object } else { Ty::Unknown };
    l.push_boxed_from(r, ty);
    Ok(())
}

/// As the interpreter: the global lexical environment (a raw pointer) and the value, which
/// stays on the stack, to the SetProp IC.
pub(crate) fn init_glexical(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let (a, b) = (l.p.a, l.p.b);
    l.global_lexical_env();
    l.i(I::I64ExtendI32U).i(I::LocalSet(a));
    let e = l.peek(0);
    l.emit_value(&e, cx.d);
    l.i(I::LocalSet(b));
    l.ic_op(cx.idx);
    Ok(())
}

// ---- engine helpers ------------------------------------------------------------------------

/// Pushes the object pointer in i32 temp `r` as an object Value (and frees `r`).
fn push_object(l: &mut Lower<'_>, r: u32) {
    push_pointer(l, r, TYPE_OBJECT, Ty::Object);
}

/// Pushes the GC pointer in temp `r` (freed) boxed as a Value of type `tag`.
fn push_pointer(l: &mut Lower<'_>, r: u32, tag: u32, ty: Ty) {
    let t = l.temp(ValType::I64);
    l.i(I::LocalGet(r));
    vc::box_i32(&mut *l.code.borrow_mut(), tag);
    l.i(I::LocalSet(t));
    l.free_temp(r);
    l.push_new(Loc::Boxed(t), ty);
}

/// `state.fun0` = the function, `state.obj0` = the environment chain; the engine clones it.
pub(crate) fn lambda(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let frame = l.p.frame;
    l.i(I::LocalGet(param::STATE));
    l.gc_thing(cx.v);
    l.i(I::I32Store(m(sf::STATE_FUN0, 2)));
    l.i(I::LocalGet(param::STATE)).i(I::LocalGet(frame)).i(I::I32Load(m(bf::ENV_CHAIN, 2))).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
    let f = l.env.lambda;
    let r = l.helper_call(cx.idx, |l| {
        l.i(I::LocalGet(param::CX));
        l.i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_FUN0 as i32)).i(I::I32Add);
        l.i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_OBJ0 as i32)).i(I::I32Add);
        l.i(I::Call(f));
    });
    l.i(I::LocalGet(param::STATE)).i(I::I32Const(0)).i(I::I32Store(m(sf::STATE_FUN0, 2)));
    l.i(I::LocalGet(param::STATE)).i(I::I32Const(0)).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
    l.error_if_zero(cx.idx, r);
    push_object(l, r);
    Ok(())
}

/// An object `this` is the answer in strict and sloppy code alike; anything else goes
/// through the engine (boxing, global this).
pub(crate) fn function_this(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    l.sync_stack();
    let t = l.temp(ValType::I64);
    l.i(I::LocalGet(l.p.frame)).i(I::I64Load(m(sf::FRAME_THIS, 3))).i(I::LocalSet(t));
    vc::has_type(&mut *l.code.borrow_mut(), t, TYPE_OBJECT);
    l.i(I::I32Eqz);
    l.open_if();
    let f = l.env.function_this;
    let r = l.helper_call(cx.idx, |l| {
        l.i(I::LocalGet(param::CX));
        l.frame_ptr();
        l.i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_RES as i32)).i(I::I32Add).i(I::Call(f));
    });
    l.error_if_zero(cx.idx, r);
    l.free_temp(r);
    l.i(I::LocalGet(param::STATE)).i(I::I64Load(m(sf::STATE_RES, 3))).i(I::LocalSet(t));
    l.i(I::LocalGet(param::STATE)).i(I::I64Const(runtime_abi::value::UNDEFINED as i64)).i(I::I64Store(m(sf::STATE_RES, 3)));
    l.end();
    l.push_new(Loc::Boxed(t), Ty::Unknown);
    Ok(())
}

/// A new lexical (or class body, by op) environment on the frame's chain.
pub(crate) fn push_lexical_env(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    l.i(I::LocalGet(param::STATE));
    l.gc_thing(cx.v);
    l.i(I::I32Store(m(sf::STATE_SCOPE0, 2)));
    let f = if cx.op.name == "PushClassBodyEnv" { l.env.push_class_body_env } else { l.env.push_lexical_env };
    let r = l.helper_call(cx.idx, |l| {
        l.i(I::LocalGet(param::CX)).i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_SCOPE0 as i32)).i(I::I32Add);
        l.frame_ptr();
        l.i(I::Call(f));
    });
    l.i(I::LocalGet(param::STATE)).i(I::I32Const(0)).i(I::I32Store(m(sf::STATE_SCOPE0, 2)));
    l.error_if_zero(cx.idx, r);
    l.i(I::LocalGet(l.p.frame)).i(I::LocalGet(r)).i(I::I32Store(m(bf::ENV_CHAIN, 2)));
    l.free_temp(r);
    Ok(())
}

/// `array, val => array`, as `InitElemArrayOperation`: the initialized length is set, then a
/// real element is stored with barriers, or a hole (from `Hole`) kept with the elements marked
/// not packed; the array and value are rooted in the engine's `State` cells.
pub(crate) fn init_elem_array(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let val = l.pop();
    l.i(I::LocalGet(param::STATE));
    l.emit_value(&val, cx.d);
    l.i(I::I64Store(m(sf::STATE_VALUE0, 3)));
    l.release(val);
    let arr = l.peek(0);
    l.i(I::LocalGet(param::STATE));
    l.emit_value(&arr, cx.d - 1);
    l.i(I::I32WrapI64).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
    let (ensure, init, v) = (l.env.ensure_dense_len, l.env.init_dense_element, cx.v);
    if v >= i32::MAX as u32 / 8 {
        return Err(Decline::malformed(format!("InitElemArray index {v}")));
    }
    l.helper_call_void(cx.idx, |l| {
        l.i(I::LocalGet(param::STATE)).i(I::I32Load(m(sf::STATE_OBJ0, 2))).i(I::I32Const(v as i32 + 1)).i(I::Call(ensure));
        // A hole (`[a, , b]`) marks the elements not packed and stays a hole, as
        // `initDenseElementHole` does; any other value is initialised with its barrier.
        l.i(I::LocalGet(param::STATE)).i(I::I32Load(m(sf::STATE_VALUE0 + 4, 2)));
        l.i(I::I32Const(runtime_abi::value::tag(runtime_abi::value::TYPE_MAGIC) as i32)).i(I::I32Eq);
        l.i(I::If(wasm_encoder::BlockType::Empty));
        let header_flags = |l: &mut Lower<'_>| {
            l.i(I::LocalGet(param::STATE)).i(I::I32Load(m(sf::STATE_OBJ0, 2))).i(I::I32Load(m(ic::OBJ_ELEMENTS, 2)));
            l.i(I::I32Const(ic::ELEMENTS_FLAGS)).i(I::I32Add);
        };
        header_flags(l);
        header_flags(l);
        l.i(I::I32Load(m(0, 2))).i(I::I32Const(ic::ELEMENTS_NON_PACKED)).i(I::I32Or).i(I::I32Store(m(0, 2)));
        l.i(I::LocalGet(param::STATE)).i(I::I32Load(m(sf::STATE_OBJ0, 2))).i(I::I32Load(m(ic::OBJ_ELEMENTS, 2)));
        l.i(I::I64Const(runtime_abi::value::ELEMENTS_HOLE as i64)).i(I::I64Store(m(8 * v, 3)));
        l.i(I::Else);
        l.i(I::LocalGet(param::STATE)).i(I::I32Load(m(sf::STATE_OBJ0, 2))).i(I::I32Const(v as i32));
        l.i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_VALUE0 as i32)).i(I::I32Add).i(I::Call(init));
        l.i(I::End);
    });
    l.i(I::LocalGet(param::STATE)).i(I::I64Const(runtime_abi::value::UNDEFINED as i64)).i(I::I64Store(m(sf::STATE_VALUE0, 3)));
    l.i(I::LocalGet(param::STATE)).i(I::I32Const(0)).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
    Ok(())
}

/// The script's RegExpObject, cloned (`state.obj0` roots it across the clone).
pub(crate) fn regexp(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let (at_pc, clone) = (l.env.regexp_at_pc, l.env.clone_regexp);
    let (off, frame) = (cx.op.offset as i32, l.p.frame);
    let r = l.helper_call(cx.idx, |l| {
        l.i(I::LocalGet(param::STATE));
        l.i(I::LocalGet(frame)).i(I::I32Load(m(bf::INTERPRETER_SCRIPT, 2)));
        l.i(I::LocalGet(param::PC_BASE)).i(I::I32Const(off)).i(I::I32Add).i(I::Call(at_pc));
        l.i(I::I32Store(m(sf::STATE_OBJ0, 2)));
        l.i(I::LocalGet(param::CX)).i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_OBJ0 as i32)).i(I::I32Add).i(I::Call(clone));
    });
    l.i(I::LocalGet(param::STATE)).i(I::I32Const(0)).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
    l.error_if_zero(cx.idx, r);
    push_object(l, r);
    Ok(())
}

/// `arguments`: the engine's `NewArgumentsObject` for this frame (which also records it in the
/// frame, where aliased formals are read from), its result through `state.res`.
pub(crate) fn arguments(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let (f, frame) = (l.env.new_arguments_object, l.p.frame);
    let r = l.helper_call(cx.idx, |l| {
        l.i(I::LocalGet(param::CX)).i(I::LocalGet(frame));
        l.i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_RES as i32)).i(I::I32Add).i(I::Call(f));
    });
    let t = l.temp(ValType::I64);
    l.i(I::LocalGet(param::STATE)).i(I::I64Load(m(sf::STATE_RES, 3))).i(I::LocalSet(t));
    l.i(I::LocalGet(param::STATE)).i(I::I64Const(runtime_abi::value::UNDEFINED as i64)).i(I::I64Store(m(sf::STATE_RES, 3)));
    l.error_if_zero(cx.idx, r);
    l.free_temp(r);
    l.push_new(Loc::Boxed(t), Ty::Object);
    Ok(())
}

/// `iter, interval =>`: the for-in iterator closed by the engine's `CloseIterator` (which
/// neither throws nor collects).
pub(crate) fn end_iter(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let interval = l.pop();
    l.release(interval);
    let it = l.pop();
    l.emit_value(&it, cx.d - 1);
    l.release(it);
    l.i(I::I32WrapI64).i(I::Call(l.env.close_iterator));
    Ok(())
}

// ---- engine operations on rooted operands ------------------------------------------------

/// An argument of an engine operation.
#[derive(Clone, Copy)]
enum Arg {
    Cx,
    Frame,
    /// The op's own bytecode address.
    Pc,
    /// The address of a `state` cell (a handle).
    State(u32),
    Imm(i32),
}

/// A `state` cell an operand is rooted in for the call: a whole Value, or the pointer of an
/// object, function or name. Cleared after the call so nothing stays rooted.
#[derive(Clone, Copy)]
enum Cell {
    Value(u32),
    Pointer(u32),
}

impl Cell {
    /// The cell's offset in `state`.
    fn at(self) -> u32 {
        match self {
            Cell::Value(at) | Cell::Pointer(at) => at,
        }
    }
    fn clear(self, l: &mut Lower<'_>) {
        l.i(I::LocalGet(param::STATE));
        match self {
            Cell::Value(at) => l.i(I::I64Const(runtime_abi::value::UNDEFINED as i64)).i(I::I64Store(m(at, 3))),
            Cell::Pointer(at) => l.i(I::I32Const(0)).i(I::I32Store(m(at, 2))),
        };
    }
}

/// Roots stack entry `e` (at position `pos`) in `cell`.
fn root(l: &mut Lower<'_>, e: &super::vstack::Entry, pos: u32, cell: Cell) {
    l.i(I::LocalGet(param::STATE));
    l.emit_value(e, pos);
    match cell {
        Cell::Value(at) => l.i(I::I64Store(m(at, 3))),
        Cell::Pointer(at) => l.i(I::I32WrapI64).i(I::I32Store(m(at, 2))),
    };
}

/// Pops the top entry (at position `pos`) and roots it in `cell`.
fn pop_rooted(l: &mut Lower<'_>, pos: u32, cell: Cell) {
    let e = l.pop();
    root(l, &e, pos, cell);
    l.release(e);
}

/// Calls engine function `f` behind an exit frame with `args`, clears `cells`, and leaves
/// through the restart entry when it returns 0 (false or null). Returns the result's temp.
fn call_engine(l: &mut Lower<'_>, cx: &OpCtx<'_>, f: u32, args: &[Arg], cells: &[Cell]) -> u32 {
    let (frame, pc) = (l.p.frame, cx.op.offset as i32);
    let r = l.helper_call(cx.idx, |l| {
        for a in args {
            match *a {
                Arg::Cx => l.i(I::LocalGet(param::CX)),
                Arg::Frame => l.i(I::LocalGet(frame)),
                Arg::Pc => l.i(I::LocalGet(param::PC_BASE)).i(I::I32Const(pc)).i(I::I32Add),
                Arg::State(at) => l.i(I::LocalGet(param::STATE)).i(I::I32Const(at as i32)).i(I::I32Add),
                Arg::Imm(v) => l.i(I::I32Const(v)),
            };
        }
        l.i(I::Call(f));
    });
    for c in cells {
        c.clear(l);
    }
    l.error_if_zero(cx.idx, r);
    r
}

/// `fun, name => fun`: `SetFunctionName` with the op's prefix kind.
pub(crate) fn set_fun_name(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    pop_rooted(l, cx.d, Cell::Value(sf::STATE_VALUE0));
    let fun = l.peek(0);
    root(l, &fun, cx.d - 1, Cell::Pointer(sf::STATE_FUN0));
    let (f, prefix) = (l.env.set_fun_name, cx.v as i32);
    let cells = [Cell::Value(sf::STATE_VALUE0), Cell::Pointer(sf::STATE_FUN0)];
    let r = call_engine(l, cx, f, &[Arg::Cx, Arg::State(sf::STATE_FUN0), Arg::State(sf::STATE_VALUE0), Arg::Imm(prefix)], &cells);
    l.free_temp(r);
    Ok(())
}

/// `heritage => heritage`: throws unless the class heritage is a constructor or null.
pub(crate) fn check_class_heritage(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let v = l.peek(0);
    root(l, &v, cx.d, Cell::Value(sf::STATE_VALUE0));
    let f = l.env.check_class_heritage;
    let r = call_engine(l, cx, f, &[Arg::Cx, Arg::State(sf::STATE_VALUE0)], &[Cell::Value(sf::STATE_VALUE0)]);
    l.free_temp(r);
    Ok(())
}

/// `obj, proto => obj`: `__proto__: proto` in an object literal.
pub(crate) fn mutate_proto(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    pop_rooted(l, cx.d, Cell::Value(sf::STATE_VALUE0));
    let obj = l.peek(0);
    root(l, &obj, cx.d - 1, Cell::Pointer(sf::STATE_OBJ0));
    let f = l.env.mutate_proto;
    let cells = [Cell::Value(sf::STATE_VALUE0), Cell::Pointer(sf::STATE_OBJ0)];
    let r = call_engine(l, cx, f, &[Arg::Cx, Arg::State(sf::STATE_OBJ0), Arg::State(sf::STATE_VALUE0)], &cells);
    l.free_temp(r);
    Ok(())
}

/// `delete name` of an unqualified name, on the frame's environment chain.
pub(crate) fn del_name(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let frame = l.p.frame;
    l.i(I::LocalGet(param::STATE));
    l.gc_thing(cx.v);
    l.i(I::I32Store(m(sf::STATE_NAME0, 2)));
    l.i(I::LocalGet(param::STATE)).i(I::LocalGet(frame)).i(I::I32Load(m(bf::ENV_CHAIN, 2))).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
    let f = l.env.delete_name;
    let cells = [Cell::Pointer(sf::STATE_NAME0), Cell::Pointer(sf::STATE_OBJ0)];
    let args = [Arg::Cx, Arg::State(sf::STATE_NAME0), Arg::State(sf::STATE_OBJ0), Arg::State(sf::STATE_RES)];
    let r = call_engine(l, cx, f, &args, &cells);
    l.free_temp(r);
    let t = l.temp(ValType::I64);
    l.i(I::LocalGet(param::STATE)).i(I::I64Load(m(sf::STATE_RES, 3))).i(I::LocalSet(t));
    Cell::Value(sf::STATE_RES).clear(l);
    l.push_new(Loc::Boxed(t), Ty::Bool);
    Ok(())
}

/// `obj, fn => obj`: a getter or setter (hidden or not, by op) defined on an object literal or
/// class under the op's name.
pub(crate) fn init_prop_accessor(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    pop_rooted(l, cx.d, Cell::Pointer(sf::STATE_OBJ1));
    let obj = l.peek(0);
    root(l, &obj, cx.d - 1, Cell::Pointer(sf::STATE_OBJ0));
    l.i(I::LocalGet(param::STATE));
    l.gc_thing(cx.v);
    l.i(I::I32Store(m(sf::STATE_NAME0, 2)));
    let f = l.env.init_prop_accessor;
    let cells = [Cell::Pointer(sf::STATE_OBJ0), Cell::Pointer(sf::STATE_OBJ1), Cell::Pointer(sf::STATE_NAME0)];
    let args = [Arg::Cx, Arg::Pc, Arg::State(sf::STATE_OBJ0), Arg::State(sf::STATE_NAME0), Arg::State(sf::STATE_OBJ1)];
    let r = call_engine(l, cx, f, &args, &cells);
    l.free_temp(r);
    Ok(())
}

/// `obj, id, fn => obj`: a getter or setter under a computed key.
pub(crate) fn init_elem_accessor(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    pop_rooted(l, cx.d, Cell::Pointer(sf::STATE_OBJ1));
    pop_rooted(l, cx.d - 1, Cell::Value(sf::STATE_VALUE0));
    let obj = l.peek(0);
    root(l, &obj, cx.d - 2, Cell::Pointer(sf::STATE_OBJ0));
    let f = l.env.init_elem_accessor;
    let cells = [Cell::Pointer(sf::STATE_OBJ0), Cell::Pointer(sf::STATE_OBJ1), Cell::Value(sf::STATE_VALUE0)];
    let args = [Arg::Cx, Arg::Pc, Arg::State(sf::STATE_OBJ0), Arg::State(sf::STATE_VALUE0), Arg::State(sf::STATE_OBJ1)];
    let r = call_engine(l, cx, f, &args, &cells);
    l.free_temp(r);
    Ok(())
}

/// `v => string`: a string stays; anything else through `ToStringSlow` (which may call
/// `toString` and throw).
pub(crate) fn to_string(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.pop();
    let t = l.temp(ValType::I64);
    l.emit_value(&e, cx.d);
    l.release(e);
    l.i(I::LocalSet(t));
    l.sync_stack();
    vc::has_type(&mut *l.code.borrow_mut(), t, runtime_abi::value::TYPE_STRING);
    l.i(I::I32Eqz);
    l.open_if();
    l.i(I::LocalGet(param::STATE)).i(I::LocalGet(t)).i(I::I64Store(m(sf::STATE_VALUE0, 3)));
    let f = l.env.to_string;
    let r = call_engine(l, cx, f, &[Arg::Cx, Arg::State(sf::STATE_VALUE0)], &[Cell::Value(sf::STATE_VALUE0)]);
    l.i(I::LocalGet(r));
    vc::box_i32(&mut *l.code.borrow_mut(), runtime_abi::value::TYPE_STRING);
    l.i(I::LocalSet(t));
    l.free_temp(r);
    l.end();
    l.push_new(Loc::Boxed(t), Ty::String);
    Ok(())
}

/// A fresh copy of the innermost lexical environment (a `for (let ...)` iteration), or a
/// blank one (`RecreateLexicalEnv`, a loop body re-entered).
pub(crate) fn freshen_lexical_env(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let f = if cx.op.name == "RecreateLexicalEnv" { l.env.recreate_lexical_env } else { l.env.freshen_lexical_env };
    let r = call_engine(l, cx, f, &[Arg::Frame, Arg::Cx], &[]);
    l.free_temp(r);
    Ok(())
}

/// `=> obj`: one of the engine's builtin constructors or prototypes, by the op's kind.
pub(crate) fn builtin_object(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let f = l.env.builtin_object;
    let r = call_engine(l, cx, f, &[Arg::Cx, Arg::Imm(cx.v as i32)], &[]);
    push_object(l, r);
    Ok(())
}

/// `proto => obj`: a plain object with the given prototype (a class's `prototype` object when
/// the heritage is null or a constructor).
pub(crate) fn obj_with_proto(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    pop_rooted(l, cx.d, Cell::Value(sf::STATE_VALUE0));
    let f = l.env.obj_with_proto;
    let r = call_engine(l, cx, f, &[Arg::Cx, Arg::State(sf::STATE_VALUE0)], &[Cell::Value(sf::STATE_VALUE0)]);
    push_object(l, r);
    Ok(())
}

/// `proto => fun`: the script's function `cx.v` cloned with the given prototype (a derived
/// class constructor) in the frame's environment.
pub(crate) fn fun_with_proto(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    pop_rooted(l, cx.d, Cell::Pointer(sf::STATE_OBJ0));
    let frame = l.p.frame;
    l.i(I::LocalGet(param::STATE)).i(I::LocalGet(frame)).i(I::I32Load(m(bf::ENV_CHAIN, 2))).i(I::I32Store(m(sf::STATE_OBJ1, 2)));
    l.i(I::LocalGet(param::STATE));
    l.gc_thing(cx.v);
    l.i(I::I32Store(m(sf::STATE_FUN0, 2)));
    let f = l.env.fun_with_proto;
    let cells = [Cell::Pointer(sf::STATE_OBJ0), Cell::Pointer(sf::STATE_OBJ1), Cell::Pointer(sf::STATE_FUN0)];
    let args = [Arg::Cx, Arg::State(sf::STATE_FUN0), Arg::State(sf::STATE_OBJ1), Arg::State(sf::STATE_OBJ0)];
    let r = call_engine(l, cx, f, &args, &cells);
    push_object(l, r);
    Ok(())
}

/// `=> symbol`: a new private name (`#x` of a class), described by the op's atom.
pub(crate) fn new_private_name(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    l.i(I::LocalGet(param::STATE));
    l.gc_thing(cx.v);
    l.i(I::I32Store(m(sf::STATE_ATOM0, 2)));
    let f = l.env.new_symbol;
    let args = [Arg::Cx, Arg::Imm(sf::SYMBOL_CODE_PRIVATE_NAME), Arg::State(sf::STATE_ATOM0)];
    let r = call_engine(l, cx, f, &args, &[Cell::Pointer(sf::STATE_ATOM0)]);
    push_pointer(l, r, runtime_abi::value::TYPE_SYMBOL, Ty::Unknown);
    Ok(())
}

/// `fun, home => fun`: the method's home object, in its extended slot (barriered).
pub(crate) fn init_home_object(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    pop_rooted(l, cx.d, Cell::Value(sf::STATE_VALUE0));
    let fun = l.peek(0);
    l.emit_value(&fun, cx.d - 1);
    l.i(I::I32WrapI64).i(I::I32Const(0));
    l.i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_VALUE0 as i32)).i(I::I32Add);
    l.i(I::Call(l.env.set_extended_slot));
    Cell::Value(sf::STATE_VALUE0).clear(l);
    Ok(())
}

/// `obj, key => obj, key, found`: the private-field IC sees both operands, which stay.
pub(crate) fn check_private_field(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let (key, obj) = (l.peek(0), l.peek(1));
    let (a, b) = (l.p.a, l.p.b);
    l.emit_value(&key, cx.d);
    l.i(I::LocalSet(b));
    l.emit_value(&obj, cx.d - 1);
    l.i(I::LocalSet(a));
    l.ic_op(cx.idx);
    let r = l.p.r;
    l.push_boxed_from(r, Ty::Bool);
    Ok(())
}

/// `delete v.name`: the engine's `DelPropOperation` of the op's strictness, with the value in
/// `state.value0` and the name in `state.name0` (rooted across the call, cleared after it).
pub(crate) fn del_prop(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    pop_rooted(l, cx.d, Cell::Value(sf::STATE_VALUE0));
    l.i(I::LocalGet(param::STATE));
    l.gc_thing(cx.v);
    l.i(I::I32Store(m(sf::STATE_NAME0, 2)));
    let f = l.env.del_prop[usize::from(cx.op.name.starts_with("Strict"))];
    delete_through(l, cx, f, Cell::Pointer(sf::STATE_NAME0));
    Ok(())
}

/// `delete v[key]`: the engine's `DelElemOperation` of the op's strictness, with the object in
/// `state.value0` and the key in `state.value1`.
pub(crate) fn del_elem(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    pop_rooted(l, cx.d, Cell::Value(sf::STATE_VALUE1));
    pop_rooted(l, cx.d - 1, Cell::Value(sf::STATE_VALUE0));
    let f = l.env.del_elem[usize::from(cx.op.name.starts_with("Strict"))];
    delete_through(l, cx, f, Cell::Value(sf::STATE_VALUE1));
    Ok(())
}

/// The call both deletes share: `f(cx, &state.value0, &second, &bool)`, the bool written into
/// the low byte of `state.res` (undefined before and after, so the GC never sees anything but
/// undefined there).
fn delete_through(l: &mut Lower<'_>, cx: &OpCtx<'_>, f: u32, second: Cell) {
    Cell::Value(sf::STATE_RES).clear(l);
    let args = [Arg::Cx, Arg::State(sf::STATE_VALUE0), Arg::State(second.at()), Arg::State(sf::STATE_RES)];
    let r = call_engine(l, cx, f, &args, &[Cell::Value(sf::STATE_VALUE0), second]);
    l.free_temp(r);
    let b = l.temp(ValType::I32);
    l.i(I::LocalGet(param::STATE)).i(I::I32Load8U(m(sf::STATE_RES, 0))).i(I::LocalSet(b));
    Cell::Value(sf::STATE_RES).clear(l);
    l.push_new(Loc::Bool(b), Ty::Bool);
}

/// `GCPtr<Value>::set` of an environment slot with the value on top (which stays).
pub(crate) fn set_aliased_var(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let Some(crate::bytecode::Operand::EnvCoord { hops, slot }) = cx.op.operands.first().cloned() else {
        return Err(Decline::op(&cx.op.name));
    };
    l.sync_stack();
    l.store_pc(cx.idx);
    let e = l.peek(0);
    let a = l.p.a;
    l.emit_value(&e, cx.d);
    l.i(I::LocalSet(a));
    let addr = l.temp(ValType::I32);
    l.env_slot_addr(hops, slot, addr);
    let store = vc::BarrieredStore { set: l.env.gcptr_value_set, sp_global: l.env.stack_pointer_global, t32: l.p.t32 };
    store.emit(&mut *l.code.borrow_mut(), a, |c| {
        stubs::value::Emit::emit(c, &I::LocalGet(addr));
    });
    l.free_temp(addr);
    l.after_gc_point();
    Ok(())
}

/// `=> exception`: the pending exception, taken (a catch block's first op).
pub(crate) fn exception(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let f = l.env.get_and_clear_exception;
    let r = call_engine(l, cx, f, &[Arg::Cx, Arg::State(sf::STATE_RES)], &[]);
    l.free_temp(r);
    push_taken(l, sf::STATE_RES);
    Ok(())
}

/// `=> exception, stack`: the pending exception and its stack, taken (a finally block's
/// exceptional entry, or a catch that rethrows).
pub(crate) fn exception_and_stack(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let f = l.env.get_pending_exception_stack;
    let r = call_engine(l, cx, f, &[Arg::Cx, Arg::State(sf::STATE_VALUE0)], &[]);
    l.free_temp(r);
    // The stack stays rooted in its cell across the second call (which may GC); if that call
    // fails, the cell keeps it until its next use.
    let f = l.env.get_and_clear_exception;
    let r = call_engine(l, cx, f, &[Arg::Cx, Arg::State(sf::STATE_RES)], &[]);
    l.free_temp(r);
    push_taken(l, sf::STATE_RES);
    push_taken(l, sf::STATE_VALUE0);
    Ok(())
}

/// Pushes the Value in state cell `at` and clears the cell.
fn push_taken(l: &mut Lower<'_>, at: u32) {
    let t = l.temp(ValType::I64);
    l.i(I::LocalGet(param::STATE)).i(I::I64Load(m(at, 3))).i(I::LocalSet(t));
    Cell::Value(at).clear(l);
    l.push_new(Loc::Boxed(t), Ty::Unknown);
}

/// `value =>` (throws): `ThrowOperation` makes the value the pending exception and returns
/// false, so control goes where errors go: a compiled handler of this frame, or the engine.
pub(crate) fn throw(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    pop_rooted(l, cx.d, Cell::Value(sf::STATE_VALUE0));
    let f = l.env.throw;
    let r = call_engine(l, cx, f, &[Arg::Cx, Arg::State(sf::STATE_VALUE0)], &[Cell::Value(sf::STATE_VALUE0)]);
    l.free_temp(r);
    l.i(I::Unreachable);
    Ok(())
}

/// `value, stack =>` (throws), like [`throw`] with the exception's original stack.
pub(crate) fn throw_with_stack(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    pop_rooted(l, cx.d, Cell::Value(sf::STATE_VALUE1));
    pop_rooted(l, cx.d - 1, Cell::Value(sf::STATE_VALUE0));
    let f = l.env.throw_with_stack;
    let cells = [Cell::Value(sf::STATE_VALUE0), Cell::Value(sf::STATE_VALUE1)];
    let r = call_engine(l, cx, f, &[Arg::Cx, Arg::State(sf::STATE_VALUE0), Arg::State(sf::STATE_VALUE1)], &cells);
    l.free_temp(r);
    l.i(I::Unreachable);
    Ok(())
}
