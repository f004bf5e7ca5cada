//! The IC calling convention and the layouts IC stubs touch, on wasm32 (research notes:
//! bytecodealliance/gecko-dev @62cb0e8b `PortableBaselineInterpret.cpp`, checked against the
//! shipped binary's CacheIR interpreter and weval's cached specialisations).
//!
//! A stub's code has the type `(i64 arg0, i64 arg1, i32 stub, i32 ctx) -> i64`: two input
//! Values, the `ICCacheIRStub*`, and the `ICCtx*`. A third input is at `ctx + CTX_ARG2`. The
//! result is a Value; an error stores a code at `ctx + CTX_ERROR` and returns `ERROR_RESULT`.
//! A failed guard calls the next stub's code with the same four arguments.

/// `ICCtx` fields.
pub const CTX_ERROR: u32 = 316;
pub const CTX_ARG2: u32 = 320;
/// `ctx.sp() = u32[ctx + CTX_SPBASE] - u32[ctx + CTX_SPOFFSET]`: the caller's operand stack.
pub const CTX_SPBASE: u32 = 304;
pub const CTX_SPOFFSET: u32 = 308;

/// `ICStub`: the code (a table index) at +0; `ICCacheIRStub`: the next stub at +12. Stub
/// fields start at the StubInfo's `stubDataOffset` from the stub; field byte `b` in CacheIR is
/// at `stubDataOffset + FIELD_SCALE * b` (8-byte fields sit at even `b`).
pub const STUB_CODE: u32 = 0;
pub const STUB_NEXT: u32 = 12;
pub const FIELD_SCALE: u32 = 4;

/// `MagicValueUint32(1000)`: what a stub returns after storing an error in the context.
pub const ERROR_RESULT: u64 = 0xFFFF_FF85_0000_03E8;
/// The magic Value of an uninitialized lexical binding (`JS_UNINITIALIZED_LEXICAL` = 10).
pub const UNINITIALIZED_LEXICAL: u64 = crate::value::magic(10);
/// The canonical NaN every double result is folded to, as `DoubleValue` does.
pub const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// `NativeObject`: shape at +0, dynamic slots at +8, elements at +12. Fixed slots start at +16.
pub const OBJ_SHAPE: u32 = 0;
pub const OBJ_SLOTS: u32 = 8;
pub const OBJ_ELEMENTS: u32 = 12;
/// `Shape` -> `BaseShape` at +0; `BaseShape` -> clasp at +0, proto at +8.
pub const SHAPE_BASE: u32 = 0;
/// `Shape` immutable flags byte at +4; bit 16 set for native objects' shapes.
pub const SHAPE_FLAGS_BYTE: u32 = 4;
pub const SHAPE_IS_NATIVE: i32 = 16;
pub const BASE_CLASP: u32 = 0;
pub const BASE_PROTO: u32 = 8;
/// `ObjectElements` header, below the elements pointer.
pub const ELEMENTS_FLAGS: i32 = -16;
pub const ELEMENTS_INITIALIZED_LENGTH: i32 = -12;
pub const ELEMENTS_CAPACITY: i32 = -8;
pub const ELEMENTS_LENGTH: i32 = -4;
/// `ObjectElements` flags: the length cannot be written, the elements may have holes, an
/// iterator may be over the object.
pub const ELEMENTS_NONWRITABLE_ARRAY_LENGTH: i32 = 0x2;
pub const ELEMENTS_NON_PACKED: i32 = 0x80;
pub const ELEMENTS_MAYBE_IN_ITERATION: i32 = 0x100;

