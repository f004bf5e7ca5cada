//! Object and frame layouts on wasm32 (engine-protocol.md §8.1, §8.4).

/// `BaseScript` / `JSScript`.
pub mod script {
    pub const FUNCTION: u32 = 8;
    pub const SOURCE_OBJECT: u32 = 12;
    pub const EXTENT_SOURCE_START: u32 = 16;
    pub const EXTENT_SOURCE_END: u32 = 20;
    pub const EXTENT_LINENO: u32 = 32;
    pub const EXTENT_COLUMN: u32 = 36;
    pub const IMMUTABLE_FLAGS: u32 = 40;
    pub const SHARED_DATA: u32 = 52;
    /// `UniquePtr<Weval>`: its `func` is what a script request's `specialized` names.
    pub const WEVAL: u32 = 56;
}

/// `SharedImmutableScriptData`.
pub mod shared_data {
    pub const ISD: u32 = 8;
}

/// `ImmutableScriptData`: a 32-byte header, a flags byte, then the bytecode.
pub mod isd {
    pub const OPT_ARRAY_OFFSET: u32 = 0;
    pub const CODE_LENGTH: u32 = 4;
    pub const MAIN_OFFSET: u32 = 8;
    pub const NFIXED: u32 = 12;
    pub const NSLOTS: u32 = 16;
    pub const BODY_SCOPE_INDEX: u32 = 20;
    pub const NUM_IC_ENTRIES: u32 = 24;
    pub const FUN_LENGTH: u32 = 28;
    pub const HEADER_SIZE: u32 = 32;
    /// The flags byte holding 2-bit end indices of the optional arrays.
    pub const FLAGS: u32 = 32;
    pub const CODE: u32 = 33;
}

/// `JSFunction`: the script (or native) hangs off fixed slot 2.
pub mod function {
    /// Fixed slot 0, an int32 Value: `FunctionFlags` in the low 16 bits, the formal argument
    /// count in the high 16 (so the u16 at +18).
    pub const FLAGS_AND_ARG_COUNT: u32 = 16;
    pub const NARGS_SHIFT: u32 = 16;
    pub const SCRIPT: u32 = 32;
    /// A native function's `JSNative` (a table index), in the low word of fixed slot 1 (a
    /// private value); OBS fastly func 7397's native call loads it from +24.
    pub const NATIVE: u32 = 24;
    /// A native's `JSJitInfo*` (same slot as a scripted function's script); its first word is
    /// the `ignoresReturnValueMethod` a call whose result is unused may take instead.
    pub const JIT_INFO: u32 = 32;
    pub const ATOM: u32 = 40;
    /// `FunctionFlags` bits (ESR128 `vm/FunctionFlags.h`; checked against snapshot functions:
    /// a declaration is 0x120, an arrow 0x221, a class constructor 0x123, a getter 0x24).
    pub const FLAG_KIND_MASK: u32 = 7;
    pub const KIND_CLASS_CONSTRUCTOR: u32 = 3;
    pub const FLAG_BASESCRIPT: u32 = 1 << 5;
    /// A self-hosted function not yet cloned: no script, and no native either.
    pub const FLAG_SELFHOSTLAZY: u32 = 1 << 6;
    /// A native with a JIT entry (a Wasm export or a trampoline native).
    pub const FLAG_NATIVE_JIT_ENTRY: u32 = 1 << 7;
    /// `FunctionFlags::HasJitEntryFlags()`: any of these (OBS fastly func 7397's
    /// `GuardFunctionHasJitEntry` tests the flags byte against 0xE0).
    pub const HAS_JIT_ENTRY_FLAGS: u32 = FLAG_BASESCRIPT | FLAG_SELFHOSTLAZY | FLAG_NATIVE_JIT_ENTRY;
    pub const FLAG_CONSTRUCTOR: u32 = 1 << 8;
    /// Self-hosted code (OBS fastly func 7397's `GuardFunctionIsNonBuiltinCtor` requires
    /// `flags & 0x130 == 0x120`: a constructor with a script, not self-hosted).
    pub const FLAG_SELF_HOSTED: u32 = 1 << 4;
}

