//! Value code shared by both code generators: boxing and unboxing NUNBOX32 Values, NaN
//! canonicalisation, the int32 fit check, ToInt32, the JSOp-to-compare mapping and the engine's
//! barriered store. The stub compiler and the script compiler each call these; neither keeps a
//! copy of its own.
//!
//! Every function appends instructions to an [`Emit`] sink and documents its stack effect.
//! Scratch locals are passed in by the caller, which owns its local layout.

use runtime_abi::ic;
use runtime_abi::value::{tag, tag_bits, TYPE_BOOLEAN, TYPE_INT32};
use wasm_encoder::{BlockType, Encode, Function, Instruction as I, MemArg, ValType};

/// Where generated instructions go: a `Function` being built, or raw code bytes.
pub trait Emit {
    fn emit(&mut self, ins: &I<'_>);
}

impl Emit for Function {
    fn emit(&mut self, ins: &I<'_>) {
        self.instruction(ins);
    }
}

impl Emit for Vec<u8> {
    fn emit(&mut self, ins: &I<'_>) {
        ins.encode(self);
    }
}

fn all<E: Emit + ?Sized>(e: &mut E, ins: &[I<'_>]) {
    for i in ins {
        e.emit(i);
    }
}

/// `[i32 payload] -> [i64 Value]` of the non-double type `ty`.
pub fn box_i32<E: Emit + ?Sized>(e: &mut E, ty: u32) {
    all(e, &[I::I64ExtendI32U, I::I64Const(tag_bits(ty) as i64), I::I64Or]);
}

/// `[f64] -> [i64 Value]`: a double Value, NaN folded to the canonical NaN as `DoubleValue`
/// does (any other NaN bit pattern could read as a tagged Value). `tf` is a scratch f64.
pub fn box_double<E: Emit + ?Sized>(e: &mut E, tf: u32) {
    all(e, &[I::LocalTee(tf), I::I64ReinterpretF64, I::I64Const(ic::CANONICAL_NAN as i64)]);
    all(e, &[I::LocalGet(tf), I::LocalGet(tf), I::F64Eq, I::Select]);
}

/// `[f64] -> [i64 Value]` as `NumberValue` does: an int32 Value when the number is an int32
/// (and not -0), else a double Value. Scratch: `tf` (f64), `t32` (i32).
pub fn box_number<E: Emit + ?Sized>(e: &mut E, tf: u32, t32: u32) {
    is_int32_number(e, tf, t32);
    e.emit(&I::If(BlockType::Result(ValType::I64)));
    e.emit(&I::LocalGet(t32));
    box_i32(e, TYPE_INT32);
    e.emit(&I::Else);
    e.emit(&I::LocalGet(tf));
    box_double(e, tf);
    e.emit(&I::End);
}

/// `[f64] -> [i32]`: whether the number is an int32 (`NumberIsInt32`: integral, in range, and
/// not -0). Leaves the number in `tf` and, when it is one, the int32 in `t32`.
pub fn is_int32_number<E: Emit + ?Sized>(e: &mut E, tf: u32, t32: u32) {
    // t32 = trunc_sat(x); int32 iff converting back gives x (NaN never does) and x is not -0
    // (the sign bit set at 0).
    all(e, &[I::LocalTee(tf), I::I32TruncSatF64S, I::LocalTee(t32), I::F64ConvertI32S, I::LocalGet(tf), I::F64Eq]);
    all(e, &[I::LocalGet(tf), I::I64ReinterpretF64, I::I64Const(0), I::I64LtS, I::LocalGet(t32), I::I32Eqz, I::I32And, I::I32Eqz, I::I32And]);
}

/// `[f64 x] -> [f64]`: `Math.round(x)`: the nearest integer, ties toward +Infinity, keeping the
/// sign of x (so -0.4 and -0.5 round to -0). Scratch: `x` and `f` (f64 locals).
pub fn js_round<E: Emit + ?Sized>(e: &mut E, x: u32, f: u32) {
    // f = floor(x); x - f is exact for every double; a fraction of at least one half rounds up.
    all(e, &[I::LocalTee(x), I::F64Floor, I::LocalTee(f), I::F64Const(wasm_encoder::Ieee64::from(1.0f64)), I::F64Add, I::LocalGet(f)]);
    all(e, &[I::LocalGet(x), I::LocalGet(f), I::F64Sub, I::F64Const(wasm_encoder::Ieee64::from(0.5f64)), I::F64Ge, I::Select]);
    all(e, &[I::LocalGet(x), I::F64Copysign]);
}

/// `[i32] -> [i32]`: an int32 clamped to 0..=255 (`Uint8ClampedArray` stores of int32s).
/// Scratch: `t` (i32).
pub fn clamp_to_u8<E: Emit + ?Sized>(e: &mut E, t: u32) {
    all(e, &[I::LocalTee(t), I::I32Const(0), I::LocalGet(t), I::I32Const(0), I::I32GtS, I::Select, I::LocalTee(t)]);
    all(e, &[I::I32Const(255), I::LocalGet(t), I::I32Const(255), I::I32LeS, I::Select]);
}

/// `[] -> [i32]`: whether the GC cell whose address is in local `cell` is in the nursery (its
/// chunk has a store buffer).
pub fn in_nursery<E: Emit + ?Sized>(e: &mut E, cell: u32) {
    all(e, &[I::LocalGet(cell), I::I32Const(ic::CHUNK_BASE_MASK), I::I32And]);
    all(e, &[I::I32Load(MemArg { offset: ic::CHUNK_STORE_BUFFER as u64, align: 2, memory_index: 0 }), I::I32Const(0), I::I32Ne]);
}

/// `[] -> [i32]`: whether the zone of the *tenured* cell in local `cell` is being marked
/// incrementally, so overwriting a pointer to the cell needs a pre-write barrier.
pub fn zone_needs_barrier<E: Emit + ?Sized>(e: &mut E, cell: u32) {
    all(e, &[I::LocalGet(cell), I::I32Const(ic::ARENA_BASE_MASK), I::I32And]);
    e.emit(&I::I32Load(MemArg { offset: ic::ARENA_ZONE as u64, align: 2, memory_index: 0 }));
    e.emit(&I::I32Load(MemArg { offset: ic::ZONE_NEEDS_INCREMENTAL_BARRIER as u64, align: 2, memory_index: 0 }));
    all(e, &[I::I32Const(1), I::I32And]);
}

/// `[] -> [i32]`: whether overwriting the Value in local `old` needs a pre-write barrier: it
/// is a tenured GC thing in a zone being marked. `cell` is a scratch i32.
pub fn needs_pre_barrier<E: Emit + ?Sized>(e: &mut E, old: u32, cell: u32) {
    is_gc_thing(e, old);
    e.emit(&I::If(BlockType::Result(ValType::I32)));
    all(e, &[I::LocalGet(old), I::I32WrapI64, I::LocalSet(cell)]);
    in_nursery(e, cell);
    e.emit(&I::If(BlockType::Result(ValType::I32)));
    e.emit(&I::I32Const(0));
    e.emit(&I::Else);
    zone_needs_barrier(e, cell);
    e.emit(&I::End);
    e.emit(&I::Else);
    e.emit(&I::I32Const(0));
    e.emit(&I::End);
}

/// `[] -> [i32]`: whether storing the Value in local `v` into the object in local `owner`
/// needs a post-write barrier: a nursery GC thing stored into a tenured object. `cell` is a
/// scratch i32.
pub fn needs_post_barrier<E: Emit + ?Sized>(e: &mut E, v: u32, owner: u32, cell: u32) {
    is_gc_thing(e, v);
    e.emit(&I::If(BlockType::Result(ValType::I32)));
    all(e, &[I::LocalGet(v), I::I32WrapI64, I::LocalSet(cell)]);
    in_nursery(e, cell);
    in_nursery(e, owner);
    all(e, &[I::I32Eqz, I::I32And]);
    e.emit(&I::Else);
    e.emit(&I::I32Const(0));
    e.emit(&I::End);
}

/// `[] -> [i32]`: whether the Value in local `v` is a GC thing (string, symbol, BigInt, object
/// or private GC thing: every tag from the string tag up; doubles are below the tag range).
pub fn is_gc_thing<E: Emit + ?Sized>(e: &mut E, v: u32) {
    e.emit(&I::LocalGet(v));
    tag_of(e);
    all(e, &[I::I32Const(tag(runtime_abi::value::TYPE_STRING) as i32), I::I32GeU]);
}

/// `[i64 Value] -> [i32 tag]`: the high word.
pub fn tag_of<E: Emit + ?Sized>(e: &mut E) {
    all(e, &[I::I64Const(32), I::I64ShrU, I::I32WrapI64]);
}

/// `[] -> [i32]`: whether the Value in local `v` has the non-double type `ty`.
pub fn has_type<E: Emit + ?Sized>(e: &mut E, v: u32, ty: u32) {
    e.emit(&I::LocalGet(v));
    tag_of(e);
    all(e, &[I::I32Const(tag(ty) as i32), I::I32Eq]);
}

/// `[] -> [i32]`: whether the Value in local `v` is a number (a double or an int32).
pub fn is_number<E: Emit + ?Sized>(e: &mut E, v: u32) {
    e.emit(&I::LocalGet(v));
    tag_of(e);
    all(e, &[I::I32Const(tag(TYPE_INT32) as i32), I::I32LeU]);
}

/// `[] -> [f64]`: the number Value in local `v` as an f64 (int32 payloads converted).
pub fn number_to_f64<E: Emit + ?Sized>(e: &mut E, v: u32) {
    all(e, &[I::LocalGet(v), I::I32WrapI64, I::F64ConvertI32S, I::LocalGet(v), I::F64ReinterpretI64]);
    has_type(e, v, TYPE_INT32);
    e.emit(&I::Select);
}

/// `[i64] -> [i32]`: whether the exact result fits in int32; the i64 is kept in `w`.
pub fn fits_int32<E: Emit + ?Sized>(e: &mut E, w: u32) {
    all(e, &[I::LocalTee(w), I::LocalGet(w), I::I32WrapI64, I::I64ExtendI32S, I::I64Eq]);
}

/// `[f64] -> [i32]`: ECMAScript ToInt32, branch-free. `t - floor(t / 2^32) * 2^32` of the
/// truncated value is exact (every term is an integer the f64 holds exactly) and lies in
/// [0, 2^32); NaN and the infinities come out as NaN, which the saturating conversion makes 0.
/// Scratch: `tf` (f64).
pub fn to_int32<E: Emit + ?Sized>(e: &mut E, tf: u32) {
    const TWO_32: f64 = 4294967296.0;
    all(e, &[I::F64Trunc, I::LocalTee(tf), I::LocalGet(tf), I::F64Const((1.0 / TWO_32).into()), I::F64Mul, I::F64Floor]);
    all(e, &[I::F64Const(TWO_32.into()), I::F64Mul, I::F64Sub, I::I64TruncSatF64U, I::I32WrapI64]);
}

/// Which operands a comparison reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOn {
    Int32,
    Double,
}

/// The Wasm comparison for a relational or equality JSOp on numbers. Loose and strict
/// equality agree on numbers.
pub fn compare_instr(jsop: &str, on: CompareOn) -> Option<I<'static>> {
    use CompareOn::*;
    Some(match (jsop, on) {
        ("Eq" | "StrictEq", Int32) => I::I32Eq,
        ("Ne" | "StrictNe", Int32) => I::I32Ne,
        ("Lt", Int32) => I::I32LtS,
        ("Gt", Int32) => I::I32GtS,
        ("Le", Int32) => I::I32LeS,
        ("Ge", Int32) => I::I32GeS,
        ("Eq" | "StrictEq", Double) => I::F64Eq,
        ("Ne" | "StrictNe", Double) => I::F64Ne,
        ("Lt", Double) => I::F64Lt,
        ("Gt", Double) => I::F64Gt,
        ("Le", Double) => I::F64Le,
        ("Ge", Double) => I::F64Ge,
        _ => return None,
    })
}

