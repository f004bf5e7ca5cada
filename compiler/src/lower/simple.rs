//! Ops that need no call: constants, stack shuffles, locals and arguments, environment slots,
//! frame fields, the inline checks, and returns.

use super::ops::OpCtx;
use super::vstack::{Entry, Loc, Ty};
use super::{m, Decline, Lower};
use crate::bytecode::Operand;
use runtime_abi::ic;
use runtime_abi::layout::frame as bf;
use runtime_abi::script::{self as sf, param};
use runtime_abi::value::{self as jsval, tag_bits, TYPE_BOOLEAN, TYPE_INT32, TYPE_OBJECT, TYPE_STRING, TYPE_SYMBOL};
use stubs::value as vc;
use wasm_encoder::{BlockType, Instruction as I, ValType};

const MAGIC_UNINITIALIZED_LEXICAL: u64 = runtime_abi::ic::UNINITIALIZED_LEXICAL;

impl<'e> Lower<'e> {
    /// Pushes the frame's `ArgumentsData*` (the arguments object exists: `JSOp::Arguments`
    /// runs first in every script whose formals it aliases).
    fn arguments_data(&mut self) {
        self.i(I::LocalGet(self.p.frame)).i(I::I32Load(m(sf::FRAME_ARGS_OBJ, 2)));
        self.i(I::I32Load(m(sf::ARGUMENTS_DATA_SLOT, 2)));
    }

    /// The environment `hops` up the frame's chain, and the address of its slot `slot` (fixed
    /// slots below the shape's fixed-slot count, dynamic slots after), into `dst`.
    pub(crate) fn env_slot_addr(&mut self, hops: u8, slot: u32, dst: u32) {
        let (env, nfixed) = (self.temp(ValType::I32), self.temp(ValType::I32));
        self.i(I::LocalGet(self.p.frame)).i(I::I32Load(m(bf::ENV_CHAIN, 2)));
        for _ in 0..hops {
            self.i(I::I32Load(m(runtime_abi::ic::ENV_ENCLOSING_SLOT, 2)));
        }
        self.i(I::LocalSet(env));
        self.i(I::I32Const(slot as i32));
        self.i(I::LocalGet(env)).i(I::I32Load(m(0, 2))).i(I::I32Load(m(sf::SHAPE_IMMUTABLE_FLAGS, 2)));
        self.i(I::I32Const(sf::SHAPE_FIXED_SLOTS_SHIFT as i32)).i(I::I32ShrU).i(I::I32Const(sf::SHAPE_FIXED_SLOTS_MASK as i32)).i(I::I32And);
        self.i(I::LocalTee(nfixed)).i(I::I32LtU);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.i(I::LocalGet(env)).i(I::I32Const((sf::OBJECT_FIXED_SLOTS + 8 * slot) as i32)).i(I::I32Add);
        self.i(I::Else);
        self.i(I::LocalGet(env)).i(I::I32Load(m(sf::OBJECT_SLOTS, 2)));
        self.i(I::I32Const(slot as i32)).i(I::LocalGet(nfixed)).i(I::I32Sub).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add);
        self.i(I::End);
        self.i(I::LocalSet(dst));
        self.free_temp(env);
        self.free_temp(nfixed);
    }

    /// Pushes a new boxed entry whose Value `value` pushes.
    fn push_computed(&mut self, ty: Ty, value: impl FnOnce(&mut Self)) {
        let t = self.temp(ValType::I64);
        value(self);
        self.i(I::LocalSet(t));
        self.push_new(Loc::Boxed(t), ty);
    }

    /// Bails out at op `idx` (the interpreter runs the op, e.g. to throw) when the i32 on the
    /// Wasm stack is true.
    fn bail_out_if(&mut self, idx: usize) {
        let d = self.depth();
        self.open_if();
        self.bail_out(idx, d);
        self.end();
    }
}

// ---- constants -----------------------------------------------------------------------------

pub(crate) fn nop(_: &mut Lower<'_>, _: &OpCtx<'_>) -> Result<(), Decline> {
    Ok(())
}

