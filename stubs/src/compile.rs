//! CacheIR to Wasm: one function per CacheIR body, with the engine's IC calling convention.
//!
//! The function has the type `(i64 arg0, i64 arg1, i32 stub, i32 ctx) -> i64`. Every operand id
//! is an i64 local holding a boxed NUNBOX32 Value (pointers and int32s in the low word), so any
//! op can read any operand the same way. Stub fields (shapes, slot offsets, objects) are loaded
//! from `stub` at run time: the function serves every stub that shares this body.
//!
//! ```text
//! block $fail
//!   <ops>                 a failed guard: br $fail
//!   ReturnFromIC          local.get $result; return
//! end
//! next = stub->next; return call_indirect (arg0, arg1, next, ctx) through next->code
//! ```
//!
//! Invariant: no op compiled here can GC or throw, except the calls (`compile_calls.rs`),
//! which end a body (only the result is read after them) and leave through the engine's error
//! protocol. Otherwise the only calls into the engine are its own barriered store
//! (`GCPtr<Value>::set`), exactly as the engine's interpreter makes it for `StoreFixedSlot`,
//! and pure lookups; barriers do not allocate GC things. Other ops that could GC or throw
//! (allocation, string conversion) are declined: the body keeps running in the engine's
//! CacheIR interpreter.

#[path = "compile_calls.rs"]
mod calls;
#[path = "compile_dataview.rs"]
mod dataview;
#[path = "compile_value_ops.rs"]
mod value_ops;

pub use value_ops::ValueOpFuncs;
use value_ops::{BigIntBinary, BigIntUnary, EngineNative};
pub use calls::StubCalls;
use crate::cacheir::{CacheIrOp, OpTable};
use runtime_abi::ic;
use runtime_abi::layout::string as str_bits;
use runtime_abi::layout::function as fun_layout;

const HAS_JIT_ENTRY: u32 = fun_layout::HAS_JIT_ENTRY_FLAGS;
use crate::value::{self as vc, Emit as _};
use runtime_abi::value::{self, tag, tag_bits};
use wasm_encoder::{BlockType, Function, Instruction as I, MemArg, ValType};

/// What the stub compiler needs to know about the engine and the body's StubInfo.
pub struct StubEnv<'a> {
    pub ops: &'a dyn OpTable,
    /// Offset of the stub fields from the stub (`CacheIRStubInfo::stubDataOffset`).
    pub stub_data_offset: u32,
    /// Type index of `(i64, i64, i32, i32) -> i64` in the output module.
    pub ic_type_index: u32,
    /// Address of the Array class, for `GuardClass(Array)`.
    pub array_class: Option<u32>,
    /// Addresses of the mapped and unmapped arguments classes, for `GuardClass` of them.
    pub arguments_classes: Option<[u32; 2]>,
    /// `GuardClass` kinds and the classes each accepts (the ones the image confirms).
    pub guard_classes: &'a [runtime_abi::GuardClassFact],
    /// Output function indices of `GetNativeDataPropertyPure` and
    /// `GetNativeDataPropertyByValuePure`, for the megamorphic loads.
    pub native_data_property: Option<[u32; 2]>,
    /// Output function indices of the engine's `ecmaPow` and `fmod`.
    pub pow_fmod: Option<[u32; 2]>,
    /// Output function indices of `StringToNumberPure`, `Int32ToStringPure` and
    /// `ConcatStrings<CanGC>`.
    pub strings: Option<StringFuncs>,
    /// What BigInt, `Map`/`Set`, proxy and other ops the engine's interpreter lacks call.
    pub value_ops: Option<ValueOpFuncs>,
    /// Output function index of `NativeObject::growSlotsPure`, for `AllocateAndStoreDynamicSlot`.
    pub grow_slots: Option<u32>,
    /// Output function indices of `HasNativeDataPropertyPure<true>` and `<false>`.
    pub has_native_data_property: Option<[u32; 2]>,
    /// The engine's `UnaryMathFunction` table (address, entries) and the output type index of
    /// `(f64) -> f64`, for `MathFunctionNumberResult`.
    pub math_functions: Option<(u32, u32, u32)>,
    /// Output function index of the engine's barriered Value store, and the shadow-stack
    /// pointer global, for `StoreFixedSlot`.
    pub gcptr_value_set: Option<u32>,
    pub stack_pointer_global: u32,
    /// Output function index of the engine's generic CacheIR interpreter: a body whose fast
    /// path does not apply to this hit (a store that needs GC barriers) hands the whole hit to
    /// it, before any side effect, with the same arguments.
    pub generic_ic: Option<u32>,
    /// What calls from stubs need (`CallScriptedFunction`, `CallNativeFunction`).
    pub calls: Option<StubCalls>,
    /// Regular expression helpers.
    pub regexp: Option<RegExpFuncs>,
    /// Address of the word holding the DOM proxy handler family.
    pub dom_proxy_family_addr: Option<u32>,
    /// The fixed-length and resizable typed array classes (the image confirms both arrays).
    pub typed_array_classes: Option<runtime_abi::engines::TypedArrayClassFacts>,
    /// Output function indices of the engine's typed array length (`(out, obj) -> ()`), pure
    /// element read (`(obj, index, vp) -> bool`) and element store (`SetTypedArrayElement`),
    /// for element accesses of resizable views and BigInt arrays.
    pub typed_array_pure: Option<[u32; 3]>,
    /// `JSRuntime::windowProxyClass_`'s offset in the runtime (`GuardClass` WindowProxy).
    pub runtime_window_proxy_class: Option<u32>,
    /// Realm and compartment checks: `cx->realm_`, the dead object proxy handler and the
    /// `ArrayConstructor` native.
    pub realm: Option<RealmFacts>,
    /// Output function indices of `ObjectHasGetterSetterPure` and `IsTypedArrayConstructor`.
    pub object_pure: Option<[u32; 2]>,
    /// Static strings (`LoadStringCharResult`, `StringFromCharCodeResult`).
    pub static_strings: Option<StaticStrings>,
    /// Coverage builds: i64 globals counting entries and guard failures of this stub.
    pub counters: Option<StubCounters>,
    /// Ops the engine's own CacheIR interpreter does not implement: it fails a stub when it
    /// reaches one (the chain goes on to the next stub). A body reaching one of these, and
    /// no op before it that this compiler declines, compiles to that same failure.
    pub engine_unimplemented: &'a [&'a str],
}

#[derive(Clone, Copy, Debug)]
pub struct StubCounters {
    pub entries: u32,
    pub fails: u32,
    /// Hits handed to the generic interpreter.
    pub deferred: u32,
}

/// Where single-character strings and the empty string are (offsets from `cx`, then from the
/// runtime), and `StringFromCharCode`'s output function index.
#[derive(Clone, Copy, Debug)]
pub struct StaticStrings {
    pub cx_runtime: u32,
    pub facts: runtime_abi::engines::StaticStringFacts,
    pub string_from_char_code: Option<u32>,
}

/// What realm and compartment checks compare with.
#[derive(Clone, Copy, Debug)]
pub struct RealmFacts {
    pub cx_realm: u32,
    pub dead_object_proxy_handler: u32,
    pub array_constructor_native: u32,
}

/// The engine's string conversions stubs call (output function indices).
#[derive(Clone, Copy, Debug)]
pub struct StringFuncs {
    pub string_to_number: u32,
    pub int32_to_string: u32,
    pub concat: u32,
    pub substring: u32,
    pub index_from_string: u32,
    /// The string searches: indexOf, lastIndexOf, includes, startsWith, endsWith.
    pub search: [u32; 5],
    /// `NumberParseInt(cx, &str, radix, &result) -> bool`.
    pub parse_int: u32,
    /// String to string, `(cx, &str) -> JSString*`: toLowerCase, toUpperCase, trim,
    /// trimStart, trimEnd.
    pub unary: [u32; 5],
    /// `NumberToString(cx, double) -> JSString*`, which may GC.
    pub number_to_string: u32,
    /// `AtomizeStringNoGC(cx, JSString*) -> JSAtom*`, pure (null where it would allocate).
    pub atomize: u32,
}

/// The engine's regular expression helpers stubs call (output function indices) and where
/// `cx` keeps the searcher's last limit.
#[derive(Clone, Copy, Debug)]
pub struct RegExpFuncs {
    pub prototype_optimizable: u32,
    pub instance_optimizable: u32,
    pub cx_last_limit: u32,
}

/// Why a body was not compiled: the first op this compiler cannot lower.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decline {
    /// An op with no lowering yet.
    Unsupported(String),
    /// An op whose operand bytes differ from what its lowering expects.
    FormatMismatch(String),
    /// An op's operands are outside what the lowering handles (e.g. an unknown class kind).
    UnsupportedOperand(String),
    /// The body does not end in `ReturnFromIC`.
    NoReturn,
}

impl Decline {
    /// The op name the decline is about, for per-op counts.
    pub fn op(&self) -> &str {
        match self {
            Decline::Unsupported(o) | Decline::FormatMismatch(o) | Decline::UnsupportedOperand(o) => o,
            Decline::NoReturn => "<no ReturnFromIC>",
        }
    }
}

impl std::fmt::Display for Decline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Decline::Unsupported(o) => write!(f, "unsupported CacheIR op {o}"),
            Decline::FormatMismatch(o) => write!(f, "CacheIR op {o} has operands of an unexpected size"),
            Decline::UnsupportedOperand(o) => write!(f, "CacheIR op {o} has an operand aotjs does not handle"),
            Decline::NoReturn => write!(f, "body does not end in ReturnFromIC"),
        }
    }
}

/// Operand kinds, with their encoded size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Arg {
    /// An operand id (ValId, ObjId, Int32Id, NumberId, StringId ...): one byte.
    Id,
    /// A stub field index: one byte.
    Field,
    /// A one-byte immediate (BoolImm, ByteImm, JSOpImm, ValueTypeImm, GuardClassKindImm).
    Imm8,
}

const fn size(args: &[Arg]) -> u8 {
    args.len() as u8
}

