//! BigInt arithmetic, comparisons and truth, `Map` and `Set` lookups and sizes, proxy gets and
//! sets, `Object.is`, `Reflect.getPrototypeOf` and `slice` in stubs, through the engine's own
//! functions as its interpreter runs them on a fallback hit. (This engine's CacheIR
//! interpreter implements none of these ops but `PackedArraySliceResult`: it fails every such
//! stub, and each hit goes on to the fallback.)
//!
//! Operands that are GC things travel as Values in the `State`'s Value cells, where the GC
//! traces and updates them: a cell is a `HandleValue`, and (NUNBOX32, payload first) also a
//! handle to its GC thing (`Handle<BigInt*>`, `HandleObject`). Calls that may allocate are
//! made behind the IC frame; the cells are given back before anything else, error or not.
//! Ops answered by one of the engine's `JSNative`s call it as a native call from a stub is
//! made (`call_engine_native`).

use super::{Decline, Emitter, P_CTX};
use runtime_abi::script::{self as sf, ctx};
use runtime_abi::value::{TYPE_BIGINT, TYPE_BOOLEAN, TYPE_UNDEFINED};
use wasm_encoder::Instruction as I;

/// What these ops call in the engine (output function indices).
#[derive(Clone, Copy, Debug)]
pub struct ValueOpFuncs {
    /// `BigInt::addValue` and the others, `(cx, HandleValue, HandleValue, MutableHandleValue)
    /// -> bool`, in the order of `BigIntBinary`.
    pub binary: [u32; 11],
    /// `negValue`, `incValue`, `decValue`, `bitNotValue`: `(cx, HandleValue,
    /// MutableHandleValue) -> bool`, in the order of `BigIntUnary`.
    pub unary: [u32; 4],
    /// `BigInt::asIntN` and `asUintN`: `(cx, Handle<BigInt*>, uint64 bits) -> BigInt*`.
    pub as_n: [u32; 2],
    /// `BigInt::equal(BigInt*, BigInt*) -> bool`, pure.
    pub equal: u32,
    /// `LooselyEqual`, `StrictlyEqual`, `LessThan`, `LessThanOrEqual`: `(cx, &lhs, &rhs,
    /// bool* out) -> bool`, in the order of `ValueCompare`.
    pub compare: [u32; 4],
    /// `MapObject::has(cx, HandleObject, HandleValue key, bool*) -> bool` and
    /// `MapObject::get(cx, HandleObject, HandleValue key, MutableHandleValue) -> bool`.
    pub map: [u32; 2],
    /// `Proxy::get(cx, HandleObject proxy, HandleValue receiver, HandleId, MutableHandleValue)
    /// -> bool`.
    pub proxy_get: u32,
    /// `SameValue(cx, const Value&, const Value&, bool*) -> bool`.
    pub same_value: u32,
    /// `Proxy::set(cx, HandleObject proxy, HandleId, HandleValue v, HandleValue receiver,
    /// ObjectOpResult&) -> bool`.
    pub proxy_set: u32,
    /// The `JSNative`s of `Set.prototype.has`, of the `size` getters of `Set` and `Map`, of
    /// `Reflect.getPrototypeOf` and of `Array.prototype.slice`, in the order of `EngineNative`.
    pub engine_natives: [u32; 5],
}

/// The engine's own natives ops are answered by (`ValueOpFuncs::engine_natives`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum EngineNative {
    SetHas,
    SetSize,
    MapSize,
    ReflectGetPrototypeOf,
    ArraySlice,
}

/// The binary BigInt ops, in the order of `ValueOpFuncs::binary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BigIntBinary {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    LeftShift,
    RightShift,
}

/// The unary BigInt ops, in the order of `ValueOpFuncs::unary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BigIntUnary {
    Negation,
    Inc,
    Dec,
    Not,
}

/// The engine's Value comparisons, in the order of `ValueOpFuncs::compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ValueCompare {
    LooselyEqual,
    StrictlyEqual,
    LessThan,
    LessThanOrEqual,
}

