//! `JS::Value` on wasm32: NUNBOX32, 64 bits, tag in the high word (engine-protocol.md §8.3).

pub const TAG_CLEAR: u32 = 0xFFFF_FF80;
pub const TYPE_DOUBLE: u32 = 0x00;
pub const TYPE_INT32: u32 = 0x01;
pub const TYPE_BOOLEAN: u32 = 0x02;
pub const TYPE_UNDEFINED: u32 = 0x03;
pub const TYPE_NULL: u32 = 0x04;
pub const TYPE_MAGIC: u32 = 0x05;
pub const TYPE_STRING: u32 = 0x06;
pub const TYPE_SYMBOL: u32 = 0x07;
pub const TYPE_PRIVATE_GCTHING: u32 = 0x08;
pub const TYPE_BIGINT: u32 = 0x09;
pub const TYPE_OBJECT: u32 = 0x0C;

/// The high word of a Value of the given non-double type.
pub const fn tag(ty: u32) -> u32 {
    TAG_CLEAR | ty
}

/// A non-double Value's tag as the high 32 bits of the 64-bit Value.
pub const fn tag_bits(ty: u32) -> u64 {
    (tag(ty) as u64) << 32
}

/// A magic Value with reason `why` (`JSWhyMagic`).
pub const fn magic(why: u32) -> u64 {
    tag_bits(TYPE_MAGIC) | why as u64
}

pub const UNDEFINED: u64 = tag_bits(TYPE_UNDEFINED);
pub const NULL: u64 = tag_bits(TYPE_NULL);
/// `JS_ELEMENTS_HOLE`: what `Hole` pushes, and what a dense element holds where there is none.
pub const ELEMENTS_HOLE: u64 = magic(0);
/// `JS_NO_ITER_VALUE`: what `MoreIter` pushes when a for-in iterator is done.
pub const NO_ITER: u64 = magic(1);
/// `JS_IS_CONSTRUCTING`: what `IsConstructing` pushes.
pub const IS_CONSTRUCTING: u64 = magic(5);