pub(crate) fn constant(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let v: u64 = match cx.op.name.as_str() {
        "Undefined" => jsval::UNDEFINED,
        "Null" => jsval::NULL,
        "False" => tag_bits(TYPE_BOOLEAN),
        "True" => tag_bits(TYPE_BOOLEAN) | 1,
        "Zero" => tag_bits(TYPE_INT32),
        "One" => tag_bits(TYPE_INT32) | 1,
        "Int8" | "Int32" | "Uint16" | "Uint24" => tag_bits(TYPE_INT32) | cx.v as u64,
        "Double" => match cx.op.operands.first() {
            Some(Operand::Double(x)) => x.to_bits(),
            _ => return Err(Decline::op(&cx.op.name)),
        },
        "Uninitialized" => MAGIC_UNINITIALIZED_LEXICAL,
        "IsConstructing" => jsval::IS_CONSTRUCTING,
        "Hole" => jsval::ELEMENTS_HOLE,
        _ => return Err(Decline::op(&cx.op.name)),
    };
    l.push(Entry::constant(v));
    Ok(())
}

/// The script's GC thing `cx.v` as a Value: a template's call-site object, or a BigInt.
pub(crate) fn gc_thing_value(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let (ty, tag) = if cx.op.name == "BigInt" { (Ty::Unknown, jsval::TYPE_BIGINT) } else { (Ty::Object, TYPE_OBJECT) };
    l.push_computed(ty, |l| {
        l.gc_thing(cx.v);
        vc::box_i32(&mut *l.code.borrow_mut(), tag);
    });
    Ok(())
}

/// `v => undefined`.
pub(crate) fn void(l: &mut Lower<'_>, _cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.pop();
    l.release(e);
    l.push(Entry::constant(jsval::UNDEFINED));
    Ok(())
}

pub(crate) fn string(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    l.push_computed(Ty::String, |l| {
        l.gc_thing(cx.v);
        vc::box_i32(&mut *l.code.borrow_mut(), TYPE_STRING);
    });
    Ok(())
}

pub(crate) fn symbol(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let s = l.env.facts;
    l.push_computed(Ty::Unknown, |l| {
        l.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_runtime, 2))).i(I::I32Load(m(s.runtime_well_known_symbols, 2)));
        l.i(I::I64Load32U(m(4 * cx.v, 2))).i(I::I64Const(tag_bits(TYPE_SYMBOL) as i64)).i(I::I64Or);
    });
    Ok(())
}

pub(crate) fn callee(l: &mut Lower<'_>, _: &OpCtx<'_>) -> Result<(), Decline> {
    let frame = l.p.frame;
    l.push_computed(Ty::Object, |l| {
        l.i(I::LocalGet(frame)).i(I::I32Load(m(sf::FRAME_CALLEE_TOKEN, 2)));
        l.i(I::I32Const(!(sf::CALLEE_TOKEN_MASK as i32))).i(I::I32And);
        vc::box_i32(&mut *l.code.borrow_mut(), TYPE_OBJECT);
    });
    Ok(())
}

/// Constructing: new.target follows the arguments (at least the formals).
pub(crate) fn new_target(l: &mut Lower<'_>, _: &OpCtx<'_>) -> Result<(), Decline> {
    let (frame, t, u) = (l.p.frame, l.temp(ValType::I32), l.temp(ValType::I32));
    l.push_computed(Ty::Unknown, |l| {
        l.i(I::LocalGet(frame)).i(I::I32Load(m(sf::FRAME_CALLEE_TOKEN, 2))).i(I::I32Const(sf::CALLEE_TOKEN_MASK as i32)).i(I::I32And);
        l.i(I::I32Const(sf::CALLEE_TOKEN_CONSTRUCTING as i32)).i(I::I32Eq);
        l.i(I::If(BlockType::Result(ValType::I64)));
        l.i(I::LocalGet(frame)).i(I::I32Load(m(bf::INTERPRETER_SCRIPT, 2))).i(I::I32Load(m(sf::SCRIPT_FUNCTION, 2))).i(I::I32Load16U(m(sf::FUNCTION_NARGS, 1))).i(I::LocalTee(t));
        l.i(I::LocalGet(frame)).i(I::I32Load(m(sf::FRAME_DESCRIPTOR, 2))).i(I::I32Const(sf::FRAME_DESCRIPTOR_ARGC_SHIFT as i32)).i(I::I32ShrU).i(I::LocalTee(u));
        l.i(I::LocalGet(t)).i(I::LocalGet(u)).i(I::I32GtU).i(I::Select);
        l.i(I::I32Const(3)).i(I::I32Shl).i(I::LocalGet(frame)).i(I::I32Add).i(I::I64Load(m(sf::FRAME_ARGS, 3)));
        l.i(I::Else).i(I::I64Const(jsval::UNDEFINED as i64)).i(I::End);
    });
    l.free_temp(t);
    l.free_temp(u);
    Ok(())
}