/// `JSClass`: flags at +4; the flag bits aotjs tests (`js/public/Class.h`).
pub const CLASS_FLAGS: u32 = 4;
pub const CLASS_EMULATES_UNDEFINED: i32 = 1 << 6;
pub const CLASS_IS_PROXY: i32 = 1 << 19;
/// `JSClass::cOps` (a `JSClassOps*`, may be null) and `JSClassOps::call` (`js/public/Class.h`;
/// OBS: the generic CacheIR interpreter's `IsCallableResult` reads both).
pub const CLASS_COPS: u32 = 8;
pub const CLASS_OPS_CALL: u32 = 28;
/// `JSClassOps::construct` (OBS: the generic CacheIR interpreter's `IsConstructorResult` reads
/// the class ops' +32).
pub const CLASS_OPS_CONSTRUCT: u32 = 32;
/// `Shape::immutableFlags_`'s byte holding the shape kind (bits 4-5), where this build's
/// proxies have kind 0 (OBS fastly func 7397: `IsConstructorResult` and `GuardCompartment`
/// treat `(byte at +4) & 0x30 == 0` as a proxy).
pub const SHAPE_KIND_BYTE: u32 = 4;
pub const SHAPE_KIND_MASK: i32 = 0x30;
/// `GuardClass` kinds of the ArrayBuffer and SharedArrayBuffer classes (fixed-length and
/// resizable or growable).
pub const GUARD_CLASS_BUFFERS: [u8; 4] = [2, 3, 4, 5];
/// `Shape::objectFlags_` (its low byte) and `ObjectFlag::NotExtensible` (OBS fastly func
/// 7397's `GuardIsExtensible` tests bit 1 of the shape's byte at +8).
pub const SHAPE_OBJECT_FLAGS: u32 = 8;
pub const OBJECT_FLAG_NOT_EXTENSIBLE: i32 = 1 << 1;
/// `RegExpObject`'s flags: fixed slot 2's int32 payload (OBS: `RegExpFlagResult` loads the
/// object's word at +32).
pub const REGEXP_FLAGS_PAYLOAD: u32 = 32;
/// `ProxyObject`: the reserved slots pointer (its private slot's Value is 8 bytes below it)
/// and the handler; `BaseProxyHandler::family_` (OBS fastly func 7397: `GuardHasProxyHandler`
/// reads +12, `LoadWrapperTarget` the payload at `[obj+8] - 8`, `GuardIsNotDOMProxy` the
/// handler's +4).
pub const PROXY_RESERVED_SLOTS: u32 = 8;
pub const PROXY_PRIVATE_SLOT_BELOW: i32 = 8;
pub const PROXY_HANDLER: u32 = 12;
pub const PROXY_HANDLER_FAMILY: u32 = 4;
/// The `GuardClass` kind whose classes are JSFunction's two.
pub const GUARD_CLASS_FUNCTION: u8 = 11;
/// The `GuardClass` kind whose class the runtime holds (`JSRuntime::windowProxyClass_`).
pub const GUARD_CLASS_WINDOW_PROXY: u8 = 10;
/// The `GuardClass` kind whose class is `BoundFunctionObject`'s.
pub const GUARD_CLASS_BOUND_FUNCTION: u8 = 12;
/// `TaggedProto::LazyProto`: a proxy's prototype that must be asked for.
pub const LAZY_PROTO: i32 = 1;

/// GC heap geometry (`js/public/HeapAPI.h`, `gc/Heap.h`). A cell's chunk starts at
/// `cell & CHUNK_BASE_MASK`; the chunk's first word is its store buffer, non-null exactly in
/// nursery chunks. A tenured cell's arena starts at `cell & ARENA_BASE_MASK` and holds its
/// zone at +8; the zone's `needsIncrementalBarrier_` is at +8 (`JS::shadow::Zone`).
pub const CHUNK_BASE_MASK: i32 = 0xFFF0_0000u32 as i32;
pub const CHUNK_STORE_BUFFER: u32 = 0;
pub const ARENA_BASE_MASK: i32 = 0xFFFF_F000u32 as i32;
pub const ARENA_ZONE: u32 = 8;
pub const ZONE_NEEDS_INCREMENTAL_BARRIER: u32 = 8;

/// `JSString`: flags at +0, length at +4 (bits in `layout::string`).
pub const STRING_FLAGS: u32 = 0;
pub const STRING_LENGTH: u32 = 4;

/// `GuardClassKind` values this build's stubs may name, and what aotjs knows of them.
pub const GUARD_CLASS_ARRAY: u8 = 0;
pub const GUARD_CLASS_MAPPED_ARGUMENTS: u8 = 8;
pub const GUARD_CLASS_UNMAPPED_ARGUMENTS: u8 = 9;

/// `ArgumentsObject`: fixed slot 0 (`INITIAL_LENGTH_SLOT`) holds the int32
/// `length << PACKED_BITS_COUNT | flags`; fixed slot 1 (`DATA_SLOT`) the `ArgumentsData`,
/// whose arguments start at +16 (OBS: the generic CacheIR interpreter's
/// `LoadArgumentsObjectLengthResult` fails on flag 1 and shifts by 5; `...ArgResult` fails on
/// flag 4, an index at or past the length, and an argument that is a magic Value with a
/// payload above 17, a forwarded argument).
pub const ARGUMENTS_INITIAL_LENGTH: u32 = 16;
pub const ARGUMENTS_DATA: u32 = crate::script::ARGUMENTS_DATA_SLOT;
pub const ARGUMENTS_DATA_ARGS: u32 = crate::script::ARGUMENTS_DATA_ARGS;
pub const ARGUMENTS_PACKED_BITS: u32 = 5;
pub const ARGUMENTS_LENGTH_OVERRIDDEN: u32 = 1;
pub const ARGUMENTS_ELEMENT_OVERRIDDEN: u32 = 4;
/// An argument holding a magic Value with a larger payload is forwarded to the call object.
pub const ARGUMENTS_MAX_PLAIN_MAGIC: u32 = 17;

