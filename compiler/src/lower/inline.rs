//! IC ops with an inline fast path in front of the site's chain: what the engine's own stubs
//! would do for the commonest case, guarded completely at the site, so a guard that fails
//! only costs the chain call the op would have made anyway.
//!
//! - `GetProp` whose site's first (or second) stub has a body the stub library compiled and
//!   the compiler knows the shape of (an own fixed or dynamic slot read behind a shape guard,
//!   a prototype's slot, an array's length): the stub's
//!   code is a table index, one per body, so one compare identifies the body; its fields
//!   (shape, slot offset) are loaded from the stub, so the code stays shared by every stub of
//!   the body and correct for any of them.
//! - `GetElem` whose site's first stub is a compiled dense-element body (shape guard, int32
//!   index, dense element load): the stub's shape check, then the element when the index is
//!   inside the initialized length and the element is not a hole, as the body does; or a
//!   typed-array element body (shape guard, int32 or number index, fixed-length view): the
//!   element when the index is inside the view's length, read as the element type. A site
//!   whose first stub is anything else (a string, a resizable view) goes to its chain.
//! - `SetProp` likewise for slot stores and property adds (the object's new shape and slot,
//!   behind the stub's prototype shape guards).
//! - `SetElem` likewise for the dense-element store body (over an existing element, when the
//!   store needs no GC barrier: checked at the site from the heap's geometry) and the
//!   fixed-length typed-array store bodies (the value converted to the element type as the
//!   body converts it; a typed f64 or int32 goes into the array without being boxed).
//!
//! Bodies with the same inline shape have consecutive table indices (the compiler orders the
//! IC slots so), so a site checks a *group* of bodies with one range compare of the stub's
//! code.

use super::ops::OpCtx;
use super::vstack::{Entry, Loc, Ty};
use super::{m, Decline, Lower};
use runtime_abi::ic;
use runtime_abi::value::{tag, TYPE_INT32, TYPE_MAGIC, TYPE_OBJECT};
use stubs::value as vc;
use wasm_encoder::{Instruction as I, ValType};

/// `obj[key]`: the predicted dense-element body inline, else the GetElem chain.
pub(crate) fn get_elem(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let bodies = predicted(l, &cx.op.name);
    if bodies.is_empty() {
        return super::calls::ic_binary(l, cx);
    }
    let key = l.pop();
    let obj = l.pop();
    let vo = l.boxed_local(obj, cx.d - 1);
    let vk = boxed_key(l, &key, cx.d);
    let (o, idx, el, stub, code) = (l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32));
    let res = l.temp(ValType::I64);
    open_site(l, cx, vo, SiteLocals { o, stub, code });
    index_i32(l, &key, vk, idx);
    for b in &bodies {
        open_body(l, b, SiteLocals { o, stub, code });
        match b.shape {
            InlineShape::TypedElementRead { ty, .. } => typed_element(l, o, idx, ty, res),
            _ => dense_element(l, o, idx, el, res),
        }
        l.i(I::Br(2));
        l.end();
    }
    l.end();
    // The chain, with the operands as Values.
    let (a, b) = (l.p.a, l.p.b);
    l.i(I::LocalGet(vo)).i(I::LocalSet(a));
    match vk {
        Some(v) => {
            l.i(I::LocalGet(v)).i(I::LocalSet(b));
        }
        None => {
            l.emit_value(&key, cx.d);
            l.i(I::LocalSet(b));
        }
    }
    l.count_site(cx.idx, "chain");
    l.ic_call(cx.idx);
    l.i(I::LocalGet(l.p.r)).i(I::LocalSet(res));
    l.end();
    l.after_gc_point();
    if let Some(v) = vk {
        l.free_temp(v);
    }
    l.release(key);
    for t in [vo, o, idx, el, stub, code] {
        l.free_temp(t);
    }
    l.push(Entry::new(Loc::Boxed(res), Ty::Unknown));
    Ok(())
}

/// `obj[key] = val`: the predicted typed-array and dense-element store bodies inline, else the
/// SetElem chain. The value stays on the stack as the op's result.
pub(crate) fn set_elem(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let bodies = predicted(l, &cx.op.name);
    if bodies.is_empty() {
        return super::calls::set_elem(l, cx);
    }
    let val = l.pop();
    let key = l.pop();
    let obj = l.pop();
    let vo = l.boxed_local(obj, cx.d - 2);
    let vk = boxed_key(l, &key, cx.d - 1);
    // The value as a Value for the chain and dense stores; typed stores use its number.
    let vv = l.temp(ValType::I64);
    l.emit_value(&val, cx.d);
    l.i(I::LocalSet(vv));
    l.push(val);
    let (o, idx, el, stub, code) = (l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32));
    let (old, cell) = (l.temp(ValType::I64), l.temp(ValType::I32));
    open_site(l, cx, vo, SiteLocals { o, stub, code });
    index_i32(l, &key, vk, idx);
    for b in &bodies {
        open_body(l, b, SiteLocals { o, stub, code });
        match b.shape {
            InlineShape::TypedElementWrite { ty, .. } => store_typed_element(l, o, idx, ty, &val, vv),
            _ => store_dense_element(l, o, idx, el, vv, old, cell),
        }
        l.i(I::Br(2));
        l.end();
    }
    l.end();
    let (a, b, c) = (l.p.a, l.p.b, l.p.ctx);
    l.i(I::LocalGet(vo)).i(I::LocalSet(a));
    match vk {
        Some(v) => {
            l.i(I::LocalGet(v)).i(I::LocalSet(b));
        }
        None => {
            l.emit_value(&key, cx.d - 1);
            l.i(I::LocalSet(b));
        }
    }
    l.i(I::LocalGet(c)).i(I::LocalGet(vv)).i(I::I64Store(m(runtime_abi::script::ctx::ARG2, 3)));
    l.count_site(cx.idx, "chain");
    l.ic_call(cx.idx);
    l.end();
    l.after_gc_point();
    if let Some(v) = vk {
        l.free_temp(v);
    }
    l.release(key);
    for t in [vo, vv, o, idx, el, stub, code, old, cell] {
        l.free_temp(t);
    }
    Ok(())
}