// ---- the operand stack ---------------------------------------------------------------------

pub(crate) fn pop(l: &mut Lower<'_>, _: &OpCtx<'_>) -> Result<(), Decline> {
    l.pop_release();
    Ok(())
}

pub(crate) fn pop_n(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    for _ in 0..cx.v {
        l.pop_release();
    }
    Ok(())
}

pub(crate) fn dup(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.copy_of(cx.d);
    l.push(e);
    Ok(())
}

pub(crate) fn dup2(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let a = l.copy_of(cx.d - 1);
    let b = l.copy_of(cx.d);
    l.push(a);
    l.push(b);
    Ok(())
}

pub(crate) fn dup_at(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    if cx.v >= cx.d {
        return Err(Decline::malformed(format!("DupAt {} at stack depth {}", cx.v, cx.d)));
    }
    let e = l.copy_of(cx.d - cx.v);
    l.push(e);
    Ok(())
}

/// Reorders the top `n` entries: `order[i]` is the index (from the bottom of those `n`) of
/// the entry that ends up at position `i`.
fn permute(l: &mut Lower<'_>, n: u32, order: impl Fn(u32) -> u32) {
    let mut taken: Vec<Entry> = (0..n).map(|_| l.pop()).collect();
    taken.reverse();
    for i in 0..n {
        let e = taken[order(i) as usize];
        l.push(e);
    }
}

pub(crate) fn swap(l: &mut Lower<'_>, _: &OpCtx<'_>) -> Result<(), Decline> {
    permute(l, 2, |i| 1 - i);
    Ok(())
}

/// `Pick n`: sp[n] moves to the top; the ones above it move down one.
pub(crate) fn pick(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let n = cx.v + 1;
    if n > cx.d {
        return Err(Decline::malformed(format!("Pick {} at stack depth {}", cx.v, cx.d)));
    }
    permute(l, n, |i| if i == n - 1 { 0 } else { i + 1 });
    Ok(())
}

/// `Unpick n`: the top moves to sp[n]; the ones from there up move up one.
pub(crate) fn unpick(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let n = cx.v + 1;
    if n > cx.d {
        return Err(Decline::malformed(format!("Unpick {} at stack depth {}", cx.v, cx.d)));
    }
    permute(l, n, |i| if i == 0 { n - 1 } else { i - 1 });
    Ok(())
}

// ---- locals, arguments, environments -------------------------------------------------------

pub(crate) fn get_local(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    if cx.v >= l.input.nfixed {
        return Err(Decline::malformed(format!("local {} of {}", cx.v, l.input.nfixed)));
    }
    l.get_local(cx.v);
    Ok(())
}

pub(crate) fn set_local(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    if cx.v >= l.input.nfixed {
        return Err(Decline::malformed(format!("local {} of {}", cx.v, l.input.nfixed)));
    }
    l.set_local(cx.v)
}

/// A formal: read lazily from the frame, or, where the arguments object aliases the formals,
/// read now from the object's data (a later `arguments[i] = v` must not change it).
pub(crate) fn get_arg(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    if l.input.args_obj_aliases_formals && cx.op.name == "GetArg" {
        let i = cx.v;
        l.push_computed(Ty::Unknown, |l| {
            l.arguments_data();
            l.i(I::I64Load(m(sf::ARGUMENTS_DATA_ARGS + 8 * i, 3)));
        });
    } else {
        l.push_new(Loc::Arg(cx.v), Ty::Unknown);
    }
    Ok(())
}

/// A formal written: into the frame, or through `ArgumentsObject::setArg` (barriered) where
/// the arguments object aliases the formals.
pub(crate) fn set_arg(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    l.detach_lazy_reads(cx.v, true);
    let e = l.peek(0);
    if l.input.args_obj_aliases_formals {
        l.i(I::LocalGet(param::STATE));
        l.emit_value(&e, cx.d);
        l.i(I::I64Store(m(sf::STATE_VALUE0, 3)));
        l.i(I::LocalGet(l.p.frame)).i(I::I32Load(m(sf::FRAME_ARGS_OBJ, 2)));
        l.i(I::I32Const(cx.v as i32));
        l.i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_VALUE0 as i32)).i(I::I32Add);
        l.i(I::Call(l.env.arguments_set_arg));
        l.i(I::LocalGet(param::STATE)).i(I::I64Const(jsval::UNDEFINED as i64)).i(I::I64Store(m(sf::STATE_VALUE0, 3)));
        return Ok(());
    }
    l.i(I::LocalGet(l.p.frame));
    l.emit_value(&e, cx.d);
    l.i(I::I64Store(m(sf::FRAME_ARGS + 8 * cx.v, 3)));
    Ok(())
}