/// How a comparison op is answered: which engine comparison, with the operands swapped or
/// not, and the answer negated or not.
fn comparison_for(jsop: &str) -> Option<(ValueCompare, bool, bool)> {
    Some(match jsop {
        "Eq" => (ValueCompare::LooselyEqual, false, false),
        "Ne" => (ValueCompare::LooselyEqual, false, true),
        "StrictEq" => (ValueCompare::StrictlyEqual, false, false),
        "StrictNe" => (ValueCompare::StrictlyEqual, false, true),
        "Lt" => (ValueCompare::LessThan, false, false),
        "Le" => (ValueCompare::LessThanOrEqual, false, false),
        "Gt" => (ValueCompare::LessThan, true, false),
        "Ge" => (ValueCompare::LessThanOrEqual, true, false),
        _ => return None,
    })
}

/// The cells operands go in, first to last.
const CELLS: [u32; 2] = [sf::STATE_VALUE0, sf::STATE_VALUE1];

impl Emitter<'_> {
    /// The engine functions these ops call, if the engine has them all (and calls from stubs).
    fn value_op_funcs(&self) -> Result<ValueOpFuncs, Decline> {
        match (self.env.calls, self.env.value_ops) {
            (Some(_), Some(f)) => Ok(f),
            _ => Err(Decline::Unsupported(self.op.into())),
        }
    }

    /// `BigIntAddResult` and the other binary ops: the engine's `BigInt::addValue` (and the
    /// others) of the two BigInts, the result a new BigInt; false is an error (a RangeError
    /// for a zero divisor or a negative exponent, or out of memory).
    pub(super) fn bigint_binary(&mut self, lhs: u8, rhs: u8, op: BigIntBinary) -> Result<(), Decline> {
        let f = self.value_op_funcs()?;
        self.call_value_op(&[lhs, rhs], f.binary[op as usize]);
        Ok(())
    }

    /// `BigIntNegationResult`, `BigIntIncResult`, `BigIntDecResult`, `BigIntNotResult`.
    pub(super) fn bigint_unary(&mut self, operand: u8, op: BigIntUnary) -> Result<(), Decline> {
        let f = self.value_op_funcs()?;
        self.call_value_op(&[operand], f.unary[op as usize]);
        Ok(())
    }

    /// Calls `func(cx, &cell0[, &cell1], &cell0)` behind the IC frame with the operands in the
    /// Value cells, the result (written over the first cell) into `result`.
    fn call_value_op(&mut self, operands: &[u8], func: u32) {
        let (state, ok, out) = (self.t32h, self.t32, self.result);
        self.values_in_cells(operands, state);
        self.push_ic_frame();
        self.cx();
        for cell in &CELLS[..operands.len()] {
            self.cell_address(state, *cell);
        }
        self.cell_address(state, CELLS[0]);
        self.i(I::Call(func)).i(I::LocalSet(ok));
        self.i(I::LocalGet(state)).i(I::I64Load(Self::mem(CELLS[0], 3))).i(I::LocalSet(out));
        self.clear_value_cells(state, operands.len());
        self.error_unless(ok);
        self.pop_ic_frame();
    }

    /// `BigIntAsIntNResult` / `BigIntAsUintNResult`: BigInt `x` wrapped to `bits` (a
    /// non-negative int32) bits, through the engine's `BigInt::asIntN` / `asUintN` behind the
    /// IC frame; null is an error.
    pub(super) fn bigint_as_n(&mut self, bits: u8, x: u8, unsigned: bool) -> Result<(), Decline> {
        let f = self.value_op_funcs()?;
        let (state, out) = (self.t32h, self.result);
        self.values_in_cells(&[x], state);
        self.call_vm_returning_cell(|e| {
            e.cx();
            e.cell_address(state, CELLS[0]);
            e.lo(bits);
            e.i(I::I64ExtendI32U);
            e.i(I::Call(f.as_n[usize::from(unsigned)]));
            e.clear_value_cells(state, 1);
        });
        self.box_i32(TYPE_BIGINT, out);
        Ok(())
    }

    /// `CompareBigIntResult` (`both_bigints`) and `CompareBigIntInt32Result`,
    /// `CompareBigIntNumberResult`, `CompareBigIntStringResult`: BigInt `lhs` against `rhs`
    /// under JSOp `jsop` (already reversed by the engine when it put the BigInt first).
    /// Equality of two BigInts is the engine's pure `BigInt::equal`; everything else its
    /// Value comparison behind the IC frame (a string operand is parsed, which may allocate).
    pub(super) fn compare_bigint(&mut self, jsop: u8, lhs: u8, rhs: u8, both_bigints: bool) -> Result<(), Decline> {
        let f = self.value_op_funcs()?;
        let op = self.env.ops.jsop_name(jsop).unwrap_or("").to_string();
        let Some((cmp, swap, negate)) = comparison_for(&op) else { return Err(Decline::UnsupportedOperand(self.op.into())) };
        if both_bigints && matches!(cmp, ValueCompare::LooselyEqual | ValueCompare::StrictlyEqual) {
            self.lo(lhs);
            self.lo(rhs);
            self.i(I::Call(f.equal));
        } else {
            let operands = if swap { [rhs, lhs] } else { [lhs, rhs] };
            self.call_value_compare(operands, f.compare[cmp as usize]);
        }
        if negate {
            self.i(I::I32Eqz);
        }
        self.box_i32(TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// `[] -> [i32]`: `func(cx, &cell0, &cell1, &out)` behind the IC frame with the operands in
    /// the Value cells and `out` carved from the shadow stack; false is an error.
    fn call_value_compare(&mut self, operands: [u8; 2], func: u32) {
        let (state, slot, ok, g) = (self.t32h, self.t32b, self.t32, self.env.stack_pointer_global);
        self.values_in_cells(&operands, state);
        crate::value::shadow_alloc(&mut self.f, g, slot, 8);
        self.i(I::LocalGet(slot)).i(I::I32Const(0)).i(I::I32Store(Self::mem(0, 2)));
        self.push_ic_frame();
        self.cx();
        for cell in CELLS {
            self.cell_address(state, cell);
        }
        self.i(I::LocalGet(slot)).i(I::Call(func)).i(I::LocalSet(ok));
        // The answer stays on the stack below what follows.
        self.i(I::LocalGet(slot)).i(I::I32Load8U(Self::mem(0, 0)));
        crate::value::shadow_free(&mut self.f, g, slot, 8);
        self.clear_value_cells(state, 2);
        self.error_unless(ok);
        self.pop_ic_frame();
    }

    /// `MapHasResult` and its variants by key type: whether `Map` `map` has `key`, through
    /// the engine's `MapObject::has` behind the IC frame (hashing a key may flatten a string).
    pub(super) fn map_has(&mut self, map: u8, key: u8) -> Result<(), Decline> {
        let [has, _] = self.value_op_funcs()?.map;
        // The map's cell is also a `HandleObject` (its payload).
        self.call_value_compare([map, key], has);
        self.box_i32(TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// `MapGetResult` and its variants: the value of `key` in `Map` `map`, or undefined,
    /// through `MapObject::get`. Its result is written over the map's cell, which `get` no
    /// longer reads by then.
    pub(super) fn map_get(&mut self, map: u8, key: u8) -> Result<(), Decline> {
        let [_, get] = self.value_op_funcs()?.map;
        self.call_value_op(&[map, key], get);
        Ok(())
    }

    /// The engine's own native `which` called on `this` with `args` (`call_engine_native`):
    /// `SetHasResult` and its key-type variants (the key), `SetSizeResult`, `MapSizeResult` (on
    /// a `Set` or `Map` the body guarded), `ReflectGetPrototypeOfResult` (the object, also as
    /// `this`, which the native ignores), `PackedArraySliceResult` / `ArgumentsSliceResult`
    /// (`slice` of a packed array or arguments object from `begin` to `end`, int32s the body
    /// computed; the template object, which the JITs allocate from, is unused).
    pub(super) fn engine_native(&mut self, this: u8, args: &[u8], which: EngineNative) -> Result<(), Decline> {
        let natives = self.value_op_funcs()?.engine_natives;
        self.call_engine_native(this, args, natives[which as usize]);
        Ok(())
    }

    /// `SameValueResult` (`Object.is`): the engine's `SameValue` of the two Values behind the
    /// IC frame (comparing strings may flatten them).
    pub(super) fn same_value(&mut self, lhs: u8, rhs: u8) -> Result<(), Decline> {
        let func = self.value_op_funcs()?.same_value;
        self.call_value_compare([lhs, rhs], func);
        self.box_i32(TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// `ProxyGetResult`: property `id` (the stub's field, which the GC traces) of proxy `obj`,
    /// as the engine's `ProxyGetProperty` asks it: `Proxy::get` with the proxy as receiver,
    /// behind the IC frame (the handler's trap runs); false is an error.
    pub(super) fn proxy_get(&mut self, obj: u8, id: u8) -> Result<(), Decline> {
        let get = self.value_op_funcs()?.proxy_get;
        let (state, ok, out) = (self.t32h, self.t32, self.result);
        self.values_in_cells(&[obj], state);
        self.push_ic_frame();
        self.cx();
        // The proxy's cell is its handle and the receiver's.
        self.cell_address(state, CELLS[0]);
        self.cell_address(state, CELLS[0]);
        self.field_address(id);
        self.cell_address(state, CELLS[1]);
        self.i(I::Call(get)).i(I::LocalSet(ok));
        self.i(I::LocalGet(state)).i(I::I64Load(Self::mem(CELLS[1], 3))).i(I::LocalSet(out));
        self.clear_value_cells(state, 2);
        self.error_unless(ok);
        self.pop_ic_frame();
        Ok(())
    }

    /// `ProxySet` in sloppy code: property `id` (the stub's field) of proxy `obj` set to
    /// `rhs` through `Proxy::set` with the proxy as receiver, behind the IC frame; false is an
    /// error, and a set the proxy refuses is ignored, as sloppy code ignores it. In strict code
    /// a refusal must throw through the engine's error reporter, which aotjs does not call:
    /// there the stub fails, as the engine's own interpreter fails every `ProxySet`.
    pub(super) fn proxy_set(&mut self, obj: u8, id: u8, rhs: u8, strict: bool) -> Result<(), Decline> {
        let set = self.value_op_funcs()?.proxy_set;
        if strict {
            self.i(I::Br(0));
            return Ok(());
        }
        let (state, slot, ok, g) = (self.t32h, self.t32b, self.t32, self.env.stack_pointer_global);
        self.values_in_cells(&[obj, rhs], state);
        // The `ObjectOpResult`, whose answer sloppy code does not read.
        crate::value::shadow_alloc(&mut self.f, g, slot, 8);
        self.push_ic_frame();
        self.cx();
        self.cell_address(state, CELLS[0]);
        self.field_address(id);
        self.cell_address(state, CELLS[1]);
        self.cell_address(state, CELLS[0]);
        self.i(I::LocalGet(slot)).i(I::Call(set)).i(I::LocalSet(ok));
        crate::value::shadow_free(&mut self.f, g, slot, 8);
        self.clear_value_cells(state, 2);
        self.error_unless(ok);
        self.pop_ic_frame();
        Ok(())
    }

    /// `LoadBigIntTruthyResult`: a BigInt is truthy unless it is zero, which has no digits.
    pub(super) fn bigint_truthy(&mut self, x: u8) -> Result<(), Decline> {
        self.lo(x);
        self.i(I::I32Load(Self::mem(runtime_abi::layout::bigint::DIGIT_LENGTH, 2))).i(I::I32Const(0)).i(I::I32Ne);
        self.box_i32(TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// Stores the Values of registers `operands` in the `State`'s Value cells, first to last,
    /// and leaves the `State`'s address in local `state`.
    fn values_in_cells(&mut self, operands: &[u8], state: u32) {
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::STATE, 2))).i(I::LocalSet(state));
        for (&r, cell) in operands.iter().zip(CELLS) {
            let v = self.reg(r);
            self.i(I::LocalGet(state)).i(I::LocalGet(v)).i(I::I64Store(Self::mem(cell, 3)));
        }
    }

    fn cell_address(&mut self, state: u32, cell: u32) {
        self.i(I::LocalGet(state)).i(I::I32Const(cell as i32)).i(I::I32Add);
    }

    /// Sets the first `n` Value cells back to undefined.
    fn clear_value_cells(&mut self, state: u32, n: usize) {
        let undefined = runtime_abi::value::tag_bits(TYPE_UNDEFINED) as i64;
        for cell in &CELLS[..n] {
            self.i(I::LocalGet(state)).i(I::I64Const(undefined)).i(I::I64Store(Self::mem(*cell, 3)));
        }
    }

}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_swap_for_greater_and_negate_for_not_equal() {
        assert_eq!(comparison_for("Gt"), Some((ValueCompare::LessThan, true, false)));
        assert_eq!(comparison_for("Ge"), Some((ValueCompare::LessThanOrEqual, true, false)));
        assert_eq!(comparison_for("Ne"), Some((ValueCompare::LooselyEqual, false, true)));
        assert_eq!(comparison_for("StrictNe"), Some((ValueCompare::StrictlyEqual, false, true)));
        assert_eq!(comparison_for("Lt"), Some((ValueCompare::LessThan, false, false)));
        assert_eq!(comparison_for("Add"), None);
    }
}