/// Pushes the address of element `idx` of the typed array `o` with element type `ty`.
fn typed_element_address(l: &Lower<'_>, o: u32, idx: u32, ty: u8) {
    let shift = ic::scalar::shift(ty);
    l.i(I::LocalGet(o)).i(I::I32Load(m(ic::TYPED_ARRAY_DATA, 2))).i(I::LocalGet(idx));
    if shift > 0 {
        l.i(I::I32Const(shift)).i(I::I32Shl);
    }
    l.i(I::I32Add);
}

/// Stores `val` (its Value in `vv`) as element `idx` of the fixed-length typed array `o` of
/// element type `ty`, converted as the engine's body converts it (floats from any number,
/// integers from an int32 or by ToInt32 of a number, clamped bytes from an int32), or
/// branches to label 1 when the index is outside the view or the value is not one the body
/// takes this way.
fn store_typed_element(l: &mut Lower<'_>, o: u32, idx: u32, ty: u8, val: &Entry, vv: u32) {
    use ic::scalar as sc;
    l.i(I::LocalGet(idx)).i(I::LocalGet(o)).i(I::I32Load(m(ic::TYPED_ARRAY_LENGTH, 2))).i(I::I32GeU).i(I::BrIf(1));
    typed_element_address(l, o, idx, ty);
    let float = matches!(ty, sc::FLOAT32 | sc::FLOAT64);
    match val.static_number() {
        Some(_) if float => l.emit_f64(val),
        Some(true) => l.emit_i32(val),
        Some(false) if ty != sc::UINT8_CLAMPED => l.emit_i32(val),
        _ if float => {
            vc::is_number(&mut *l.code.borrow_mut(), vv);
            l.i(I::I32Eqz).i(I::BrIf(1));
            vc::number_to_f64(&mut *l.code.borrow_mut(), vv);
        }
        _ => {
            vc::has_type(&mut *l.code.borrow_mut(), vv, TYPE_INT32);
            l.i(I::I32Eqz).i(I::BrIf(1));
            l.i(I::LocalGet(vv)).i(I::I32WrapI64);
        }
    }
    if ty == sc::UINT8_CLAMPED {
        let t = l.p.t32;
        vc::clamp_to_u8(&mut *l.code.borrow_mut(), t);
    }
    match ty {
        sc::INT8 | sc::UINT8 | sc::UINT8_CLAMPED => l.i(I::I32Store8(m(0, 0))),
        sc::INT16 | sc::UINT16 => l.i(I::I32Store16(m(0, 1))),
        sc::FLOAT32 => l.i(I::F32DemoteF64).i(I::F32Store(m(0, 2))),
        sc::FLOAT64 => l.i(I::F64Store(m(0, 3))),
        _ => l.i(I::I32Store(m(0, 2))),
    };
}

/// Stores the Value in `vv` over dense element `idx` of `o` (elements in `el`), or branches
/// to label 1 when the index is outside the initialized length, the element is a hole, or
/// the store needs a GC barrier (the chain's stub or the engine does those). Scratch: `old`
/// (i64), `cell` (i32).
fn store_dense_element(l: &mut Lower<'_>, o: u32, idx: u32, el: u32, vv: u32, old: u32, cell: u32) {
    l.i(I::LocalGet(o)).i(I::I32Load(m(ic::OBJ_ELEMENTS, 2))).i(I::LocalTee(el));
    l.i(I::I32Const(-ic::ELEMENTS_INITIALIZED_LENGTH)).i(I::I32Sub).i(I::I32Load(m(0, 2)));
    l.i(I::LocalGet(idx)).i(I::I32LeU).i(I::BrIf(1));
    l.i(I::LocalGet(el)).i(I::LocalGet(idx)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::LocalTee(el));
    l.i(I::I64Load(m(0, 3))).i(I::LocalTee(old));
    vc::tag_of(&mut *l.code.borrow_mut());
    l.i(I::I32Const(tag(TYPE_MAGIC) as i32)).i(I::I32Eq).i(I::BrIf(1));
    vc::needs_pre_barrier(&mut *l.code.borrow_mut(), old, cell);
    vc::needs_post_barrier(&mut *l.code.borrow_mut(), vv, o, cell);
    l.i(I::I32Or).i(I::BrIf(1));
    l.i(I::LocalGet(el)).i(I::LocalGet(vv)).i(I::I64Store(m(0, 3)));
}

/// `res` = the dense element `idx` of `o` (elements in `el`), or a branch to label 1 (the
/// `$slow` block, from inside the body's `if`) when it is outside the initialized length
/// (unsigned: a negative index is out too) or a hole.
fn dense_element(l: &mut Lower<'_>, o: u32, idx: u32, el: u32, res: u32) {
    l.i(I::LocalGet(o)).i(I::I32Load(m(ic::OBJ_ELEMENTS, 2))).i(I::LocalTee(el));
    l.i(I::I32Const(-ic::ELEMENTS_INITIALIZED_LENGTH)).i(I::I32Sub).i(I::I32Load(m(0, 2)));
    l.i(I::LocalGet(idx)).i(I::I32LeU).i(I::BrIf(1));
    l.i(I::LocalGet(el)).i(I::LocalGet(idx)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::I64Load(m(0, 3))).i(I::LocalTee(res));
    vc::tag_of(&mut *l.code.borrow_mut());
    l.i(I::I32Const(tag(TYPE_MAGIC) as i32)).i(I::I32Eq).i(I::BrIf(1));
}