/// `arguments.length` in self-hosted code: the frame's actual argument count.
pub(crate) fn arguments_length(l: &mut Lower<'_>, _cx: &OpCtx<'_>) -> Result<(), Decline> {
    let t = l.temp(ValType::I32);
    l.i(I::LocalGet(l.p.frame)).i(I::I32Load(m(sf::FRAME_DESCRIPTOR, 2)));
    l.i(I::I32Const(sf::FRAME_DESCRIPTOR_ARGC_SHIFT as i32)).i(I::I32ShrU).i(I::LocalSet(t));
    l.push_new(Loc::Int32(t), Ty::Int32);
    Ok(())
}

/// `arguments[i]` in self-hosted code, `i` an int32 below the actual count (the bytecode
/// checks it): the frame's actual argument.
pub(crate) fn get_actual_arg(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.pop();
    let i = l.temp(ValType::I32);
    l.emit_value(&e, cx.d);
    l.i(I::I32WrapI64).i(I::LocalSet(i));
    l.release(e);
    l.push_computed(Ty::Unknown, |l| {
        l.i(I::LocalGet(l.p.frame)).i(I::LocalGet(i)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add);
        l.i(I::I64Load(m(sf::FRAME_ARGS, 3)));
    });
    l.free_temp(i);
    Ok(())
}

pub(crate) fn get_aliased_var(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let Some(Operand::EnvCoord { hops, slot }) = cx.op.operands.first().cloned() else { return Err(Decline::op(&cx.op.name)) };
    let addr = l.temp(ValType::I32);
    l.env_slot_addr(hops, slot, addr);
    l.push_computed(Ty::Unknown, |l| {
        l.i(I::LocalGet(addr)).i(I::I64Load(m(0, 3)));
    });
    l.free_temp(addr);
    Ok(())
}

/// Not a debuggee (aotjs output never is): the enclosing environment.
pub(crate) fn pop_lexical_env(l: &mut Lower<'_>, _: &OpCtx<'_>) -> Result<(), Decline> {
    let frame = l.p.frame;
    l.i(I::LocalGet(frame)).i(I::LocalGet(frame)).i(I::I32Load(m(bf::ENV_CHAIN, 2)));
    l.i(I::I32Load(m(runtime_abi::ic::ENV_ENCLOSING_SLOT, 2))).i(I::I32Store(m(bf::ENV_CHAIN, 2)));
    Ok(())
}

// ---- checks --------------------------------------------------------------------------------

/// The uninitialized-lexical check inline; the throw is the interpreter's.
pub(crate) fn check_lexical(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.peek(0);
    if matches!(e.ty, Ty::Int32 | Ty::Number | Ty::Bool | Ty::Object | Ty::String) {
        return Ok(());
    }
    l.emit_value(&e, cx.d);
    l.i(I::I64Const(MAGIC_UNINITIALIZED_LEXICAL as i64)).i(I::I64Eq);
    l.bail_out_if(cx.idx);
    Ok(())
}

/// CheckIsObj, CheckObjCoercible, CheckThis, CheckThisReinit: the check inline, its failure
/// (which throws) the interpreter's.
pub(crate) fn check_value(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.peek(0);
    let a = l.p.a;
    l.emit_value(&e, cx.d);
    l.i(I::LocalSet(a));
    match cx.op.name.as_str() {
        "CheckIsObj" => {
            if e.ty == Ty::Object {
                return Ok(());
            }
            vc::has_type(&mut *l.code.borrow_mut(), a, TYPE_OBJECT);
            l.i(I::I32Eqz);
        }
        "CheckObjCoercible" => {
            l.i(I::LocalGet(a)).i(I::I64Const(jsval::UNDEFINED as i64)).i(I::I64Eq);
            l.i(I::LocalGet(a)).i(I::I64Const(jsval::NULL as i64)).i(I::I64Eq).i(I::I32Or);
        }
        "CheckThis" => {
            l.i(I::LocalGet(a)).i(I::I64Const(MAGIC_UNINITIALIZED_LEXICAL as i64)).i(I::I64Eq);
        }
        _ => {
            l.i(I::LocalGet(a)).i(I::I64Const(MAGIC_UNINITIALIZED_LEXICAL as i64)).i(I::I64Ne);
        }
    }
    l.bail_out_if(cx.idx);
    Ok(())
}