type Emit = fn(&mut Emitter<'_>, &[u8]) -> Result<(), Decline>;

/// One supported op: its name in the engine's tables, operand kinds, and lowering.
struct OpDef {
    name: &'static str,
    args: &'static [Arg],
    emit: Emit,
}

use Arg::{Field as F, Id, Imm8};

/// Every CacheIR op the stub compiler lowers. This is the only list: lookup, operand checks
/// and dispatch all come from it.
/// Ops that call into the engine where it may GC (or run JS): each must be the body's last op
/// before `ReturnFromIC`.
const MAY_GC_OPS: &[&str] = &[
    "CallScriptedFunction",
    "CallBoundScriptedFunction",
    "BindFunctionResult",
    "SpecializedBindFunctionResult",
    "ObjectToIteratorResult",
    "CallNativeFunction",
    "CallClassHook",
    "CallScriptedGetterResult",
    "CallScriptedSetter",
    "CallNativeGetterResult",
    "CallNativeSetter",
    "CallStringConcatResult",
    "NewPlainObjectResult",
    "NewArrayObjectResult",
    "NewArrayFromLengthResult",
    "NewTypedArrayFromArrayBufferResult",
    "StringFromCharCodeResult",
    "CallSubstringKernelResult",
    "CallNumberToString",
    "StringToLowerCaseResult",
    "StringToUpperCaseResult",
    "StringTrimResult",
    "StringTrimStartResult",
    "StringTrimEndResult",
    "MegamorphicStoreSlot",
    "MegamorphicSetElement",
    "CallSetArrayLength",
    "NumberParseIntResult",
    "StringIndexOfResult",
    "StringLastIndexOfResult",
    "StringIncludesResult",
    "StringStartsWithResult",
    "StringEndsWithResult",
    "BigIntAddResult",
    "BigIntSubResult",
    "BigIntMulResult",
    "BigIntDivResult",
    "BigIntModResult",
    "BigIntPowResult",
    "BigIntBitAndResult",
    "BigIntBitOrResult",
    "BigIntBitXorResult",
    "BigIntLeftShiftResult",
    "BigIntRightShiftResult",
    "BigIntNegationResult",
    "BigIntIncResult",
    "BigIntDecResult",
    "BigIntNotResult",
    "BigIntAsIntNResult",
    "BigIntAsUintNResult",
    "CompareBigIntResult",
    "CompareBigIntInt32Result",
    "CompareBigIntNumberResult",
    "CompareBigIntStringResult",
    "ProxyGetResult",
    "ProxySet",
    "SameValueResult",
    "SetHasResult",
    "SetHasNonGCThingResult",
    "SetHasStringResult",
    "SetHasSymbolResult",
    "SetHasBigIntResult",
    "SetHasObjectResult",
    "SetSizeResult",
    "MapSizeResult",
    "ReflectGetPrototypeOfResult",
    "PackedArraySliceResult",
    "ArgumentsSliceResult",
    "MapHasResult",
    "MapHasNonGCThingResult",
    "MapHasStringResult",
    "MapHasSymbolResult",
    "MapHasBigIntResult",
    "MapHasObjectResult",
    "MapGetResult",
    "MapGetNonGCThingResult",
    "MapGetStringResult",
    "MapGetSymbolResult",
    "MapGetBigIntResult",
    "MapGetObjectResult",
];

/// The engine's CacheIR interpreter keeps operands in 16 registers: an op writing a higher
/// operand id fails there (OBS fastly func 7397's `BooleanToString` and
/// `LoadArgumentsObjectLength` check the output id against 15), and so does the stub here.
const ENGINE_OPERAND_REGISTERS_MAX: u8 = 15;

static OPS: &[OpDef] = &[
    OpDef { name: "ReturnFromIC", args: &[], emit: |e, _| e.ret() },
    // Guards on the input's type. The register keeps the boxed Value.
    OpDef { name: "GuardToObject", args: &[Id], emit: |e, a| e.guard_tag(a[0], value::TYPE_OBJECT) },
    OpDef { name: "GuardToString", args: &[Id], emit: |e, a| e.guard_tag(a[0], value::TYPE_STRING) },
    OpDef { name: "GuardToBoolean", args: &[Id], emit: |e, a| e.guard_tag(a[0], value::TYPE_BOOLEAN) },
    OpDef { name: "GuardToInt32", args: &[Id], emit: |e, a| e.guard_tag(a[0], value::TYPE_INT32) },
    OpDef { name: "GuardIsNull", args: &[Id], emit: |e, a| e.guard_tag(a[0], value::TYPE_NULL) },
    OpDef { name: "GuardIsUndefined", args: &[Id], emit: |e, a| e.guard_tag(a[0], value::TYPE_UNDEFINED) },
    OpDef { name: "GuardIsNumber", args: &[Id], emit: |e, a| e.guard_is_number(a[0]) },
    OpDef { name: "GuardIsNotUninitializedLexical", args: &[Id], emit: |e, a| e.guard_not_uninitialized(a[0]) },
    OpDef { name: "GuardNonDoubleType", args: &[Id, Imm8], emit: |e, a| e.guard_non_double_type(a[0], a[1]) },
    OpDef { name: "GuardToSymbol", args: &[Id], emit: |e, a| e.guard_tag(a[0], value::TYPE_SYMBOL) },
    OpDef { name: "GuardToBigInt", args: &[Id], emit: |e, a| e.guard_tag(a[0], value::TYPE_BIGINT) },
    OpDef { name: "GuardIsNullOrUndefined", args: &[Id], emit: |e, a| e.guard_null_or_undefined(a[0]) },
    // A string's number: its cached index, else the engine's pure conversion.
    OpDef { name: "GuardStringToNumber", args: &[Id, Id], emit: |e, a| e.guard_string_to_number(a[0], a[1]) },
    // The string's array index (cached in its flags, else the engine's pure lookup); a
    // string that is not an index fails.
    OpDef { name: "GuardStringToIndex", args: &[Id, Id], emit: |e, a| e.guard_string_to_index(a[0], a[1]) },
    OpDef { name: "GuardSpecificInt32", args: &[Id, Imm8, Imm8, Imm8, Imm8], emit: |e, a| e.guard_specific_int32(a[0], i32::from_le_bytes([a[1], a[2], a[3], a[4]])) },
    OpDef { name: "GuardToNonGCThing", args: &[Id], emit: |e, a| e.guard_to_non_gc_thing(a[0]) },
    OpDef { name: "GuardIsExtensible", args: &[Id], emit: |e, a| e.guard_is_extensible(a[0]) },
    OpDef { name: "GuardFunctionIsNonBuiltinCtor", args: &[Id], emit: |e, a| e.guard_function_is_non_builtin_ctor(a[0]) },
    OpDef { name: "MathClz32Result", args: &[Id], emit: |e, a| e.math_clz32(a[0]) },
    OpDef { name: "RegExpFlagResult", args: &[Id, Imm8, Imm8, Imm8, Imm8], emit: |e, a| e.regexp_flag(a[0], u32::from_le_bytes([a[1], a[2], a[3], a[4]])) },
    // The string's number value, when it is an int32 (not -0); anything else fails.
    OpDef { name: "GuardStringToInt32", args: &[Id, Id], emit: |e, a| e.guard_string_to_int32(a[0], a[1]) },
    OpDef { name: "CallInt32ToString", args: &[Id, Id], emit: |e, a| e.int32_to_string(a[0], a[1]) },
    OpDef { name: "CallNumberToString", args: &[Id, Id], emit: |e, a| e.number_to_string(a[0], a[1]) },
    OpDef { name: "GuardToInt32Index", args: &[Id, Id], emit: |e, a| e.guard_to_int32_index(a[0], a[1]) },
    OpDef { name: "GuardNumberToIntPtrIndex", args: &[Id, Imm8, Id], emit: |e, a| e.guard_to_int32_index(a[0], a[2]) },
    OpDef { name: "GuardToInt32ModUint32", args: &[Id, Id], emit: |e, a| e.to_int32_modular(a[0], a[1]) },
    OpDef { name: "TruncateDoubleToUInt32", args: &[Id, Id], emit: |e, a| e.to_int32_modular(a[0], a[1]) },
    OpDef { name: "GuardBooleanToInt32", args: &[Id, Id], emit: |e, a| e.guard_boolean_to_int32(a[0], a[1]) },
    OpDef { name: "BooleanToNumber", args: &[Id, Id], emit: |e, a| e.retag(a[0], a[1], value::TYPE_INT32) },
    OpDef { name: "Int32ToIntPtr", args: &[Id, Id], emit: |e, a| e.copy(a[0], a[1]) },
    // Object guards.
    OpDef { name: "GuardShape", args: &[Id, F], emit: |e, a| e.guard_shape(a[0], a[1]) },
    OpDef { name: "GuardProto", args: &[Id, F], emit: |e, a| e.guard_proto(a[0], a[1]) },
    OpDef { name: "GuardClass", args: &[Id, Imm8], emit: |e, a| e.guard_class(a[0], a[1]) },
    OpDef { name: "GuardSpecificObject", args: &[Id, F], emit: |e, a| e.guard_specific(a[0], a[1]) },
    OpDef {
        name: "GuardObjectIdentity",
        args: &[Id, Id],
        emit: |e, a| {
            e.lo(a[0]);
            e.lo(a[1]);
            e.fail_if_ne32()
        },
    },
    OpDef { name: "GuardSpecificFunction", args: &[Id, F, F], emit: |e, a| e.guard_specific(a[0], a[1]) },
    OpDef { name: "GuardSpecificSymbol", args: &[Id, F], emit: |e, a| e.guard_specific(a[0], a[1]) },
    // Atoms are compared by pointer only: a different string with the same characters fails
    // the guard and is handled by the next stub, which is slower but still right.
    OpDef { name: "GuardSpecificAtom", args: &[Id, F], emit: |e, a| e.guard_specific_atom(a[0], a[1]) },
    OpDef { name: "GuardFunctionScript", args: &[Id, F, F], emit: |e, a| e.guard_function_script(a[0], a[1]) },
    OpDef { name: "GuardFixedSlotValue", args: &[Id, F, F], emit: |e, a| e.guard_slot_value(a[0], a[1], a[2], false) },
    OpDef { name: "GuardDynamicSlotValue", args: &[Id, F, F], emit: |e, a| e.guard_slot_value(a[0], a[1], a[2], true) },
    // Function flags (the flags word of the function's first slot).
    OpDef { name: "GuardFunctionHasJitEntry", args: &[Id], emit: |e, a| e.guard_function_flags(a[0], HAS_JIT_ENTRY, true) },
    OpDef { name: "GuardFunctionHasNoJitEntry", args: &[Id], emit: |e, a| e.guard_function_flags(a[0], HAS_JIT_ENTRY, false) },
    OpDef { name: "GuardFunctionIsConstructor", args: &[Id], emit: |e, a| e.guard_function_flags(a[0], fun_layout::FLAG_CONSTRUCTOR, true) },
    OpDef { name: "GuardNotClassConstructor", args: &[Id], emit: |e, a| e.guard_not_class_constructor(a[0]) },
    OpDef { name: "GuardIsNativeObject", args: &[Id], emit: |e, a| e.guard_is_native(a[0]) },
    OpDef { name: "GuardIsProxy", args: &[Id], emit: |e, a| e.guard_is_proxy(a[0]) },
    OpDef { name: "GuardArrayIsPacked", args: &[Id], emit: |e, a| e.guard_array_is_packed(a[0]) },
    // `IsPackedArray(obj)` of self-hosted code: an Array whose elements are packed.
    OpDef { name: "IsPackedArrayResult", args: &[Id], emit: |e, a| e.is_packed_array(a[0]) },
    // The object's compartment is the stub's (and its global wrapper is no dead proxy).
    OpDef { name: "GuardCompartment", args: &[Id, F, F], emit: |e, a| e.guard_compartment(a[0], a[1], a[2]) },
    // The object has this getter/setter pair for this key: the engine's pure lookup.
    OpDef { name: "GuardHasGetterSetter", args: &[Id, F, F], emit: |e, a| e.guard_has_getter_setter(a[0], a[1], a[2]) },
    OpDef { name: "GuardIsNotArrayBufferMaybeShared", args: &[Id], emit: |e, a| e.guard_is_not_array_buffer(a[0]) },
    OpDef { name: "IsCrossRealmArrayConstructorResult", args: &[Id], emit: |e, a| e.is_cross_realm_array_constructor(a[0]) },
    OpDef { name: "IsTypedArrayConstructorResult", args: &[Id], emit: |e, a| e.is_typed_array_constructor(a[0]) },
    OpDef { name: "LoadSymbolResult", args: &[Id], emit: |e, a| e.load_symbol(a[0]) },
    // A prototype that is null; a dynamic slot (by index) that holds no object.
    OpDef { name: "GuardNullProto", args: &[Id], emit: |e, a| e.guard_null_proto(a[0]) },
    OpDef { name: "GuardDynamicSlotIsNotObject", args: &[Id, F], emit: |e, a| e.guard_dynamic_slot_is_not_object(a[0], a[1]) },
    // `String(bool)`: the engine's "true" and "false" atoms, into a string operand.
    OpDef { name: "BooleanToString", args: &[Id, Id], emit: |e, a| e.boolean_to_string(a[0], a[1]) },
    OpDef { name: "GuardInt32IsNonNegative", args: &[Id], emit: |e, a| e.guard_int32_non_negative(a[0]) },
    OpDef { name: "GuardDynamicSlotIsSpecificObject", args: &[Id, Id, F], emit: |e, a| e.guard_dynamic_slot_is_object(a[0], a[1], a[2]) },
    OpDef { name: "GuardNoDenseElements", args: &[Id], emit: |e, a| e.guard_no_dense_elements(a[0]) },
    OpDef { name: "GuardIndexIsNotDenseElement", args: &[Id, Id], emit: |e, a| e.guard_index_not_dense(a[0], a[1]) },
    // Object and prototype loads.
    OpDef { name: "LoadObject", args: &[Id, F], emit: |e, a| e.load_field(a[1], value::TYPE_OBJECT, Some(a[0])) },
    OpDef { name: "LoadProtoObject", args: &[Id, F, Id], emit: |e, a| e.load_field(a[1], value::TYPE_OBJECT, Some(a[0])) },
    OpDef { name: "LoadProto", args: &[Id, Id], emit: |e, a| e.load_proto(a[0], a[1]) },
    OpDef { name: "LoadEnclosingEnvironment", args: &[Id, Id], emit: |e, a| e.load_enclosing_environment(a[0], a[1]) },
    // Slots.
    OpDef { name: "LoadFixedSlotResult", args: &[Id, F], emit: |e, a| e.load_fixed_slot(None, a[0], a[1]) },
    OpDef { name: "LoadFixedSlotTypedResult", args: &[Id, F, Imm8], emit: |e, a| e.load_fixed_slot(None, a[0], a[1]) },
    OpDef { name: "LoadFixedSlot", args: &[Id, Id, F], emit: |e, a| e.load_fixed_slot(Some(a[0]), a[1], a[2]) },
    OpDef { name: "LoadDynamicSlotResult", args: &[Id, F], emit: |e, a| e.load_dynamic_slot_result(a[0], a[1]) },
    OpDef { name: "LoadDynamicSlot", args: &[Id, Id, F], emit: |e, a| e.load_dynamic_slot(a[0], a[1], a[2]) },
    OpDef { name: "StoreFixedSlot", args: &[Id, F, Id], emit: |e, a| e.store_fixed_slot(a[0], a[1], a[2]) },
    // Arrays and strings.
    OpDef { name: "LoadInt32ArrayLengthResult", args: &[Id], emit: |e, a| e.array_length(a[0], None) },
    OpDef { name: "LoadInt32ArrayLength", args: &[Id, Id], emit: |e, a| e.array_length(a[0], Some(a[1])) },
    OpDef { name: "LoadDenseElementResult", args: &[Id, Id], emit: |e, a| e.dense_element(a[0], a[1], false) },
    OpDef { name: "LoadDenseElementHoleResult", args: &[Id, Id], emit: |e, a| e.dense_element(a[0], a[1], true) },
    OpDef { name: "LoadDenseElementHoleExistsResult", args: &[Id, Id], emit: |e, a| e.dense_element_exists(a[0], a[1], true) },
    OpDef { name: "LoadDenseElementExistsResult", args: &[Id, Id], emit: |e, a| e.dense_element_exists(a[0], a[1], false) },
    OpDef { name: "IsArrayResult", args: &[Id], emit: |e, a| e.is_array(a[0]) },
    OpDef { name: "LoadStringLengthResult", args: &[Id], emit: |e, a| e.string_length(a[0]) },
    // Megamorphic loads: the engine's own lookup (its megamorphic cache, then the shape's
    // properties), a pure function; a miss fails the stub.
    // The permissive forms run a full property get where the lookup misses (getters, proxies):
    // that hit goes to the generic interpreter.
    OpDef { name: "MegamorphicLoadSlotResult", args: &[Id, F], emit: |e, a| e.megamorphic_load(a[0], Key::Name(a[1]), false) },
    OpDef { name: "MegamorphicLoadSlotByValueResult", args: &[Id, Id], emit: |e, a| e.megamorphic_load(a[0], Key::Value(a[1]), false) },
    OpDef { name: "MegamorphicHasPropResult", args: &[Id, Id, Imm8], emit: |e, a| e.megamorphic_has(a[0], a[1], a[2] != 0) },
    // `hasOwn` of an atom key on a small object of a guarded shape: the same pure own lookup
    // (the shape field, which the engine's JITs walk, is unused).
    OpDef { name: "SmallObjectVariableKeyHasOwnResult", args: &[Id, Id, F], emit: |e, a| e.megamorphic_has(a[1], a[0], true) },
    OpDef { name: "MegamorphicLoadSlotPermissiveResult", args: &[Id, F], emit: |e, a| e.megamorphic_load(a[0], Key::Name(a[1]), true) },
    OpDef { name: "MegamorphicLoadSlotByValuePermissiveResult", args: &[Id, Id], emit: |e, a| e.megamorphic_load(a[0], Key::Value(a[1]), true) },
    // Arguments objects (behind GuardClass of their class): length and elements while neither
    // was overridden; a forwarded argument (it lives in the call object) fails.
    OpDef { name: "GuardArgumentsObjectFlags", args: &[Id, Imm8], emit: |e, a| e.guard_arguments_flags(a[0], a[1] as u32) },
    OpDef { name: "LoadArgumentsObjectLengthResult", args: &[Id], emit: |e, a| e.arguments_length(a[0], None) },
    OpDef { name: "LoadArgumentsObjectLength", args: &[Id, Id], emit: |e, a| e.arguments_length(a[0], Some(a[1])) },
    OpDef { name: "LoadArgumentsObjectArgResult", args: &[Id, Id], emit: |e, a| e.arguments_element(a[0], a[1]) },
    OpDef { name: "LoadStringCharCodeResult", args: &[Id, Id, Imm8], emit: |e, a| e.string_char_code(a[0], a[1], a[2] != 0) },
    // The static string of a Latin-1 code unit; other code units go to the generic
    // interpreter (they allocate).
    OpDef { name: "LoadStringCharResult", args: &[Id, Id, Imm8], emit: |e, a| e.string_char(a[0], a[1], a[2] != 0) },
    // `String.fromCharCode(c)`: the static string, else the engine's `StringFromCharCode`
    // behind the IC frame (it allocates).
    OpDef { name: "StringFromCharCodeResult", args: &[Id], emit: |e, a| e.string_from_char_code(a[0]) },
    // A linear string is its own linear form; a rope needs the engine to flatten it (which
    // allocates), so that hit goes to the generic interpreter.
    OpDef { name: "LinearizeForCharAccess", args: &[Id, Id, Id], emit: |e, a| e.linearize_for_char_access(a[0], a[2]) },
    // Int32 arithmetic; overflow and negative zero fail the guard, as in the engine.
    OpDef { name: "Int32AddResult", args: &[Id, Id], emit: |e, a| e.int32_wide(a[0], a[1], I::I64Add, false) },
    OpDef { name: "Int32SubResult", args: &[Id, Id], emit: |e, a| e.int32_wide(a[0], a[1], I::I64Sub, false) },
    OpDef { name: "Int32MulResult", args: &[Id, Id], emit: |e, a| e.int32_wide(a[0], a[1], I::I64Mul, true) },
    OpDef { name: "Int32BitOrResult", args: &[Id, Id], emit: |e, a| e.int32_bits(a[0], a[1], I::I32Or) },
    OpDef { name: "Int32BitXorResult", args: &[Id, Id], emit: |e, a| e.int32_bits(a[0], a[1], I::I32Xor) },
    OpDef { name: "Int32BitAndResult", args: &[Id, Id], emit: |e, a| e.int32_bits(a[0], a[1], I::I32And) },
    OpDef { name: "Int32LeftShiftResult", args: &[Id, Id], emit: |e, a| e.int32_bits(a[0], a[1], I::I32Shl) },
    OpDef { name: "Int32RightShiftResult", args: &[Id, Id], emit: |e, a| e.int32_bits(a[0], a[1], I::I32ShrS) },
    OpDef { name: "Int32NotResult", args: &[Id], emit: |e, a| e.int32_not(a[0]) },
    OpDef { name: "Int32URightShiftResult", args: &[Id, Id, Imm8], emit: |e, a| e.int32_urshift(a[0], a[1], a[2] != 0) },
    OpDef { name: "Int32IncResult", args: &[Id], emit: |e, a| e.int32_step(a[0], 1) },
    OpDef { name: "Int32DecResult", args: &[Id], emit: |e, a| e.int32_step(a[0], -1) },
    OpDef { name: "Int32NegationResult", args: &[Id], emit: |e, a| e.int32_negation(a[0]) },
    // Double arithmetic on NumberIds (int32 or double).
    OpDef { name: "DoubleAddResult", args: &[Id, Id], emit: |e, a| e.double_arith(a[0], a[1], I::F64Add) },
    OpDef { name: "DoubleSubResult", args: &[Id, Id], emit: |e, a| e.double_arith(a[0], a[1], I::F64Sub) },
    OpDef { name: "DoubleMulResult", args: &[Id, Id], emit: |e, a| e.double_arith(a[0], a[1], I::F64Mul) },
    OpDef { name: "DoubleDivResult", args: &[Id, Id], emit: |e, a| e.double_arith(a[0], a[1], I::F64Div) },
    // `**` and `%` on doubles: the engine's own `ecmaPow` and `fmod` (pure functions).
    OpDef { name: "DoublePowResult", args: &[Id, Id], emit: |e, a| e.double_call(a[0], a[1], false) },
    OpDef { name: "DoubleModResult", args: &[Id, Id], emit: |e, a| e.double_call(a[0], a[1], true) },
    OpDef { name: "MathImulResult", args: &[Id, Id], emit: |e, a| e.int32_bits(a[0], a[1], I::I32Mul) },
    OpDef { name: "IndirectTruncateInt32Result", args: &[Id], emit: |e, a| e.result_retag(a[0], value::TYPE_INT32) },
    OpDef { name: "Int32ModResult", args: &[Id, Id], emit: |e, a| e.int32_div_mod(a[0], a[1], false) },
    OpDef { name: "Int32DivResult", args: &[Id, Id], emit: |e, a| e.int32_div_mod(a[0], a[1], true) },
    OpDef { name: "DoubleNegationResult", args: &[Id], emit: |e, a| e.double_unary(a[0], I::F64Neg) },
    OpDef { name: "DoubleIncResult", args: &[Id], emit: |e, a| e.double_step(a[0], 1.0) },
    OpDef { name: "DoubleDecResult", args: &[Id], emit: |e, a| e.double_step(a[0], -1.0) },
    // Math builtins called from Call ICs (the callee is guarded before).
    OpDef { name: "MathAbsInt32Result", args: &[Id], emit: |e, a| e.int32_abs(a[0]) },
    OpDef { name: "MathAbsNumberResult", args: &[Id], emit: |e, a| e.double_unary(a[0], I::F64Abs) },
    // `Math.fround(x)`: through float32 and back.
    OpDef { name: "MathFRoundNumberResult", args: &[Id], emit: |e, a| e.math_fround(a[0]) },
    // `Math.sign(x)`: of an int32, of a double, and of a double whose sign must be an int32
    // (NaN and -0 fail, as the engine's interpreter fails them).
    OpDef { name: "MathSignInt32Result", args: &[Id], emit: |e, a| e.math_sign_int32(a[0]) },
    OpDef { name: "MathSignNumberResult", args: &[Id], emit: |e, a| e.math_sign_number(a[0]) },
    OpDef { name: "MathSignNumberToInt32Result", args: &[Id], emit: |e, a| e.math_sign_number_to_int32(a[0]) },
    OpDef { name: "MathSqrtNumberResult", args: &[Id], emit: |e, a| e.double_unary(a[0], I::F64Sqrt) },
    OpDef { name: "MathFloorNumberResult", args: &[Id], emit: |e, a| e.double_unary(a[0], I::F64Floor) },
    OpDef { name: "MathCeilNumberResult", args: &[Id], emit: |e, a| e.double_unary(a[0], I::F64Ceil) },
    OpDef { name: "MathTruncNumberResult", args: &[Id], emit: |e, a| e.double_unary(a[0], I::F64Trunc) },
    OpDef { name: "MathFloorToInt32Result", args: &[Id], emit: |e, a| e.rounded_to_int32(a[0], Rounding::Floor) },
    OpDef { name: "MathCeilToInt32Result", args: &[Id], emit: |e, a| e.rounded_to_int32(a[0], Rounding::Ceil) },
    OpDef { name: "MathTruncToInt32Result", args: &[Id], emit: |e, a| e.rounded_to_int32(a[0], Rounding::Trunc) },
    OpDef { name: "MathRoundToInt32Result", args: &[Id], emit: |e, a| e.rounded_to_int32(a[0], Rounding::Round) },
    // Math.sin, log, exp, ... : the engine's own implementation, called through its table
    // (a pure function of a double: no GC, no exception).
    OpDef { name: "MathFunctionNumberResult", args: &[Id, Imm8], emit: |e, a| e.math_function(a[0], a[1] as u32) },
    OpDef { name: "Int32MinMax", args: &[Imm8, Id, Id, Id], emit: |e, a| e.int32_min_max(a[0] != 0, a[1], a[2], a[3]) },
    OpDef { name: "NumberMinMax", args: &[Imm8, Id, Id, Id], emit: |e, a| e.number_min_max(a[0] != 0, a[1], a[2], a[3]) },
    // Typed arrays (fixed-length views; resizable ones are declined).
    OpDef { name: "LoadTypedArrayElementResult", args: &[Id, Id, Imm8, Imm8, Imm8, Imm8], emit: |e, a| e.typed_array_load(a[0], a[1], a[2], a[3] != 0, a[4] != 0, a[5]) },
    OpDef { name: "StoreTypedArrayElement", args: &[Id, Imm8, Id, Id, Imm8, Imm8], emit: |e, a| e.typed_array_store(a[0], a[1], a[2], a[3], a[4] != 0, a[5]) },
    // DataView accesses on fixed-length views (`compile_dataview.rs`).
    OpDef { name: "LoadDataViewValueResult", args: &[Id, Id, Id, Imm8, Imm8, Imm8], emit: |e, a| e.dataview_load(a[0], a[1], a[2], a[3], a[4] != 0, a[5]) },
    OpDef { name: "StoreDataViewValueResult", args: &[Id, Id, Id, Id, Imm8, Imm8], emit: |e, a| e.dataview_store(a[0], a[1], a[2], a[3], a[4], a[5]) },
    OpDef { name: "LoadArrayBufferViewLengthInt32Result", args: &[Id], emit: |e, a| e.typed_array_length(a[0]) },
    OpDef { name: "LoadArrayBufferViewLengthDoubleResult", args: &[Id], emit: |e, a| e.u32_slot_as_double(a[0], ic::TYPED_ARRAY_LENGTH) },
    // A view's byte offset, an ArrayBuffer's byte length: the slot's word, as the engine's
    // interpreter reads them (an int32 result fails above INT32_MAX).
    OpDef { name: "ArrayBufferViewByteOffsetInt32Result", args: &[Id], emit: |e, a| e.u32_slot_as_int32(a[0], ic::VIEW_BYTE_OFFSET) },
    OpDef { name: "ArrayBufferViewByteOffsetDoubleResult", args: &[Id], emit: |e, a| e.u32_slot_as_double(a[0], ic::VIEW_BYTE_OFFSET) },
    OpDef { name: "LoadArrayBufferByteLengthInt32Result", args: &[Id], emit: |e, a| e.u32_slot_as_int32(a[0], ic::ARRAY_BUFFER_BYTE_LENGTH) },
    OpDef { name: "LoadArrayBufferByteLengthDoubleResult", args: &[Id], emit: |e, a| e.u32_slot_as_double(a[0], ic::ARRAY_BUFFER_BYTE_LENGTH) },
    // A typed array's byte length and `index in ta`, from the engine's own length.
    OpDef { name: "TypedArrayByteLengthInt32Result", args: &[Id], emit: |e, a| e.typed_array_byte_length(a[0], false) },
    OpDef { name: "TypedArrayByteLengthDoubleResult", args: &[Id], emit: |e, a| e.typed_array_byte_length(a[0], true) },
    OpDef { name: "LoadTypedArrayElementExistsResult", args: &[Id, Id, Imm8], emit: |e, a| e.typed_array_element_exists(a[0], a[1]) },
    OpDef { name: "GuardToUint8Clamped", args: &[Id, Id], emit: |e, a| e.guard_to_uint8_clamped(a[0], a[1]) },
    // Stores that need no GC barrier are plain; one that needs a barrier (checked at run time:
    // marking zone, nursery value into a tenured object) goes to the generic interpreter.
    OpDef { name: "StoreDenseElement", args: &[Id, Id, Id], emit: |e, a| e.store_dense_element(a[0], a[1], a[2]) },
    OpDef { name: "StoreDenseElementHole", args: &[Id, Id, Id, Imm8], emit: |e, a| e.store_dense_element_hole(a[0], a[1], a[2], a[3] != 0) },
    OpDef { name: "ArrayPush", args: &[Id, Id], emit: |e, a| e.array_push(a[0], a[1]) },
    OpDef { name: "PackedArrayPopResult", args: &[Id], emit: |e, a| e.packed_array_pop(a[0]) },
    OpDef { name: "StoreDynamicSlot", args: &[Id, F, Id], emit: |e, a| e.store_dynamic_slot(a[0], a[1], a[2]) },
    OpDef { name: "AddAndStoreFixedSlot", args: &[Id, F, Id, F], emit: |e, a| e.add_and_store_slot(a[0], a[1], a[2], a[3], false) },
    OpDef { name: "AddAndStoreDynamicSlot", args: &[Id, F, Id, F], emit: |e, a| e.add_and_store_slot(a[0], a[1], a[2], a[3], true) },
    // The same after growing the object's dynamic slots with the engine's pure `growSlotsPure`
    // (it fails the stub when it cannot allocate, as in the engine).
    OpDef { name: "AllocateAndStoreDynamicSlot", args: &[Id, F, Id, F, F], emit: |e, a| e.allocate_and_store_slot(a[0], a[1], a[2], a[3], a[4]) },
    // Null/undefined comparisons, object truthiness and instanceof read class flags and
    // prototypes.
    OpDef { name: "CompareNullUndefinedResult", args: &[Imm8, Imm8, Id], emit: |e, a| e.compare_null_undefined(a[0], a[1] != 0, a[2]) },
    OpDef { name: "LoadObjectTruthyResult", args: &[Id], emit: |e, a| e.object_truthy(a[0]) },
    OpDef { name: "GuardAnyClass", args: &[Id, F], emit: |e, a| e.guard_any_class(a[0], a[1]) },
    OpDef { name: "HasClassResult", args: &[Id, F], emit: |e, a| e.has_class(a[0], a[1]) },
    OpDef { name: "GuardIsNotProxy", args: &[Id], emit: |e, a| e.guard_is_not_proxy(a[0]) },
    OpDef { name: "IsObjectResult", args: &[Id], emit: |e, a| e.is_object_result(a[0]) },
    OpDef { name: "StoreFixedSlotUndefinedResult", args: &[Id, F, Id], emit: |e, a| e.store_fixed_slot_undefined_result(a[0], a[1], a[2]) },
    OpDef { name: "LoadInstanceOfObjectResult", args: &[Id, Id], emit: |e, a| e.instance_of(a[0], a[1]) },
    // Global lexical bindings: the global's generation counter is unchanged.
    OpDef { name: "GuardGlobalGeneration", args: &[F, F], emit: |e, a| e.guard_global_generation(a[0], a[1]) },
    // Comparisons.
    OpDef { name: "CompareInt32Result", args: &[Imm8, Id, Id], emit: |e, a| e.compare(a[0], a[1], a[2], false) },
    OpDef { name: "CompareDoubleResult", args: &[Imm8, Id, Id], emit: |e, a| e.compare(a[0], a[1], a[2], true) },
    // `Object.is` on numbers.
    OpDef { name: "CompareDoubleSameValueResult", args: &[Id, Id], emit: |e, a| e.double_same_value(a[0], a[1]) },
    // Strict (in)equality of values whose tags differ: a ValueTag operand holds the tag word.
    OpDef { name: "LoadValueTag", args: &[Id, Id], emit: |e, a| e.load_value_tag(a[0], a[1]) },
    OpDef { name: "GuardTagNotEqual", args: &[Id, Id], emit: |e, a| e.guard_tag_not_equal(a[0], a[1]) },
    OpDef { name: "CompareObjectResult", args: &[Imm8, Id, Id], emit: |e, a| e.compare_identity(a[0], a[1], a[2]) },
    // Strings compared by code units when both are linear; a rope goes to the generic
    // interpreter (flattening it allocates).
    OpDef { name: "CompareStringResult", args: &[Imm8, Id, Id], emit: |e, a| e.compare_strings(a[0], a[1], a[2]) },
    OpDef { name: "CompareSymbolResult", args: &[Imm8, Id, Id], emit: |e, a| e.compare_identity(a[0], a[1], a[2]) },
    // Truthiness.
    OpDef { name: "LoadInt32TruthyResult", args: &[Id], emit: |e, a| e.int32_truthy(a[0]) },
    OpDef { name: "LoadValueTruthyResult", args: &[Id], emit: |e, a| e.value_truthy(a[0]) },
    // `typeof v === "function"`-like tests of natives: functions, or a class with a call hook;
    // proxies fail (the engine asks their handler).
    OpDef { name: "IsCallableResult", args: &[Id], emit: |e, a| e.is_callable(a[0]) },
    // `IsConstructor(v)` of an object: a function's constructor flag, a bound function's,
    // else its class's construct hook; proxies fail (the engine asks their handler).
    OpDef { name: "IsConstructorResult", args: &[Id], emit: |e, a| e.is_constructor(a[0]) },
    // `typeof obj`: "function" for functions, "undefined" for objects that emulate it, else
    // "object", as the engine's interpreter decides; proxies fail.
    OpDef { name: "LoadTypeOfObjectResult", args: &[Id], emit: |e, a| e.typeof_object(a[0]) },
    OpDef { name: "LoadTypeOfEqObjectResult", args: &[Id, Imm8], emit: |e, a| e.typeof_eq_object(a[0], a[1]) },
    // Proxies: the handler, a wrapper's target (its private slot), not a DOM proxy.
    OpDef { name: "GuardHasProxyHandler", args: &[Id, F], emit: |e, a| e.guard_proxy_handler(a[0], a[1]) },
    OpDef { name: "LoadWrapperTarget", args: &[Id, Id, Imm8], emit: |e, a| e.load_wrapper_target(a[0], a[1], a[2] != 0) },
    OpDef { name: "GuardIsNotDOMProxy", args: &[Id], emit: |e, a| e.guard_is_not_dom_proxy(a[0]) },
    // Typed array class tests; a possibly wrapped proxy goes to the generic interpreter.
    OpDef { name: "IsTypedArrayResult", args: &[Id, Imm8], emit: |e, a| e.is_typed_array(a[0], a[1] != 0) },
    OpDef { name: "GuardIsFixedLengthTypedArray", args: &[Id], emit: |e, a| e.guard_is_fixed_length_typed_array(a[0]) },
    OpDef { name: "LoadDoubleTruthyResult", args: &[Id], emit: |e, a| e.double_truthy(a[0]) },
    OpDef { name: "LoadStringTruthyResult", args: &[Id], emit: |e, a| e.string_truthy(a[0]) },
    // Results.
    OpDef { name: "LoadBooleanResult", args: &[Imm8], emit: |e, a| e.result_const(tag_bits(value::TYPE_BOOLEAN) | (a[0] != 0) as u64) },
    OpDef { name: "LoadUndefinedResult", args: &[], emit: |e, _| e.result_const(tag_bits(value::TYPE_UNDEFINED)) },
    OpDef { name: "LoadInt32Result", args: &[Id], emit: |e, a| e.result_retag(a[0], value::TYPE_INT32) },
    OpDef { name: "LoadObjectResult", args: &[Id], emit: |e, a| e.result_retag(a[0], value::TYPE_OBJECT) },
    OpDef { name: "LoadStringResult", args: &[Id], emit: |e, a| e.result_retag(a[0], value::TYPE_STRING) },
    OpDef { name: "LoadDoubleResult", args: &[Id], emit: |e, a| e.load_double_result(a[0]) },
    OpDef { name: "LoadValueResult", args: &[F], emit: |e, a| e.load_value_result(a[0]) },
    OpDef { name: "LoadOperandResult", args: &[Id], emit: |e, a| e.load_operand_result(a[0]) },
    OpDef { name: "LoadConstantStringResult", args: &[F], emit: |e, a| e.load_field(a[0], value::TYPE_STRING, None) },
    OpDef { name: "LoadUndefined", args: &[Id], emit: |e, a| e.load_undefined(a[0]) },
    OpDef { name: "LoadConstantString", args: &[F, Id], emit: |e, a| e.load_field(a[0], value::TYPE_STRING, Some(a[1])) },
    OpDef { name: "LoadDoubleConstant", args: &[F, Id], emit: |e, a| e.load_double_constant(a[0], a[1]) },
    OpDef { name: "LoadBooleanConstant", args: &[Imm8, Id], emit: |e, a| e.load_boolean_constant(a[0], a[1]) },
    OpDef { name: "LoadInt32Constant", args: &[F, Id], emit: |e, a| e.load_field(a[0], value::TYPE_INT32, Some(a[1])) },
    // Calls, through the engine's own protocol (`compile_calls.rs`): the last op before
    // ReturnFromIC; the `u32` argc immediate after the flags is unused, as in the engine.
    OpDef { name: "CallScriptedFunction", args: &[Id, Id, Imm8, Imm8, Imm8, Imm8, Imm8], emit: |e, a| e.call_function(a[0], a[1], a[2], calls::Callee::Scripted) },
    OpDef {
        name: "CallNativeFunction",
        args: &[Id, Id, Imm8, Imm8, Imm8, Imm8, Imm8, Imm8],
        emit: |e, a| e.call_function(a[0], a[1], a[2], calls::Callee::Native { ignores_rv: a[7] != 0 }),
    },
    OpDef {
        name: "CallBoundScriptedFunction",
        args: &[Id, Id, Id, Imm8, Imm8, Imm8, Imm8, Imm8],
        emit: |e, a| e.call_bound_function(a[0], a[1], a[2], a[3], u32::from_le_bytes([a[4], a[5], a[6], a[7]])),
    },
    // `for-in`: the engine's iterator of an object (the enumerators list field is unused, as
    // in the engine's interpreter).
    OpDef { name: "ObjectToIteratorResult", args: &[Id, F], emit: |e, a| e.object_to_iterator(a[0]) },
    OpDef { name: "BindFunctionResult", args: &[Id, Imm8, Imm8, Imm8, Imm8, F], emit: |e, a| e.bind_function(a[0], u32::from_le_bytes([a[1], a[2], a[3], a[4]]), None) },
    OpDef {
        name: "SpecializedBindFunctionResult",
        args: &[Id, Imm8, Imm8, Imm8, Imm8, F],
        emit: |e, a| e.bind_function(a[0], u32::from_le_bytes([a[1], a[2], a[3], a[4]]), Some(a[5])),
    },
    // BigInts, `Map`/`Set`, proxies, `Object.is`, `Reflect.getPrototypeOf` and `slice`
    // (`compile_value_ops.rs`): the engine's own functions, as its interpreter runs them.
    OpDef { name: "BigIntAddResult", args: &[Id, Id], emit: |e, a| e.bigint_binary(a[0], a[1], BigIntBinary::Add) },
    OpDef { name: "BigIntSubResult", args: &[Id, Id], emit: |e, a| e.bigint_binary(a[0], a[1], BigIntBinary::Sub) },
    OpDef { name: "BigIntMulResult", args: &[Id, Id], emit: |e, a| e.bigint_binary(a[0], a[1], BigIntBinary::Mul) },
    OpDef { name: "BigIntDivResult", args: &[Id, Id], emit: |e, a| e.bigint_binary(a[0], a[1], BigIntBinary::Div) },
    OpDef { name: "BigIntModResult", args: &[Id, Id], emit: |e, a| e.bigint_binary(a[0], a[1], BigIntBinary::Mod) },
    OpDef { name: "BigIntPowResult", args: &[Id, Id], emit: |e, a| e.bigint_binary(a[0], a[1], BigIntBinary::Pow) },
    OpDef { name: "BigIntBitAndResult", args: &[Id, Id], emit: |e, a| e.bigint_binary(a[0], a[1], BigIntBinary::BitAnd) },
    OpDef { name: "BigIntBitOrResult", args: &[Id, Id], emit: |e, a| e.bigint_binary(a[0], a[1], BigIntBinary::BitOr) },
    OpDef { name: "BigIntBitXorResult", args: &[Id, Id], emit: |e, a| e.bigint_binary(a[0], a[1], BigIntBinary::BitXor) },
    OpDef { name: "BigIntLeftShiftResult", args: &[Id, Id], emit: |e, a| e.bigint_binary(a[0], a[1], BigIntBinary::LeftShift) },
    OpDef { name: "BigIntRightShiftResult", args: &[Id, Id], emit: |e, a| e.bigint_binary(a[0], a[1], BigIntBinary::RightShift) },
    OpDef { name: "BigIntNegationResult", args: &[Id], emit: |e, a| e.bigint_unary(a[0], BigIntUnary::Negation) },
    OpDef { name: "BigIntIncResult", args: &[Id], emit: |e, a| e.bigint_unary(a[0], BigIntUnary::Inc) },
    OpDef { name: "BigIntDecResult", args: &[Id], emit: |e, a| e.bigint_unary(a[0], BigIntUnary::Dec) },
    OpDef { name: "BigIntNotResult", args: &[Id], emit: |e, a| e.bigint_unary(a[0], BigIntUnary::Not) },
    OpDef { name: "BigIntAsIntNResult", args: &[Id, Id], emit: |e, a| e.bigint_as_n(a[0], a[1], false) },
    OpDef { name: "BigIntAsUintNResult", args: &[Id, Id], emit: |e, a| e.bigint_as_n(a[0], a[1], true) },
    OpDef { name: "CompareBigIntResult", args: &[Imm8, Id, Id], emit: |e, a| e.compare_bigint(a[0], a[1], a[2], true) },
    OpDef { name: "CompareBigIntInt32Result", args: &[Imm8, Id, Id], emit: |e, a| e.compare_bigint(a[0], a[1], a[2], false) },
    OpDef { name: "CompareBigIntNumberResult", args: &[Imm8, Id, Id], emit: |e, a| e.compare_bigint(a[0], a[1], a[2], false) },
    OpDef { name: "CompareBigIntStringResult", args: &[Imm8, Id, Id], emit: |e, a| e.compare_bigint(a[0], a[1], a[2], false) },
    // `Map` lookups by any key (the variants differ in the key's guarded type only).
    OpDef { name: "MapHasResult", args: &[Id, Id], emit: |e, a| e.map_has(a[0], a[1]) },
    OpDef { name: "MapHasNonGCThingResult", args: &[Id, Id], emit: |e, a| e.map_has(a[0], a[1]) },
    OpDef { name: "MapHasStringResult", args: &[Id, Id], emit: |e, a| e.map_has(a[0], a[1]) },
    OpDef { name: "MapHasSymbolResult", args: &[Id, Id], emit: |e, a| e.map_has(a[0], a[1]) },
    OpDef { name: "MapHasBigIntResult", args: &[Id, Id], emit: |e, a| e.map_has(a[0], a[1]) },
    OpDef { name: "MapHasObjectResult", args: &[Id, Id], emit: |e, a| e.map_has(a[0], a[1]) },
    OpDef { name: "MapGetResult", args: &[Id, Id], emit: |e, a| e.map_get(a[0], a[1]) },
    OpDef { name: "MapGetNonGCThingResult", args: &[Id, Id], emit: |e, a| e.map_get(a[0], a[1]) },
    OpDef { name: "MapGetStringResult", args: &[Id, Id], emit: |e, a| e.map_get(a[0], a[1]) },
    OpDef { name: "MapGetSymbolResult", args: &[Id, Id], emit: |e, a| e.map_get(a[0], a[1]) },
    OpDef { name: "MapGetBigIntResult", args: &[Id, Id], emit: |e, a| e.map_get(a[0], a[1]) },
    OpDef { name: "MapGetObjectResult", args: &[Id, Id], emit: |e, a| e.map_get(a[0], a[1]) },
    OpDef { name: "ProxyGetResult", args: &[Id, F], emit: |e, a| e.proxy_get(a[0], a[1]) },
    OpDef { name: "ProxySet", args: &[Id, F, Id, Imm8], emit: |e, a| e.proxy_set(a[0], a[1], a[2], a[3] != 0) },
    OpDef { name: "SameValueResult", args: &[Id, Id], emit: |e, a| e.same_value(a[0], a[1]) },
    // `Set` lookups, sizes, `Reflect.getPrototypeOf` and `slice` through the engine's own natives.
    OpDef { name: "SetHasResult", args: &[Id, Id], emit: |e, a| e.engine_native(a[0], &[a[1]], EngineNative::SetHas) },
    OpDef { name: "SetHasNonGCThingResult", args: &[Id, Id], emit: |e, a| e.engine_native(a[0], &[a[1]], EngineNative::SetHas) },
    OpDef { name: "SetHasStringResult", args: &[Id, Id], emit: |e, a| e.engine_native(a[0], &[a[1]], EngineNative::SetHas) },
    OpDef { name: "SetHasSymbolResult", args: &[Id, Id], emit: |e, a| e.engine_native(a[0], &[a[1]], EngineNative::SetHas) },
    OpDef { name: "SetHasBigIntResult", args: &[Id, Id], emit: |e, a| e.engine_native(a[0], &[a[1]], EngineNative::SetHas) },
    OpDef { name: "SetHasObjectResult", args: &[Id, Id], emit: |e, a| e.engine_native(a[0], &[a[1]], EngineNative::SetHas) },
    OpDef { name: "SetSizeResult", args: &[Id], emit: |e, a| e.engine_native(a[0], &[], EngineNative::SetSize) },
    OpDef { name: "MapSizeResult", args: &[Id], emit: |e, a| e.engine_native(a[0], &[], EngineNative::MapSize) },
    OpDef { name: "PackedArraySliceResult", args: &[F, Id, Id, Id], emit: |e, a| e.engine_native(a[1], &[a[2], a[3]], EngineNative::ArraySlice) },
    OpDef { name: "ArgumentsSliceResult", args: &[F, Id, Id, Id], emit: |e, a| e.engine_native(a[1], &[a[2], a[3]], EngineNative::ArraySlice) },
    OpDef { name: "ReflectGetPrototypeOfResult", args: &[Id], emit: |e, a| e.engine_native(a[0], &[a[0]], EngineNative::ReflectGetPrototypeOf) },
    OpDef { name: "LoadBigIntTruthyResult", args: &[Id], emit: |e, a| e.bigint_truthy(a[0]) },
    OpDef { name: "StringToAtom", args: &[Id], emit: |e, a| e.string_to_atom(a[0]) },
    // A class's call or construct hook (the `u32` argc immediate unused, as above).
    OpDef { name: "CallClassHook", args: &[Id, Id, Imm8, Imm8, Imm8, Imm8, Imm8, F], emit: |e, a| e.call_function(a[0], a[1], a[2], calls::Callee::ClassHook { target: a[7] }) },
    OpDef { name: "GuardBoundFunctionIsConstructor", args: &[Id], emit: |e, a| e.guard_bound_function_is_constructor(a[0]) },
    OpDef { name: "LoadBoundFunctionNumArgs", args: &[Id, Id], emit: |e, a| e.load_bound_function_field(a[0], a[1], true) },
    OpDef { name: "LoadBoundFunctionTarget", args: &[Id, Id], emit: |e, a| e.load_bound_function_field(a[0], a[1], false) },
    OpDef { name: "CallScriptedGetterResult", args: &[Id, F, Imm8, F], emit: |e, a| e.call_accessor(a[0], a[1], None, a[2] != 0) },
    OpDef { name: "CallScriptedSetter", args: &[Id, F, Id, Imm8, F], emit: |e, a| e.call_accessor(a[0], a[1], Some(a[2]), a[3] != 0) },
    OpDef { name: "CallNativeGetterResult", args: &[Id, F, Imm8, F], emit: |e, a| e.native_accessor(a[0], a[1], None) },
    OpDef { name: "CallNativeSetter", args: &[Id, F, Id, Imm8, F], emit: |e, a| e.native_accessor(a[0], a[1], Some(a[2])) },
    // Allocation from the stub's template: a VM call behind the IC frame, the last op of its
    // body. The guard fails while the realm has an allocation metadata builder (its field holds
    // the builder's address).
    OpDef { name: "GuardNoAllocationMetadataBuilder", args: &[F], emit: |e, a| e.guard_field_target_is_null(a[0]) },
    OpDef {
        name: "NewPlainObjectResult",
        args: &[Imm8, Imm8, Imm8, Imm8, Imm8, Imm8, Imm8, Imm8, Imm8, F, F],
        emit: |e, a| e.new_object(calls::Alloc::PlainObject { alloc_kind: a[8], shape: a[9] }, a[10]),
    },
    OpDef {
        name: "NewArrayObjectResult",
        args: &[Imm8, Imm8, Imm8, Imm8, F, F],
        emit: |e, a| e.new_object(calls::Alloc::Array { length: u32::from_le_bytes([a[0], a[1], a[2], a[3]]) }, a[5]),
    },
    OpDef {
        name: "NewArrayFromLengthResult",
        args: &[F, Id],
        emit: |e, a| e.new_object(calls::Alloc::ArrayFromLength { template: a[0], length: a[1] }, 0),
    },
    // String concatenation allocates: a VM call behind an exit frame, the last op of its body.
    OpDef { name: "CallStringConcatResult", args: &[Id, Id], emit: |e, a| e.concat_strings(a[0], a[1]) },
    OpDef { name: "StringToLowerCaseResult", args: &[Id], emit: |e, a| e.string_to_string(a[0], calls::StringUnary::ToLowerCase) },
    OpDef { name: "StringToUpperCaseResult", args: &[Id], emit: |e, a| e.string_to_string(a[0], calls::StringUnary::ToUpperCase) },
    OpDef { name: "StringTrimResult", args: &[Id], emit: |e, a| e.string_to_string(a[0], calls::StringUnary::Trim) },
    OpDef { name: "StringTrimStartResult", args: &[Id], emit: |e, a| e.string_to_string(a[0], calls::StringUnary::TrimStart) },
    OpDef { name: "StringTrimEndResult", args: &[Id], emit: |e, a| e.string_to_string(a[0], calls::StringUnary::TrimEnd) },
    OpDef { name: "CallSubstringKernelResult", args: &[Id, Id, Id], emit: |e, a| e.substring(a[0], a[1], a[2]) },
    // `str.indexOf(s)` and friends: the engine's string search behind the IC frame.
    // `new Int8Array(buffer, offset, length)` and the like, from the stub's template object.
    OpDef { name: "NewTypedArrayFromArrayBufferResult", args: &[F, Id, Id, Id], emit: |e, a| e.new_typed_array_from_buffer(a[0], a[1], a[2], a[3]) },
    // `parseInt(str, radix)`: the engine's NumberParseInt behind the IC frame.
    OpDef { name: "NumberParseIntResult", args: &[Id, Id], emit: |e, a| e.number_parse_int(a[0], a[1]) },
    OpDef { name: "StringIndexOfResult", args: &[Id, Id], emit: |e, a| e.string_search(a[0], a[1], calls::StringSearch::IndexOf) },
    OpDef { name: "StringLastIndexOfResult", args: &[Id, Id], emit: |e, a| e.string_search(a[0], a[1], calls::StringSearch::LastIndexOf) },
    OpDef { name: "StringIncludesResult", args: &[Id, Id], emit: |e, a| e.string_search(a[0], a[1], calls::StringSearch::Includes) },
    OpDef { name: "StringStartsWithResult", args: &[Id, Id], emit: |e, a| e.string_search(a[0], a[1], calls::StringSearch::StartsWith) },
    OpDef { name: "StringEndsWithResult", args: &[Id, Id], emit: |e, a| e.string_search(a[0], a[1], calls::StringSearch::EndsWith) },
    // Megamorphic stores: the engine's own set behind the IC frame, the last op of its body.
    OpDef { name: "MegamorphicStoreSlot", args: &[Id, F, Id, Imm8], emit: |e, a| e.megamorphic_set(a[0], calls::StoreKey::Field(a[1]), a[2], a[3] != 0) },
    OpDef { name: "MegamorphicSetElement", args: &[Id, Id, Id, Imm8], emit: |e, a| e.megamorphic_set(a[0], calls::StoreKey::Value(a[1]), a[2], a[3] != 0) },
    // `array.length = v`: the engine's SetArrayLength behind the IC frame.
    OpDef { name: "CallSetArrayLength", args: &[Id, Imm8, Id], emit: |e, a| e.megamorphic_set(a[0], calls::StoreKey::ArrayLength, a[2], a[1] != 0) },
    // Self-hosted RegExp code: the engine's pure optimizability checks, and the last limit
    // its searcher left in `cx`.
    OpDef { name: "RegExpPrototypeOptimizableResult", args: &[Id], emit: |e, a| e.regexp_optimizable(a[0], None) },
    OpDef { name: "RegExpInstanceOptimizableResult", args: &[Id, Id], emit: |e, a| e.regexp_optimizable(a[1], Some(a[0])) },
    OpDef { name: "RegExpSearcherLastLimitResult", args: &[], emit: |e, _| e.regexp_searcher_last_limit() },
    // Metadata for an optimizing compiler, which the engine's interpreter skips.
    OpDef { name: "MetaScriptedThisShape", args: &[F], emit: |_, _| Ok(()) },
    OpDef { name: "LoadArgumentFixedSlot", args: &[Id, Imm8], emit: |e, a| e.load_argument_slot(a[0], None, a[1]) },
    OpDef { name: "LoadArgumentDynamicSlot", args: &[Id, Id, Imm8], emit: |e, a| e.load_argument_slot(a[0], Some(a[1]), a[2]) },
];

/// Names of every op the compiler lowers, for reports.
pub fn supported_ops() -> impl Iterator<Item = &'static str> {
    OPS.iter().map(|o| o.name)
}