/// `res` = element `idx` of the fixed-length typed array `o` with element type `ty`, boxed as
/// the engine boxes it, or a branch to label 1 when the index is outside the view's length
/// (a detached view has length 0) or the element is a Uint32 above INT32_MAX.
fn typed_element(l: &mut Lower<'_>, o: u32, idx: u32, ty: u8, res: u32) {
    use ic::scalar as sc;
    l.i(I::LocalGet(idx)).i(I::LocalGet(o)).i(I::I32Load(m(ic::TYPED_ARRAY_LENGTH, 2))).i(I::I32GeU).i(I::BrIf(1));
    typed_element_address(l, o, idx, ty);
    let tf = l.p.tf;
    let int = |l: &mut Lower<'_>, load: I<'static>| {
        l.i(load);
        vc::box_i32(&mut *l.code.borrow_mut(), TYPE_INT32);
    };
    match ty {
        sc::INT8 => int(l, I::I32Load8S(m(0, 0))),
        sc::UINT8 | sc::UINT8_CLAMPED => int(l, I::I32Load8U(m(0, 0))),
        sc::INT16 => int(l, I::I32Load16S(m(0, 1))),
        sc::UINT16 => int(l, I::I32Load16U(m(0, 1))),
        sc::INT32 => int(l, I::I32Load(m(0, 2))),
        sc::UINT32 => {
            let t = l.p.t32;
            l.i(I::I32Load(m(0, 2))).i(I::LocalTee(t)).i(I::I32Const(0)).i(I::I32LtS).i(I::BrIf(1));
            l.i(I::LocalGet(t));
            vc::box_i32(&mut *l.code.borrow_mut(), TYPE_INT32);
        }
        sc::FLOAT32 => {
            l.i(I::F32Load(m(0, 2))).i(I::F64PromoteF32);
            vc::box_double(&mut *l.code.borrow_mut(), tf);
        }
        _ => {
            l.i(I::F64Load(m(0, 3)));
            vc::box_double(&mut *l.code.borrow_mut(), tf);
        }
    }
    l.i(I::LocalSet(res));
}

/// The inline shapes a site of JSOp `op` can run: one table for the lowering and for the
/// listings that explain it.
fn site_shapes(op: &str) -> Option<fn(&InlineShape) -> bool> {
    Some(match op {
        "GetProp" => |s| {
            matches!(s, InlineShape::FixedSlotRead { .. } | InlineShape::DynamicSlotRead { .. } | InlineShape::ProtoSlotRead { .. } | InlineShape::ArrayLength { .. })
        },
        "GetElem" => |s| matches!(s, InlineShape::DenseElementRead { .. } | InlineShape::TypedElementRead { .. }),
        "SetProp" | "StrictSetProp" => |s| matches!(s, InlineShape::SlotWrite { .. } | InlineShape::SlotAdd { .. }),
        "SetElem" | "StrictSetElem" => |s| matches!(s, InlineShape::DenseElementWrite { .. } | InlineShape::TypedElementWrite { .. }),
        "GetGName" => |s| matches!(s, InlineShape::LexicalSlotRead { .. } | InlineShape::GlobalSlotRead { .. }),
        _ => return None,
    })
}

/// The groups of bodies a site of JSOp `op` checks inline, in table-index order; at most a few,
/// so a site's code stays small. Empty: the site calls its chain.
pub fn predicted_groups(op: &str, bodies: &[InlineBody]) -> Vec<InlineBody> {
    const MAX_GROUPS: usize = 12;
    let Some(want) = site_shapes(op) else { return Vec::new() };
    bodies.iter().filter(|b| want(&b.shape)).take(MAX_GROUPS).copied().collect()
}

fn predicted(l: &Lower<'_>, op: &str) -> Vec<InlineBody> {
    predicted_groups(op, l.env.inline_bodies)
}

/// Opens the `if` that runs body group `b` inline at a site: the stub's code is one of the
/// group's and the receiver has the stub's shape. Inside it, `$slow` is label 1 and `$done`
/// label 2; the caller emits the body, `br 2` and the `end`.
fn open_body(l: &mut Lower<'_>, b: &InlineBody, s: SiteLocals) {
    b.code_in_group(l, s.code);
    l.open_if();
    l.i(I::LocalGet(s.o)).i(I::I32Load(m(ic::OBJ_SHAPE, 2)));
    l.i(I::LocalGet(s.stub)).i(I::I32Load(m(b.shape.receiver_shape(), 2))).i(I::I32Ne).i(I::BrIf(1));
}

/// A key of unknown type (at stack position `pos`) boxed into a new i64 temp before any
/// branch, since the chain needs it on every path; None for a key that is statically a number.
fn boxed_key(l: &mut Lower<'_>, key: &Entry, pos: u32) -> Option<u32> {
    if key.static_number().is_some() {
        return None;
    }
    let v = l.temp(ValType::I64);
    l.emit_value(key, pos);
    l.i(I::LocalSet(v));
    Some(v)
}