/// `iter => iter, name`: the next property name of a for-in iterator (its NativeIterator's
/// cursor advanced), or `JS_NO_ITER_VALUE` when none are left.
pub(crate) fn more_iter(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let it = l.peek(0);
    let (ni, cursor, out) = (l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I64));
    l.emit_value(&it, cx.d);
    l.i(I::I32WrapI64).i(I::I64Load(m(sf::PROPERTY_ITERATOR_NATIVE, 3))).i(I::LocalTee(out));
    l.i(I::I32WrapI64).i(I::I32Const(0));
    l.i(I::LocalGet(out)).i(I::I64Const(-1i64 << 32)).i(I::I64And).i(I::I64Const(jsval::UNDEFINED as i64)).i(I::I64Ne);
    l.i(I::Select).i(I::LocalSet(ni));
    l.i(I::I64Const(jsval::NO_ITER as i64)).i(I::LocalSet(out));
    l.i(I::LocalGet(ni)).i(I::I32Load(m(sf::NATIVE_ITERATOR_CURSOR, 2))).i(I::LocalTee(cursor));
    l.i(I::LocalGet(ni)).i(I::I32Load(m(sf::NATIVE_ITERATOR_END, 2))).i(I::I32LtU);
    l.open_if();
    l.i(I::LocalGet(cursor)).i(I::I64Load32U(m(0, 2))).i(I::I64Const(tag_bits(TYPE_STRING) as i64)).i(I::I64Or).i(I::LocalSet(out));
    l.i(I::LocalGet(ni)).i(I::LocalGet(cursor)).i(I::I32Const(4)).i(I::I32Add).i(I::I32Store(m(sf::NATIVE_ITERATOR_CURSOR, 2)));
    l.end();
    l.free_temp(ni);
    l.free_temp(cursor);
    l.push_new(Loc::Boxed(out), Ty::Unknown);
    Ok(())
}

/// `iter, name => iter, name, done`: whether `name` is `JS_NO_ITER_VALUE` (a magic value).
pub(crate) fn is_no_iter(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.peek(0);
    let t = l.temp(ValType::I32);
    l.emit_value(&e, cx.d);
    l.i(I::I64Const(32)).i(I::I64ShrU).i(I::I32WrapI64).i(I::I32Const(jsval::tag(jsval::TYPE_MAGIC) as i32)).i(I::I32Eq).i(I::LocalSet(t));
    l.push_new(Loc::Bool(t), Ty::Bool);
    Ok(())
}

/// The global `this`: the global lexical environment's this-value slot (an object).
pub(crate) fn global_this(l: &mut Lower<'_>, _cx: &OpCtx<'_>) -> Result<(), Decline> {
    l.push_computed(Ty::Object, |l| {
        l.global_lexical_env();
        l.i(I::I32Load(m(sf::GLOBAL_LEXICAL_THIS, 2)));
        vc::box_i32(&mut *l.code.borrow_mut(), TYPE_OBJECT);
    });
    Ok(())
}

/// `fun => homeObject's prototype` (or null): the base of `super.x` in a method.
pub(crate) fn super_base(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let f = l.pop();
    let proto = l.temp(ValType::I32);
    l.emit_value(&f, cx.d);
    l.release(f);
    l.i(I::I32WrapI64).i(I::I32Load(m(sf::FUNCTION_HOME_OBJECT, 2)));
    l.i(I::I32Load(m(ic::OBJ_SHAPE, 2))).i(I::I32Load(m(ic::SHAPE_BASE, 2))).i(I::I32Load(m(ic::BASE_PROTO, 2))).i(I::LocalSet(proto));
    l.push_computed(Ty::Unknown, |l| {
        l.i(I::LocalGet(proto));
        vc::box_i32(&mut *l.code.borrow_mut(), TYPE_OBJECT);
        l.i(I::I64Const(jsval::NULL as i64)).i(I::LocalGet(proto)).i(I::Select);
    });
    l.free_temp(proto);
    Ok(())
}