/// `ArrayBufferViewObject` (typed arrays): reserved fixed slots buffer 0, length 1, byte
/// offset 2, data 3. Length and data are `PrivateValue`s, whose payload (the low word on
/// NUNBOX32) is the element count and the pointer to element 0. A detached buffer sets the
/// length to 0 (and the data slot to undefined), so a bounds check also rejects detached views.
pub const TYPED_ARRAY_LENGTH: u32 = 16 + 8;
pub const TYPED_ARRAY_DATA: u32 = 16 + 8 * 3;
/// The byte offset slot's payload (OBS fastly func 7397's `ArrayBufferViewByteOffset*Result`
/// read the word at +32).
pub const VIEW_BYTE_OFFSET: u32 = 16 + 8 * 2;
/// `ArrayBufferObject`: fixed slot 1, the byte length's payload (OBS: its
/// `LoadArrayBufferByteLength*Result` read the word at +24).
pub const ARRAY_BUFFER_BYTE_LENGTH: u32 = 16 + 8;
/// `ArrayBufferViewKind` immediates: fixed-length views keep their length in the slot;
/// resizable ones compute it from the buffer.
pub const VIEW_KIND_FIXED_LENGTH: u8 = 0;

/// `js::Scalar::Type`, the element type of a typed array.
pub mod scalar {
    pub const INT8: u8 = 0;
    pub const UINT8: u8 = 1;
    pub const INT16: u8 = 2;
    pub const UINT16: u8 = 3;
    pub const INT32: u8 = 4;
    pub const UINT32: u8 = 5;
    pub const FLOAT32: u8 = 6;
    pub const FLOAT64: u8 = 7;
    pub const UINT8_CLAMPED: u8 = 8;
    pub const BIGINT64: u8 = 9;
    pub const BIGUINT64: u8 = 10;

    /// log2 of the element size of element type `ty` (one of the above).
    pub const fn shift(ty: u8) -> i32 {
        match ty {
            INT8 | UINT8 | UINT8_CLAMPED => 0,
            INT16 | UINT16 => 1,
            FLOAT64 => 3,
            _ => 2,
        }
    }
}

/// `EnvironmentObject`: the enclosing environment is reserved slot 0, a fixed slot.
pub const ENV_ENCLOSING_SLOT: u32 = 16;

/// `TypeofEqOperand`: the `JSType` compared with in the low bits, and a bit for `!=`/`!==`;
/// the `JSType`s an object can have.
pub const TYPEOF_EQ_TYPE_MASK: u8 = 0x0F;
pub const TYPEOF_EQ_NEQ_BIT: u8 = 0x80;
pub const JSTYPE_UNDEFINED: i32 = 0;
pub const JSTYPE_OBJECT: i32 = 1;
pub const JSTYPE_FUNCTION: i32 = 2;

/// `CallFlags` as a CacheIR call op encodes them in one byte: the argument format in the low
/// four bits, then flags (OBS fastly func 7397: the Call IC tests bit 7 as a signed byte for
/// `needsUninitializedThis` and takes `flags >> 5` as the native exit frame's type).
pub mod call_flags {
    pub const ARG_FORMAT_MASK: u8 = 0x0F;
    /// `CallFlags::Standard`: callee, this, the arguments on the stack.
    pub const ARG_FORMAT_STANDARD: u8 = 1;
    /// `f(...array)`: callee, this, a packed array of the arguments.
    pub const ARG_FORMAT_SPREAD: u8 = 2;
    /// `f.call(this, args...)`: `call`, then `f` in the this slot, then its `this` first among
    /// the arguments (none: `this` is undefined).
    pub const ARG_FORMAT_FUN_CALL: u8 = 3;
    /// `f.apply(this, arguments)`: `apply`, `f`, `this`, an arguments object.
    pub const ARG_FORMAT_FUN_APPLY_ARGS_OBJ: u8 = 4;
    /// `f.apply(this, array)`: `apply`, `f`, `this`, a packed array.
    pub const ARG_FORMAT_FUN_APPLY_ARRAY: u8 = 5;
    /// `f.apply(this)`, `f.apply(this, null)`: no arguments (none at all: `this` is undefined).
    pub const ARG_FORMAT_FUN_APPLY_NULL_UNDEFINED: u8 = 6;
    /// The most arguments a stub takes from an array or an arguments object; a longer one
    /// fails the stub and the call goes on to the engine's other paths.
    pub const MAX_SPREAD_ARGS: u32 = 4096;
    pub const IS_CONSTRUCTING: u8 = 1 << 5;
    pub const IS_SAME_REALM: u8 = 1 << 6;
    pub const NEEDS_UNINITIALIZED_THIS: u8 = 1 << 7;
}