/// The i32 locals a predicted site fills: the object, the site's first stub and its code.
#[derive(Clone, Copy)]
struct SiteLocals {
    o: u32,
    stub: u32,
    code: u32,
}

/// The start of a predicted site: the frame synced (the chain may be called), the `$done` and
/// `$slow` blocks opened, the receiver `vo` checked to be an object and unboxed, and the site's
/// first stub and its code (a table index) loaded.
fn open_site(l: &mut Lower<'_>, cx: &OpCtx<'_>, vo: u32, s: SiteLocals) {
    l.count_site(cx.idx, "entered");
    l.sync_stack();
    l.open_block(); // $done
    l.open_block(); // $slow
    vc::has_type(&mut *l.code.borrow_mut(), vo, TYPE_OBJECT);
    l.i(I::I32Eqz).i(I::BrIf(0));
    l.i(I::LocalGet(vo)).i(I::I32WrapI64).i(I::LocalSet(s.o));
    first_stub(l, cx.idx, s.stub, s.code);
}

/// Loads op `idx`'s IC entry: its first stub into `stub`, that stub's code (a table index)
/// into `code`.
fn first_stub(l: &Lower<'_>, idx: usize, stub: u32, code: u32) {
    let (entry, ic0) = (8 * l.a.ic_index[idx], l.p.ic0);
    l.i(I::LocalGet(ic0)).i(I::I32Load(m(entry, 2))).i(I::LocalSet(stub));
    l.i(I::LocalGet(ic0)).i(I::I32Load(m(entry + 4, 2))).i(I::LocalSet(code));
}

/// Sets `idx` to the key as an int32, or branches to label 0 when it is not one; `boxed` is
/// the key's Value when it is not statically a number.
fn index_i32(l: &mut Lower<'_>, key: &Entry, boxed: Option<u32>, idx: u32) {
    match (boxed, key.static_number()) {
        (None, Some(true)) => {
            l.emit_i32(key);
            l.i(I::LocalSet(idx));
        }
        (None, _) => {
            // A number that is an int32 exactly (-0 is the key "0" too, so it may pass).
            let tf = l.p.tf;
            l.emit_f64(key);
            l.i(I::LocalTee(tf)).i(I::I32TruncSatF64S).i(I::LocalTee(idx)).i(I::F64ConvertI32S);
            l.i(I::LocalGet(tf)).i(I::F64Ne).i(I::BrIf(0));
        }
        (Some(v), _) => {
            vc::has_type(&mut *l.code.borrow_mut(), v, TYPE_INT32);
            l.i(I::I32Eqz).i(I::BrIf(0));
            l.i(I::LocalGet(v)).i(I::I32WrapI64).i(I::LocalSet(idx));
        }
    }
}

/// Compiled IC bodies with one inline shape, whose effect a site can run inline: every stub
/// with one of these bodies has a code (table index) in `table_index..table_index + count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InlineBody {
    pub table_index: u32,
    pub count: u32,
    pub shape: InlineShape,
}

impl InlineBody {
    /// `[] -> [i32]`: whether the stub code in local `code` is one of this group's bodies.
    fn code_in_group(&self, l: &Lower<'_>, code: u32) {
        l.i(I::LocalGet(code)).i(I::I32Const(self.table_index as i32));
        if self.count == 1 {
            l.i(I::I32Eq);
        } else {
            l.i(I::I32Sub).i(I::I32Const(self.count as i32)).i(I::I32LtU);
        }
    }
}

/// Prototype shape guards an inline property add checks at most.
pub const MAX_ADD_PROTOS: usize = 3;

/// What an inline body does; field offsets are byte offsets from the stub.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum InlineShape {
    /// `GetProp`: object with the stub's shape; the Value at the stub's byte offset from the
    /// object (a fixed slot).
    FixedSlotRead { shape: u32, offset: u32 },
    /// `GetProp`: object with the stub's shape; the Value at the stub's byte offset into the
    /// object's dynamic slots.
    DynamicSlotRead { shape: u32, offset: u32 },
    /// `GetProp` of an array's `length`: object with the stub's shape; its length, when it is
    /// an int32.
    ArrayLength { shape: u32 },
    /// `GetElem`: object with the stub's shape, int32 index; its dense element.
    DenseElementRead { shape: u32 },
    /// `GetElem`: object with the stub's shape (a fixed-length typed array of element type
    /// `ty`, a `Scalar::Type`), int32 index (or a number that is one); its element.
    TypedElementRead { shape: u32, ty: u8 },
    /// `GetProp` of a prototype's property: object with the stub's shape; the holder object
    /// in field `holder` has the shape in field `holder_shape`; the Value at the byte offset
    /// in field `offset` from the holder (`dynamic`: into its dynamic slots).
    ProtoSlotRead { shape: u32, holder: u32, holder_shape: u32, offset: u32, dynamic: bool },
    /// `SetProp` that adds a property: object with the stub's shape, and each of the first
    /// `nprotos` prototype objects in field `protos[i].0` with the shape in field
    /// `protos[i].1` (no setter appeared on the chain); the object gets the shape in field
    /// `new_shape` and the Value goes to the new slot at the byte offset in field `offset`
    /// (`dynamic`: into its dynamic slots, which have room).
    SlotAdd { shape: u32, protos: [(u32, u32); MAX_ADD_PROTOS], nprotos: u8, offset: u32, new_shape: u32, dynamic: bool },
    /// `SetProp`: object with the stub's shape; the Value stored over the slot at the byte
    /// offset in field `offset` from the object (`dynamic`: into its dynamic slots).
    SlotWrite { shape: u32, offset: u32, dynamic: bool },
    /// `SetElem`: object with the stub's shape, int32 index inside the initialized length, not
    /// a hole; the Value stored over it.
    DenseElementWrite { shape: u32 },
    /// `SetElem`: object with the stub's shape (a fixed-length typed array of element type
    /// `ty`), int32 index inside its length; the value converted to the element type.
    TypedElementWrite { shape: u32, ty: u8 },
    /// `GetGName` of a binding of the global lexical environment (`let`, `const`, `class` at
    /// the top level): the Value at the byte offset in field `offset` into the environment's
    /// dynamic slots. The stub has no guard: the binding's slot never moves.
    LexicalSlotRead { offset: u32 },
    /// `GetGName` of a property of the global object (`var`, a function declaration): while
    /// the global's generation counter (its address in field `generation_addr`) still holds
    /// field `generation` (no lexical binding has shadowed it since), the holder object in
    /// field `holder`'s dynamic slot at the byte offset in field `offset`.
    GlobalSlotRead { generation: u32, generation_addr: u32, holder: u32, offset: u32 },
}