pub(crate) fn is_null_or_undefined(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.peek(0);
    let (a, t) = (l.p.a, l.temp(ValType::I32));
    l.emit_value(&e, cx.d);
    l.i(I::LocalTee(a)).i(I::I64Const(jsval::UNDEFINED as i64)).i(I::I64Eq);
    l.i(I::LocalGet(a)).i(I::I64Const(jsval::NULL as i64)).i(I::I64Eq).i(I::I32Or).i(I::LocalSet(t));
    l.push_new(Loc::Bool(t), Ty::Bool);
    Ok(())
}

/// `thisval => rval` (an object), or `thisval` (rval undefined, this initialised); anything
/// else throws, in the interpreter.
pub(crate) fn check_return(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let this = l.pop();
    let (a, b) = (l.p.a, l.p.b);
    l.emit_value(&this, cx.d);
    l.i(I::LocalSet(a));
    l.release(this);
    l.frame_return_value();
    l.i(I::LocalSet(b));
    let t = l.temp(ValType::I64);
    l.i(I::LocalGet(b)).i(I::LocalGet(a));
    vc::has_type(&mut *l.code.borrow_mut(), b, TYPE_OBJECT);
    l.i(I::Select).i(I::LocalSet(t));
    l.push_new(Loc::Boxed(t), Ty::Unknown);
    vc::has_type(&mut *l.code.borrow_mut(), b, TYPE_OBJECT);
    l.i(I::I32Eqz);
    l.i(I::LocalGet(b)).i(I::I64Const(jsval::UNDEFINED as i64)).i(I::I64Ne);
    l.i(I::LocalGet(a)).i(I::I64Const(MAGIC_UNINITIALIZED_LEXICAL as i64)).i(I::I64Eq).i(I::I32Or).i(I::I32And);
    // On this path the result is thisval itself, which the interpreter's CheckReturn sees on
    // the stack and throws for.
    l.bail_out_if(cx.idx);
    Ok(())
}

/// The callee's [[Prototype]] (static: shape -> base shape -> proto), or null.
pub(crate) fn super_fun(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.pop();
    let t = l.temp(ValType::I32);
    l.push_computed(Ty::Unknown, |l| {
        l.emit_value(&e, cx.d);
        l.i(I::I32WrapI64).i(I::I32Load(m(runtime_abi::ic::OBJ_SHAPE, 2))).i(I::I32Load(m(runtime_abi::ic::SHAPE_BASE, 2)));
        l.i(I::I32Load(m(runtime_abi::ic::BASE_PROTO, 2))).i(I::LocalTee(t));
        l.i(I::If(BlockType::Result(ValType::I64)));
        l.i(I::LocalGet(t));
        vc::box_i32(&mut *l.code.borrow_mut(), TYPE_OBJECT);
        l.i(I::Else).i(I::I64Const(jsval::NULL as i64)).i(I::End);
    });
    l.release(e);
    l.free_temp(t);
    Ok(())
}

// ---- return values -------------------------------------------------------------------------

pub(crate) fn return_(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.pop();
    l.emit_value(&e, cx.d);
    l.release(e);
    l.return_top_of_wasm_stack();
    Ok(())
}

pub(crate) fn ret_rval(l: &mut Lower<'_>, _: &OpCtx<'_>) -> Result<(), Decline> {
    l.frame_return_value();
    l.return_top_of_wasm_stack();
    Ok(())
}

pub(crate) fn set_rval(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.pop();
    let frame = l.p.frame;
    l.i(I::LocalGet(frame));
    l.emit_value(&e, cx.d);
    l.i(I::I64Store(m(bf::RETURN_VALUE, 3)));
    l.release(e);
    l.i(I::LocalGet(frame)).i(I::LocalGet(frame)).i(I::I32Load(m(bf::FLAGS, 2)));
    l.i(I::I32Const(sf::FRAME_FLAG_HAS_RVAL as i32)).i(I::I32Or).i(I::I32Store(m(bf::FLAGS, 2)));
    Ok(())
}

pub(crate) fn get_rval(l: &mut Lower<'_>, _: &OpCtx<'_>) -> Result<(), Decline> {
    l.push_computed(Ty::Unknown, |l| l.frame_return_value());
    Ok(())
}

/// Hands the frame to the engine's interpreter at this op.
pub(crate) fn bail(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let d = l.depth();
    l.bail_out(cx.idx, d);
    Ok(())
}