/// `BoundFunctionObject`'s fixed slots: the target (0, +16), the flags (1, +24: an int32 whose
/// bit 0 is `IsConstructorFlag` and whose bits from 1 up count the bound arguments), the bound
/// `this` (2, +32), then up to three bound arguments inline (slots 3 to 5), or, for more, an
/// array holding them in slot 3. OBS fastly func 7397: `IsConstructorResult` tests the byte at
/// +24; `LoadBoundFunctionNumArgs` is the int32 at +24 shifted right by one,
/// `LoadBoundFunctionTarget` the object at +16; `CallBoundScriptedFunction` pushes the bound
/// `this` from +32 and the bound arguments from +40 on while the flags are below 8, else from
/// the elements of the array at +40.
pub mod bound_function {
    pub const TARGET_PAYLOAD: u32 = 16;
    pub const FLAGS_PAYLOAD: u32 = 24;
    pub const FLAG_IS_CONSTRUCTOR: i32 = 1;
    pub const NUM_BOUND_ARGS_SHIFT: i32 = 1;
    pub const BOUND_THIS: u32 = 32;
    pub const BOUND_ARG0: u32 = 40;
    pub const MAX_INLINE_BOUND_ARGS: u32 = 3;
}

/// `BaseShape`: the class at +0, the realm at +4, the prototype at +8.
pub mod base_shape {
    pub const CLASP: u32 = 0;
    pub const REALM: u32 = 4;
}

/// `js::Weval` (hanging off `JSScript::WEVAL`): its first word is the table index of the
/// script's compiled function, or 0.
pub mod weval {
    pub const FUNC: u32 = 0;
}

/// The `BaselineFrame` that the portable interpreter keeps on its auxiliary stack.
pub mod frame {
    pub const SIZE: u32 = 48;
    pub const INTERPRETER_SCRIPT: u32 = 0;
    pub const INTERPRETER_PC: u32 = 4;
    pub const INTERPRETER_IC_ENTRY: u32 = 8;
    pub const ENV_CHAIN: u32 = 12;
    pub const IC_SCRIPT: u32 = 16;
    pub const ARGS_OBJ: u32 = 20;
    pub const FLAGS: u32 = 32;
    pub const RETURN_VALUE: u32 = 40;
    pub const STACK_VAL_SIZE: u32 = 8;
}

/// `JS::BigInt` on 32-bit: a flags word (the sign bit among them) and the digit count, as a
/// string's header; zero has no digits.
pub mod bigint {
    pub const DIGIT_LENGTH: u32 = 4;
}

/// `JSString` on 32-bit: a flags word and a length, then inline chars or a chars pointer.
pub mod string {
    pub const FLAGS: u32 = 0;
    pub const LENGTH: u32 = 4;
    /// Inline characters, or the pointer to out-of-line characters.
    pub const CHARS: u32 = 8;
    pub const LINEAR_BIT: u32 = 1 << 4;
    pub const INLINE_CHARS_BIT: u32 = 1 << 6;
    pub const LATIN1_CHARS_BIT: u32 = 1 << 10;
    /// The string caches its value as an array index in the flags' upper 16 bits (OBS fastly
    /// func 7397's `GuardStringToNumber` tests bit 11 and shifts by 16).
    pub const INDEX_VALUE_BIT: u32 = 1 << 11;
    pub const INDEX_VALUE_SHIFT: u32 = 16;
}

/// `JOF_*` immediate types: the low 8 bits of a JSOp's format word (engine-protocol.md §8.2).
pub mod jof {
    pub const TYPE_MASK: u32 = 0xFF;
    pub const BYTE: u32 = 0;
    pub const UINT8: u32 = 1;
    pub const UINT16: u32 = 2;
    pub const UINT24: u32 = 3;
    pub const UINT32: u32 = 4;
    pub const INT8: u32 = 5;
    pub const INT32: u32 = 6;
    pub const JUMP: u32 = 7;
    pub const TABLESWITCH: u32 = 8;
    pub const ENVCOORD: u32 = 9;
    pub const ARGC: u32 = 10;
    pub const QARG: u32 = 11;
    pub const LOCAL: u32 = 12;
    pub const RESUMEINDEX: u32 = 13;
    pub const DOUBLE: u32 = 14;
    pub const GCTHING: u32 = 15;
    pub const ATOM: u32 = 16;
    pub const OBJECT: u32 = 17;
    pub const REGEXP: u32 = 18;
    pub const SCOPE: u32 = 19;
    pub const BIGINT: u32 = 20;
    pub const ICINDEX: u32 = 21;
    pub const LOOPHEAD: u32 = 22;
    pub const TWO_UINT8: u32 = 23;
    pub const DEBUGCOORD: u32 = 24;
    pub const SHAPE: u32 = 25;
    pub const STRING: u32 = 26;
    /// The op has an IC entry.
    pub const IC: u32 = 1 << 24;
}

/// `CacheIROpInfos` entries: the low 7 bits are the op's argument byte count.
pub const CACHEOP_ARG_LENGTH_MASK: u8 = 0x7F;