impl InlineShape {
    /// The shape's name, for listings.
    pub fn name(&self) -> &'static str {
        match self {
            InlineShape::FixedSlotRead { .. } => "fixed slot read",
            InlineShape::DynamicSlotRead { .. } => "dynamic slot read",
            InlineShape::ProtoSlotRead { .. } => "prototype slot read",
            InlineShape::SlotWrite { .. } => "slot write",
            InlineShape::SlotAdd { .. } => "property add",
            InlineShape::ArrayLength { .. } => "array length",
            InlineShape::DenseElementRead { .. } => "dense element read",
            InlineShape::TypedElementRead { .. } => "typed array element read",
            InlineShape::DenseElementWrite { .. } => "dense element write",
            InlineShape::TypedElementWrite { .. } => "typed array element write",
            InlineShape::LexicalSlotRead { .. } => "global lexical slot read",
            InlineShape::GlobalSlotRead { .. } => "global slot read",
        }
    }

    /// The stub field (a byte offset from the stub) holding the shape the receiver must have
    /// (global name reads have no receiver: their sites never ask).
    fn receiver_shape(&self) -> u32 {
        match *self {
            InlineShape::LexicalSlotRead { .. } | InlineShape::GlobalSlotRead { .. } => unreachable!("a global read has no receiver"),
            InlineShape::FixedSlotRead { shape, .. }
            | InlineShape::DynamicSlotRead { shape, .. }
            | InlineShape::ProtoSlotRead { shape, .. }
            | InlineShape::SlotWrite { shape, .. }
            | InlineShape::SlotAdd { shape, .. }
            | InlineShape::ArrayLength { shape }
            | InlineShape::DenseElementRead { shape }
            | InlineShape::TypedElementRead { shape, .. }
            | InlineShape::DenseElementWrite { shape }
            | InlineShape::TypedElementWrite { shape, .. } => shape,
        }
    }

    /// Recognises a CacheIR body (op names with their argument bytes) of IC kind `kind` whose
    /// fields start at `stub_data_offset`.
    pub fn recognise(kind: &str, ops: &[(&str, &[u8])], stub_data_offset: u32) -> Option<InlineShape> {
        let field = |b: u8| stub_data_offset + ic::FIELD_SCALE * b as u32;
        let ops: Vec<_> = ops.iter().filter(|(n, _)| *n != "ReturnFromIC").collect();
        match (kind, ops.as_slice()) {
            ("GetProp", [("GuardToObject", [0]), ("GuardShape", [0, s]), ("LoadInt32ArrayLengthResult", [0])]) => {
                Some(InlineShape::ArrayLength { shape: field(*s) })
            }
            ("GetProp", [("GuardToObject", [0]), ("GuardShape", [0, s]), (load, [0, o])]) => match *load {
                "LoadFixedSlotResult" => Some(InlineShape::FixedSlotRead { shape: field(*s), offset: field(*o) }),
                "LoadDynamicSlotResult" => Some(InlineShape::DynamicSlotRead { shape: field(*s), offset: field(*o) }),
                _ => None,
            },
            ("GetProp", [("GuardToObject", [0]), ("GuardShape", [0, s]), ("LoadObject", [1, h]), ("GuardShape", [1, hs]), (load, [1, o])]) => {
                let dynamic = match *load {
                    "LoadFixedSlotResult" => false,
                    "LoadDynamicSlotResult" => true,
                    _ => return None,
                };
                Some(InlineShape::ProtoSlotRead { shape: field(*s), holder: field(*h), holder_shape: field(*hs), offset: field(*o), dynamic })
            }
            ("SetProp", [("GuardToObject", [0]), ("GuardShape", [0, s]), (store, [0, o, 1])]) => {
                let dynamic = match *store {
                    "StoreFixedSlot" => false,
                    "StoreDynamicSlot" => true,
                    _ => return None,
                };
                Some(InlineShape::SlotWrite { shape: field(*s), offset: field(*o), dynamic })
            }
            ("SetProp", [("GuardToObject", [0]), ("GuardShape", [0, s]), middle @ .., (add, [0, o, 1, ns])]) => {
                let dynamic = match *add {
                    "AddAndStoreFixedSlot" => false,
                    "AddAndStoreDynamicSlot" => true,
                    _ => return None,
                };
                // Pairs of (LoadProtoObject into a fresh id, GuardShape of that id).
                if middle.len() % 2 != 0 || middle.len() / 2 > MAX_ADD_PROTOS {
                    return None;
                }
                let mut protos = [(0, 0); MAX_ADD_PROTOS];
                for (i, pair) in middle.chunks(2).enumerate() {
                    match pair {
                        [("LoadProtoObject", [r, f, _]), ("GuardShape", [g, ps])] if r == g && *r >= 2 => protos[i] = (field(*f), field(*ps)),
                        _ => return None,
                    }
                }
                let nprotos = (middle.len() / 2) as u8;
                Some(InlineShape::SlotAdd { shape: field(*s), protos, nprotos, offset: field(*o), new_shape: field(*ns), dynamic })
            }
            (
                "GetElem",
                [("GuardToObject", [0]), ("GuardToInt32Index", [1, 2]), ("GuardShape", [0, s]), ("LoadDenseElementResult", [0, 2])],
            ) => Some(InlineShape::DenseElementRead { shape: field(*s) }),
            // The index as an int32, or a number that is an index: the site checks it is an
            // int32 either way (other numbers go to the chain).
            ("GetElem", [("GuardToObject", [0]), ("GuardShape", [0, s]), ("GuardToInt32", [1]), ("Int32ToIntPtr", [1, 2]), ("LoadTypedArrayElementResult", [0, 2, ty, _, force_double, kind])])
            | ("GetElem", [("GuardToObject", [0]), ("GuardShape", [0, s]), ("GuardIsNumber", [1]), ("GuardNumberToIntPtrIndex", [1, _, 2]), ("LoadTypedArrayElementResult", [0, 2, ty, _, force_double, kind])])
                if *kind == ic::VIEW_KIND_FIXED_LENGTH && *ty <= ic::scalar::UINT8_CLAMPED && (*force_double == 0 || *ty != ic::scalar::UINT32) =>
            {
                Some(InlineShape::TypedElementRead { shape: field(*s), ty: *ty })
            }
            (
                "SetElem",
                [("GuardToObject", [0]), ("GuardToInt32Index", [1, i]), ("GuardShape", [0, s]), ("StoreDenseElement", [0, j, 2])],
            ) if i == j => Some(InlineShape::DenseElementWrite { shape: field(*s) }),
            ("GetName", [("LoadDynamicSlotResult", [0, o])]) => Some(InlineShape::LexicalSlotRead { offset: field(*o) }),
            ("GetName", [("GuardGlobalGeneration", [g, a]), ("LoadObject", [1, h]), ("LoadDynamicSlotResult", [1, o])]) => {
                Some(InlineShape::GlobalSlotRead { generation: field(*g), generation_addr: field(*a), holder: field(*h), offset: field(*o) })
            }
            ("SetElem", [("GuardToObject", [0]), ("GuardShape", [0, s]), middle @ .., ("StoreTypedArrayElement", [0, ty, i, r, _, kind])])
                if *kind == ic::VIEW_KIND_FIXED_LENGTH && *ty <= ic::scalar::UINT8_CLAMPED && typed_store_guards(middle, *ty, *i, *r) =>
            {
                Some(InlineShape::TypedElementWrite { shape: field(*s), ty: *ty })
            }
            _ => None,
        }
    }
}