/// The first op of a body that the engine's interpreter fails on every hit
/// (`StubEnv::engine_unimplemented`) and this compiler does not lower: a compiled body fails
/// there too. (Where this compiler lowers such an op, DataView or BigInt ones, the stub does
/// what the engine's fallback would.)
pub fn engine_failure_op<'o>(ops: &'o [CacheIrOp<'_>], engine_unimplemented: &[&str]) -> Option<&'o str> {
    ops.iter().map(|o| o.name.as_str()).find(|o| engine_unimplemented.contains(o) && !OPS.iter().any(|d| d.name == *o))
}

/// Ops that write their result to an operand (its index among the op's arguments) and may
/// GC: the body may go on only to return that operand.
const MAY_GC_OPS_TO_OPERAND: &[(&str, usize)] = &[("CallNumberToString", 1)];

/// Whether `ops[k]`, an op that may GC, is followed only by `ReturnFromIC`, or by the return
/// of the operand it wrote and then `ReturnFromIC`.
fn only_result_after(ops: &[CacheIrOp<'_>], k: usize) -> bool {
    let name = |i: usize| ops.get(i).map(|o| o.name.as_str());
    if name(k + 1) == Some("ReturnFromIC") {
        return true;
    }
    let Some(&(_, out)) = MAY_GC_OPS_TO_OPERAND.iter().find(|(n, _)| Some(*n) == name(k)) else { return false };
    let written = ops[k].args.get(out);
    matches!(name(k + 1), Some("LoadStringResult" | "LoadOperandResult"))
        && ops[k + 1].args.first() == written
        && written.is_some()
        && name(k + 2) == Some("ReturnFromIC")
}

/// Lowers one CacheIR body to a Wasm function body (locals and code, no size prefix).
pub fn compile(ops: &[CacheIrOp<'_>], env: &StubEnv<'_>) -> Result<Vec<u8>, Decline> {
    // Resolve every op first: a body is compiled whole or not at all.
    let mut plan: Vec<(&OpDef, &[u8])> = Vec::with_capacity(ops.len());
    let mut max_id: i32 = 2; // inputs 0..=2 always exist
    let mut engine_fails = false;
    for op in ops {
        let Some(def) = OPS.iter().find(|d| d.name == op.name) else {
            if env.engine_unimplemented.contains(&op.name.as_str()) {
                // The engine fails the stub here on every hit; what follows never runs.
                engine_fails = true;
                break;
            }
            return Err(Decline::Unsupported(op.name.clone()));
        };
        if size(def.args) as usize != op.args.len() {
            return Err(Decline::FormatMismatch(op.name.clone()));
        }
        for (kind, b) in def.args.iter().zip(op.args) {
            if *kind == Arg::Id {
                max_id = max_id.max(*b as i32);
            }
        }
        plan.push((def, op.args));
    }
    if !engine_fails && ops.last().map(|o| o.name.as_str()) != Some("ReturnFromIC") {
        return Err(Decline::NoReturn);
    }
    // A call may GC: nothing but its result may be read after it.
    for (k, op) in ops[..plan.len()].iter().enumerate() {
        if MAY_GC_OPS.contains(&op.name.as_str()) && !only_result_after(ops, k) {
            return Err(Decline::UnsupportedOperand(op.name.clone()));
        }
    }
    let mut e = Emitter::new(env, (max_id + 1) as u32);
    if let Some(c) = env.counters {
        e.increment(c.entries);
    }
    e.prologue();
    e.f.instruction(&I::Block(BlockType::Empty));
    for (def, args) in plan {
        e.op = def.name;
        let before = e.f.byte_len();
        match (def.emit)(&mut e, args) {
            // An operand this compiler does not handle, in an op the engine's interpreter
            // fails anyway: fail here too (the emitter declined before emitting anything).
            Err(Decline::UnsupportedOperand(_)) if env.engine_unimplemented.contains(&def.name) && e.f.byte_len() == before => break,
            r => r?,
        }
    }
    e.f.instruction(&I::End);
    e.fail_tail();
    e.f.instruction(&I::End);
    Ok(e.f.into_raw_body())
}

/// How a `Math` rounding op rounds.
#[derive(Clone, Copy)]
enum Rounding {
    Floor,
    Ceil,
    Trunc,
    Round,
}

// Parameters and locals of the generated function.
const P_ARG0: u32 = 0;
const P_ARG1: u32 = 1;
const P_STUB: u32 = 2;
const P_CTX: u32 = 3;

/// The key of a megamorphic load: a name from a stub field, or a Value in a register.
#[derive(Clone, Copy)]
enum Key {
    Name(u8),
    Value(u8),
}

/// What a lookup that misses does: fail the stub, or hand the hit to the generic interpreter.
#[derive(Clone, Copy)]
enum Miss {
    Fail,
    Defer(&'static str),
}

/// Emits one function; tracks the local layout.
struct Emitter<'a> {
    env: &'a StubEnv<'a>,
    f: Function,
    /// The op being lowered (for declines that name it).
    op: &'static str,
    /// First register local; register r is local `regs + r`.
    regs: u32,
    result: u32,
    t32: u32,
    t32b: u32,
    t32c: u32,
    t32d: u32,
    t32e: u32,
    t32f: u32,
    t32g: u32,
    t32h: u32,
    t64: u32,
    tf: u32,
    tf2: u32,
}

impl<'a> Emitter<'a> {
    fn new(env: &'a StubEnv<'a>, num_regs: u32) -> Self {
        let regs = 4;
        let result = regs + num_regs;
        let locals = [
            (num_regs + 1, ValType::I64), // registers, result
            (8, ValType::I32),            // t32, t32b, ..., t32h
            (1, ValType::I64),            // t64
            (2, ValType::F64),            // tf, tf2
        ];
        Emitter {
            env,
            f: Function::new(locals),
            op: "",
            regs,
            result,
            t32: result + 1,
            t32b: result + 2,
            t32c: result + 3,
            t32d: result + 4,
            t32e: result + 5,
            t32f: result + 6,
            t32g: result + 7,
            t32h: result + 8,
            t64: result + 9,
            tf: result + 10,
            tf2: result + 11,
        }
    }

    fn reg(&self, r: u8) -> u32 {
        self.regs + r as u32
    }

    fn i(&mut self, ins: I<'_>) -> &mut Self {
        self.f.instruction(&ins);
        self
    }

    fn mem(offset: u32, align: u32) -> MemArg {
        MemArg { offset: offset as u64, align, memory_index: 0 }
    }

    /// Inputs 0 and 1 are the arguments; input 2 is in the context.
    fn prologue(&mut self) {
        let (r0, r1, r2) = (self.reg(0), self.reg(1), self.reg(2));
        self.i(I::LocalGet(P_ARG0)).i(I::LocalSet(r0));
        self.i(I::LocalGet(P_ARG1)).i(I::LocalSet(r1));
        self.i(I::LocalGet(P_CTX)).i(I::I64Load(Self::mem(ic::CTX_ARG2, 3))).i(I::LocalSet(r2));
    }

    fn increment(&mut self, global: u32) {
        self.i(I::GlobalGet(global)).i(I::I64Const(1)).i(I::I64Add).i(I::GlobalSet(global));
    }

    /// The guard-failure path: call the next stub with the original arguments.
    fn fail_tail(&mut self) {
        if let Some(c) = self.env.counters {
            self.increment(c.fails);
        }
        let next = self.t32;
        self.i(I::LocalGet(P_STUB)).i(I::I32Load(Self::mem(ic::STUB_NEXT, 2))).i(I::LocalSet(next));
        self.i(I::LocalGet(P_ARG0)).i(I::LocalGet(P_ARG1)).i(I::LocalGet(next)).i(I::LocalGet(P_CTX));
        self.i(I::LocalGet(next)).i(I::I32Load(Self::mem(ic::STUB_CODE, 2)));
        self.i(I::CallIndirect { type_index: self.env.ic_type_index, table_index: 0 });
    }

    /// `br_if $fail` on the i32 condition on the stack (the guard block is depth 0 at the top
    /// level of the body; ops never open blocks around a guard).
    fn fail_if(&mut self) {
        self.i(I::BrIf(0));
    }

    /// Fails the guard unless the two i32s on the stack are equal.
    fn fail_if_ne32(&mut self) -> Result<(), Decline> {
        self.i(I::I32Ne);
        self.fail_if();
        Ok(())
    }

    fn ret(&mut self) -> Result<(), Decline> {
        self.i(I::LocalGet(self.result)).i(I::Return);
        Ok(())
    }

    /// Pushes the payload (low word) of register r.
    fn lo(&mut self, r: u8) {
        self.i(I::LocalGet(self.reg(r))).i(I::I32WrapI64);
    }

    /// Pushes the tag (high word) of register r.
    fn hi(&mut self, r: u8) {
        self.i(I::LocalGet(self.reg(r))).i(I::I64Const(32)).i(I::I64ShrU).i(I::I32WrapI64);
    }

    /// Pushes the address of field byte `b`'s word: the stub pointer (offset folded into loads).
    fn field_offset(&self, b: u8) -> u32 {
        self.env.stub_data_offset + ic::FIELD_SCALE * b as u32
    }

    /// Pushes the address of stub field `b`: a handle the GC traces and updates.
    fn field_address(&mut self, b: u8) {
        let off = self.field_offset(b);
        self.i(I::LocalGet(P_STUB)).i(I::I32Const(off as i32)).i(I::I32Add);
    }

    fn field_u32(&mut self, b: u8) {
        let off = self.field_offset(b);
        self.i(I::LocalGet(P_STUB)).i(I::I32Load(Self::mem(off, 2)));
    }

    fn field_u64(&mut self, b: u8) {
        let off = self.field_offset(b);
        self.i(I::LocalGet(P_STUB)).i(I::I64Load(Self::mem(off, 2)));
    }

    /// Boxes the i32 on the stack with a type tag and stores it in local `dst`.
    fn box_i32(&mut self, ty: u32, dst: u32) {
        vc::box_i32(&mut self.f, ty);
        self.i(I::LocalSet(dst));
    }

    fn guard_tag(&mut self, r: u8, ty: u32) -> Result<(), Decline> {
        self.hi(r);
        self.i(I::I32Const(tag(ty) as i32));
        self.fail_if_ne32()
    }

    fn guard_is_number(&mut self, r: u8) -> Result<(), Decline> {
        // Doubles have a high word below the tag range; int32 is the smallest tag.
        self.hi(r);
        self.i(I::I32Const(tag(value::TYPE_INT32) as i32)).i(I::I32GtU);
        self.fail_if();
        Ok(())
    }

    fn guard_not_uninitialized(&mut self, r: u8) -> Result<(), Decline> {
        self.i(I::LocalGet(self.reg(r))).i(I::I64Const(ic::UNINITIALIZED_LEXICAL as i64)).i(I::I64Eq);
        self.fail_if();
        Ok(())
    }

    fn guard_non_double_type(&mut self, r: u8, ty: u8) -> Result<(), Decline> {
        if ty as u32 == value::TYPE_DOUBLE || ty as u32 > value::TYPE_OBJECT {
            return Err(Decline::UnsupportedOperand("GuardNonDoubleType".into()));
        }
        self.guard_tag(r, ty as u32)
    }

    /// An int32 index: an int32, or a double that is exactly an int32 (-0 counts as 0).
    fn guard_to_int32_index(&mut self, input: u8, out: u8) -> Result<(), Decline> {
        let (rin, rout, tf) = (self.reg(input), self.reg(out), self.tf);
        self.hi(input);
        self.i(I::I32Const(tag(value::TYPE_INT32) as i32)).i(I::I32Eq);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(rin)).i(I::LocalSet(rout));
        self.i(I::Else);
        // Not a double (any other tag): fail. `br_if 1` leaves the if/else to the guard block.
        self.hi(input);
        self.i(I::I32Const(tag(value::TYPE_DOUBLE) as i32)).i(I::I32GeU).i(I::BrIf(1));
        self.i(I::LocalGet(rin)).i(I::F64ReinterpretI64).i(I::LocalSet(tf));
        // In range and integral: trunc(d) == d and -2^31 <= d < 2^31 (NaN fails both).
        self.i(I::LocalGet(tf)).i(I::F64Const(wasm_encoder::Ieee64::from(-2147483648.0f64))).i(I::F64Ge);
        self.i(I::LocalGet(tf)).i(I::F64Const(wasm_encoder::Ieee64::from(2147483648.0f64))).i(I::F64Lt).i(I::I32And);
        self.i(I::LocalGet(tf)).i(I::LocalGet(tf)).i(I::F64Trunc).i(I::F64Eq).i(I::I32And);
        self.i(I::I32Eqz).i(I::BrIf(1));
        self.i(I::LocalGet(tf)).i(I::I32TruncF64S);
        self.box_i32(value::TYPE_INT32, rout);
        self.i(I::End);
        Ok(())
    }

    /// Fails unless the word at the address in field `f` is null.
    fn guard_field_target_is_null(&mut self, f: u8) -> Result<(), Decline> {
        self.field_u32(f);
        self.i(I::I32Load(Self::mem(0, 2)));
        self.fail_if();
        Ok(())
    }

    fn guard_shape(&mut self, o: u8, f: u8) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::OBJ_SHAPE, 2)));
        self.field_u32(f);
        self.fail_if_ne32()
    }

    /// Pushes obj->shape->base at `o`.
    fn base_shape(&mut self, o: u8) {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::OBJ_SHAPE, 2))).i(I::I32Load(Self::mem(ic::SHAPE_BASE, 2)));
    }

    fn guard_proto(&mut self, o: u8, f: u8) -> Result<(), Decline> {
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_PROTO, 2)));
        self.field_u32(f);
        self.fail_if_ne32()
    }

    fn guard_class(&mut self, o: u8, kind: u8) -> Result<(), Decline> {
        if let (ic::GUARD_CLASS_WINDOW_PROXY, Some(offset), Some(st)) = (kind, self.env.runtime_window_proxy_class, self.env.static_strings) {
            // The runtime's WindowProxy class (null here when the embedding has none).
            self.base_shape(o);
            self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2)));
            self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
            self.i(I::I32Load(Self::mem(st.cx_runtime, 2))).i(I::I32Load(Self::mem(offset, 2)));
            self.i(I::I32Ne);
            self.fail_if();
            return Ok(());
        }
        let Some(fact) = self.env.guard_classes.iter().find(|g| g.kind == kind) else {
            return Err(Decline::UnsupportedOperand("GuardClass".into()));
        };
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2)));
        self.class_in(fact.classes)
    }

    /// With a class on the stack: fails unless it is one of `classes` (one or two).
    fn class_in(&mut self, classes: &[u32]) -> Result<(), Decline> {
        match *classes {
            [c] => {
                self.i(I::I32Const(c as i32));
                self.fail_if_ne32()
            }
            [a, b] => {
                let t = self.t32;
                self.i(I::LocalTee(t)).i(I::I32Const(a as i32)).i(I::I32Ne);
                self.i(I::LocalGet(t)).i(I::I32Const(b as i32)).i(I::I32Ne);
                self.i(I::I32And);
                self.fail_if();
                Ok(())
            }
            _ => Err(Decline::UnsupportedOperand("GuardClass".into())),
        }
    }

    fn guard_specific(&mut self, o: u8, f: u8) -> Result<(), Decline> {
        self.lo(o);
        self.field_u32(f);
        self.fail_if_ne32()
    }

    /// Fails unless string `s` is the atom in stub field `f` or a linear string with the same
    /// code units, as the engine's JIT decides (its CacheIR interpreter compares the pointers
    /// only, so a key computed at run time fails every stub keyed on its atom there and goes to
    /// the fallback).
    fn guard_specific_atom(&mut self, s: u8, f: u8) -> Result<(), Decline> {
        let (atom, fs, fa, cs, ca, n) = (self.t32, self.t32b, self.t32c, self.t32d, self.t32e, self.t32f);
        self.field_u32(f);
        self.i(I::LocalSet(atom));
        self.lo(s);
        self.i(I::LocalGet(atom)).i(I::I32Ne);
        self.i(I::If(BlockType::Empty)); // the guard block is depth 1 in here
        {
            self.lo(s);
            self.i(I::I32Load(Self::mem(ic::STRING_FLAGS, 2))).i(I::LocalTee(fs));
            self.i(I::I32Const(str_bits::LINEAR_BIT as i32)).i(I::I32And).i(I::I32Eqz).i(I::BrIf(1));
            self.lo(s);
            self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2))).i(I::LocalTee(n));
            self.i(I::LocalGet(atom)).i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2))).i(I::I32Ne).i(I::BrIf(1));
            self.i(I::LocalGet(atom)).i(I::I32Load(Self::mem(ic::STRING_FLAGS, 2))).i(I::LocalSet(fa));
            self.string_chars(s, fs);
            self.i(I::LocalSet(cs));
            self.linear_chars(|e| {
                e.i(I::LocalGet(atom));
            }, fa);
            self.i(I::LocalSet(ca));
            // Compare from the last code unit down.
            self.i(I::Block(BlockType::Empty)).i(I::Loop(BlockType::Empty));
            self.i(I::LocalGet(n)).i(I::I32Eqz).i(I::BrIf(1));
            self.i(I::LocalGet(n)).i(I::I32Const(1)).i(I::I32Sub).i(I::LocalSet(n));
            self.code_unit(cs, fs, n);
            self.code_unit(ca, fa, n);
            self.i(I::I32Ne).i(I::BrIf(3));
            self.i(I::Br(0));
            self.i(I::End).i(I::End);
        }
        self.i(I::End);
        Ok(())
    }

    /// Register `res` (or the result) = stub field `f`'s word boxed as type `ty`: a stub-held
    /// object, string or int32.
    fn load_field(&mut self, f: u8, ty: u32, res: Option<u8>) -> Result<(), Decline> {
        self.field_u32(f);
        let dst = res.map_or(self.result, |r| self.reg(r));
        self.box_i32(ty, dst);
        Ok(())
    }

    fn load_proto(&mut self, o: u8, res: u8) -> Result<(), Decline> {
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_PROTO, 2)));
        let dst = self.reg(res);
        self.box_i32(value::TYPE_OBJECT, dst);
        Ok(())
    }

    /// `dst = i64[obj + field]` (the field is a byte offset from the object).
    fn load_fixed_slot(&mut self, res: Option<u8>, o: u8, f: u8) -> Result<(), Decline> {
        self.lo(o);
        self.field_u32(f);
        self.i(I::I32Add).i(I::I64Load(Self::mem(0, 3)));
        let dst = res.map_or(self.result, |r| self.reg(r));
        self.i(I::LocalSet(dst));
        Ok(())
    }

    /// `result = i64[slots + (field & ~7)]` (a byte offset into the dynamic slots).
    fn load_dynamic_slot_result(&mut self, o: u8, f: u8) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::OBJ_SLOTS, 2)));
        self.field_u32(f);
        self.i(I::I32Const(!7)).i(I::I32And).i(I::I32Add).i(I::I64Load(Self::mem(0, 3)));
        self.i(I::LocalSet(self.result));
        Ok(())
    }

    /// `res = i64[slots + 8 * field]` (here the field is a slot index).
    fn load_dynamic_slot(&mut self, res: u8, o: u8, f: u8) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::OBJ_SLOTS, 2)));
        self.field_u32(f);
        self.i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::I64Load(Self::mem(0, 3)));
        let dst = self.reg(res);
        self.i(I::LocalSet(dst));
        Ok(())
    }

    /// Pushes obj->elements.
    fn elements(&mut self, o: u8) {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::OBJ_ELEMENTS, 2)));
    }

    fn array_length(&mut self, o: u8, res: Option<u8>) -> Result<(), Decline> {
        let t = self.t32;
        self.elements(o);
        self.i(I::I32Const(-ic::ELEMENTS_LENGTH)).i(I::I32Sub).i(I::I32Load(Self::mem(0, 2))).i(I::LocalTee(t));
        // A length above INT32_MAX is not an int32: fail.
        self.i(I::I32Const(0)).i(I::I32LtS);
        self.fail_if();
        self.i(I::LocalGet(t));
        let dst = res.map_or(self.result, |r| self.reg(r));
        self.box_i32(value::TYPE_INT32, dst);
        Ok(())
    }

    fn dense_element(&mut self, o: u8, idx: u8, hole_ok: bool) -> Result<(), Decline> {
        let (el, i, v) = (self.t32, self.t32b, self.t64);
        self.elements(o);
        self.i(I::LocalSet(el));
        self.lo(idx);
        self.i(I::LocalTee(i));
        if hole_ok {
            // A negative index is a named property, not an element: fail.
            self.i(I::I32Const(0)).i(I::I32LtS);
            self.fail_if();
            self.i(I::LocalGet(i));
        }
        // Unsigned compare: a negative index is also out of range.
        self.header(el, ic::ELEMENTS_INITIALIZED_LENGTH);
        self.i(I::I32GeU);
        if hole_ok {
            self.i(I::If(BlockType::Empty));
            { let r = self.result; self.i(I::I64Const(tag_bits(value::TYPE_UNDEFINED) as i64)).i(I::LocalSet(r)); }
            self.i(I::Else);
        } else {
            self.fail_if();
        }
        self.i(I::LocalGet(el)).i(I::LocalGet(i)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::I64Load(Self::mem(0, 3))).i(I::LocalTee(v));
        // A magic Value in the elements is a hole.
        self.i(I::I64Const(32)).i(I::I64ShrU).i(I::I32WrapI64).i(I::I32Const(tag(value::TYPE_MAGIC) as i32)).i(I::I32Eq);
        if hole_ok {
            self.i(I::If(BlockType::Empty));
            { let r = self.result; self.i(I::I64Const(tag_bits(value::TYPE_UNDEFINED) as i64)).i(I::LocalSet(r)); }
            self.i(I::Else);
            { let r = self.result; self.i(I::LocalGet(v)).i(I::LocalSet(r)); }
            self.i(I::End);
            self.i(I::End);
        } else {
            self.fail_if();
            { let r = self.result; self.i(I::LocalGet(v)).i(I::LocalSet(r)); }
        }
        Ok(())
    }

    fn string_length(&mut self, s: u8) -> Result<(), Decline> {
        let t = self.t32;
        self.lo(s);
        self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2))).i(I::LocalTee(t));
        self.i(I::I32Const(0)).i(I::I32LtS);
        self.fail_if();
        self.i(I::LocalGet(t));
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// The char code at an index of a linear string. Ropes fail the guard (the engine's
    /// interpreter flattens them); out of range gives NaN when `handle_oob`, else fails.
    /// Pushes the packed `length << 5 | flags` of arguments object `o`.
    /// `[i32 arguments object] -> [i32 length]`: its length, failing the stub if the length
    /// was overridden; local `packed` is scratch.
    fn arguments_object_length(&mut self, packed: u32) {
        self.i(I::I32Load(Self::mem(ic::ARGUMENTS_INITIAL_LENGTH, 2))).i(I::LocalTee(packed));
        self.i(I::I32Const(ic::ARGUMENTS_LENGTH_OVERRIDDEN as i32)).i(I::I32And);
        self.fail_if();
        self.i(I::LocalGet(packed)).i(I::I32Const(ic::ARGUMENTS_PACKED_BITS as i32)).i(I::I32ShrU);
    }

    fn arguments_packed(&mut self, o: u8) {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::ARGUMENTS_INITIAL_LENGTH, 2)));
    }

    fn guard_arguments_flags(&mut self, o: u8, flags: u32) -> Result<(), Decline> {
        self.arguments_packed(o);
        self.i(I::I32Const(flags as i32)).i(I::I32And);
        self.fail_if();
        Ok(())
    }

    /// An arguments object's length, as the result or into operand `res`.
    fn arguments_length(&mut self, o: u8, res: Option<u8>) -> Result<(), Decline> {
        if res.is_some_and(|r| r > ENGINE_OPERAND_REGISTERS_MAX) {
            // The engine's interpreter has no register for it and fails the stub.
            self.i(I::Br(0));
            return Ok(());
        }
        self.lo(o);
        self.arguments_object_length(self.t32);
        let dst = res.map_or(self.result, |r| self.reg(r));
        self.box_i32(value::TYPE_INT32, dst);
        Ok(())
    }

    fn math_fround(&mut self, v: u8) -> Result<(), Decline> {
        self.to_number(v);
        self.i(I::F32DemoteF64).i(I::F64PromoteF32);
        self.set_double_result();
        Ok(())
    }

    fn math_sign_int32(&mut self, v: u8) -> Result<(), Decline> {
        let x = self.t32;
        self.i(I::I32Const(-1)).i(I::I32Const(1));
        self.lo(v);
        self.i(I::LocalTee(x)).i(I::I32Const(0)).i(I::I32LeS).i(I::Select);
        self.i(I::I32Const(0)).i(I::LocalGet(x)).i(I::Select);
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// NaN stays NaN, zeros keep their sign, else 1 or -1.
    fn math_sign_number(&mut self, v: u8) -> Result<(), Decline> {
        let x = self.tf;
        self.to_number(v);
        self.i(I::LocalSet(x));
        self.i(I::LocalGet(x)).i(I::LocalGet(x)).i(I::F64Ne);
        self.i(I::LocalGet(x)).i(I::F64Const(0.0.into())).i(I::F64Eq).i(I::I32Or);
        self.i(I::If(BlockType::Result(ValType::F64)));
        self.i(I::LocalGet(x));
        self.i(I::Else);
        self.i(I::F64Const(1.0.into())).i(I::F64Const((-1.0).into()));
        self.i(I::LocalGet(x)).i(I::F64Const(0.0.into())).i(I::F64Gt).i(I::Select);
        self.i(I::End);
        self.set_double_result();
        Ok(())
    }

    /// As `math_sign_number`, as an int32: NaN and -0 fail.
    fn math_sign_number_to_int32(&mut self, v: u8) -> Result<(), Decline> {
        let x = self.tf;
        self.to_number(v);
        self.i(I::LocalSet(x));
        self.i(I::LocalGet(x)).i(I::LocalGet(x)).i(I::F64Ne);
        self.i(I::LocalGet(x)).i(I::I64ReinterpretF64).i(I::I64Const(i64::MIN)).i(I::I64Eq).i(I::I32Or);
        self.fail_if();
        self.i(I::I32Const(1)).i(I::I32Const(-1));
        self.i(I::LocalGet(x)).i(I::F64Const(0.0.into())).i(I::F64Gt).i(I::Select);
        self.i(I::I32Const(0));
        self.i(I::LocalGet(x)).i(I::F64Const(0.0.into())).i(I::F64Ne).i(I::Select);
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    fn arguments_element(&mut self, o: u8, idx: u8) -> Result<(), Decline> {
        let (i, v) = (self.t32, self.t64);
        self.arguments_packed(o);
        self.i(I::I32Const(ic::ARGUMENTS_ELEMENT_OVERRIDDEN as i32)).i(I::I32And);
        self.fail_if();
        self.lo(idx);
        self.i(I::LocalTee(i));
        self.arguments_packed(o);
        self.i(I::I32Const(ic::ARGUMENTS_PACKED_BITS as i32)).i(I::I32ShrU).i(I::I32GeU);
        self.fail_if();
        // data->args[i]
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::ARGUMENTS_DATA, 2)));
        self.i(I::LocalGet(i)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add);
        self.i(I::I64Load(Self::mem(ic::ARGUMENTS_DATA_ARGS, 3))).i(I::LocalTee(v));
        // A forwarded argument: a magic Value with a payload above the plain magic reasons.
        self.i(I::I64Const(32)).i(I::I64ShrU).i(I::I32WrapI64).i(I::I32Const(tag(value::TYPE_MAGIC) as i32)).i(I::I32Eq);
        self.i(I::LocalGet(v)).i(I::I32WrapI64).i(I::I32Const(ic::ARGUMENTS_MAX_PLAIN_MAGIC as i32)).i(I::I32GtU).i(I::I32And);
        self.fail_if();
        let r = self.result;
        self.i(I::LocalGet(v)).i(I::LocalSet(r));
        Ok(())
    }

    fn math_function(&mut self, x: u8, fun: u32) -> Result<(), Decline> {
        let Some((table, count, ty)) = self.env.math_functions else {
            return Err(Decline::Unsupported("MathFunctionNumberResult".into()));
        };
        if fun >= count {
            return Err(Decline::UnsupportedOperand("MathFunctionNumberResult".into()));
        }
        self.to_number(x);
        self.i(I::I32Const((table + 4 * fun) as i32)).i(I::I32Load(Self::mem(0, 2)));
        self.i(I::CallIndirect { type_index: ty, table_index: 0 });
        vc::box_double(&mut self.f, self.tf);
        let r = self.result;
        self.i(I::LocalSet(r));
        Ok(())
    }

    /// Pushes the address of linear string `s`'s characters (inline or out of line).
    fn string_chars(&mut self, s: u8, flags: u32) {
        self.linear_chars(|e| e.lo(s), flags);
    }

    /// Pushes the address of the characters of the linear string `string` pushes (flags in
    /// local `flags`): inline after the header, or the pointer there.
    fn linear_chars(&mut self, string: impl Fn(&mut Self), flags: u32) {
        self.i(I::LocalGet(flags)).i(I::I32Const(str_bits::INLINE_CHARS_BIT as i32)).i(I::I32And);
        self.i(I::If(BlockType::Result(ValType::I32)));
        string(self);
        self.i(I::I32Const(str_bits::CHARS as i32)).i(I::I32Add);
        self.i(I::Else);
        string(self);
        self.i(I::I32Load(Self::mem(str_bits::CHARS, 2)));
        self.i(I::End);
    }

    /// Pushes code unit `k` of a string with characters at `chars` and flags `flags`.
    fn code_unit(&mut self, chars: u32, flags: u32, k: u32) {
        self.i(I::LocalGet(flags)).i(I::I32Const(str_bits::LATIN1_CHARS_BIT as i32)).i(I::I32And);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.i(I::LocalGet(chars)).i(I::LocalGet(k)).i(I::I32Add).i(I::I32Load8U(Self::mem(0, 0)));
        self.i(I::Else);
        self.i(I::LocalGet(chars)).i(I::LocalGet(k)).i(I::I32Const(1)).i(I::I32Shl).i(I::I32Add).i(I::I32Load16U(Self::mem(0, 1)));
        self.i(I::End);
    }

    fn compare_strings(&mut self, jsop: u8, a: u8, b: u8) -> Result<(), Decline> {
        let name = self.env.ops.jsop_name(jsop).unwrap_or("").to_string();
        let Some(ins) = vc::compare_instr(&name, vc::CompareOn::Int32) else {
            return Err(Decline::UnsupportedOperand("CompareStringResult".into()));
        };
        let (fa, fb, ca, cb) = (self.t32, self.t32b, self.t32c, self.t32d);
        let (n, k, cmp, u) = (self.t32e, self.t32f, self.t32g, self.t32h);
        for (s, f) in [(a, fa), (b, fb)] {
            self.lo(s);
            self.i(I::I32Load(Self::mem(ic::STRING_FLAGS, 2))).i(I::LocalSet(f));
        }
        self.i(I::LocalGet(fa)).i(I::LocalGet(fb)).i(I::I32And).i(I::I32Const(str_bits::LINEAR_BIT as i32)).i(I::I32And).i(I::I32Eqz);
        self.defer_to_generic_if("CompareStringResult")?;
        // cmp = sign of the first differing code unit, else of the length difference.
        self.i(I::I32Const(0)).i(I::LocalSet(cmp));
        self.lo(a);
        self.lo(b);
        self.i(I::I32Ne);
        self.i(I::If(BlockType::Empty));
        {
            self.string_chars(a, fa);
            self.i(I::LocalSet(ca));
            self.string_chars(b, fb);
            self.i(I::LocalSet(cb));
            // n = min(length a, length b)
            self.lo(a);
            self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2)));
            self.lo(b);
            self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2)));
            self.lo(a);
            self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2)));
            self.lo(b);
            self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2)));
            self.i(I::I32LtU).i(I::Select).i(I::LocalSet(n));
            self.i(I::I32Const(0)).i(I::LocalSet(k));
            self.i(I::Block(BlockType::Empty)).i(I::Loop(BlockType::Empty));
            self.i(I::LocalGet(k)).i(I::LocalGet(n)).i(I::I32GeU).i(I::BrIf(1));
            self.code_unit(ca, fa, k);
            self.i(I::LocalTee(u));
            self.code_unit(cb, fb, k);
            self.i(I::I32Ne);
            self.i(I::If(BlockType::Empty));
            // -1 when a's unit is smaller, else 1.
            self.i(I::LocalGet(u));
            self.code_unit(cb, fb, k);
            self.i(I::I32LtU).i(I::I32Const(1)).i(I::I32Shl).i(I::I32Const(1)).i(I::I32Sub).i(I::I32Const(-1)).i(I::I32Mul);
            self.i(I::LocalSet(cmp)).i(I::Br(2));
            self.i(I::End);
            self.i(I::LocalGet(k)).i(I::I32Const(1)).i(I::I32Add).i(I::LocalSet(k)).i(I::Br(0));
            self.i(I::End).i(I::End);
            // Equal prefix: the shorter string is smaller.
            self.i(I::LocalGet(cmp)).i(I::I32Eqz);
            self.i(I::If(BlockType::Empty));
            self.lo(a);
            self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2)));
            self.lo(b);
            self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2)));
            self.i(I::I32GtU);
            self.lo(a);
            self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2)));
            self.lo(b);
            self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2)));
            self.i(I::I32LtU).i(I::I32Sub).i(I::LocalSet(cmp));
            self.i(I::End);
        }
        self.i(I::End);
        self.i(I::LocalGet(cmp)).i(I::I32Const(0)).i(ins);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// A megamorphic load: the engine's pure data-property lookup (`permissive`: a miss hands
    /// the hit to the generic interpreter, which does the full get).
    fn megamorphic_load(&mut self, o: u8, key: Key, permissive: bool) -> Result<(), Decline> {
        let op = if permissive { "MegamorphicLoadSlotPermissiveResult" } else { "MegamorphicLoadSlotResult" };
        let Some([by_name, by_value]) = self.env.native_data_property else {
            return Err(Decline::Unsupported(op.into()));
        };
        let func = if matches!(key, Key::Name(_)) { by_name } else { by_value };
        self.pure_lookup(o, key, func, if permissive { Miss::Defer(op) } else { Miss::Fail })
    }

    /// `key in o` / `hasOwnProperty` through the engine's pure has-lookup.
    fn megamorphic_has(&mut self, o: u8, id: u8, has_own: bool) -> Result<(), Decline> {
        let Some([own, any]) = self.env.has_native_data_property else {
            return Err(Decline::Unsupported("MegamorphicHasPropResult".into()));
        };
        self.pure_lookup(o, Key::Value(id), if has_own { own } else { any }, Miss::Fail)
    }

    /// Calls the engine's pure lookup `func` on native object `o` with a 16-byte Value scratch
    /// `vp` on the shadow stack: `(cx, o, name, vp)` with the result in `vp[0]` for a name key,
    /// `(cx, o, vp)` with the key in `vp[0]` and the result in `vp[1]` for a Value key. A
    /// non-native object or a `false` return is a miss.
    fn pure_lookup(&mut self, o: u8, key: Key, func: u32, miss: Miss) -> Result<(), Decline> {
        let (g, vp, ok) = (self.env.stack_pointer_global, self.t32, self.t32b);
        let undefined = tag_bits(value::TYPE_UNDEFINED) as i64;
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::OBJ_SHAPE, 2))).i(I::I32Load8U(Self::mem(ic::SHAPE_FLAGS_BYTE, 0)));
        self.i(I::I32Const(ic::SHAPE_IS_NATIVE)).i(I::I32And).i(I::I32Eqz);
        self.on_miss(miss)?;
        vc::shadow_alloc(&mut self.f, g, vp, 16);
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
        self.lo(o);
        let out = match key {
            Key::Name(f) => {
                self.i(I::LocalGet(vp)).i(I::I64Const(undefined)).i(I::I64Store(Self::mem(0, 3)));
                self.field_u32(f);
                0
            }
            Key::Value(id) => {
                let r = self.reg(id);
                self.i(I::LocalGet(vp)).i(I::LocalGet(r)).i(I::I64Store(Self::mem(0, 3)));
                self.i(I::LocalGet(vp)).i(I::I64Const(undefined)).i(I::I64Store(Self::mem(8, 3)));
                8
            }
        };
        self.i(I::LocalGet(vp)).i(I::Call(func)).i(I::LocalSet(ok));
        let r = self.result;
        self.i(I::LocalGet(vp)).i(I::I64Load(Self::mem(out, 3))).i(I::LocalSet(r));
        vc::shadow_free(&mut self.f, g, vp, 16);
        self.i(I::LocalGet(ok)).i(I::I32Eqz);
        self.on_miss(miss)
    }

    /// `[i32 cond] -> []`: a miss fails the stub or defers the hit to the generic interpreter.
    fn on_miss(&mut self, miss: Miss) -> Result<(), Decline> {
        match miss {
            Miss::Fail => {
                self.fail_if();
                Ok(())
            }
            Miss::Defer(op) => self.defer_to_generic_if(op),
        }
    }

    /// `index in array` for dense elements: a negative index fails; past the initialized
    /// length or a hole is false with `holes` (the body has guarded that no prototype has
    /// elements), and fails the stub without.
    fn dense_element_exists(&mut self, o: u8, idx: u8, holes: bool) -> Result<(), Decline> {
        let (el, i) = (self.t32, self.t32b);
        self.elements(o);
        self.i(I::LocalSet(el));
        self.lo(idx);
        self.i(I::LocalTee(i)).i(I::I32Const(0)).i(I::I32LtS);
        self.fail_if();
        if !holes {
            self.i(I::LocalGet(i));
            self.header(el, ic::ELEMENTS_INITIALIZED_LENGTH);
            self.i(I::I32GeU);
            self.fail_if();
            self.i(I::LocalGet(el)).i(I::LocalGet(i)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::I32Load(Self::mem(4, 2)));
            self.i(I::I32Const(tag(value::TYPE_MAGIC) as i32)).i(I::I32Eq);
            self.fail_if();
            return self.result_const(tag_bits(value::TYPE_BOOLEAN) | 1);
        }
        self.i(I::LocalGet(i));
        self.header(el, ic::ELEMENTS_INITIALIZED_LENGTH);
        self.i(I::I32LtU);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.i(I::LocalGet(el)).i(I::LocalGet(i)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::I32Load(Self::mem(4, 2)));
        self.i(I::I32Const(tag(value::TYPE_MAGIC) as i32)).i(I::I32Ne);
        self.i(I::Else).i(I::I32Const(0)).i(I::End);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// `Array.isArray(v)`: false for primitives, true for arrays; a proxy goes to the generic
    /// interpreter (it asks the target, and a revoked one throws).
    fn is_array(&mut self, v: u8) -> Result<(), Decline> {
        let Some(array) = self.env.array_class else {
            return Err(Decline::UnsupportedOperand("IsArrayResult".into()));
        };
        let t = self.t32;
        self.hi(v);
        self.i(I::I32Const(tag(value::TYPE_OBJECT) as i32)).i(I::I32Eq);
        self.i(I::If(BlockType::Result(ValType::I32)));
        {
            self.class_flags(v);
            self.i(I::I32Const(ic::CLASS_IS_PROXY)).i(I::I32And);
            self.defer_to_generic_if("IsArrayResult")?;
            self.base_shape(v);
            self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::I32Const(array as i32)).i(I::I32Eq);
        }
        self.i(I::Else).i(I::I32Const(0)).i(I::End);
        self.i(I::LocalSet(t));
        self.i(I::LocalGet(t));
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// Pushes `o`'s class and the class in field `f`.
    fn class_and_field(&mut self, o: u8, f: u8) {
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2)));
        self.field_u32(f);
    }

    /// Whether `o`'s class is the one in field `f`.
    fn has_class(&mut self, o: u8, f: u8) -> Result<(), Decline> {
        self.class_and_field(o, f);
        self.i(I::I32Eq);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn double_call(&mut self, a: u8, b: u8, modulo: bool) -> Result<(), Decline> {
        let Some([pow, fmod]) = self.env.pow_fmod else {
            return Err(Decline::Unsupported(if modulo { "DoubleModResult" } else { "DoublePowResult" }.into()));
        };
        if modulo {
            // x % 0 is NaN.
            self.to_number(a);
            self.to_number(b);
            self.i(I::Call(fmod));
            self.i(I::F64Const(f64::NAN.into()));
            self.to_number(b);
            self.i(I::F64Const(0.0f64.into())).i(I::F64Ne);
            self.i(I::Select);
        } else {
            self.to_number(a);
            self.to_number(b);
            self.i(I::Call(pow));
        }
        vc::box_double(&mut self.f, self.tf);
        let r = self.result;
        self.i(I::LocalSet(r));
        Ok(())
    }

    fn linearize_for_char_access(&mut self, s: u8, res: u8) -> Result<(), Decline> {
        self.lo(s);
        self.i(I::I32Load(Self::mem(ic::STRING_FLAGS, 2)));
        self.i(I::I32Const(str_bits::LINEAR_BIT as i32)).i(I::I32And).i(I::I32Eqz);
        self.defer_to_generic_if("LinearizeForCharAccess")?;
        self.copy(s, res)
    }

    /// Fails unless string `s` is linear (its flags left in `flags`); leaves the index `idx` in
    /// `i` and pushes whether it is out of bounds.
    fn linear_string_index_out_of_bounds(&mut self, s: u8, idx: u8, flags: u32, i: u32) {
        self.lo(s);
        self.i(I::I32Load(Self::mem(ic::STRING_FLAGS, 2))).i(I::LocalTee(flags));
        self.i(I::I32Const(str_bits::LINEAR_BIT as i32)).i(I::I32And).i(I::I32Eqz);
        self.fail_if();
        self.lo(idx);
        self.i(I::LocalTee(i));
        self.lo(s);
        self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2))).i(I::I32GeU);
    }

    fn string_char_code(&mut self, s: u8, idx: u8, handle_oob: bool) -> Result<(), Decline> {
        let (flags, i, chars) = (self.t32, self.t32b, self.t32c);
        self.linear_string_index_out_of_bounds(s, idx, flags, i);
        if handle_oob {
            self.i(I::If(BlockType::Empty));
            { let r = self.result; self.i(I::I64Const(ic::CANONICAL_NAN as i64)).i(I::LocalSet(r)); }
            self.i(I::Else);
        } else {
            self.fail_if();
        }
        self.string_chars(s, flags);
        self.i(I::LocalSet(chars));
        self.code_unit(chars, flags, i);
        self.box_i32(value::TYPE_INT32, self.result);
        if handle_oob {
            self.i(I::End);
        }
        Ok(())
    }

    /// `RegExpPrototypeOptimizableResult(proto)` / `RegExpInstanceOptimizableResult(regexp,
    /// proto)`: the engine's pure checks, as booleans.
    fn regexp_optimizable(&mut self, proto: u8, regexp: Option<u8>) -> Result<(), Decline> {
        let Some(r) = self.env.regexp else { return Err(Decline::Unsupported("RegExpPrototypeOptimizableResult".into())) };
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
        if let Some(rx) = regexp {
            self.lo(rx);
        }
        self.lo(proto);
        self.i(I::Call(if regexp.is_some() { r.instance_optimizable } else { r.prototype_optimizable }));
        self.i(I::I32Const(0)).i(I::I32Ne);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn regexp_searcher_last_limit(&mut self) -> Result<(), Decline> {
        let Some(r) = self.env.regexp else { return Err(Decline::Unsupported("RegExpSearcherLastLimitResult".into())) };
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
        self.i(I::I32Load(Self::mem(r.cx_last_limit, 2)));
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// `[i32 code unit < 256] -> [i32]`: its static string.
    fn unit_string(&mut self, st: StaticStrings) {
        self.i(I::I32Const(2)).i(I::I32Shl);
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
        self.i(I::I32Load(Self::mem(st.cx_runtime, 2))).i(I::I32Load(Self::mem(st.facts.runtime_static_strings, 2)));
        self.i(I::I32Add).i(I::I32Load(Self::mem(st.facts.unit_table, 2)));
    }

    /// `str[idx]` / `str.charAt(idx)` of a linear string: the static string of a Latin-1 code
    /// unit; out of bounds, the empty string (`handle_oob`) or a failed guard; a rope fails;
    /// any other code unit hands the hit to the generic interpreter.
    fn string_char(&mut self, s: u8, idx: u8, handle_oob: bool) -> Result<(), Decline> {
        let Some(st) = self.env.static_strings else { return Err(Decline::Unsupported("LoadStringCharResult".into())) };
        let (flags, i, chars) = (self.t32, self.t32b, self.t32c);
        self.linear_string_index_out_of_bounds(s, idx, flags, i);
        if handle_oob {
            self.i(I::If(BlockType::Result(ValType::I32)));
            self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
            self.i(I::I32Load(Self::mem(st.cx_runtime, 2))).i(I::I32Load(Self::mem(st.facts.runtime_common_names, 2)));
            self.i(I::I32Load(Self::mem(st.facts.empty_name, 2)));
            self.i(I::Else);
        } else {
            self.fail_if();
        }
        self.string_chars(s, flags);
        self.i(I::LocalSet(chars));
        self.code_unit(chars, flags, i);
        self.i(I::LocalTee(i)).i(I::I32Const(256)).i(I::I32GeU);
        self.defer_to_generic_if("LoadStringCharResult")?;
        self.i(I::LocalGet(i));
        self.unit_string(st);
        if handle_oob {
            self.i(I::End);
        }
        self.box_i32(value::TYPE_STRING, self.result);
        Ok(())
    }

    /// The string of UTF-16 code unit `code & 0xFFFF`: a static string below 256, else the
    /// engine's `StringFromCharCode` behind the IC frame.
    fn string_from_char_code(&mut self, code: u8) -> Result<(), Decline> {
        let (Some(st), Some(_)) = (self.env.static_strings, self.env.calls) else {
            return Err(Decline::Unsupported("StringFromCharCodeResult".into()));
        };
        let Some(from_code) = st.string_from_char_code else { return Err(Decline::Unsupported("StringFromCharCodeResult".into())) };
        let r = self.t32b;
        self.lo(code);
        self.i(I::I32Const(0xFF00)).i(I::I32And).i(I::I32Eqz);
        self.i(I::If(BlockType::Empty));
        self.lo(code);
        self.i(I::I32Const(0xFF)).i(I::I32And);
        self.unit_string(st);
        self.i(I::LocalSet(r));
        self.i(I::Else);
        self.call_vm_returning_cell(|e| {
            e.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
            e.lo(code);
            e.i(I::Call(from_code));
        });
        self.i(I::LocalSet(r));
        self.i(I::End);
        self.i(I::LocalGet(r));
        self.box_i32(value::TYPE_STRING, self.result);
        Ok(())
    }

    /// `lhs / rhs` or `lhs % rhs` on int32s; a result that is not an int32 (division by zero,
    /// -0, INT32_MIN / -1, an inexact quotient) fails, as in the engine.
    fn int32_div_mod(&mut self, a: u8, b: u8, div: bool) -> Result<(), Decline> {
        let (x, y) = (self.t32, self.t32b);
        self.lo(a);
        self.i(I::LocalSet(x));
        self.lo(b);
        self.i(I::LocalTee(y)).i(I::I32Eqz);
        self.fail_if();
        // INT32_MIN / -1 overflows (and traps in Wasm); INT32_MIN % -1 is -0.
        self.i(I::LocalGet(x)).i(I::I32Const(i32::MIN)).i(I::I32Eq);
        self.i(I::LocalGet(y)).i(I::I32Const(-1)).i(I::I32Eq).i(I::I32And);
        self.fail_if();
        if div {
            // 0 / negative is -0; a remainder means a fractional quotient.
            self.i(I::LocalGet(x)).i(I::I32Eqz).i(I::LocalGet(y)).i(I::I32Const(0)).i(I::I32LtS).i(I::I32And);
            self.fail_if();
            self.i(I::LocalGet(x)).i(I::LocalGet(y)).i(I::I32RemS);
            self.fail_if();
            self.i(I::LocalGet(x)).i(I::LocalGet(y)).i(I::I32DivS);
        } else {
            // A zero remainder of a negative dividend is -0.
            self.i(I::LocalGet(x)).i(I::LocalGet(y)).i(I::I32RemS).i(I::LocalTee(y));
            self.i(I::I32Eqz).i(I::LocalGet(x)).i(I::I32Const(0)).i(I::I32LtS).i(I::I32And);
            self.fail_if();
            self.i(I::LocalGet(y));
        }
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// A double result from one NumberId operand.
    fn double_unary(&mut self, a: u8, op: I<'static>) -> Result<(), Decline> {
        self.to_number(a);
        self.i(op);
        self.set_double_result();
        Ok(())
    }

    /// `Math.abs` of an int32; INT32_MIN has no int32 absolute value and fails.
    fn int32_abs(&mut self, a: u8) -> Result<(), Decline> {
        let x = self.t32;
        self.lo(a);
        self.i(I::LocalTee(x)).i(I::I32Const(i32::MIN)).i(I::I32Eq);
        self.fail_if();
        self.i(I::I32Const(0)).i(I::LocalGet(x)).i(I::I32Sub).i(I::LocalGet(x));
        self.i(I::LocalGet(x)).i(I::I32Const(0)).i(I::I32LtS).i(I::Select);
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// `Math.floor`/`ceil`/`trunc`/`round` with an int32 result; a result that is not an int32
    /// (out of range, NaN, -0) fails.
    fn rounded_to_int32(&mut self, a: u8, how: Rounding) -> Result<(), Decline> {
        let (tf, tf2, t32) = (self.tf, self.tf2, self.t32);
        self.to_number(a);
        match how {
            Rounding::Floor => _ = self.i(I::F64Floor),
            Rounding::Ceil => _ = self.i(I::F64Ceil),
            Rounding::Trunc => _ = self.i(I::F64Trunc),
            Rounding::Round => vc::js_round(&mut self.f, tf, tf2),
        }
        vc::is_int32_number(&mut self.f, tf, t32);
        self.i(I::I32Eqz);
        self.fail_if();
        self.i(I::LocalGet(t32));
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// `Math.min`/`max` of two int32s into register `res`.
    fn int32_min_max(&mut self, is_max: bool, a: u8, b: u8, res: u8) -> Result<(), Decline> {
        self.lo(a);
        self.lo(b);
        self.lo(a);
        self.lo(b);
        self.i(if is_max { I::I32GtS } else { I::I32LtS }).i(I::Select);
        let dst = self.reg(res);
        self.box_i32(value::TYPE_INT32, dst);
        Ok(())
    }

    /// `Math.min`/`max` of two numbers into register `res`. Wasm's f64.min/max give JS's
    /// answers: NaN if either is NaN, and -0 below +0.
    fn number_min_max(&mut self, is_max: bool, a: u8, b: u8, res: u8) -> Result<(), Decline> {
        self.to_number(a);
        self.to_number(b);
        self.i(if is_max { I::F64Max } else { I::F64Min });
        vc::box_double(&mut self.f, self.tf);
        let dst = self.reg(res);
        self.i(I::LocalSet(dst));
        Ok(())
    }

    /// `[i32 cond] -> []`: when cond holds, the whole hit goes to the engine's generic CacheIR
    /// interpreter with this stub and the original arguments. Only before any side effect.
    fn defer_to_generic_if(&mut self, op: &str) -> Result<(), Decline> {
        let Some(generic) = self.env.generic_ic else {
            return Err(Decline::Unsupported(op.into()));
        };
        self.i(I::If(BlockType::Empty));
        if let Some(c) = self.env.counters {
            self.increment(c.deferred);
        }
        self.i(I::LocalGet(P_ARG0)).i(I::LocalGet(P_ARG1)).i(I::LocalGet(P_STUB)).i(I::LocalGet(P_CTX));
        self.i(I::Call(generic)).i(I::Return);
        self.i(I::End);
        Ok(())
    }

    /// `[] -> [i32]`: whether index register `idx` is inside the fixed-length typed array `o`
    /// (unsigned: negative indices are out; detached views have length 0). Leaves the index
    /// in `t32`.
    fn typed_array_in_bounds(&mut self, o: u8, idx: u8) {
        let i = self.t32;
        self.lo(idx);
        self.i(I::LocalTee(i));
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::TYPED_ARRAY_LENGTH, 2))).i(I::I32LtU);
    }

    /// An element load of a resizable view or a BigInt array as the engine's interpreter makes
    /// every one: the view's length from the engine (none when detached or out of bounds),
    /// then its pure element read; no length, an index not below it, or a read that would
    /// allocate fails the stub (an out-of-bounds read then gets `undefined` from the next).
    fn typed_array_load_pure(&mut self, o: u8, idx: u8) -> Result<(), Decline> {
        let Some([_, get_pure, _]) = self.env.typed_array_pure else {
            return Err(Decline::UnsupportedOperand("LoadTypedArrayElementResult".into()));
        };
        let (slot, bad, len, g, r) = (self.t32, self.t32b, self.t32c, self.env.stack_pointer_global, self.result);
        self.typed_array_length_from_engine(o, len)?;
        self.i(I::LocalGet(len));
        self.lo(idx);
        self.i(I::I32LeU).i(I::LocalTee(bad));
        self.i(I::I32Eqz).i(I::If(BlockType::Empty));
        vc::shadow_alloc(&mut self.f, g, slot, 8);
        self.i(I::LocalGet(slot)).i(I::I64Const(tag_bits(value::TYPE_UNDEFINED) as i64)).i(I::I64Store(Self::mem(0, 3)));
        self.lo(o);
        self.lo(idx);
        self.i(I::LocalGet(slot)).i(I::Call(get_pure)).i(I::I32Eqz).i(I::LocalSet(bad));
        self.i(I::LocalGet(slot)).i(I::I64Load(Self::mem(0, 3))).i(I::LocalSet(r));
        vc::shadow_free(&mut self.f, g, slot, 8);
        self.i(I::End);
        self.i(I::LocalGet(bad));
        self.fail_if();
        Ok(())
    }

    /// An element store to a resizable view or a BigInt array as the engine's interpreter makes
    /// every one: the view's length from the engine (none fails the stub), then, in bounds,
    /// `SetTypedArrayElement` with the object and the Value (typed as the element type asks)
    /// in handles carved from the shadow stack; false or a failed result fails the stub. Out
    /// of bounds, the store is skipped (`handle_oob`) or the stub fails.
    fn typed_array_store_pure(&mut self, o: u8, ty: u8, idx: u8, rhs: u8, handle_oob: bool) -> Result<(), Decline> {
        use ic::scalar as sc;
        let Some([_, _, set]) = self.env.typed_array_pure else {
            return Err(Decline::UnsupportedOperand("StoreTypedArrayElement".into()));
        };
        if !(ty <= sc::UINT8_CLAMPED || ty == sc::BIGINT64 || ty == sc::BIGUINT64) {
            return Err(Decline::UnsupportedOperand("StoreTypedArrayElement".into()));
        }
        // slot: +0 the Value, +8 the object, +12 the result.
        let (slot, bad, oob, len, v, g) = (self.t32, self.t32b, self.t32c, self.t32d, self.t64, self.env.stack_pointer_global);
        match ty {
            sc::FLOAT32 | sc::FLOAT64 => {
                self.to_number(rhs);
                vc::box_double(&mut self.f, self.tf);
            }
            sc::BIGINT64 | sc::BIGUINT64 => {
                self.lo(rhs);
                self.i(I::I64ExtendI32U).i(I::I64Const(tag_bits(value::TYPE_BIGINT) as i64)).i(I::I64Or);
            }
            _ => {
                self.lo(rhs);
                vc::box_i32(&mut self.f, value::TYPE_INT32);
            }
        }
        self.i(I::LocalSet(v));
        self.typed_array_length_from_engine(o, len)?;
        self.i(I::LocalGet(len));
        self.lo(idx);
        self.i(I::I32LeU).i(I::LocalTee(oob));
        // Out of bounds: the store is skipped (`handle_oob`) or the stub fails.
        self.i(I::I32Const(i32::from(!handle_oob))).i(I::I32And).i(I::LocalSet(bad));
        self.i(I::LocalGet(oob)).i(I::I32Eqz).i(I::If(BlockType::Empty));
        vc::shadow_alloc(&mut self.f, g, slot, 16);
        self.i(I::LocalGet(slot)).i(I::LocalGet(v)).i(I::I64Store(Self::mem(0, 3)));
        self.i(I::LocalGet(slot));
        self.lo(o);
        self.i(I::I32Store(Self::mem(8, 2)));
        self.i(I::LocalGet(slot)).i(I::I32Const(-1)).i(I::I32Store(Self::mem(12, 2)));
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
        self.i(I::LocalGet(slot)).i(I::I32Const(8)).i(I::I32Add);
        self.lo(idx);
        self.i(I::I64ExtendI32U);
        self.i(I::LocalGet(slot));
        self.i(I::LocalGet(slot)).i(I::I32Const(12)).i(I::I32Add);
        self.i(I::Call(set)).i(I::I32Eqz);
        self.i(I::LocalGet(slot)).i(I::I32Load(Self::mem(12, 2))).i(I::I32Const(0)).i(I::I32Ne);
        self.i(I::I32Or).i(I::LocalSet(bad));
        vc::shadow_free(&mut self.f, g, slot, 16);
        self.i(I::End);
        self.i(I::LocalGet(bad));
        self.fail_if();
        Ok(())
    }

    /// The start of a typed array element access: declines resizable views and BigInt
    /// elements; an index outside the view fails the guard, or with `handle_oob` opens an `if`
    /// for the in-bounds access (the caller adds the `else` and `end`).
    fn typed_array_access(&mut self, o: u8, idx: u8, ty: u8, handle_oob: bool, kind: u8, op: &str) -> Result<(), Decline> {
        if kind != ic::VIEW_KIND_FIXED_LENGTH || ty > ic::scalar::UINT8_CLAMPED {
            return Err(Decline::UnsupportedOperand(op.into()));
        }
        self.typed_array_in_bounds(o, idx);
        if handle_oob {
            self.i(I::If(BlockType::Empty));
        } else {
            self.i(I::I32Eqz);
            self.fail_if();
        }
        Ok(())
    }

    /// Pushes the address of element `t32` of typed array `o` with element type `ty`.
    fn typed_array_address(&mut self, o: u8, ty: u8) {
        let shift = ic::scalar::shift(ty);
        let i = self.t32;
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::TYPED_ARRAY_DATA, 2))).i(I::LocalGet(i));
        if shift > 0 {
            self.i(I::I32Const(shift)).i(I::I32Shl);
        }
        self.i(I::I32Add);
    }

    /// The element as a Value, as the engine reads it: integers as int32 (a Uint32 above
    /// INT32_MAX, or any Uint32 with `force_double`, as a double), floats as canonical doubles.
    /// Out of bounds: undefined with `handle_oob`, else the guard fails.
    fn typed_array_load(&mut self, o: u8, idx: u8, ty: u8, handle_oob: bool, force_double: bool, kind: u8) -> Result<(), Decline> {
        use ic::scalar as sc;
        if kind != ic::VIEW_KIND_FIXED_LENGTH || ty > sc::UINT8_CLAMPED {
            return self.typed_array_load_pure(o, idx);
        }
        self.typed_array_access(o, idx, ty, handle_oob, kind, "LoadTypedArrayElementResult")?;
        let mem = |off, align| Self::mem(off, align);
        match ty {
            sc::INT8 | sc::UINT8 | sc::UINT8_CLAMPED | sc::INT16 | sc::UINT16 | sc::INT32 => {
                let load = match ty {
                    sc::INT8 => I::I32Load8S(mem(0, 0)),
                    sc::UINT8 | sc::UINT8_CLAMPED => I::I32Load8U(mem(0, 0)),
                    sc::INT16 => I::I32Load16S(mem(0, 1)),
                    sc::UINT16 => I::I32Load16U(mem(0, 1)),
                    _ => I::I32Load(mem(0, 2)),
                };
                self.typed_array_address(o, ty);
                self.i(load);
                self.box_i32(value::TYPE_INT32, self.result);
            }
            sc::UINT32 => {
                let u = self.t32b;
                self.typed_array_address(o, ty);
                self.i(I::I32Load(mem(0, 2))).i(I::LocalSet(u));
                if force_double {
                    self.i(I::LocalGet(u)).i(I::F64ConvertI32U);
                    self.set_double_result();
                } else {
                    self.i(I::LocalGet(u)).i(I::I32Const(0)).i(I::I32GeS);
                    self.i(I::If(BlockType::Empty));
                    self.i(I::LocalGet(u));
                    self.box_i32(value::TYPE_INT32, self.result);
                    self.i(I::Else);
                    self.i(I::LocalGet(u)).i(I::F64ConvertI32U);
                    self.set_double_result();
                    self.i(I::End);
                }
            }
            sc::FLOAT32 => {
                self.typed_array_address(o, ty);
                self.i(I::F32Load(mem(0, 2))).i(I::F64PromoteF32);
                self.set_double_result();
            }
            _ => {
                self.typed_array_address(o, ty);
                self.i(I::F64Load(mem(0, 3)));
                self.set_double_result();
            }
        }
        if handle_oob {
            self.i(I::Else);
            let r = self.result;
            self.i(I::I64Const(tag_bits(value::TYPE_UNDEFINED) as i64)).i(I::LocalSet(r));
            self.i(I::End);
        }
        Ok(())
    }

    /// Stores `rhs` (an Int32Id for integer elements, a NumberId for floats) converted to the
    /// element type. Out of bounds: nothing with `handle_oob`, else the guard fails.
    fn typed_array_store(&mut self, o: u8, ty: u8, idx: u8, rhs: u8, handle_oob: bool, kind: u8) -> Result<(), Decline> {
        use ic::scalar as sc;
        if kind != ic::VIEW_KIND_FIXED_LENGTH || ty > sc::UINT8_CLAMPED {
            return self.typed_array_store_pure(o, ty, idx, rhs, handle_oob);
        }
        self.typed_array_access(o, idx, ty, handle_oob, kind, "StoreTypedArrayElement")?;
        let mem = |off, align| Self::mem(off, align);
        match ty {
            sc::INT8 | sc::UINT8 => {
                self.typed_array_address(o, ty);
                self.lo(rhs);
                self.i(I::I32Store8(mem(0, 0)));
            }
            sc::UINT8_CLAMPED => {
                let v = self.t32b;
                self.typed_array_address(o, ty);
                self.lo(rhs);
                vc::clamp_to_u8(&mut self.f, v);
                self.i(I::I32Store8(mem(0, 0)));
            }
            sc::INT16 | sc::UINT16 => {
                self.typed_array_address(o, ty);
                self.lo(rhs);
                self.i(I::I32Store16(mem(0, 1)));
            }
            sc::INT32 | sc::UINT32 => {
                self.typed_array_address(o, ty);
                self.lo(rhs);
                self.i(I::I32Store(mem(0, 2)));
            }
            sc::FLOAT32 => {
                self.typed_array_address(o, ty);
                self.to_number(rhs);
                self.i(I::F32DemoteF64).i(I::F32Store(mem(0, 2)));
            }
            _ => {
                self.typed_array_address(o, ty);
                self.to_number(rhs);
                self.i(I::F64Store(mem(0, 3)));
            }
        }
        if handle_oob {
            self.i(I::End);
        }
        Ok(())
    }

    /// A fixed-length typed array's length as an int32 (a longer one fails).
    /// The word at `offset` in object `o`, an int32 result (fails above INT32_MAX).
    fn u32_slot_as_int32(&mut self, o: u8, offset: u32) -> Result<(), Decline> {
        let t = self.t32;
        self.lo(o);
        self.i(I::I32Load(Self::mem(offset, 2))).i(I::LocalTee(t)).i(I::I32Const(0)).i(I::I32LtS);
        self.fail_if();
        self.i(I::LocalGet(t));
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// The word at `offset` in object `o`, unsigned, as a double result.
    fn u32_slot_as_double(&mut self, o: u8, offset: u32) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(offset, 2))).i(I::F64ConvertI32U);
        self.set_double_result();
        Ok(())
    }

    /// Typed array `o`'s length from the engine into `len`; fails when it has none (detached,
    /// or out of its resizable buffer's bounds).
    fn typed_array_length_from_engine(&mut self, o: u8, len: u32) -> Result<(), Decline> {
        let Some([length, _, _]) = self.env.typed_array_pure else {
            return Err(Decline::Unsupported("TypedArrayObject::length".into()));
        };
        let (slot, none, g) = (self.t32g, self.t32h, self.env.stack_pointer_global);
        vc::shadow_alloc(&mut self.f, g, slot, 8);
        self.i(I::LocalGet(slot));
        self.lo(o);
        self.i(I::Call(length));
        self.i(I::LocalGet(slot)).i(I::I32Load(Self::mem(0, 2))).i(I::LocalSet(len));
        self.i(I::LocalGet(slot)).i(I::I32Load8U(Self::mem(4, 0))).i(I::I32Eqz).i(I::LocalSet(none));
        vc::shadow_free(&mut self.f, g, slot, 8);
        self.i(I::LocalGet(none));
        self.fail_if();
        Ok(())
    }

    fn typed_array_byte_length(&mut self, o: u8, double: bool) -> Result<(), Decline> {
        let name = if double { "TypedArrayByteLengthDoubleResult" } else { "TypedArrayByteLengthInt32Result" };
        let Some(t) = self.env.typed_array_classes else { return Err(Decline::Unsupported(name.into())) };
        let (len, index, bytes) = (self.t32, self.t32b, self.t32c);
        self.typed_array_length_from_engine(o, len)?;
        // The class's index in its array (fixed-length or resizable) is its element type.
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::LocalTee(index));
        self.i(I::I32Const(t.fixed_length as i32)).i(I::I32Const(t.resizable as i32));
        self.i(I::LocalGet(index)).i(I::I32Const(t.resizable as i32)).i(I::I32LtU).i(I::Select);
        self.i(I::I32Sub).i(I::I32Const(runtime_abi::engines::JSCLASS_SIZE as i32)).i(I::I32DivS).i(I::LocalTee(index));
        self.i(I::I32Const(15)).i(I::I32GeU);
        self.i(I::I32Const(t.valid_types_mask as i32)).i(I::LocalGet(index)).i(I::I32ShrU).i(I::I32Const(1)).i(I::I32And).i(I::I32Eqz);
        self.i(I::I32Or);
        self.fail_if();
        self.i(I::LocalGet(len));
        self.i(I::LocalGet(index)).i(I::I32Const(2)).i(I::I32Shl).i(I::I32Load(Self::mem(t.element_sizes, 2)));
        self.i(I::I32Mul).i(I::LocalSet(bytes));
        if double {
            self.i(I::LocalGet(bytes)).i(I::F64ConvertI32U);
            self.set_double_result();
        } else {
            self.i(I::LocalGet(bytes)).i(I::I32Const(0)).i(I::I32LtS);
            self.fail_if();
            self.i(I::LocalGet(bytes));
            self.box_i32(value::TYPE_INT32, self.result);
        }
        Ok(())
    }

    fn typed_array_element_exists(&mut self, o: u8, idx: u8) -> Result<(), Decline> {
        let len = self.t32;
        self.typed_array_length_from_engine(o, len)?;
        self.i(I::LocalGet(len));
        self.lo(idx);
        self.i(I::I32GtU);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn typed_array_length(&mut self, o: u8) -> Result<(), Decline> {
        let t = self.t32;
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::TYPED_ARRAY_LENGTH, 2))).i(I::LocalTee(t)).i(I::I32Const(0)).i(I::I32LtS);
        self.fail_if();
        self.i(I::LocalGet(t));
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// ToUint8Clamp of a number into int32 register `out`: int32s clamped to 0..=255, doubles
    /// rounded half to even first (NaN is 0). Any other type fails.
    fn guard_to_uint8_clamped(&mut self, input: u8, out: u8) -> Result<(), Decline> {
        let (rin, v) = (self.reg(input), self.t32);
        self.hi(input);
        self.i(I::I32Const(tag(value::TYPE_INT32) as i32)).i(I::I32Eq);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.lo(input);
        self.i(I::LocalTee(v)).i(I::I32Const(0)).i(I::LocalGet(v)).i(I::I32Const(0)).i(I::I32GtS).i(I::Select);
        self.i(I::Else);
        // Not a double (any other tag): fail. `br_if 1` leaves the if/else to the guard block.
        self.hi(input);
        self.i(I::I32Const(tag(value::TYPE_DOUBLE) as i32)).i(I::I32GeU).i(I::BrIf(1));
        // nearest() rounds half to even; the unsigned saturating truncation maps NaN and
        // negatives to 0.
        self.i(I::LocalGet(rin)).i(I::F64ReinterpretI64).i(I::F64Nearest).i(I::I32TruncSatF64U);
        self.i(I::End);
        self.i(I::LocalTee(v)).i(I::I32Const(255)).i(I::LocalGet(v)).i(I::I32Const(255)).i(I::I32LtU).i(I::Select);
        let dst = self.reg(out);
        self.box_i32(value::TYPE_INT32, dst);
        Ok(())
    }

    /// `obj[index] = rhs` over an existing element (inside the initialized length, not a hole).
    fn store_dense_element(&mut self, o: u8, idx: u8, rhs: u8) -> Result<(), Decline> {
        let (el, i, old) = (self.t32, self.t32b, self.t64);
        self.elements(o);
        self.i(I::LocalSet(el));
        self.lo(idx);
        self.i(I::LocalTee(i));
        self.header(el, ic::ELEMENTS_INITIALIZED_LENGTH);
        self.i(I::I32GeU);
        self.fail_if();
        self.i(I::LocalGet(el)).i(I::LocalGet(i)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::LocalTee(el));
        self.i(I::I64Load(Self::mem(0, 3))).i(I::LocalTee(old));
        vc::tag_of(&mut self.f);
        self.i(I::I32Const(tag(value::TYPE_MAGIC) as i32)).i(I::I32Eq);
        self.fail_if();
        self.defer_if_barriers_needed(o, old, rhs, "StoreDenseElement")?;
        let v = self.reg(rhs);
        self.i(I::LocalGet(el)).i(I::LocalGet(v)).i(I::I64Store(Self::mem(0, 3)));
        Ok(())
    }

    /// Pushes the elements header word at `off` (negative) of the elements in local `el`.
    fn header(&mut self, el: u32, off: i32) {
        self.i(I::LocalGet(el)).i(I::I32Const(-off)).i(I::I32Sub).i(I::I32Load(Self::mem(0, 2)));
    }

    /// Stores `value()`'s i32 into the elements header word at `off` (negative).
    fn set_header(&mut self, el: u32, off: i32, value: impl FnOnce(&mut Self)) {
        self.i(I::LocalGet(el)).i(I::I32Const(-off)).i(I::I32Sub);
        value(self);
        self.i(I::I32Store(Self::mem(0, 2)));
    }

    /// `obj[index] = rhs` inside the initialized length (over a hole too), or, with
    /// `handle_add`, just past it: the element is appended (when the capacity has room; growing
    /// allocates, so that hit goes to the generic interpreter), the initialized length grows,
    /// and the length when the index reaches it.
    fn store_dense_element_hole(&mut self, o: u8, idx: u8, rhs: u8, handle_add: bool) -> Result<(), Decline> {
        // t32c and t32d are the barrier checks' scratch.
        let (el, i, old, init) = (self.t32, self.t32b, self.t64, self.t32e);
        self.elements(o);
        self.i(I::LocalSet(el));
        self.lo(idx);
        self.i(I::LocalSet(i));
        self.header(el, ic::ELEMENTS_INITIALIZED_LENGTH);
        self.i(I::LocalTee(init)).i(I::LocalGet(i)).i(I::I32GtU);
        self.i(I::If(BlockType::Result(ValType::I64)));
        self.i(I::LocalGet(el)).i(I::LocalGet(i)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::I64Load(Self::mem(0, 3)));
        self.i(I::Else);
        // Appending: exactly at the initialized length, with room.
        if !handle_add {
            self.i(I::Br(1));
        }
        self.i(I::LocalGet(i)).i(I::LocalGet(init)).i(I::I32Ne).i(I::BrIf(1));
        self.header(el, ic::ELEMENTS_CAPACITY);
        self.i(I::LocalGet(i)).i(I::I32LeU);
        self.defer_to_generic_if("StoreDenseElementHole")?;
        // A new element has no old value to barrier: a hole stands for it.
        self.i(I::I64Const(value::magic(0) as i64));
        self.i(I::End);
        self.i(I::LocalSet(old));
        self.defer_if_barriers_needed(o, old, rhs, "StoreDenseElementHole")?;
        let v = self.reg(rhs);
        self.i(I::LocalGet(el)).i(I::LocalGet(i)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::LocalGet(v)).i(I::I64Store(Self::mem(0, 3)));
        if handle_add {
            self.i(I::LocalGet(i)).i(I::LocalGet(init)).i(I::I32Eq);
            self.i(I::If(BlockType::Empty));
            self.set_header(el, ic::ELEMENTS_INITIALIZED_LENGTH, |e| {
                e.i(I::LocalGet(i)).i(I::I32Const(1)).i(I::I32Add);
            });
            self.header(el, ic::ELEMENTS_LENGTH);
            self.i(I::LocalGet(i)).i(I::I32LeU);
            self.i(I::If(BlockType::Empty));
            self.set_header(el, ic::ELEMENTS_LENGTH, |e| {
                e.i(I::LocalGet(i)).i(I::I32Const(1)).i(I::I32Add);
            });
            self.i(I::End);
            self.i(I::End);
        }
        Ok(())
    }

    /// `arr.push(rhs)` on an array whose length is its initialized length, with room: the
    /// element is appended and both lengths grow; the result is the new length.
    fn array_push(&mut self, o: u8, rhs: u8) -> Result<(), Decline> {
        let (el, n, old) = (self.t32, self.t32b, self.t64);
        self.elements(o);
        self.i(I::LocalSet(el));
        self.header(el, ic::ELEMENTS_INITIALIZED_LENGTH);
        self.i(I::LocalTee(n));
        self.header(el, ic::ELEMENTS_LENGTH);
        self.i(I::I32Ne);
        self.fail_if();
        self.header(el, ic::ELEMENTS_CAPACITY);
        self.i(I::LocalGet(n)).i(I::I32LeU);
        self.defer_to_generic_if("ArrayPush")?;
        self.i(I::I64Const(value::magic(0) as i64)).i(I::LocalSet(old));
        self.defer_if_barriers_needed(o, old, rhs, "ArrayPush")?;
        let v = self.reg(rhs);
        self.i(I::LocalGet(el)).i(I::LocalGet(n)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::LocalGet(v)).i(I::I64Store(Self::mem(0, 3)));
        self.i(I::LocalGet(n)).i(I::I32Const(1)).i(I::I32Add).i(I::LocalSet(n));
        self.set_header(el, ic::ELEMENTS_INITIALIZED_LENGTH, |e| _ = e.i(I::LocalGet(n)));
        self.set_header(el, ic::ELEMENTS_LENGTH, |e| _ = e.i(I::LocalGet(n)));
        self.i(I::LocalGet(n));
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// `arr.pop()` on a packed array whose length is its initialized length and whose length
    /// is writable, not being iterated: the last element (undefined when empty), and both
    /// lengths shrink. Dropping an element that needs a pre-barrier goes to the generic
    /// interpreter.
    fn packed_array_pop(&mut self, o: u8) -> Result<(), Decline> {
        let (el, n, old, cell) = (self.t32, self.t32b, self.t64, self.t32c);
        self.elements(o);
        self.i(I::LocalSet(el));
        self.header(el, ic::ELEMENTS_FLAGS);
        self.i(I::I32Const(ic::ELEMENTS_NON_PACKED | ic::ELEMENTS_NONWRITABLE_ARRAY_LENGTH | ic::ELEMENTS_MAYBE_IN_ITERATION)).i(I::I32And);
        self.fail_if();
        self.header(el, ic::ELEMENTS_INITIALIZED_LENGTH);
        self.i(I::LocalTee(n));
        self.header(el, ic::ELEMENTS_LENGTH);
        self.i(I::I32Ne);
        self.fail_if();
        self.i(I::LocalGet(n)).i(I::I32Eqz);
        self.i(I::If(BlockType::Empty));
        let r = self.result;
        self.i(I::I64Const(tag_bits(value::TYPE_UNDEFINED) as i64)).i(I::LocalSet(r));
        self.i(I::Else);
        self.i(I::LocalGet(n)).i(I::I32Const(1)).i(I::I32Sub).i(I::LocalSet(n));
        self.i(I::LocalGet(el)).i(I::LocalGet(n)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::I64Load(Self::mem(0, 3))).i(I::LocalSet(old));
        vc::needs_pre_barrier(&mut self.f, old, cell);
        // Inside the `if`: the deferral's own `if` is nested one deeper; it returns, so depth
        // does not matter.
        self.defer_to_generic_if("PackedArrayPopResult")?;
        self.set_header(el, ic::ELEMENTS_INITIALIZED_LENGTH, |e| _ = e.i(I::LocalGet(n)));
        self.set_header(el, ic::ELEMENTS_LENGTH, |e| _ = e.i(I::LocalGet(n)));
        self.i(I::LocalGet(old)).i(I::LocalSet(r));
        self.i(I::End);
        Ok(())
    }

    /// Hands the hit to the generic interpreter when storing `rhs` over the Value in local
    /// `old` (a hole for a new element) in object `o` needs a GC barrier (scratch: `t32c`,
    /// `t32d`): a pre-barrier for a tenured
    /// GC thing overwritten while its zone is marked, a post-barrier for a nursery GC thing
    /// stored into a tenured object. Otherwise the store needs none and is plain.
    fn defer_if_barriers_needed(&mut self, o: u8, old: u32, rhs: u8, op: &str) -> Result<(), Decline> {
        let (cell, owner) = (self.t32c, self.t32d);
        self.lo(o);
        self.i(I::LocalSet(owner));
        vc::needs_pre_barrier(&mut self.f, old, cell);
        let v = self.reg(rhs);
        vc::needs_post_barrier(&mut self.f, v, owner, cell);
        self.i(I::I32Or);
        self.defer_to_generic_if(op)
    }

    /// `obj.slot = rhs` for an existing dynamic slot at the byte offset in field `f`.
    fn store_dynamic_slot(&mut self, o: u8, f: u8, rhs: u8) -> Result<(), Decline> {
        let (addr, old) = (self.t32, self.t64);
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::OBJ_SLOTS, 2)));
        self.field_u32(f);
        self.i(I::I32Const(!7)).i(I::I32And);
        self.i(I::I32Add).i(I::LocalTee(addr)).i(I::I64Load(Self::mem(0, 3))).i(I::LocalSet(old));
        self.defer_if_barriers_needed(o, old, rhs, "StoreDynamicSlot")?;
        let v = self.reg(rhs);
        self.i(I::LocalGet(addr)).i(I::LocalGet(v)).i(I::I64Store(Self::mem(0, 3)));
        Ok(())
    }

    /// Adds a property: the object gets the new shape in field `shape`, and `rhs` goes to the
    /// new slot at the byte offset in field `f` (from the object, or into its dynamic slots,
    /// which have room). Replacing the shape needs a pre-barrier on the old one while its zone
    /// is marked; the new slot needs no pre-barrier, only the post-barrier check.
    fn add_and_store_slot(&mut self, o: u8, f: u8, rhs: u8, shape: u8, dynamic: bool) -> Result<(), Decline> {
        let op = if dynamic { "AddAndStoreDynamicSlot" } else { "AddAndStoreFixedSlot" };
        self.add_slot(o, f, rhs, shape, dynamic, op, None)
    }

    fn allocate_and_store_slot(&mut self, o: u8, f: u8, rhs: u8, shape: u8, slots: u8) -> Result<(), Decline> {
        self.add_slot(o, f, rhs, shape, true, "AllocateAndStoreDynamicSlot", Some(slots))
    }

    /// A property add: barriers checked (a store that needs one defers), the dynamic slots
    /// grown to stub field `grow`'s count first if given, then the new shape and the value.
    #[allow(clippy::too_many_arguments)]
    fn add_slot(&mut self, o: u8, f: u8, rhs: u8, shape: u8, dynamic: bool, op: &'static str, grow: Option<u8>) -> Result<(), Decline> {
        let (old_shape, owner, cell) = (self.t32, self.t32d, self.t32c);
        self.lo(o);
        self.i(I::LocalTee(owner)).i(I::I32Load(Self::mem(ic::OBJ_SHAPE, 2))).i(I::LocalSet(old_shape));
        // Shapes are always tenured.
        vc::zone_needs_barrier(&mut self.f, old_shape);
        let v = self.reg(rhs);
        vc::needs_post_barrier(&mut self.f, v, owner, cell);
        self.i(I::I32Or);
        self.defer_to_generic_if(op)?;
        if let Some(count) = grow {
            let Some(grow_slots) = self.env.grow_slots else { return Err(Decline::Unsupported(op.into())) };
            self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
            self.i(I::LocalGet(owner));
            self.field_u32(count);
            self.i(I::Call(grow_slots)).i(I::I32Eqz);
            self.fail_if();
        }
        self.i(I::LocalGet(owner));
        self.field_u32(shape);
        self.i(I::I32Store(Self::mem(ic::OBJ_SHAPE, 2)));
        self.i(I::LocalGet(owner));
        if dynamic {
            self.i(I::I32Load(Self::mem(ic::OBJ_SLOTS, 2)));
        }
        self.field_u32(f);
        if dynamic {
            // Whole slots, as the engine indexes them (`offset / sizeof(Value)`).
            self.i(I::I32Const(!7)).i(I::I32And);
        }
        self.i(I::I32Add).i(I::LocalGet(v)).i(I::I64Store(Self::mem(0, 3)));
        Ok(())
    }

    /// Pushes the class flags of the object in register `o`.
    fn class_flags(&mut self, o: u8) {
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::I32Load(Self::mem(ic::CLASS_FLAGS, 2)));
    }

    /// `x == null`, `x === undefined` and their negations, with the other side guarded null or
    /// undefined. Loosely, null, undefined and objects whose class emulates undefined are
    /// nullish; a proxy fails the guard, as in the engine.
    fn compare_null_undefined(&mut self, jsop: u8, is_undefined: bool, input: u8) -> Result<(), Decline> {
        let name = self.env.ops.jsop_name(jsop).unwrap_or("").to_string();
        let (strict, negate) = match name.as_str() {
            "StrictEq" => (true, false),
            "StrictNe" => (true, true),
            "Eq" => (false, false),
            "Ne" => (false, true),
            _ => return Err(Decline::UnsupportedOperand("CompareNullUndefinedResult".into())),
        };
        let (t, flags) = (self.t32, self.t32b);
        if strict {
            self.hi(input);
            self.i(I::I32Const(tag(if is_undefined { value::TYPE_UNDEFINED } else { value::TYPE_NULL }) as i32)).i(I::I32Eq);
        } else {
            self.hi(input);
            self.i(I::LocalTee(t)).i(I::I32Const(tag(value::TYPE_OBJECT) as i32)).i(I::I32Eq);
            self.i(I::If(BlockType::Result(ValType::I32)));
            self.class_flags(input);
            self.i(I::LocalTee(flags)).i(I::I32Const(ic::CLASS_IS_PROXY)).i(I::I32And).i(I::BrIf(1));
            self.i(I::LocalGet(flags)).i(I::I32Const(ic::CLASS_EMULATES_UNDEFINED)).i(I::I32And).i(I::I32Const(0)).i(I::I32Ne);
            self.i(I::Else);
            self.i(I::LocalGet(t)).i(I::I32Const(tag(value::TYPE_UNDEFINED) as i32)).i(I::I32Eq);
            self.i(I::LocalGet(t)).i(I::I32Const(tag(value::TYPE_NULL) as i32)).i(I::I32Eq).i(I::I32Or);
            self.i(I::End);
        }
        if negate {
            self.i(I::I32Eqz);
        }
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// An object is truthy unless its class emulates undefined; a proxy goes to the generic
    /// interpreter (the engine asks the proxy's target).
    fn object_truthy(&mut self, o: u8) -> Result<(), Decline> {
        let flags = self.t32;
        self.class_flags(o);
        self.i(I::LocalTee(flags)).i(I::I32Const(ic::CLASS_IS_PROXY)).i(I::I32And);
        self.defer_to_generic_if("LoadObjectTruthyResult")?;
        self.i(I::LocalGet(flags)).i(I::I32Const(ic::CLASS_EMULATES_UNDEFINED)).i(I::I32And).i(I::I32Eqz);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// The object's class is the one in field `f`.
    fn guard_any_class(&mut self, o: u8, f: u8) -> Result<(), Decline> {
        self.class_and_field(o, f);
        self.fail_if_ne32()
    }

    fn guard_is_not_proxy(&mut self, o: u8) -> Result<(), Decline> {
        self.class_flags(o);
        self.i(I::I32Const(ic::CLASS_IS_PROXY)).i(I::I32And);
        self.fail_if();
        Ok(())
    }

    /// Fails unless function `f`'s flags have any of `mask` (`set`), or none of them.
    fn guard_function_flags(&mut self, f: u8, mask: u32, set: bool) -> Result<(), Decline> {
        self.lo(f);
        self.i(I::I32Load(Self::mem(fun_layout::FLAGS_AND_ARG_COUNT, 2))).i(I::I32Const(mask as i32)).i(I::I32And);
        if set {
            self.i(I::I32Eqz);
        }
        self.fail_if();
        Ok(())
    }

    fn guard_not_class_constructor(&mut self, f: u8) -> Result<(), Decline> {
        self.lo(f);
        self.i(I::I32Load(Self::mem(fun_layout::FLAGS_AND_ARG_COUNT, 2))).i(I::I32Const(fun_layout::FLAG_KIND_MASK as i32)).i(I::I32And);
        self.i(I::I32Const(fun_layout::KIND_CLASS_CONSTRUCTOR as i32)).i(I::I32Eq);
        self.fail_if();
        Ok(())
    }

    fn guard_is_native(&mut self, o: u8) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::OBJ_SHAPE, 2))).i(I::I32Load8U(Self::mem(ic::SHAPE_FLAGS_BYTE, 0)));
        self.i(I::I32Const(ic::SHAPE_IS_NATIVE)).i(I::I32And).i(I::I32Eqz);
        self.fail_if();
        Ok(())
    }

    fn guard_is_proxy(&mut self, o: u8) -> Result<(), Decline> {
        self.class_flags(o);
        self.i(I::I32Const(ic::CLASS_IS_PROXY)).i(I::I32And).i(I::I32Eqz);
        self.fail_if();
        Ok(())
    }

    /// An array whose elements are packed: no holes, and all of them initialized.
    fn is_packed_array(&mut self, o: u8) -> Result<(), Decline> {
        let Some(array) = self.env.array_class else { return Err(Decline::Unsupported("IsPackedArrayResult".into())) };
        let el = self.t32;
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::I32Const(array as i32)).i(I::I32Eq);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.elements(o);
        self.i(I::LocalSet(el));
        self.header(el, ic::ELEMENTS_INITIALIZED_LENGTH);
        self.header(el, ic::ELEMENTS_LENGTH);
        self.i(I::I32Eq);
        self.header(el, ic::ELEMENTS_FLAGS);
        self.i(I::I32Const(ic::ELEMENTS_NON_PACKED)).i(I::I32And).i(I::I32Eqz).i(I::I32And);
        self.i(I::Else);
        self.i(I::I32Const(0));
        self.i(I::End);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn guard_compartment(&mut self, o: u8, wrapper: u8, compartment: u8) -> Result<(), Decline> {
        let Some(r) = self.env.realm else { return Err(Decline::Unsupported("GuardCompartment".into())) };
        let w = self.t32;
        // A global wrapper that is a dead proxy fails.
        self.field_u32(wrapper);
        self.i(I::LocalTee(w)).i(I::I32Load(Self::mem(0, 2))).i(I::I32Load8U(Self::mem(ic::SHAPE_KIND_BYTE, 0)));
        self.i(I::I32Const(ic::SHAPE_KIND_MASK)).i(I::I32And).i(I::I32Eqz);
        self.i(I::LocalGet(w)).i(I::I32Load(Self::mem(ic::PROXY_HANDLER, 2))).i(I::I32Const(r.dead_object_proxy_handler as i32)).i(I::I32Eq);
        self.i(I::I32And);
        self.fail_if();
        // The object's realm's compartment.
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(runtime_abi::layout::base_shape::REALM, 2))).i(I::I32Load(Self::mem(0, 2)));
        self.field_u32(compartment);
        self.fail_if_ne32()
    }

    fn guard_has_getter_setter(&mut self, o: u8, id: u8, getter_setter: u8) -> Result<(), Decline> {
        let Some([has_getter_setter, _]) = self.env.object_pure else { return Err(Decline::Unsupported("GuardHasGetterSetter".into())) };
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
        self.lo(o);
        self.field_u32(id);
        self.field_u32(getter_setter);
        self.i(I::Call(has_getter_setter)).i(I::I32Eqz);
        self.fail_if();
        Ok(())
    }

    fn guard_is_not_array_buffer(&mut self, o: u8) -> Result<(), Decline> {
        let buffers: Vec<u32> = self.env.guard_classes.iter().filter(|g| ic::GUARD_CLASS_BUFFERS.contains(&g.kind)).flat_map(|g| g.classes.iter().copied()).collect();
        if buffers.len() != ic::GUARD_CLASS_BUFFERS.len() {
            return Err(Decline::Unsupported("GuardIsNotArrayBufferMaybeShared".into()));
        }
        let clasp = self.t32;
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::LocalSet(clasp));
        self.class_is_one_of(clasp, &buffers);
        self.fail_if();
        Ok(())
    }

    /// An `Array` constructor from another realm: false in the current realm, else whether
    /// `obj` is the native `ArrayConstructor` function.
    fn is_cross_realm_array_constructor(&mut self, o: u8) -> Result<(), Decline> {
        let (Some(r), Some(functions)) = (self.env.realm, self.env.guard_classes.iter().find(|g| g.kind == ic::GUARD_CLASS_FUNCTION)) else {
            return Err(Decline::Unsupported("IsCrossRealmArrayConstructorResult".into()));
        };
        let (base, clasp) = (self.t32, self.t32b);
        self.i(I::Block(BlockType::Result(ValType::I32)));
        self.i(I::I32Const(0));
        self.base_shape(o);
        self.i(I::LocalTee(base));
        self.base_in_current_realm(r);
        self.i(I::BrIf(0));
        self.i(I::LocalGet(base)).i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::LocalSet(clasp));
        self.class_is_one_of(clasp, functions.classes);
        self.i(I::I32Eqz).i(I::BrIf(0));
        // An interpreted function (a script, or a lazy self-hosted one) is no native.
        self.lo(o);
        self.i(I::I32Load(Self::mem(fun_layout::FLAGS_AND_ARG_COUNT, 2)));
        self.i(I::I32Const((fun_layout::FLAG_BASESCRIPT | fun_layout::FLAG_SELFHOSTLAZY) as i32)).i(I::I32And).i(I::BrIf(0));
        self.i(I::Drop);
        self.lo(o);
        self.i(I::I32Load(Self::mem(fun_layout::NATIVE, 2))).i(I::I32Const(r.array_constructor_native as i32)).i(I::I32Eq);
        self.i(I::End);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn is_typed_array_constructor(&mut self, o: u8) -> Result<(), Decline> {
        let Some([_, is_ctor]) = self.env.object_pure else { return Err(Decline::Unsupported("IsTypedArrayConstructorResult".into())) };
        self.lo(o);
        self.i(I::Call(is_ctor));
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn load_symbol(&mut self, sym: u8) -> Result<(), Decline> {
        self.lo(sym);
        self.box_i32(value::TYPE_SYMBOL, self.result);
        Ok(())
    }

    fn guard_null_proto(&mut self, o: u8) -> Result<(), Decline> {
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_PROTO, 2)));
        self.fail_if();
        Ok(())
    }

    /// The dynamic slot with the index in stub field `slot` holds no object.
    fn guard_dynamic_slot_is_not_object(&mut self, o: u8, slot: u8) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::OBJ_SLOTS, 2)));
        self.field_u32(slot);
        self.i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add);
        self.i(I::I32Load(Self::mem(4, 2))).i(I::I32Const(tag(value::TYPE_OBJECT) as i32)).i(I::I32Eq);
        self.fail_if();
        Ok(())
    }

    fn boolean_to_string(&mut self, b: u8, res: u8) -> Result<(), Decline> {
        let Some(st) = self.env.static_strings else { return Err(Decline::Unsupported("BooleanToString".into())) };
        if res > ENGINE_OPERAND_REGISTERS_MAX {
            self.i(I::Br(0));
            return Ok(());
        }
        let [false_name, true_name] = st.facts.boolean_names;
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
        self.i(I::I32Load(Self::mem(st.cx_runtime, 2))).i(I::I32Load(Self::mem(st.facts.runtime_common_names, 2)));
        self.i(I::I32Const(true_name as i32)).i(I::I32Const(false_name as i32));
        self.lo(b);
        self.i(I::Select).i(I::I32Add).i(I::I32Load(Self::mem(0, 2)));
        let dst = self.reg(res);
        self.box_i32(value::TYPE_STRING, dst);
        Ok(())
    }

    fn guard_array_is_packed(&mut self, o: u8) -> Result<(), Decline> {
        let Some(array) = self.env.array_class else { return Err(Decline::Unsupported("GuardArrayIsPacked".into())) };
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::I32Const(array as i32));
        self.fail_if_ne32()?;
        let el = self.t32;
        self.elements(o);
        self.i(I::LocalSet(el));
        self.header(el, ic::ELEMENTS_INITIALIZED_LENGTH);
        self.header(el, ic::ELEMENTS_LENGTH);
        self.fail_if_ne32()?;
        self.header(el, ic::ELEMENTS_FLAGS);
        self.i(I::I32Const(ic::ELEMENTS_NON_PACKED)).i(I::I32And);
        self.fail_if();
        Ok(())
    }

    fn guard_int32_non_negative(&mut self, r: u8) -> Result<(), Decline> {
        self.lo(r);
        self.i(I::I32Const(0)).i(I::I32LtS);
        self.fail_if();
        Ok(())
    }

    /// Fails unless dynamic slot (at byte offset `off`) of `o` is the object `expected`.
    fn guard_dynamic_slot_is_object(&mut self, o: u8, expected: u8, off: u8) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::OBJ_SLOTS, 2)));
        self.field_u32(off);
        self.i(I::I32Const(!7)).i(I::I32And).i(I::I32Add).i(I::I64Load(Self::mem(0, 3)));
        self.lo(expected);
        vc::box_i32(&mut self.f, value::TYPE_OBJECT);
        self.i(I::I64Ne);
        self.fail_if();
        Ok(())
    }

    /// `res` = the number string `s` denotes: its cached index value, else what the engine's
    /// `StringToNumberPure` computes (false fails the stub).
    fn guard_string_to_number(&mut self, s: u8, res: u8) -> Result<(), Decline> {
        let Some(f) = self.env.strings else { return Err(Decline::Unsupported("GuardStringToNumber".into())) };
        let (flags, vp, ok, g, tf, dst) = (self.t32, self.t32b, self.t32c, self.env.stack_pointer_global, self.tf, self.reg(res));
        self.lo(s);
        self.i(I::I32Load(Self::mem(str_bits::FLAGS, 2))).i(I::LocalTee(flags));
        self.i(I::I32Const(str_bits::INDEX_VALUE_BIT as i32)).i(I::I32And);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(flags)).i(I::I32Const(str_bits::INDEX_VALUE_SHIFT as i32)).i(I::I32ShrU);
        self.box_i32(value::TYPE_INT32, dst);
        self.i(I::I32Const(1)).i(I::LocalSet(ok));
        self.i(I::Else);
        vc::shadow_alloc(&mut self.f, g, vp, 8);
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
        self.lo(s);
        self.i(I::LocalGet(vp)).i(I::Call(f.string_to_number)).i(I::LocalSet(ok));
        self.i(I::LocalGet(vp)).i(I::F64Load(Self::mem(0, 3)));
        vc::box_double(&mut self.f, tf);
        self.i(I::LocalSet(dst));
        vc::shadow_free(&mut self.f, g, vp, 8);
        self.i(I::End);
        self.i(I::LocalGet(ok)).i(I::I32Eqz);
        self.fail_if();
        Ok(())
    }

    fn guard_string_to_index(&mut self, s: u8, res: u8) -> Result<(), Decline> {
        let Some(f) = self.env.strings else { return Err(Decline::Unsupported("GuardStringToIndex".into())) };
        let (flags, dst) = (self.t32, self.reg(res));
        self.lo(s);
        self.i(I::I32Load(Self::mem(str_bits::FLAGS, 2))).i(I::LocalTee(flags));
        self.i(I::I32Const(str_bits::INDEX_VALUE_BIT as i32)).i(I::I32And);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.i(I::LocalGet(flags)).i(I::I32Const(str_bits::INDEX_VALUE_SHIFT as i32)).i(I::I32ShrU);
        self.i(I::Else);
        self.lo(s);
        self.i(I::Call(f.index_from_string));
        self.i(I::End);
        self.i(I::LocalTee(flags)).i(I::I32Const(0)).i(I::I32LtS);
        self.fail_if();
        self.i(I::LocalGet(flags));
        self.box_i32(value::TYPE_INT32, dst);
        Ok(())
    }

    fn guard_specific_int32(&mut self, r: u8, expected: i32) -> Result<(), Decline> {
        self.lo(r);
        self.i(I::I32Const(expected));
        self.fail_if_ne32()
    }

    /// Fails for strings, symbols, BigInts, objects and private GC things.
    fn guard_to_non_gc_thing(&mut self, r: u8) -> Result<(), Decline> {
        let reg = self.reg(r);
        vc::is_gc_thing(&mut self.f, reg);
        self.fail_if();
        Ok(())
    }

    fn guard_is_extensible(&mut self, o: u8) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::OBJ_SHAPE, 2))).i(I::I32Load8U(Self::mem(ic::SHAPE_OBJECT_FLAGS, 0)));
        self.i(I::I32Const(ic::OBJECT_FLAG_NOT_EXTENSIBLE)).i(I::I32And);
        self.fail_if();
        Ok(())
    }

    /// A constructor with a script that is not self-hosted.
    fn guard_function_is_non_builtin_ctor(&mut self, f: u8) -> Result<(), Decline> {
        let mask = fun_layout::FLAG_BASESCRIPT | fun_layout::FLAG_CONSTRUCTOR | fun_layout::FLAG_SELF_HOSTED;
        self.lo(f);
        self.i(I::I32Load(Self::mem(fun_layout::FLAGS_AND_ARG_COUNT, 2))).i(I::I32Const(mask as i32)).i(I::I32And);
        self.i(I::I32Const((fun_layout::FLAG_BASESCRIPT | fun_layout::FLAG_CONSTRUCTOR) as i32));
        self.fail_if_ne32()
    }

    fn math_clz32(&mut self, a: u8) -> Result<(), Decline> {
        self.lo(a);
        self.i(I::I32Clz);
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// Whether the RegExp object's flags have any bit of `mask`.
    fn regexp_flag(&mut self, o: u8, mask: u32) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::REGEXP_FLAGS_PAYLOAD, 2))).i(I::I32Const(mask as i32)).i(I::I32And).i(I::I32Const(0)).i(I::I32Ne);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// `GuardStringToNumber`, then fails unless the number is an int32 (-0 is not).
    fn guard_string_to_int32(&mut self, s: u8, res: u8) -> Result<(), Decline> {
        self.guard_string_to_number(s, res)?;
        let (r, tf) = (self.reg(res), self.tf);
        self.hi(res);
        self.i(I::I32Const(tag(value::TYPE_INT32) as i32)).i(I::I32Ne);
        self.i(I::If(BlockType::Empty)); // the guard block is depth 1 in here
        self.i(I::LocalGet(r)).i(I::F64ReinterpretI64).i(I::LocalTee(tf));
        self.i(I::F64Const(wasm_encoder::Ieee64::from(-2147483648.0f64))).i(I::F64Ge);
        self.i(I::LocalGet(tf)).i(I::F64Const(wasm_encoder::Ieee64::from(2147483648.0f64))).i(I::F64Lt).i(I::I32And);
        self.i(I::LocalGet(tf)).i(I::LocalGet(tf)).i(I::F64Trunc).i(I::F64Eq).i(I::I32And);
        // -0 has the sign bit set and equals zero.
        self.i(I::LocalGet(r)).i(I::I64Const(i64::MIN)).i(I::I64Ne).i(I::I32And);
        self.i(I::I32Eqz).i(I::BrIf(1));
        self.i(I::LocalGet(tf)).i(I::I32TruncF64S);
        self.box_i32(value::TYPE_INT32, r);
        self.i(I::End);
        Ok(())
    }

    /// `res` = the string of int32 `n`, from the engine's `Int32ToStringPure` (null, when it
    /// would have to GC, fails the stub).
    fn int32_to_string(&mut self, n: u8, res: u8) -> Result<(), Decline> {
        let Some(f) = self.env.strings else { return Err(Decline::Unsupported("CallInt32ToString".into())) };
        self.pure_string_result(f.int32_to_string, n, res);
        Ok(())
    }

    fn load_undefined(&mut self, res: u8) -> Result<(), Decline> {
        let dst = self.reg(res);
        self.i(I::I64Const(tag_bits(value::TYPE_UNDEFINED) as i64)).i(I::LocalSet(dst));
        Ok(())
    }

    fn is_object_result(&mut self, r: u8) -> Result<(), Decline> {
        self.hi(r);
        self.i(I::I32Const(tag(value::TYPE_OBJECT) as i32)).i(I::I32Eq);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// A fixed slot store (self-hosted code's `UnsafeSetReservedSlot`) whose result is
    /// undefined; a store that needs a GC barrier goes to the generic interpreter.
    fn store_fixed_slot_undefined_result(&mut self, o: u8, f: u8, rhs: u8) -> Result<(), Decline> {
        let (addr, old) = (self.t32, self.t64);
        self.lo(o);
        self.field_u32(f);
        self.i(I::I32Add).i(I::LocalTee(addr)).i(I::I64Load(Self::mem(0, 3))).i(I::LocalSet(old));
        self.defer_if_barriers_needed(o, old, rhs, "StoreFixedSlotUndefinedResult")?;
        let v = self.reg(rhs);
        self.i(I::LocalGet(addr)).i(I::LocalGet(v)).i(I::I64Store(Self::mem(0, 3)));
        self.result_const(tag_bits(value::TYPE_UNDEFINED))
    }

    /// `lhs instanceof C` with C's prototype object `proto`: walks lhs's prototype chain. A
    /// lazy prototype (a proxy's) fails the guard; a primitive is not an instance.
    fn instance_of(&mut self, lhs: u8, proto: u8) -> Result<(), Decline> {
        let (p, target) = (self.t32, self.t32b);
        self.lo(proto);
        self.i(I::LocalSet(target));
        self.hi(lhs);
        self.i(I::I32Const(tag(value::TYPE_OBJECT) as i32)).i(I::I32Eq);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.lo(lhs);
        self.i(I::LocalSet(p));
        // block $out (result i32) { loop { p = proto(p); p == target -> 1; p == null -> 0;
        // p == lazy -> fail } }
        self.i(I::Block(BlockType::Result(ValType::I32)));
        self.i(I::Loop(BlockType::Empty));
        self.i(I::LocalGet(p)).i(I::I32Load(Self::mem(ic::OBJ_SHAPE, 2))).i(I::I32Load(Self::mem(ic::SHAPE_BASE, 2)));
        self.i(I::I32Load(Self::mem(ic::BASE_PROTO, 2))).i(I::LocalTee(p));
        self.i(I::I32Const(1)).i(I::LocalGet(p)).i(I::LocalGet(target)).i(I::I32Eq).i(I::BrIf(2)).i(I::Drop);
        self.i(I::I32Const(0)).i(I::LocalGet(p)).i(I::I32Eqz).i(I::BrIf(2)).i(I::Drop);
        // Labels here: 0 loop, 1 $out, 2 if, 3 the guard block.
        self.i(I::LocalGet(p)).i(I::I32Const(ic::LAZY_PROTO)).i(I::I32Eq).i(I::BrIf(3));
        self.i(I::Br(0));
        self.i(I::End);
        self.i(I::Unreachable);
        self.i(I::End);
        self.i(I::Else);
        self.i(I::I32Const(0));
        self.i(I::End);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// Fails unless the u32 at the address in field `addr` equals field `expected`.
    fn guard_global_generation(&mut self, expected: u8, addr: u8) -> Result<(), Decline> {
        self.field_u32(addr);
        self.i(I::I32Load(Self::mem(0, 2)));
        self.field_u32(expected);
        self.fail_if_ne32()
    }

    /// Add, sub or mul in 64 bits; a result outside int32 (or -0 for mul) fails.
    fn int32_wide(&mut self, a: u8, b: u8, op: I<'static>, check_neg_zero: bool) -> Result<(), Decline> {
        let w = self.t64;
        self.lo(a);
        self.i(I::I64ExtendI32S);
        self.lo(b);
        self.i(I::I64ExtendI32S);
        self.i(op);
        vc::fits_int32(&mut self.f, w);
        self.i(I::I32Eqz);
        self.fail_if();
        if check_neg_zero {
            // 0 from a negative operand is -0, which is not an int32.
            self.i(I::LocalGet(w)).i(I::I64Eqz);
            self.lo(a);
            self.lo(b);
            self.i(I::I32Or).i(I::I32Const(0)).i(I::I32LtS).i(I::I32And);
            self.fail_if();
        }
        self.i(I::LocalGet(w)).i(I::I32WrapI64);
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    fn int32_bits(&mut self, a: u8, b: u8, op: I<'static>) -> Result<(), Decline> {
        self.lo(a);
        self.lo(b);
        self.i(op);
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    fn int32_not(&mut self, a: u8) -> Result<(), Decline> {
        self.lo(a);
        self.i(I::I32Const(-1)).i(I::I32Xor);
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// Pushes a NumberId as f64: int32-tagged values are converted.
    pub(super) fn to_number(&mut self, r: u8) {
        let reg = self.reg(r);
        vc::number_to_f64(&mut self.f, reg);
    }

    /// Stores the f64 on the stack as a double Value in the result, NaN canonicalised.
    fn set_double_result(&mut self) {
        vc::box_double(&mut self.f, self.tf);
        let r = self.result;
        self.i(I::LocalSet(r));
    }

    fn double_arith(&mut self, a: u8, b: u8, op: I<'static>) -> Result<(), Decline> {
        self.to_number(a);
        self.to_number(b);
        self.i(op);
        self.set_double_result();
        Ok(())
    }

    fn compare(&mut self, jsop: u8, a: u8, b: u8, double: bool) -> Result<(), Decline> {
        let name = self.env.ops.jsop_name(jsop).unwrap_or("").to_string();
        let on = if double { vc::CompareOn::Double } else { vc::CompareOn::Int32 };
        let Some(ins) = vc::compare_instr(&name, on) else {
            return Err(Decline::UnsupportedOperand(if double { "CompareDoubleResult" } else { "CompareInt32Result" }.into()));
        };
        if double {
            self.to_number(a);
            self.to_number(b);
        } else {
            self.lo(a);
            self.lo(b);
        }
        self.i(ins);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn result_const(&mut self, v: u64) -> Result<(), Decline> {
        { let r = self.result; self.i(I::I64Const(v as i64)).i(I::LocalSet(r)); }
        Ok(())
    }

    /// The payload of register r with the given tag.
    fn result_retag(&mut self, r: u8, ty: u32) -> Result<(), Decline> {
        self.lo(r);
        self.box_i32(ty, self.result);
        Ok(())
    }

    fn load_double_result(&mut self, r: u8) -> Result<(), Decline> {
        self.to_number(r);
        self.set_double_result();
        Ok(())
    }

    fn load_value_result(&mut self, f: u8) -> Result<(), Decline> {
        self.field_u64(f);
        self.i(I::LocalSet(self.result));
        Ok(())
    }

    /// `res = i64[ctx.sp() + 8 * (k + argc)]`: an argument of a call IC on the caller's
    /// stack (`argc` only for the dynamic form).
    fn load_argument_slot(&mut self, res: u8, argc: Option<u8>, k: u8) -> Result<(), Decline> {
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ic::CTX_SPBASE, 2)));
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ic::CTX_SPOFFSET, 2)));
        self.i(I::I32Sub);
        if let Some(n) = argc {
            self.lo(n);
            self.i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add);
        }
        self.i(I::I64Load(Self::mem(8 * k as u32, 3)));
        let dst = self.reg(res);
        self.i(I::LocalSet(dst));
        Ok(())
    }

    fn copy(&mut self, from: u8, to: u8) -> Result<(), Decline> {
        let (a, b) = (self.reg(from), self.reg(to));
        self.i(I::LocalGet(a)).i(I::LocalSet(b));
        Ok(())
    }

    /// `to` = payload of `from` with a new tag.
    fn retag(&mut self, from: u8, to: u8, ty: u32) -> Result<(), Decline> {
        self.lo(from);
        let dst = self.reg(to);
        self.box_i32(ty, dst);
        Ok(())
    }

    fn guard_null_or_undefined(&mut self, r: u8) -> Result<(), Decline> {
        // Undefined and null are adjacent tags.
        self.hi(r);
        self.i(I::I32Const(tag(value::TYPE_UNDEFINED) as i32)).i(I::I32Sub).i(I::I32Const(2)).i(I::I32GeU);
        self.fail_if();
        Ok(())
    }

    fn guard_boolean_to_int32(&mut self, input: u8, out: u8) -> Result<(), Decline> {
        self.guard_tag(input, value::TYPE_BOOLEAN)?;
        self.retag(input, out, value::TYPE_INT32)
    }

    /// ToInt32 of an int32 or a double. Doubles of magnitude 2^63 or more, and NaN, fail the
    /// guard (the engine's interpreter handles them) rather than being approximated.
    fn to_int32_modular(&mut self, input: u8, out: u8) -> Result<(), Decline> {
        let (rin, rout, tf) = (self.reg(input), self.reg(out), self.tf);
        self.hi(input);
        self.i(I::I32Const(tag(value::TYPE_INT32) as i32)).i(I::I32Eq);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(rin)).i(I::LocalSet(rout));
        self.i(I::Else);
        self.hi(input);
        self.i(I::I32Const(tag(value::TYPE_DOUBLE) as i32)).i(I::I32GeU).i(I::BrIf(1));
        self.i(I::LocalGet(rin)).i(I::F64ReinterpretI64).i(I::LocalTee(tf));
        self.i(I::F64Abs).i(I::F64Const(wasm_encoder::Ieee64::from(9223372036854775808.0f64))).i(I::F64Lt).i(I::I32Eqz).i(I::BrIf(1));
        self.i(I::LocalGet(tf)).i(I::I64TruncF64S).i(I::I32WrapI64);
        self.box_i32(value::TYPE_INT32, rout);
        self.i(I::End);
        Ok(())
    }

    fn guard_function_script(&mut self, o: u8, f: u8) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(runtime_abi::layout::function::SCRIPT, 2)));
        self.field_u32(f);
        self.fail_if_ne32()
    }

    /// The slot at a byte offset (fixed: from the object; dynamic: into the slots) must hold
    /// exactly the Value in the stub field.
    fn guard_slot_value(&mut self, o: u8, off: u8, val: u8, dynamic: bool) -> Result<(), Decline> {
        self.lo(o);
        if dynamic {
            self.i(I::I32Load(Self::mem(ic::OBJ_SLOTS, 2)));
            self.field_u32(off);
            self.i(I::I32Const(!7)).i(I::I32And);
        } else {
            self.field_u32(off);
        }
        self.i(I::I32Add).i(I::I64Load(Self::mem(0, 3)));
        self.field_u64(val);
        self.i(I::I64Ne);
        self.fail_if();
        Ok(())
    }

    /// Pushes the initialized length of `o`'s elements.
    fn initialized_length(&mut self, o: u8) {
        self.elements(o);
        self.i(I::I32Const(-ic::ELEMENTS_INITIALIZED_LENGTH)).i(I::I32Sub).i(I::I32Load(Self::mem(0, 2)));
    }

    fn guard_no_dense_elements(&mut self, o: u8) -> Result<(), Decline> {
        self.initialized_length(o);
        self.i(I::I32Const(0)).i(I::I32Ne);
        self.fail_if();
        Ok(())
    }

    /// Passes when the index is outside the initialized elements. An index inside them fails,
    /// even at a hole (the engine would pass a hole): conservative, never wrong.
    fn guard_index_not_dense(&mut self, o: u8, idx: u8) -> Result<(), Decline> {
        self.lo(idx);
        self.initialized_length(o);
        self.i(I::I32LtU);
        self.fail_if();
        Ok(())
    }

    /// An environment's enclosing environment: its first reserved (fixed) slot.
    fn load_enclosing_environment(&mut self, o: u8, res: u8) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::ENV_ENCLOSING_SLOT, 2)));
        let dst = self.reg(res);
        self.box_i32(value::TYPE_OBJECT, dst);
        Ok(())
    }

    fn int32_step(&mut self, a: u8, by: i64) -> Result<(), Decline> {
        let w = self.t64;
        self.lo(a);
        self.i(I::I64ExtendI32S).i(I::I64Const(by)).i(I::I64Add);
        vc::fits_int32(&mut self.f, w);
        self.i(I::I32Eqz);
        self.fail_if();
        self.i(I::LocalGet(w)).i(I::I32WrapI64);
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// -a, failing for 0 (the result is -0) and INT32_MIN (overflow).
    fn int32_negation(&mut self, a: u8) -> Result<(), Decline> {
        self.lo(a);
        self.i(I::I32Const(0x7fff_ffff)).i(I::I32And).i(I::I32Eqz);
        self.fail_if();
        self.i(I::I32Const(0));
        self.lo(a);
        self.i(I::I32Sub);
        self.box_i32(value::TYPE_INT32, self.result);
        Ok(())
    }

    /// Equality of two objects or symbols is identity; other comparisons are declined.
    fn compare_identity(&mut self, jsop: u8, a: u8, b: u8) -> Result<(), Decline> {
        let ins = match self.env.ops.jsop_name(jsop).unwrap_or("") {
            "Eq" | "StrictEq" => I::I32Eq,
            "Ne" | "StrictNe" => I::I32Ne,
            _ => return Err(Decline::UnsupportedOperand("CompareObjectResult".into())),
        };
        self.lo(a);
        self.lo(b);
        self.i(ins);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn int32_truthy(&mut self, r: u8) -> Result<(), Decline> {
        self.lo(r);
        self.i(I::I32Const(0)).i(I::I32Ne);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// A number is truthy unless it is 0, -0 or NaN.
    fn double_truthy(&mut self, r: u8) -> Result<(), Decline> {
        let tf = self.tf;
        self.to_number(r);
        self.i(I::LocalTee(tf)).i(I::F64Const(wasm_encoder::Ieee64::from(0.0f64))).i(I::F64Ne);
        self.i(I::LocalGet(tf)).i(I::LocalGet(tf)).i(I::F64Eq).i(I::I32And);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// ToBoolean of any Value. BigInts, magic values and proxies fail (the engine's
    /// interpreter fails this whole op).
    fn value_truthy(&mut self, v: u8) -> Result<(), Decline> {
        let (t, flags) = (self.t32, self.t32b);
        let is = |e: &mut Self, ty: u32| {
            e.i(I::LocalGet(t)).i(I::I32Const(tag(ty) as i32)).i(I::I32Eq);
        };
        self.hi(v);
        self.i(I::LocalSet(t));
        is(self, value::TYPE_OBJECT);
        self.i(I::If(BlockType::Result(ValType::I32))); // the guard block is depth 1 in here
        self.class_flags(v);
        self.i(I::LocalTee(flags)).i(I::I32Const(ic::CLASS_IS_PROXY)).i(I::I32And).i(I::BrIf(1));
        self.i(I::LocalGet(flags)).i(I::I32Const(ic::CLASS_EMULATES_UNDEFINED)).i(I::I32And).i(I::I32Eqz);
        self.i(I::Else);
        self.i(I::LocalGet(t)).i(I::I32Const(tag(value::TYPE_INT32) as i32)).i(I::I32LeU);
        self.i(I::If(BlockType::Result(ValType::I32))); // depth 2 in here
        let tf = self.tf;
        self.to_number(v);
        self.i(I::LocalTee(tf)).i(I::F64Const(wasm_encoder::Ieee64::from(0.0f64))).i(I::F64Ne);
        self.i(I::LocalGet(tf)).i(I::LocalGet(tf)).i(I::F64Eq).i(I::I32And);
        self.i(I::Else);
        is(self, value::TYPE_STRING);
        self.i(I::If(BlockType::Result(ValType::I32))); // depth 3 in here
        self.lo(v);
        self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2))).i(I::I32Const(0)).i(I::I32Ne);
        self.i(I::Else);
        // Booleans, symbols (true), undefined and null (false); anything else fails.
        is(self, value::TYPE_BOOLEAN);
        is(self, value::TYPE_SYMBOL);
        is(self, value::TYPE_UNDEFINED);
        is(self, value::TYPE_NULL);
        self.i(I::I32Or).i(I::I32Or).i(I::I32Or).i(I::I32Eqz).i(I::BrIf(3));
        self.lo(v);
        self.i(I::I32Const(0)).i(I::I32Ne);
        is(self, value::TYPE_SYMBOL);
        self.i(I::I32Or);
        self.i(I::End);
        self.i(I::End);
        self.i(I::End);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn guard_proxy_handler(&mut self, o: u8, f: u8) -> Result<(), Decline> {
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::PROXY_HANDLER, 2)));
        self.field_u32(f);
        self.fail_if_ne32()
    }

    /// The object in the wrapper's private slot; null fails when `fallible`.
    fn load_wrapper_target(&mut self, o: u8, res: u8, fallible: bool) -> Result<(), Decline> {
        let (t, dst) = (self.t32, self.reg(res));
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::PROXY_RESERVED_SLOTS, 2))).i(I::I32Const(ic::PROXY_PRIVATE_SLOT_BELOW)).i(I::I32Sub);
        self.i(I::I32Load(Self::mem(0, 2))).i(I::LocalTee(t));
        if fallible {
            self.i(I::I32Eqz);
            self.fail_if();
            self.i(I::LocalGet(t));
        }
        self.box_i32(value::TYPE_OBJECT, dst);
        Ok(())
    }

    /// A bound function's count of bound arguments (an int32, `num_args`) or its target
    /// object, into operand `res`.
    fn load_bound_function_field(&mut self, o: u8, res: u8, num_args: bool) -> Result<(), Decline> {
        use runtime_abi::layout::bound_function as bf;
        let dst = self.reg(res);
        self.lo(o);
        if num_args {
            self.i(I::I32Load(Self::mem(bf::FLAGS_PAYLOAD, 2))).i(I::I32Const(bf::NUM_BOUND_ARGS_SHIFT)).i(I::I32ShrS);
        } else {
            self.i(I::I32Load(Self::mem(bf::TARGET_PAYLOAD, 2)));
        }
        self.box_i32(if num_args { value::TYPE_INT32 } else { value::TYPE_OBJECT }, dst);
        Ok(())
    }

    /// `StringToAtom`: string register `s` becomes its atom, as the engine's interpreter makes
    /// it: `AtomizeStringNoGC`, which does not allocate; null fails the stub.
    fn string_to_atom(&mut self, s: u8) -> Result<(), Decline> {
        let Some(f) = self.env.strings else { return Err(Decline::Unsupported("StringToAtom".into())) };
        self.pure_string_result(f.atomize, s, s);
        Ok(())
    }

    /// Register `res` = the string the engine's pure `func(cx, payload of arg)` returns; null
    /// fails the stub.
    fn pure_string_result(&mut self, func: u32, arg: u8, res: u8) {
        let (t, dst) = (self.t32, self.reg(res));
        self.cx();
        self.lo(arg);
        self.i(I::Call(func)).i(I::LocalTee(t)).i(I::I32Eqz);
        self.fail_if();
        self.i(I::LocalGet(t));
        self.box_i32(value::TYPE_STRING, dst);
    }

    /// Fails unless bound function `o` was made from a constructor.
    fn guard_bound_function_is_constructor(&mut self, o: u8) -> Result<(), Decline> {
        use runtime_abi::layout::bound_function as bf;
        self.lo(o);
        self.i(I::I32Load(Self::mem(bf::FLAGS_PAYLOAD, 2))).i(I::I32Const(bf::FLAG_IS_CONSTRUCTOR)).i(I::I32And).i(I::I32Eqz);
        self.fail_if();
        Ok(())
    }

    fn guard_is_not_dom_proxy(&mut self, o: u8) -> Result<(), Decline> {
        let Some(addr) = self.env.dom_proxy_family_addr else { return Err(Decline::Unsupported("GuardIsNotDOMProxy".into())) };
        self.lo(o);
        self.i(I::I32Load(Self::mem(ic::PROXY_HANDLER, 2))).i(I::I32Load(Self::mem(ic::PROXY_HANDLER_FAMILY, 2)));
        self.i(I::I32Const(addr as i32)).i(I::I32Load(Self::mem(0, 2))).i(I::I32Eq);
        self.fail_if();
        Ok(())
    }

    /// `[] -> [i32]`: whether object `o`'s class lies in the `count` typed array classes from
    /// `first`; the class stays in `t32`.
    fn class_in_range(&mut self, o: u8, first: u32, count: u32) {
        let clasp = self.t32;
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::LocalTee(clasp));
        self.i(I::I32Const(first as i32)).i(I::I32Sub);
        self.i(I::I32Const((count * runtime_abi::engines::JSCLASS_SIZE) as i32)).i(I::I32LtU);
    }

    fn is_typed_array(&mut self, o: u8, possibly_wrapped: bool) -> Result<(), Decline> {
        let Some(t) = self.env.typed_array_classes else { return Err(Decline::Unsupported("IsTypedArrayResult".into())) };
        let (clasp, is) = (self.t32, self.t32b);
        // Both arrays, back to back or not: a range each.
        self.class_in_range(o, t.fixed_length, runtime_abi::engines::TYPED_ARRAY_CLASS_COUNT);
        self.i(I::LocalGet(clasp)).i(I::I32Const(t.resizable as i32)).i(I::I32Sub);
        self.i(I::I32Const((runtime_abi::engines::TYPED_ARRAY_CLASS_COUNT * runtime_abi::engines::JSCLASS_SIZE) as i32)).i(I::I32LtU);
        self.i(I::I32Or).i(I::LocalSet(is));
        if possibly_wrapped {
            self.i(I::LocalGet(is)).i(I::I32Eqz);
            self.i(I::LocalGet(clasp)).i(I::I32Load(Self::mem(ic::CLASS_FLAGS, 2))).i(I::I32Const(ic::CLASS_IS_PROXY)).i(I::I32And).i(I::I32Const(0)).i(I::I32Ne);
            self.i(I::I32And);
            self.defer_to_generic_if("IsTypedArrayResult")?;
        }
        self.i(I::LocalGet(is));
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn guard_is_fixed_length_typed_array(&mut self, o: u8) -> Result<(), Decline> {
        let Some(t) = self.env.typed_array_classes else { return Err(Decline::Unsupported("GuardIsFixedLengthTypedArray".into())) };
        self.class_in_range(o, t.fixed_length, runtime_abi::engines::TYPED_ARRAY_CLASS_COUNT);
        self.i(I::I32Eqz);
        self.fail_if();
        Ok(())
    }

    fn typeof_object(&mut self, o: u8) -> Result<(), Decline> {
        let (Some(st), Some(functions)) = (self.env.static_strings, self.env.guard_classes.iter().find(|g| g.kind == ic::GUARD_CLASS_FUNCTION)) else {
            return Err(Decline::Unsupported("LoadTypeOfObjectResult".into()));
        };
        let [undefined, object, function] = st.facts.typeof_names;
        let (clasp, names) = (self.t32, self.t32b);
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::LocalTee(clasp));
        self.i(I::I32Load(Self::mem(ic::CLASS_FLAGS, 2))).i(I::I32Const(ic::CLASS_IS_PROXY)).i(I::I32And);
        self.fail_if();
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(runtime_abi::script::ctx::CX, 2)));
        self.i(I::I32Load(Self::mem(st.cx_runtime, 2))).i(I::I32Load(Self::mem(st.facts.runtime_common_names, 2))).i(I::LocalSet(names));
        // emulates undefined ? "undefined" : a function class ? "function" : "object". The
        // engine's interpreter asks only for the function classes here (a bound function, a
        // class with a call hook, is "object" in its IC, unlike `js::TypeOfObject`), and a
        // compiled stub answers as it does.
        self.i(I::LocalGet(names)).i(I::I32Load(Self::mem(undefined, 2)));
        self.i(I::LocalGet(names)).i(I::I32Load(Self::mem(function, 2)));
        self.i(I::LocalGet(names)).i(I::I32Load(Self::mem(object, 2)));
        self.class_is_one_of(clasp, functions.classes);
        self.i(I::Select);
        self.i(I::LocalGet(clasp)).i(I::I32Load(Self::mem(ic::CLASS_FLAGS, 2))).i(I::I32Const(ic::CLASS_EMULATES_UNDEFINED)).i(I::I32And);
        self.i(I::Select);
        self.box_i32(value::TYPE_STRING, self.result);
        Ok(())
    }

    /// `typeof o == type` (or `!=`) for an object, the `TypeofEqOperand` holding the `JSType`
    /// in its low bits and `NEQ_BIT`: "undefined" for a class that emulates undefined, else
    /// "function" for a callable class (a function class or a call hook), else "object", as
    /// `js::TypeOfObject` says. The engine's CacheIR interpreter fails this op on every hit; a
    /// proxy fails here too (its handler decides).
    fn typeof_eq_object(&mut self, o: u8, operand: u8) -> Result<(), Decline> {
        let Some(functions) = self.env.guard_classes.iter().find(|g| g.kind == ic::GUARD_CLASS_FUNCTION) else {
            return Err(Decline::Unsupported("LoadTypeOfEqObjectResult".into()));
        };
        let (clasp, ops) = (self.t32, self.t32b);
        let ty = i32::from(operand & ic::TYPEOF_EQ_TYPE_MASK);
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::LocalTee(clasp));
        self.i(I::I32Load(Self::mem(ic::CLASS_FLAGS, 2))).i(I::I32Const(ic::CLASS_IS_PROXY)).i(I::I32And);
        self.fail_if();
        // The object's JSType: undefined, function or object.
        self.i(I::I32Const(ic::JSTYPE_UNDEFINED));
        self.i(I::I32Const(ic::JSTYPE_FUNCTION)).i(I::I32Const(ic::JSTYPE_OBJECT));
        self.class_is_callable(clasp, ops, functions.classes);
        self.i(I::Select);
        self.i(I::LocalGet(clasp)).i(I::I32Load(Self::mem(ic::CLASS_FLAGS, 2))).i(I::I32Const(ic::CLASS_EMULATES_UNDEFINED)).i(I::I32And);
        self.i(I::Select);
        self.i(I::I32Const(ty));
        self.i(if operand & ic::TYPEOF_EQ_NEQ_BIT != 0 { I::I32Ne } else { I::I32Eq });
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// Pushes whether the class in local `clasp` is one of `classes`.
    fn class_is_one_of(&mut self, clasp: u32, classes: &[u32]) {
        self.i(I::I32Const(0));
        for &c in classes {
            self.i(I::LocalGet(clasp)).i(I::I32Const(c as i32)).i(I::I32Eq).i(I::I32Or);
        }
    }

    /// Pushes whether the (non-proxy) class in `clasp` is callable: a function class, or a
    /// class with a call hook. `scratch` is clobbered.
    fn class_is_callable(&mut self, clasp: u32, scratch: u32, function_classes: &[u32]) {
        self.class_is_one_of(clasp, function_classes);
        self.i(I::LocalGet(clasp)).i(I::I32Load(Self::mem(ic::CLASS_COPS, 2))).i(I::LocalTee(scratch));
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.i(I::LocalGet(scratch)).i(I::I32Load(Self::mem(ic::CLASS_OPS_CALL, 2))).i(I::I32Const(0)).i(I::I32Ne);
        self.i(I::Else);
        self.i(I::I32Const(0));
        self.i(I::End);
        self.i(I::I32Or);
    }

    fn is_constructor(&mut self, o: u8) -> Result<(), Decline> {
        let find = |kind| self.env.guard_classes.iter().find(|g| g.kind == kind);
        let (Some(functions), Some(bound)) = (find(ic::GUARD_CLASS_FUNCTION), find(ic::GUARD_CLASS_BOUND_FUNCTION)) else {
            return Err(Decline::Unsupported("IsConstructorResult".into()));
        };
        let (function_classes, bound_class) = (functions.classes, bound.classes[0]);
        let (clasp, ops) = (self.t32, self.t32b);
        self.base_shape(o);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::LocalTee(clasp));
        self.i(I::I32Load(Self::mem(ic::CLASS_FLAGS, 2))).i(I::I32Const(ic::CLASS_IS_PROXY)).i(I::I32And);
        self.fail_if();
        self.i(I::Block(BlockType::Result(ValType::I32)));
        self.class_is_one_of(clasp, function_classes);
        self.i(I::If(BlockType::Empty));
        self.lo(o);
        self.i(I::I32Load(Self::mem(fun_layout::FLAGS_AND_ARG_COUNT, 2))).i(I::I32Const(fun_layout::FLAG_CONSTRUCTOR as i32)).i(I::I32And);
        self.i(I::I32Const(0)).i(I::I32Ne).i(I::Br(1));
        self.i(I::End);
        self.i(I::LocalGet(clasp)).i(I::I32Const(bound_class as i32)).i(I::I32Eq);
        self.i(I::If(BlockType::Empty));
        self.lo(o);
        self.i(I::I32Load(Self::mem(runtime_abi::layout::bound_function::FLAGS_PAYLOAD, 2)));
        self.i(I::I32Const(runtime_abi::layout::bound_function::FLAG_IS_CONSTRUCTOR)).i(I::I32And).i(I::Br(1));
        self.i(I::End);
        self.i(I::LocalGet(clasp)).i(I::I32Load(Self::mem(ic::CLASS_COPS, 2))).i(I::LocalTee(ops));
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.i(I::LocalGet(ops)).i(I::I32Load(Self::mem(ic::CLASS_OPS_CONSTRUCT, 2))).i(I::I32Const(0)).i(I::I32Ne);
        self.i(I::Else);
        self.i(I::I32Const(0));
        self.i(I::End);
        self.i(I::End);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn is_callable(&mut self, v: u8) -> Result<(), Decline> {
        let Some(functions) = self.env.guard_classes.iter().find(|g| g.kind == ic::GUARD_CLASS_FUNCTION) else {
            return Err(Decline::Unsupported("IsCallableResult".into()));
        };
        let (clasp, ops) = (self.t32, self.t32b);
        self.hi(v);
        self.i(I::I32Const(tag(value::TYPE_OBJECT) as i32)).i(I::I32Eq);
        self.i(I::If(BlockType::Result(ValType::I32))); // the guard block is depth 1 in here
        self.base_shape(v);
        self.i(I::I32Load(Self::mem(ic::BASE_CLASP, 2))).i(I::LocalTee(clasp));
        self.i(I::I32Load(Self::mem(ic::CLASS_FLAGS, 2))).i(I::I32Const(ic::CLASS_IS_PROXY)).i(I::I32And).i(I::BrIf(1));
        self.class_is_callable(clasp, ops, functions.classes);
        self.i(I::Else);
        self.i(I::I32Const(0));
        self.i(I::End);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    /// SameValue of two numbers: identical bits once both are doubles (which tells 0 from -0),
    /// or both NaN.
    fn double_same_value(&mut self, a: u8, b: u8) -> Result<(), Decline> {
        let (x, y) = (self.tf, self.tf2);
        self.to_number(a);
        self.i(I::LocalSet(x));
        self.to_number(b);
        self.i(I::LocalSet(y));
        self.i(I::LocalGet(x)).i(I::I64ReinterpretF64).i(I::LocalGet(y)).i(I::I64ReinterpretF64).i(I::I64Eq);
        self.i(I::LocalGet(x)).i(I::LocalGet(x)).i(I::F64Ne);
        self.i(I::LocalGet(y)).i(I::LocalGet(y)).i(I::F64Ne).i(I::I32And).i(I::I32Or);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn load_value_tag(&mut self, v: u8, res: u8) -> Result<(), Decline> {
        let (src, dst) = (self.reg(v), self.reg(res));
        self.i(I::LocalGet(src)).i(I::I64Const(32)).i(I::I64ShrU).i(I::LocalSet(dst));
        Ok(())
    }

    /// Fails when the two tags are equal, or both are numbers (an int32 and a double may be
    /// equal).
    fn guard_tag_not_equal(&mut self, a: u8, b: u8) -> Result<(), Decline> {
        let (ra, rb) = (self.reg(a), self.reg(b));
        self.i(I::LocalGet(ra)).i(I::LocalGet(rb)).i(I::I64Eq);
        self.fail_if();
        let number = tag(value::TYPE_INT32) as i32;
        self.lo(a);
        self.i(I::I32Const(number)).i(I::I32LeU);
        self.lo(b);
        self.i(I::I32Const(number)).i(I::I32LeU).i(I::I32And);
        self.fail_if();
        Ok(())
    }

    fn double_step(&mut self, a: u8, by: f64) -> Result<(), Decline> {
        self.to_number(a);
        self.i(I::F64Const(wasm_encoder::Ieee64::from(by))).i(I::F64Add);
        self.set_double_result();
        Ok(())
    }

    fn string_truthy(&mut self, s: u8) -> Result<(), Decline> {
        self.lo(s);
        self.i(I::I32Load(Self::mem(ic::STRING_LENGTH, 2))).i(I::I32Const(0)).i(I::I32Ne);
        self.box_i32(value::TYPE_BOOLEAN, self.result);
        Ok(())
    }

    fn load_operand_result(&mut self, r: u8) -> Result<(), Decline> {
        let src = self.reg(r);
        let dst = self.result;
        self.i(I::LocalGet(src)).i(I::LocalSet(dst));
        Ok(())
    }

    fn load_boolean_constant(&mut self, b: u8, res: u8) -> Result<(), Decline> {
        let dst = self.reg(res);
        self.i(I::I64Const((tag_bits(value::TYPE_BOOLEAN) | (b != 0) as u64) as i64)).i(I::LocalSet(dst));
        Ok(())
    }

    /// `a >>> b`: an int32 when it fits (and a double is not forced), else a double.
    fn int32_urshift(&mut self, a: u8, b: u8, force_double: bool) -> Result<(), Decline> {
        let t = self.t32;
        self.lo(a);
        self.lo(b);
        self.i(I::I32ShrU).i(I::LocalSet(t));
        if force_double {
            self.i(I::LocalGet(t)).i(I::F64ConvertI32U);
            self.set_double_result();
            return Ok(());
        }
        self.i(I::LocalGet(t)).i(I::I32Const(0)).i(I::I32LtS);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(t)).i(I::F64ConvertI32U);
        self.set_double_result();
        self.i(I::Else);
        self.i(I::LocalGet(t));
        self.box_i32(value::TYPE_INT32, self.result);
        self.i(I::End);
        Ok(())
    }

    /// `GCPtr<Value>::set(obj + offset, &v)`: the engine's store with both barriers. The Value
    /// goes through a 16-byte slot carved from the shadow stack, as the engine passes it.
    fn store_fixed_slot(&mut self, o: u8, f: u8, rhs: u8) -> Result<(), Decline> {
        let Some(set) = self.env.gcptr_value_set else {
            return Err(Decline::Unsupported("StoreFixedSlot".into()));
        };
        let store = vc::BarrieredStore { set, sp_global: self.env.stack_pointer_global, t32: self.t32 };
        let (v, obj, off) = (self.reg(rhs), self.reg(o), self.field_offset(f));
        store.emit(&mut self.f, v, |f| {
            f.emit(&I::LocalGet(obj));
            f.emit(&I::I32WrapI64);
            f.emit(&I::LocalGet(P_STUB));
            f.emit(&I::I32Load(Self::mem(off, 2)));
            f.emit(&I::I32Add);
        });
        Ok(())
    }

    fn load_double_constant(&mut self, f: u8, res: u8) -> Result<(), Decline> {
        self.field_u64(f);
        let dst = self.reg(res);
        self.i(I::LocalSet(dst));
        Ok(())
    }
}
