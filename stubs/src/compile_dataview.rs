//! DataView loads and stores (`getInt16`, `setFloat64`, ...) on fixed-length views: what the
//! engine's JITs emit for them. (This engine's CacheIR interpreter does not implement them: it
//! fails such a stub and the call goes to the fallback, which runs the native.)
//!
//! The view's bytes start at its data pointer (the same slot as a typed array's), its byte
//! length is in the length slot (0 once the buffer is detached). An access with `offset < 0`
//! or `offset + size > byteLength` fails the stub, so the native reports the RangeError. Wasm
//! memory is little-endian: a big-endian access swaps the bytes.

use super::{Decline, Emitter};
use runtime_abi::ic::{self, scalar as sc};
use runtime_abi::value;
use wasm_encoder::{BlockType, Instruction as I};

/// The element types a DataView access handles here (BigInt64 ones are declined).
fn byte_size(ty: u8) -> Option<i32> {
    match ty {
        sc::INT8 | sc::UINT8 => Some(1),
        sc::INT16 | sc::UINT16 => Some(2),
        sc::INT32 | sc::UINT32 | sc::FLOAT32 => Some(4),
        sc::FLOAT64 => Some(8),
        _ => None,
    }
}

impl Emitter<'_> {
    /// `LoadDataViewValueResult`: the element of type `ty` at byte `offset` of view `o`, in
    /// the byte order of boolean register `le`.
    pub(super) fn dataview_load(&mut self, o: u8, offset: u8, le: u8, ty: u8, force_double: bool, kind: u8) -> Result<(), Decline> {
        let size = self.dataview_checks(o, offset, ty, kind, "LoadDataViewValueResult")?;
        let (addr, bits, r) = (self.t32, self.t32b, self.result);
        match ty {
            sc::FLOAT64 => {
                let wide = self.t64;
                self.i(I::LocalGet(addr)).i(I::I64Load(Self::mem(0, 0))).i(I::LocalSet(wide));
                self.swap64_unless_le(le, wide);
                self.i(I::LocalGet(wide)).i(I::F64ReinterpretI64);
                self.set_double_result();
            }
            _ => {
                let load = match size {
                    1 => I::I32Load8U(Self::mem(0, 0)),
                    2 => I::I32Load16U(Self::mem(0, 0)),
                    _ => I::I32Load(Self::mem(0, 0)),
                };
                self.i(I::LocalGet(addr)).i(load).i(I::LocalSet(bits));
                if size > 1 {
                    self.swap_unless_le(le, bits, size);
                }
                match ty {
                    sc::INT8 => {
                        self.i(I::LocalGet(bits)).i(I::I32Extend8S);
                        self.box_i32(value::TYPE_INT32, r);
                    }
                    sc::INT16 => {
                        self.i(I::LocalGet(bits)).i(I::I32Extend16S);
                        self.box_i32(value::TYPE_INT32, r);
                    }
                    sc::UINT8 | sc::UINT16 | sc::INT32 => {
                        self.i(I::LocalGet(bits));
                        self.box_i32(value::TYPE_INT32, r);
                    }
                    sc::UINT32 => {
                        // An int32 when it fits (and a double is not asked for), else a double.
                        if !force_double {
                            self.i(I::LocalGet(bits)).i(I::I32Const(0)).i(I::I32GeS);
                            self.i(I::If(BlockType::Empty));
                            self.i(I::LocalGet(bits));
                            self.box_i32(value::TYPE_INT32, r);
                            self.i(I::Else);
                        }
                        self.i(I::LocalGet(bits)).i(I::F64ConvertI32U);
                        self.set_double_result();
                        if !force_double {
                            self.i(I::End);
                        }
                    }
                    _ => {
                        self.i(I::LocalGet(bits)).i(I::F32ReinterpretI32).i(I::F64PromoteF32);
                        self.set_double_result();
                    }
                }
            }
        }
        Ok(())
    }

    /// `StoreDataViewValueResult`: register `v` (an int32 for integer types, a number for
    /// floats) stored as type `ty` at byte `offset` of view `o`, in the byte order of `le`;
    /// the result is undefined.
    pub(super) fn dataview_store(&mut self, o: u8, offset: u8, v: u8, le: u8, ty: u8, kind: u8) -> Result<(), Decline> {
        let size = self.dataview_checks(o, offset, ty, kind, "StoreDataViewValueResult")?;
        let (addr, bits) = (self.t32, self.t32b);
        match ty {
            sc::FLOAT64 => {
                let wide = self.t64;
                self.to_number(v);
                self.i(I::I64ReinterpretF64).i(I::LocalSet(wide));
                self.swap64_unless_le(le, wide);
                self.i(I::LocalGet(addr)).i(I::LocalGet(wide)).i(I::I64Store(Self::mem(0, 0)));
            }
            _ => {
                if ty == sc::FLOAT32 {
                    self.to_number(v);
                    self.i(I::F32DemoteF64).i(I::I32ReinterpretF32);
                } else {
                    self.lo(v);
                }
                self.i(I::LocalSet(bits));
                if size > 1 {
                    self.swap_unless_le(le, bits, size);
                }
                let store = match size {
                    1 => I::I32Store8(Self::mem(0, 0)),
                    2 => I::I32Store16(Self::mem(0, 0)),
                    _ => I::I32Store(Self::mem(0, 0)),
                };
                self.i(I::LocalGet(addr)).i(I::LocalGet(bits)).i(store);
            }
        }
        let r = self.result;
        self.i(I::I64Const(super::tag_bits(value::TYPE_UNDEFINED) as i64)).i(I::LocalSet(r));
        Ok(())
    }

    /// Declines what is not handled here, then fails unless `offset` (an int32) is
    /// non-negative and the `size` bytes from it are inside the view; leaves their address in
    /// `t32`. Returns the element size.
    fn dataview_checks(&mut self, o: u8, offset: u8, ty: u8, kind: u8, op: &str) -> Result<i32, Decline> {
        let Some(size) = byte_size(ty) else { return Err(Decline::UnsupportedOperand(op.into())) };
        if kind != ic::VIEW_KIND_FIXED_LENGTH {
            return Err(Decline::UnsupportedOperand(op.into()));
        }
        let (off, addr) = (self.t32c, self.t32);
        self.lo(offset);
        self.i(I::LocalTee(off)).i(I::I32Const(0)).i(I::I32LtS);
        self.fail_if();
        // offset + size > byteLength, without overflow (both below 2^31).
        self.i(I::LocalGet(off)).i(I::I64ExtendI32U).i(I::I64Const(i64::from(size))).i(I::I64Add);
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::TYPED_ARRAY_LENGTH, 2))).i(I::I64ExtendI32U).i(I::I64GtU);
        self.fail_if();
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::TYPED_ARRAY_DATA, 2))).i(I::LocalGet(off)).i(I::I32Add).i(I::LocalSet(addr));
        Ok(size)
    }

    /// Byte-swaps the low `size` (2 or 4) bytes of i32 local `x` unless boolean register `le`
    /// is true.
    fn swap_unless_le(&mut self, le: u8, x: u32, size: i32) {
        self.big_endian(le);
        self.i(I::If(BlockType::Empty));
        if size == 2 {
            // ((x & 0xFF) << 8) | ((x >> 8) & 0xFF)
            self.i(I::LocalGet(x)).i(I::I32Const(0xFF)).i(I::I32And).i(I::I32Const(8)).i(I::I32Shl);
            self.i(I::LocalGet(x)).i(I::I32Const(8)).i(I::I32ShrU).i(I::I32Const(0xFF)).i(I::I32And);
            self.i(I::I32Or).i(I::LocalSet(x));
        } else {
            self.bswap32(x);
            self.i(I::LocalSet(x));
        }
        self.i(I::End);
    }

    /// Byte-swaps i64 local `x` unless boolean register `le` is true.
    fn swap64_unless_le(&mut self, le: u8, x: u32) {
        let half = self.t32d;
        self.big_endian(le);
        self.i(I::If(BlockType::Empty));
        // (bswap32(lo) << 32) | bswap32(hi)
        self.i(I::LocalGet(x)).i(I::I32WrapI64).i(I::LocalSet(half));
        self.bswap32(half);
        self.i(I::I64ExtendI32U).i(I::I64Const(32)).i(I::I64Shl);
        self.i(I::LocalGet(x)).i(I::I64Const(32)).i(I::I64ShrU).i(I::I32WrapI64).i(I::LocalSet(half));
        self.bswap32(half);
        self.i(I::I64ExtendI32U).i(I::I64Or).i(I::LocalSet(x));
        self.i(I::End);
    }

    /// Pushes i32 local `x` with its four bytes reversed.
    fn bswap32(&mut self, x: u32) {
        self.i(I::LocalGet(x)).i(I::I32Const(8)).i(I::I32Rotr).i(I::I32Const(0xFF00_FF00u32 as i32)).i(I::I32And);
        self.i(I::LocalGet(x)).i(I::I32Const(8)).i(I::I32Rotl).i(I::I32Const(0x00FF_00FF)).i(I::I32And);
        self.i(I::I32Or);
    }

    /// Pushes whether boolean register `le` is false (a big-endian access).
    fn big_endian(&mut self, le: u8) {
        self.lo(le);
        self.i(I::I32Eqz);
    }
}