/// Whether the ops between a typed-array store body's shape guard and its store guard just
/// what the inline store checks itself: the index (operand 1) an int32 or a number that is an
/// index, into `index`; the value (operand 2) a number for float elements (`value` is then
/// operand 2), a number taken modulo 2^32 for integer elements, or clamped for clamped bytes.
fn typed_store_guards(middle: &[&(&str, &[u8])], ty: u8, index: u8, value: u8) -> bool {
    use ic::scalar as sc;
    let value_ok = |op: &(&str, &[u8])| match (op.0, op.1) {
        ("GuardIsNumber", [2]) => matches!(ty, sc::FLOAT32 | sc::FLOAT64) && value == 2,
        ("GuardToInt32ModUint32", [2, r]) | ("TruncateDoubleToUInt32", [2, r]) => {
            !matches!(ty, sc::FLOAT32 | sc::FLOAT64 | sc::UINT8_CLAMPED) && *r == value
        }
        ("GuardToUint8Clamped", [2, r]) => ty == sc::UINT8_CLAMPED && *r == value,
        _ => false,
    };
    match middle {
        [v, ("GuardToInt32", [1]), ("Int32ToIntPtr", [1, i])] | [v, ("GuardIsNumber", [1]), ("GuardNumberToIntPtrIndex", [1, _, i])] => {
            *i == index && value_ok(v)
        }
        _ => false,
    }
}

/// `obj.name`: the predicted bodies inline when the site's first or second stub has one, else
/// the chain.
pub(crate) fn get_prop(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let bodies = predicted(l, &cx.op.name);
    if bodies.is_empty() {
        return super::calls::ic_unary(l, cx);
    }
    let obj = l.pop();
    let vo = l.boxed_local(obj, cx.d);
    let (o, stub, code, holder) = (l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32));
    let res = l.temp(ValType::I64);
    let s = SiteLocals { o, stub, code };
    open_site(l, cx, vo, s);
    // A site that sees a few shapes has a stub for each: the first two stubs are checked.
    let retry = open_stub_loop(l);
    for b in &bodies {
        open_body(l, b, s);
        get_prop_body(l, b.shape, s, holder, res);
        l.i(I::Br(STUB_LOOP_DONE));
        l.end();
    }
    close_stub_loop(l, s, retry);
    l.end();
    let (a, bb) = (l.p.a, l.p.b);
    l.i(I::LocalGet(vo)).i(I::LocalSet(a)).i(I::I64Const(0)).i(I::LocalSet(bb));
    l.count_site(cx.idx, "chain");
    l.ic_call(cx.idx);
    l.i(I::LocalGet(l.p.r)).i(I::LocalSet(res));
    l.end();
    l.after_gc_point();
    for t in [vo, o, stub, code, holder] {
        l.free_temp(t);
    }
    l.push(Entry::new(Loc::Boxed(res), Ty::Unknown));
    Ok(())
}