/// `[i32 0/1] -> [i64 Value]`: a boolean Value.
pub fn box_bool<E: Emit + ?Sized>(e: &mut E) {
    box_i32(e, TYPE_BOOLEAN);
}

/// The engine's barriered Value store, `GCPtr<Value>::set(addr, &v)` (func `set`), called as
/// the engine's own interpreter calls it: the Value passes through a 16-byte slot carved from
/// the C shadow stack (global `sp_global`). `addr` pushes the i32 slot address; `value` is an
/// i64 local. Scratch: `t32` (i32).
pub struct BarrieredStore {
    pub set: u32,
    pub sp_global: u32,
    pub t32: u32,
}

impl BarrieredStore {
    pub fn emit<E: Emit + ?Sized>(&self, e: &mut E, value: u32, addr: impl FnOnce(&mut E)) {
        let (g, t) = (self.sp_global, self.t32);
        shadow_alloc(e, g, t, 16);
        all(e, &[I::LocalGet(t), I::LocalGet(value), I::I64Store(MemArg { offset: 0, align: 3, memory_index: 0 })]);
        addr(e);
        all(e, &[I::LocalGet(t), I::Call(self.set)]);
        shadow_free(e, g, t, 16);
    }
}

/// Carves `bytes` (a multiple of 8) from the C shadow stack (global `sp_global`, growing down);
/// the address is left in local `t`.
pub fn shadow_alloc<E: Emit + ?Sized>(e: &mut E, sp_global: u32, t: u32, bytes: u32) {
    all(e, &[I::GlobalGet(sp_global), I::I32Const(bytes as i32), I::I32Sub, I::LocalTee(t), I::GlobalSet(sp_global)]);
}