/// Inside an open body of a stub loop, the label of `$done`.
const STUB_LOOP_DONE: u32 = 4;

/// Opens the loop a property site runs its bodies in, once for its first stub and once more
/// for the second (a site that sees a few shapes has a stub for each), inside `$slow`:
/// `loop $retry { block $next { bodies } ... }`. In an open body, a failed check branches to
/// label 1 (`$next`), and `STUB_LOOP_DONE` is `$done`. Returns the pass counter (a temp).
fn open_stub_loop(l: &mut Lower<'_>) -> u32 {
    let pass = l.temp(ValType::I32);
    l.i(I::I32Const(0)).i(I::LocalSet(pass));
    l.open_loop();
    l.open_block(); // $next
    pass
}

/// Closes `$next`; on the first pass, moves to the next stub of the chain and its code (the
/// fallback stub's code is no inline body's) and runs the bodies again; then closes the loop.
fn close_stub_loop(l: &mut Lower<'_>, s: SiteLocals, pass: u32) {
    l.end();
    l.i(I::LocalGet(pass)).i(I::I32Eqz);
    l.open_if();
    l.i(I::I32Const(1)).i(I::LocalSet(pass));
    l.i(I::LocalGet(s.stub)).i(I::I32Load(m(ic::STUB_NEXT, 2))).i(I::LocalTee(s.stub));
    l.i(I::I32Load(m(ic::STUB_CODE, 2))).i(I::LocalSet(s.code));
    l.i(I::Br(1));
    l.end();
    l.end(); // loop
    l.free_temp(pass);
}

/// One predicted `GetProp` body inside its open body (a failed check branches to label 1):
/// the result Value in `res`.
fn get_prop_body(l: &Lower<'_>, shape: InlineShape, s: SiteLocals, holder: u32, res: u32) {
    // The object the slot is read from: the receiver, or the stub's holder after its own
    // shape check.
    let (from, offset, dynamic) = match shape {
        InlineShape::FixedSlotRead { offset, .. } => (s.o, offset, false),
        InlineShape::DynamicSlotRead { offset, .. } => (s.o, offset, true),
        InlineShape::ProtoSlotRead { holder: h, holder_shape, offset, dynamic, .. } => {
            guard_stub_object_shape(l, s.stub, h, holder_shape, holder);
            (holder, offset, dynamic)
        }
        InlineShape::ArrayLength { .. } => {
            // The length word below the elements; above INT32_MAX it is not an int32.
            l.i(I::LocalGet(s.o)).i(I::I32Load(m(ic::OBJ_ELEMENTS, 2))).i(I::I32Const(-ic::ELEMENTS_LENGTH)).i(I::I32Sub);
            l.i(I::I32Load(m(0, 2))).i(I::LocalTee(holder)).i(I::I32Const(0)).i(I::I32LtS).i(I::BrIf(1));
            l.i(I::LocalGet(holder));
            vc::box_i32(&mut *l.code.borrow_mut(), TYPE_INT32);
            l.i(I::LocalSet(res));
            return;
        }
        _ => unreachable!("filtered by site_shapes"),
    };
    slot_address(l, from, s.stub, offset, dynamic);
    l.i(I::I64Load(m(0, 3))).i(I::LocalSet(res));
}

/// `GetGName`: the predicted global binding read inline when the site's first stub has one of
/// its bodies, else the chain (which the IC sees with the global lexical environment).
pub(crate) fn get_gname(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let bodies = predicted(l, &cx.op.name);
    if bodies.is_empty() {
        return super::calls::name(l, cx);
    }
    let (stub, code, obj) = (l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32));
    let res = l.temp(ValType::I64);
    l.count_site(cx.idx, "entered");
    l.sync_stack();
    l.open_block(); // $done
    l.open_block(); // $slow
    first_stub(l, cx.idx, stub, code);
    for b in &bodies {
        b.code_in_group(l, code);
        l.open_if();
        match b.shape {
            InlineShape::LexicalSlotRead { offset } => {
                l.global_lexical_env();
                l.i(I::LocalSet(obj));
                slot_address(l, obj, stub, offset, true);
            }
            InlineShape::GlobalSlotRead { generation, generation_addr, holder, offset } => {
                l.i(I::LocalGet(stub)).i(I::I32Load(m(generation_addr, 2))).i(I::I32Load(m(0, 2)));
                l.i(I::LocalGet(stub)).i(I::I32Load(m(generation, 2))).i(I::I32Ne).i(I::BrIf(1));
                l.i(I::LocalGet(stub)).i(I::I32Load(m(holder, 2))).i(I::LocalSet(obj));
                slot_address(l, obj, stub, offset, true);
            }
            _ => unreachable!("filtered by site_shapes"),
        }
        l.i(I::I64Load(m(0, 3))).i(I::LocalSet(res));
        l.i(I::Br(2));
        l.end();
    }
    l.end();
    // The chain.
    l.count_site(cx.idx, "chain");
    super::calls::name_ic_operands(l, &cx.op.name);
    l.ic_call(cx.idx);
    l.i(I::LocalGet(l.p.r)).i(I::LocalSet(res));
    l.end();
    for t in [stub, code, obj] {
        l.free_temp(t);
    }
    l.after_gc_point();
    l.push_new(Loc::Boxed(res), Ty::Unknown);
    Ok(())
}

/// Pushes the address of the slot at the byte offset in stub field `offset` of the object in
/// local `obj`: from the object itself, or (`dynamic`) into its dynamic slots, whole slots
/// only (the engine indexes them by `offset / sizeof(Value)`).
fn slot_address(l: &Lower<'_>, obj: u32, stub: u32, offset: u32, dynamic: bool) {
    l.i(I::LocalGet(obj));
    if dynamic {
        l.i(I::I32Load(m(ic::OBJ_SLOTS, 2)));
    }
    l.i(I::LocalGet(stub)).i(I::I32Load(m(offset, 2)));
    if dynamic {
        l.i(I::I32Const(!7)).i(I::I32And);
    }
    l.i(I::I32Add);
}

/// Inside an open body: the object in stub field `object` (left in local `keep`) has the
/// shape in stub field `shape`, else a branch to label 1; `GuardShape` of a stub-held object.
fn guard_stub_object_shape(l: &Lower<'_>, stub: u32, object: u32, shape: u32, keep: u32) {
    l.i(I::LocalGet(stub)).i(I::I32Load(m(object, 2))).i(I::LocalTee(keep)).i(I::I32Load(m(ic::OBJ_SHAPE, 2)));
    l.i(I::LocalGet(stub)).i(I::I32Load(m(shape, 2))).i(I::I32Ne).i(I::BrIf(1));
}

/// Inside an open body (`$slow` is label 1): the prototype objects in the stub's fields still
/// have the stub's shapes, the add needs no GC barrier (a pre-barrier on the replaced shape
/// while its zone is marked, a post-barrier for the value), then the object gets the new shape
/// and the value its new slot; as `AddAndStore{Fixed,Dynamic}Slot` does in the stub library.
fn add_property(l: &Lower<'_>, s: SiteLocals, protos: &[(u32, u32)], (offset, new_shape, dynamic): (u32, u32, bool), vv: u32, (t, cell): (u32, u32)) {
    for &(object, shape) in protos {
        guard_stub_object_shape(l, s.stub, object, shape, t);
    }
    // Shapes are always tenured: the old one needs a pre-barrier exactly while its zone is marked.
    l.i(I::LocalGet(s.o)).i(I::I32Load(m(ic::OBJ_SHAPE, 2))).i(I::LocalSet(t));
    vc::zone_needs_barrier(&mut *l.code.borrow_mut(), t);
    vc::needs_post_barrier(&mut *l.code.borrow_mut(), vv, s.o, cell);
    l.i(I::I32Or).i(I::BrIf(1));
    l.i(I::LocalGet(s.o)).i(I::LocalGet(s.stub)).i(I::I32Load(m(new_shape, 2))).i(I::I32Store(m(ic::OBJ_SHAPE, 2)));
    slot_address(l, s.o, s.stub, offset, dynamic);
    l.i(I::LocalGet(vv)).i(I::I64Store(m(0, 3)));
}

/// `obj.name = val` (`SetProp`, `StrictSetProp`): the predicted slot-store bodies inline when
/// the store needs no GC barrier (checked at the site), else the chain. The value stays on the
/// stack as the op's result.
pub(crate) fn set_prop(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let bodies = predicted(l, &cx.op.name);
    if bodies.is_empty() {
        return super::calls::set_prop(l, cx);
    }
    let rhs = l.pop();
    let obj = l.pop();
    let vo = l.boxed_local(obj, cx.d - 1);
    let vv = l.temp(ValType::I64);
    l.emit_value(&rhs, cx.d);
    l.i(I::LocalSet(vv));
    l.push(rhs);
    let (o, stub, code, addr, cell) = (l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::I32));
    let old = l.temp(ValType::I64);
    let s = SiteLocals { o, stub, code };
    open_site(l, cx, vo, s);
    // Every check comes before the store, so a failed one can go on with the next stub.
    let retry = open_stub_loop(l);
    for b in &bodies {
        open_body(l, b, s);
        match b.shape {
            InlineShape::SlotWrite { offset, dynamic, .. } => {
                slot_address(l, o, stub, offset, dynamic);
                l.i(I::LocalTee(addr)).i(I::I64Load(m(0, 3))).i(I::LocalSet(old));
                vc::needs_pre_barrier(&mut *l.code.borrow_mut(), old, cell);
                vc::needs_post_barrier(&mut *l.code.borrow_mut(), vv, o, cell);
                l.i(I::I32Or).i(I::BrIf(1));
                l.i(I::LocalGet(addr)).i(I::LocalGet(vv)).i(I::I64Store(m(0, 3)));
            }
            InlineShape::SlotAdd { protos, nprotos, offset, new_shape, dynamic, .. } => {
                add_property(l, s, &protos[..nprotos as usize], (offset, new_shape, dynamic), vv, (addr, cell));
            }
            _ => unreachable!("filtered above"),
        }
        l.i(I::Br(STUB_LOOP_DONE));
        l.end();
    }
    close_stub_loop(l, s, retry);
    l.end();
    let (a, bb) = (l.p.a, l.p.b);
    l.i(I::LocalGet(vo)).i(I::LocalSet(a)).i(I::LocalGet(vv)).i(I::LocalSet(bb));
    l.count_site(cx.idx, "chain");
    l.ic_call(cx.idx);
    l.end();
    l.after_gc_point();
    for t in [vo, vv, o, stub, code, addr, cell, old] {
        l.free_temp(t);
    }
    Ok(())
}