/// Gives back what [`shadow_alloc`] carved at the address in local `t`.
pub fn shadow_free<E: Emit + ?Sized>(e: &mut E, sp_global: u32, t: u32, bytes: u32) {
    all(e, &[I::LocalGet(t), I::I32Const(bytes as i32), I::I32Add, I::GlobalSet(sp_global)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `to_int32` through a tiny interpreter of the instructions it emits, to check the
    /// arithmetic identity on the edges (the emitted code is exercised end to end elsewhere).
    fn to_int32_model(x: f64) -> i32 {
        let t = x.trunc();
        let m = t - (t * (1.0 / 4294967296.0)).floor() * 4294967296.0;
        // i64.trunc_sat_f64_u: NaN -> 0, negative -> 0, too large -> u64::MAX.
        let u = if m.is_nan() || m <= 0.0 { 0u64 } else if m >= 18446744073709551616.0 { u64::MAX } else { m as u64 };
        u as u32 as i32
    }

    fn js_to_int32(x: f64) -> i32 {
        if !x.is_finite() {
            return 0;
        }
        let t = x.trunc();
        let m = t.rem_euclid(4294967296.0);
        m as u64 as u32 as i32
    }

    #[test]
    fn to_int32_identity_matches_ecmascript_on_edges() {
        let cases = [
            0.0, -0.0, 1.5, -1.5, -3.7, 2147483647.0, 2147483648.0, -2147483648.0, -2147483649.0, 4294967295.0,
            4294967296.0, 4294967297.5, -1.5e10, 1e20, -1e20, 9007199254740993.0, 1.7976931348623157e308, f64::NAN,
            f64::INFINITY, f64::NEG_INFINITY, 5e-324, -5e-324,
        ];
        for x in cases {
            assert_eq!(to_int32_model(x), js_to_int32(x), "ToInt32({x})");
        }
    }

    #[test]
    fn emitted_sequences_validate_as_functions() {
        use wasm_encoder::{CodeSection, FunctionSection, Module, TypeSection};
        // (f64) -> i64 box_number; (f64) -> i32 to_int32; (i64) -> f64 number_to_f64.
        let mut types = TypeSection::new();
        types.ty().function([ValType::F64], [ValType::I64]);
        types.ty().function([ValType::F64], [ValType::I32]);
        types.ty().function([ValType::I64], [ValType::F64]);
        let mut funcs = FunctionSection::new();
        let mut code = CodeSection::new();
        let mut f = Function::new([(1, ValType::F64), (1, ValType::I32)]);
        f.emit(&I::LocalGet(0));
        box_number(&mut f, 1, 2);
        f.emit(&I::End);
        funcs.function(0);
        code.function(&f);
        let mut f = Function::new([(1, ValType::F64)]);
        f.emit(&I::LocalGet(0));
        to_int32(&mut f, 1);
        f.emit(&I::End);
        funcs.function(1);
        code.function(&f);
        let mut f = Function::new([]);
        number_to_f64(&mut f, 0);
        f.emit(&I::End);
        funcs.function(2);
        code.function(&f);
        let mut m = Module::new();
        m.section(&types).section(&funcs).section(&code);
        wasmparser::validate(&m.finish()).expect("value code validates");
    }
}
