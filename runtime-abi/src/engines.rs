//! The engine builds aotjs knows: where each comes from, how to recognise it, and its tables.
//!
//! An engine is recognised by the sha256 of its code section. Wizer copies the code section of
//! the engine into the snapshot unchanged, so the same digest identifies the bare engine and
//! every snapshot made from it. A module whose code section digest is not listed here is an
//! unknown engine and is refused.

/// Stable name of a known engine build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EngineId {
    /// `fastly-weval.wasm` from `@fastly/js-compute@3.46.0`: the AOT-protocol build.
    FastlyWeval,
    /// `fastly.wasm` from the same package: the plain interpreter build, no AOT protocol.
    Fastly,
}

/// Where an engine build comes from and how to check it.
#[derive(Debug)]
pub struct EngineSpec {
    pub id: EngineId,
    /// Name used on the command line (`--engine NAME`) and in the cache.
    pub name: &'static str,
    /// npm package and version that ships it.
    pub npm_package: &'static str,
    pub npm_version: &'static str,
    /// sha256 of the tarball `npm pack` downloads.
    pub tarball_sha256: &'static str,
    /// Path of the engine inside the tarball.
    pub path_in_tarball: &'static str,
    /// sha256 and size of the engine file itself.
    pub file_sha256: &'static str,
    pub file_size: u64,
    /// sha256 of the code section's payload: identical in the engine and in its snapshots.
    pub code_sha256: &'static str,
    /// Export run by Wizer at snapshot time.
    pub init_func: &'static str,
    /// Name that `_start` is renamed to in the snapshot.
    pub resume_func: &'static str,
    /// AOT-protocol facts, for builds that carry the protocol.
    pub aot: Option<&'static EngineFacts>,
    /// weval's IC cache for this engine in the same package (path, sha256), used only to
    /// give the weval baseline its normal setup in `aotjs bench`.
    pub weval_ic_cache: Option<(&'static str, &'static str)>,
}

/// Facts about an AOT-protocol build: where its tables live in the memory image.
///
/// Addresses are checked when a module is loaded (the first entries must name the expected
/// ops); a mismatch is reported as an unknown engine rather than used.
#[derive(Clone, Debug)]
pub struct EngineFacts {
    /// `js::CodeNameTable`: `char*` per JSOp.
    pub jsop_name_table: u32,
    /// `CodeSpecTable`: 8-byte `{u8 length, i8 nuses, i8 ndefs, u32 format}` per JSOp.
    pub jsop_spec_table: u32,
    pub jsop_count: u32,
    /// `CacheKindNames`: `char*` per CacheKind.
    pub cache_kind_name_table: u32,
    pub cache_kind_count: u32,
    /// CacheIR op names: `char*` per CacheOp.
    pub cacheop_name_table: u32,
    pub cacheop_count: u32,
    /// `CacheIROpInfos`: one byte per CacheOp, `argLength:7 | transpile << 7`.
    pub cacheop_info_table: u32,
    /// The built-in AOT IC corpus: `CacheIRAOTStub` array.
    pub ic_corpus: u32,
    pub ic_corpus_count: u32,
    /// Addresses behind `weval.pending.head` and `weval.is.wevaled` (also read from the exports).
    pub pending_head: u32,
    pub is_wevaled: u32,
    /// Table index of the JSOp interpreter template that script requests name.
    pub script_template: u32,
    /// Table index of the CacheIR interpreter template that IC requests name.
    pub ic_template: u32,
    /// Address of `ArrayObject::class_`, which `GuardClass(Array)` compares against.
    pub array_class: u32,
    /// Addresses of `MappedArgumentsObject::class_` and `UnmappedArgumentsObject::class_`, for
    /// `GuardClass(MappedArguments)` and `GuardClass(UnmappedArguments)` (OBS: the generic
    /// CacheIR interpreter's `GuardClass` compares kinds 8 and 9 with them; both are named
    /// "Arguments").
    pub arguments_classes: [u32; 2],
    /// The engine's table of `UnaryMathFunction` implementations: per enum value, the table
    /// index of an `(f64) -> f64` function (OBS: the generic CacheIR interpreter's
    /// `MathFunctionNumberResult` loads `u32[table + 4 * fun]` for `fun < 26` and calls it
    /// indirectly; the entries are table indices 3869-3894).
    pub unary_math_functions: u32,
    pub unary_math_function_count: u32,
    /// Addresses of `FunctionClass` and `ExtendedFunctionClass`: an object is a `JSFunction`
    /// exactly when its class is one of them (both JSClasses are named "Function"; the compiler
    /// checks that in the image before relying on them).
    pub function_classes: [u32; 2],
    /// `GuardClass` kinds (`GuardClassKind`) and the JSClasses each accepts, with the class
    /// name the image must show at each address (OBS: the generic CacheIR interpreter's
    /// `GuardClass` case dispatches on the kind through a `br_table` and compares the object's
    /// class with these addresses; `WindowProxy` is looked up at run time and is not listed).
    pub guard_classes: &'static [GuardClassFact],
    /// `JSRuntime::windowProxyClass_`'s offset in the runtime: the class `GuardClass`'s
    /// WindowProxy kind (`GUARD_CLASS_WINDOW_PROXY`) compares with (OBS func 7397's
    /// `GuardClass` loads `[[cx+108]+564]` for that kind; null when the embedding has none, so
    /// no object passes).
    pub runtime_window_proxy_class: u32,
    /// `DeadObjectProxy`'s handler (`GuardCompartment` fails for a global wrapper that is a
    /// dead proxy) and the `ArrayConstructor` native's table index
    /// (`IsCrossRealmArrayConstructorResult`), as OBS func 7397 compares them.
    pub dead_object_proxy_handler: u32,
    pub array_constructor_native: u32,
    /// `ObjectHasGetterSetterPure(cx, obj, id, GetterSetter*) -> bool`
    /// (`GuardHasGetterSetter`) and `IsTypedArrayConstructor(obj) -> bool`
    /// (`IsTypedArrayConstructorResult`), pure functions OBS func 7397 calls with no frame.
    pub object_pure_funcs: [u32; 2],
    /// Function index of `GCPtr<Value>::set(Value* slot, const Value* v)`: the store with
    /// pre- and post-barrier that the engine's own `StoreFixedSlot` calls.
    pub gcptr_value_set_func: u32,
    /// `GetNativeDataPropertyPure(cx, obj, PropertyName*, Value* vp) -> bool` and
    /// `GetNativeDataPropertyByValuePure(cx, obj, Value vp[2]) -> bool` (the id in `vp[0]`, the
    /// result in `vp[1]`): the megamorphic loads' lookups, which neither GC nor throw (OBS: the
    /// generic CacheIR interpreter's `MegamorphicLoadSlotResult` and
    /// `MegamorphicLoadSlotByValueResult` call them directly, after checking the shape is
    /// native, and fail the stub when they return false).
    pub native_data_property_funcs: [u32; 2],
    /// `HasNativeDataPropertyPure<true>` and `<false>(cx, obj, Value vp[2]) -> bool` (the id
    /// in `vp[0]`, the boolean result in `vp[1]`), for `MegamorphicHasPropResult` with and
    /// without `hasOwn` (OBS: its generic case picks them by that flag and fails on false).
    pub has_native_data_property_funcs: [u32; 2],
    /// `js::ecmaPow(f64, f64) -> f64` and `fmod(f64, f64) -> f64` (OBS: the generic CacheIR
    /// interpreter's `DoublePowResult` calls the first; `DoubleModResult` answers NaN for a zero
    /// divisor and calls the second otherwise).
    pub pow_fmod_funcs: [u32; 2],
    /// `NativeObject::growSlotsPure(cx, obj, newCapacity) -> bool`, which neither GCs nor
    /// throws (OBS: the generic CacheIR interpreter's `AllocateAndStoreDynamicSlot` calls it
    /// with the stub's slot count and fails the stub on false).
    pub grow_slots_pure_func: u32,
    /// String conversions stubs call, as the generic CacheIR interpreter does (OBS func 7397):
    /// `StringToNumberPure(cx, JSString*, double*) -> bool` (`GuardStringToNumber`, false
    /// fails the stub), `Int32ToStringPure(cx, int32) -> JSString*` (`CallInt32ToString`, null
    /// fails the stub) and `ConcatStrings<CanGC>(cx, HandleString, HandleString) -> JSString*`
    /// (`CallStringConcatResult`, behind an exit frame with both operands rooted in the
    /// `State`'s string cells; null is an error).
    pub string_to_number_pure_func: u32,
    pub int32_to_string_pure_func: u32,
    pub concat_strings_func: u32,
    /// `SubstringKernel(cx, HandleString, int32 begin, int32 length) -> JSString*`
    /// (`CallSubstringKernelResult`, behind the IC frame with the string rooted in the
    /// `State`'s first string cell; null is an error).
    pub substring_kernel_func: u32,
    /// `StringIndexOf`, `StringLastIndexOf`, `StringIncludes`, `StringStartsWith` and
    /// `StringEndsWith`, each `(cx, HandleString str, HandleString search, out*) -> bool`, the
    /// index an int32 and the others a bool at `out` (OBS func 7397: cacheops 168, 169, 167,
    /// 170, 171; behind the IC frame with both strings in the `State`'s string cells; false is
    /// an error).
    pub string_search_funcs: [u32; 5],
    /// `NumberParseInt(cx, HandleString (&str0), int32 radix, MutableHandleValue (&value0))
    /// -> bool` (`NumberParseIntResult`; OBS func 7397, cacheop 203: behind the IC frame, the
    /// cells cleared after; false is an error).
    pub number_parse_int_func: u32,
    /// String to string functions `(cx, HandleString (&str0)) -> JSString*`, in the order of
    /// `StringFuncs::unary`: `StringToLowerCase`, `StringToUpperCase`, `StringTrim`,
    /// `StringTrimStart`, `StringTrimEnd` (OBS func 7397, cacheops 172 to 176: behind the IC
    /// frame, the cell cleared after; null is an error).
    pub string_unary_funcs: [u32; 5],
    /// `NumberToString<CanGC>(cx, double) -> JSString*` (`CallNumberToString`; OBS func 7397,
    /// cacheop 227: behind the IC frame; null fails the stub).
    pub number_to_string_func: u32,
    /// `TypedArrayObject::length()` as the engine's interpreter calls it, `(Maybe<size_t>* out,
    /// obj) -> ()` (the length at out+0, is-some at the byte at out+4: none for a detached or
    /// out-of-bounds view), and the pure element read `(obj, index, Value* vp) -> bool` (false
    /// where a read would allocate): OBS func 7397's `LoadTypedArrayElementResult` calls both,
    /// with no exit frame, and fails the stub on none, an index not below the length, or false.
    pub typed_array_pure_funcs: [u32; 2],
    /// `SetTypedArrayElement(cx, Handle<TypedArrayObject*>, uint64 index, HandleValue,
    /// ObjectOpResult*) -> bool`, which OBS func 7397's `StoreTypedArrayElement` calls with
    /// handles on its own C stack and no exit frame (a number or BigInt Value neither GCs nor
    /// throws there); false, or a result other than ok (0), fails the stub.
    pub set_typed_array_element_func: u32,
    /// Megamorphic stores, VM calls behind the IC frame with their operands in the `State`
    /// cells (OBS func 7397): `SetPropertyMegamorphic(cx, &obj0, &id0, &value0, strict) ->
    /// bool` (`MegamorphicStoreSlot`) and `SetElementMegamorphic(cx, &obj0, &value0 (key),
    /// &value1 (value), strict) -> bool` (`MegamorphicSetElement`).
    pub set_property_megamorphic_func: u32,
    pub set_element_megamorphic_func: u32,
    /// `SetArrayLength(cx, HandleObject (&obj0), HandleValue (&value0), strict) -> bool`
    /// (`CallSetArrayLength`; OBS func 7397, cacheop 222: behind the IC frame, the cells
    /// cleared after; false is an error).
    pub set_array_length_func: u32,
    /// `CallNativeGetter(cx, HandleFunction (&fun0), HandleValue receiver (&value0),
    /// MutableHandleValue result (&value1)) -> bool` and `CallNativeSetter(cx, HandleFunction
    /// (&fun0), HandleObject receiver (&obj0), HandleValue rhs (&value1)) -> bool`
    /// (`CallNativeGetterResult`, `CallNativeSetter`; OBS func 7397, cacheops 288 and 218:
    /// behind the IC frame, the cells cleared after; false is an error).
    pub call_native_accessor_funcs: [u32; 2],
    /// `NewTypedArrayWithTemplateAndBuffer(cx, HandleObject template (&obj0), HandleObject
    /// buffer (&obj1), HandleValue byteOffset (&value0), HandleValue length (&value1)) ->
    /// JSObject*` (`NewTypedArrayFromArrayBufferResult`; OBS func 7397, cacheop 162: behind the
    /// IC frame, the cells cleared after; null is an error).
    pub new_typed_array_from_buffer_func: u32,
    /// `BoundFunctionObject::functionBindImpl(cx, HandleObject target (&obj0), Value* args,
    /// uint32 argc) -> BoundFunctionObject*` (`BindFunctionResult`) and
    /// `functionBindSpecializedBaseline(cx, &obj0, args, argc, Handle<BoundFunctionObject*>
    /// template) -> BoundFunctionObject*` (`SpecializedBindFunctionResult`). OBS func 7397,
    /// cacheops 241 and 242: behind the IC frame, the arguments copied below it (the first
    /// lowest), the cell cleared after; null is an error.
    pub bind_function_funcs: [u32; 2],
    /// `GetIterator(cx, HandleObject (&obj0)) -> JSObject*`, the `for-in` iterator of an object
    /// (`ObjectToIteratorResult`; OBS func 7397, cacheop 108: behind the IC frame, the cell
    /// cleared after; null is an error).
    pub object_to_iterator_func: u32,
    /// `AtomizeStringNoGC(cx, JSString*) -> JSAtom*`, pure: the atom of a string, null where
    /// it would have to allocate (`StringToAtom`; OBS func 7397, cacheop 65, which fails the
    /// stub on null).
    pub atomize_string_no_gc_func: u32,
    /// The BigInt functions and Value comparisons the engine runs for BigInt operations (see
    /// `ValueOpFacts`).
    pub value_ops: ValueOpFacts,
    /// `GetIndexFromString(JSString*) -> int32`, pure: the string's array index, or -1
    /// (`GuardStringToIndex` when the string has no cached index).
    pub get_index_from_string_func: u32,
    /// Regular expression helpers the generic CacheIR interpreter calls (OBS func 7397):
    /// `RegExpPrototypeOptimizableRaw(cx, proto) -> bool` and
    /// `RegExpInstanceOptimizableRaw(cx, regexp, proto) -> bool`, both pure, and
    /// `JSContext::regExpSearcherLastLimit` (`RegExpSearcherLastLimitResult` reads it).
    pub regexp_prototype_optimizable_func: u32,
    pub regexp_instance_optimizable_func: u32,
    pub cx_regexp_searcher_last_limit: u32,
    /// Allocation from an IC stub's template, as the generic CacheIR interpreter makes it
    /// (OBS func 7397, behind its IC frame; null is an error):
    /// `NewPlainObjectBaselineFallback(cx, Handle<SharedShape*>, AllocKind, AllocSite*) ->
    /// JSObject*` (`NewPlainObjectResult`) and `NewArrayObjectBaselineFallback(cx, length,
    /// AllocSite*) -> ArrayObject*` (`NewArrayObjectResult`), and
    /// `ArrayConstructorOneArg(cx, Handle<ArrayObject*> template, int32 length) -> ArrayObject*`
    /// (`NewArrayFromLengthResult`: `new Array(n)`, a RangeError for a negative length).
    pub new_plain_object_func: u32,
    pub new_array_object_func: u32,
    pub new_array_from_length_func: u32,
    /// The typed array classes: `fixed_length` and `resizable` each start an array of
    /// `TYPED_ARRAY_CLASS_COUNT` JSClasses (Int8Array first; OBS: the generic CacheIR
    /// interpreter's `IsTypedArrayResult` tests `fixed_length <= clasp < resizable + 288`).
    pub typed_array_classes: TypedArrayClassFacts,
    /// Address of the DOM proxy handler family the embedding registered (a static pointer;
    /// OBS: `GuardIsNotDOMProxy` compares a handler's family with the word here).
    pub dom_proxy_handler_family_addr: u32,
    /// Single-character strings, as the generic CacheIR interpreter finds them (OBS func 7397,
    /// `StringFromCharCodeResult` and `LoadStringCharResult`).
    pub static_strings: StaticStringFacts,
    /// CacheIR ops the engine's own CacheIR interpreter does not implement: it fails a stub at
    /// such an op on every hit (the hit goes on to the next stub and in the end to the
    /// fallback). A body the stub library declines for one of them costs nothing the engine
    /// did not already pay. OBS: these cases of the generic CacheIR interpreter's `br_table`
    /// (func 7397) land at its default, which calls the next stub.
    pub ic_interpreter_unimplemented_ops: &'static [&'static str],
    /// Global holding the C shadow-stack pointer (grows down).
    pub stack_pointer_global: u32,
    /// Table index of the generic CacheIR interpreter that stubs without compiled code run.
    pub generic_ic_table_index: u32,
    /// Functions and offsets compiled scripts call and touch (see `script`).
    pub script: crate::script::ScriptFacts,
}

/// The engine's BigInt operations, Value comparisons and `Map` lookups, as its interpreter runs
/// them when such an IC hit reaches
/// the fallback (its CacheIR interpreter implements none of the BigInt ops, so they cannot be
/// read off its cases). OBS: located by counting the entries of every function of a snapshot
/// (a counter added to each) while a program ran each operation a different prime number of
/// times, then confirmed by signature and call graph: `AddValues` (5970) calls 6842, which
/// calls `BigInt::add` (6825); the Value functions 6842..6856 follow the order of
/// `BigInt.cpp` (`addValue` ... `bitNotValue`); `LessThan` (5982) is entered once per `<` of
/// any operand types, `LooselyEqual` (7044) once per `==`/`!=`, `StrictlyEqual` (7046) once
/// per `===`, and `LooselyEqual` calls `BigInt::equal` (6860).
#[derive(Clone, Copy, Debug)]
pub struct ValueOpFacts {
    /// `BigInt::addValue`, `subValue`, `mulValue`, `divValue`, `modValue`, `powValue`,
    /// `bitAndValue`, `bitOrValue`, `bitXorValue`, `lshValue`, `rshValue`: `(cx, HandleValue,
    /// HandleValue, MutableHandleValue) -> bool` (false is an error: a RangeError for a zero
    /// divisor, a negative exponent or a result too large).
    pub binary_value_funcs: [u32; 11],
    /// `BigInt::negValue`, `incValue`, `decValue`, `bitNotValue`: `(cx, HandleValue,
    /// MutableHandleValue) -> bool`.
    pub unary_value_funcs: [u32; 4],
    /// `BigInt::asIntN` and `asUintN`: `(cx, Handle<BigInt*>, uint64 bits) -> BigInt*`.
    pub as_n_funcs: [u32; 2],
    /// `BigInt::equal(BigInt*, BigInt*) -> bool`, pure.
    pub equal_func: u32,
    /// `LooselyEqual`, `StrictlyEqual` `(cx, HandleValue, HandleValue, bool*) -> bool` and
    /// `LessThan`, `LessThanOrEqual` `(cx, MutableHandleValue, MutableHandleValue, bool*) ->
    /// bool`: the interpreter's comparisons of any two Values.
    pub value_compare_funcs: [u32; 4],
    /// `MapObject::has(cx, HandleObject, HandleValue, bool*) -> bool` and `MapObject::get(cx,
    /// HandleObject, HandleValue, MutableHandleValue) -> bool` (OBS: located the same way;
    /// the natives `Map.prototype.has` (6322) and `get` (6319) call them, and both hash the
    /// key (7247) and look it up (6302)).
    pub map_funcs: [u32; 2],
    /// `Proxy::get(cx, HandleObject proxy, HandleValue receiver, HandleId, MutableHandleValue)
    /// -> bool` (OBS: entered once per get of a proxy's property, named or computed, as is the
    /// scripted handler's `get` (6631), which it reaches through the handler's vtable;
    /// `Proxy::has` (6601) and `Proxy::set` (6603) lie on either side).
    pub proxy_get_func: u32,
    /// `Proxy::set(cx, HandleObject proxy, HandleId, HandleValue v, HandleValue receiver,
    /// ObjectOpResult&) -> bool` (OBS: entered once per set of a proxy's property; the next
    /// function after `Proxy::get`).
    pub proxy_set_func: u32,
    /// `SameValue(cx, const Value&, const Value&, bool*) -> bool` (OBS: entered once per
    /// `Object.is` from its native (6489); it calls `SameValueZero` (7048), which calls
    /// `BigInt::equal`).
    pub same_value_func: u32,
    /// The `JSNative`s (`(cx, argc, vp) -> bool`) of `Set.prototype.has`, of the `size`
    /// getters of `Set` and `Map`, of `Reflect.getPrototypeOf` and of `Array.prototype.slice`
    /// (OBS: entered once per `set.has(k)`, `set.size`, `map.size`, `Reflect.getPrototypeOf(o)`,
    /// and `slice` of an array or of an arguments object; `Set.prototype.has`
    /// checks its receiver (6029) and runs its `has_impl` (6362), which hashes the key (7247)
    /// and looks it up (6302) as `MapObject::has` does).
    pub engine_natives: [u32; 5],
}

#[derive(Clone, Copy, Debug)]
pub struct TypedArrayClassFacts {
    pub fixed_length: u32,
    pub resizable: u32,
    /// The element size of each `Scalar::Type` (an int32 array in the image), and the mask of
    /// the types a typed array class can have (OBS fastly func 7397's
    /// `TypedArrayByteLength*Result`: the class's index in its array, checked against 15 and
    /// against the mask 0x6FFF, then the size at 2056464 + 4 * index).
    pub element_sizes: u32,
    pub valid_types_mask: u32,
}

/// Typed array classes per kind (Int8 ... Float16) and `sizeof(JSClass)` on wasm32.
pub const TYPED_ARRAY_CLASS_COUNT: u32 = 12;
pub const JSCLASS_SIZE: u32 = 24;

/// Where the runtime keeps its static strings and the empty string, and the engine's
/// `StringFromCharCode(cx, int32 code) -> JSLinearString*` (can GC; null is an error).
#[derive(Clone, Copy, Debug)]
pub struct StaticStringFacts {
    /// `JSRuntime::staticStrings_` (a `StaticStrings*`), from `cx->runtime_`.
    pub runtime_static_strings: u32,
    /// `StaticStrings::unitStaticTable`: 256 `JSAtom*`, one per Latin-1 code unit.
    pub unit_table: u32,
    /// `JSRuntime::commonNames` (a `JSAtomState*`) and its `empty` atom.
    pub runtime_common_names: u32,
    pub empty_name: u32,
    /// The `undefined`, `object` and `function` atoms in `JSAtomState` (OBS: the generic
    /// CacheIR interpreter's `LoadTypeOfObjectResult`).
    pub typeof_names: [u32; 3],
    /// The `false` and `true` atoms in `JSAtomState` (OBS: `BooleanToString` there).
    pub boolean_names: [u32; 2],
    pub string_from_char_code_func: u32,
}

/// One `GuardClass` kind: the classes an object may have to pass.
#[derive(Clone, Copy, Debug)]
pub struct GuardClassFact {
    pub kind: u8,
    pub name: &'static str,
    pub classes: &'static [u32],
}

const fn guard_class(kind: u8, name: &'static str, classes: &'static [u32]) -> GuardClassFact {
    GuardClassFact { kind, name, classes }
}

/// Every engine build aotjs knows. The first is the default.
pub static ENGINES: &[EngineSpec] = &[
    EngineSpec {
        id: EngineId::FastlyWeval,
        name: "fastly-weval",
        npm_package: "@fastly/js-compute",
        npm_version: "3.46.0",
        tarball_sha256: "85ebd932817706c5ebf83a67ea7f0c99a2c284c724d481c047bf48f9f80b12a1",
        path_in_tarball: "package/fastly-weval.wasm",
        file_sha256: "0297abe4103ee6ebbc248966b987b1a6592e51c39bac1ee128b60873fa01a8b1",
        file_size: 10_540_479,
        code_sha256: "645109a90b662dcd44dc2ca2e8bf41707fdbc9cd667029e3bab219a8a6faffb2",
        init_func: "wizer.initialize",
        resume_func: "wizer.resume",
        aot: Some(&FASTLY_WEVAL_FACTS),
        weval_ic_cache: Some((
            "package/fastly-ics.wevalcache",
            "4bd6943458aa2c3cf5a01947aa0474667e703cf6e3c0a508c3f0e3223682a6df",
        )),
    },
    EngineSpec {
        id: EngineId::Fastly,
        name: "fastly",
        npm_package: "@fastly/js-compute",
        npm_version: "3.46.0",
        tarball_sha256: "85ebd932817706c5ebf83a67ea7f0c99a2c284c724d481c047bf48f9f80b12a1",
        path_in_tarball: "package/fastly.wasm",
        file_sha256: "be733ac3508e17ca5799a26d72807e718e7492303b76379e9756f9540d14b6e6",
        file_size: 10_017_914,
        code_sha256: "bab591c3ad47cfa0122a6d99f8d3d9d5801cd157d786d791cd9e5b2cab849590",
        init_func: "wizer.initialize",
        resume_func: "wizer.resume",
        aot: None,
        weval_ic_cache: None,
    },
];

/// The CacheIR ops fastly-weval 3.46.0's CacheIR interpreter does not implement (136 of 404).
static FASTLY_WEVAL_IC_UNIMPLEMENTED: &[&str] = &[
    "AddSlotAndCallAddPropHook", "ArgumentsSliceResult", "ArrayFromArgumentsObjectResult",
    "AssertRecoveredOnBailoutResult", "AtomicsAddResult", "AtomicsAndResult",
    "AtomicsCompareExchangeResult", "AtomicsExchangeResult", "AtomicsIsLockFreeResult",
    "AtomicsLoadResult", "AtomicsOrResult", "AtomicsStoreResult", "AtomicsSubResult",
    "AtomicsXorResult", "Bailout", "BigIntAddResult", "BigIntAsIntNResult", "BigIntAsUintNResult",
    "BigIntBitAndResult", "BigIntBitOrResult", "BigIntBitXorResult", "BigIntDecResult",
    "BigIntDivResult", "BigIntIncResult", "BigIntLeftShiftResult", "BigIntModResult",
    "BigIntMulResult", "BigIntNegationResult", "BigIntNotResult", "BigIntPowResult",
    "BigIntRightShiftResult", "BigIntSubResult", "Breakpoint", "CallAddOrUpdateSparseElementHelper",
    "CallClassHook", "CallDOMFunction", "CallDOMGetterResult", "CallDOMSetter",
    "CallInlinedFunction", "CallInlinedGetterResult", "CallInlinedSetter",
    "CallIsSuspendedGeneratorResult", "CallNativeGetElementResult",
    "CallNativeGetElementSuperResult", "CallObjectHasSparseElementResult", "CallPrintString",
    "CallScriptedProxyGetByValueResult", "CallScriptedProxyGetResult",
    "CallStringObjectConcatResult", "CallWasmFunction", "CloseIterScriptedResult",
    "CompareBigIntInt32Result", "CompareBigIntNumberResult", "CompareBigIntResult",
    "CompareBigIntStringResult", "CompareDoubleSameValueResult", "DoubleDecResult",
    "DoubleIncResult", "DoubleNegationResult", "DoubleToUint8Clamped", "FrameIsConstructingResult",
    "GetNextMapSetEntryForIteratorResult", "GrowableSharedArrayBufferByteLengthDoubleResult",
    "GrowableSharedArrayBufferByteLengthInt32Result", "GuardBoundFunctionIsConstructor",
    "GuardDOMExpandoMissingOrGuardShape", "GuardEitherClass", "GuardHasAttachedArrayBuffer",
    "GuardIndexIsValidUpdateOrAdd", "GuardIsResizableTypedArray", "GuardMultipleShapes",
    "GuardResizableArrayBufferViewInBounds", "GuardResizableArrayBufferViewInBoundsOrDetached",
    "GuardToUint8Clamped", "GuardWasmArg", "GuardXrayExpandoShapeAndDefaultProto",
    "GuardXrayNoExpando", "Int32DecResult", "Int32NegationResult",
    "LoadArgumentsObjectArgExistsResult", "LoadArgumentsObjectArgHoleResult",
    "LoadBigIntTruthyResult", "LoadDOMExpandoValue", "LoadDOMExpandoValueGuardGeneration",
    "LoadDOMExpandoValueIgnoreGeneration", "LoadDataViewValueResult", "LoadFunctionLengthResult",
    "LoadFunctionNameResult", "LoadScriptedProxyHandler", "LoadTypeOfEqObjectResult",
    "LoadValueTruthyResult", "MapGetBigIntResult", "MapGetNonGCThingResult", "MapGetObjectResult",
    "MapGetResult", "MapGetStringResult", "MapGetSymbolResult", "MapHasBigIntResult",
    "MapHasNonGCThingResult", "MapHasObjectResult", "MapHasResult", "MapHasStringResult",
    "MapHasSymbolResult", "MapSizeResult", "MegamorphicLoadSlotByValuePermissiveResult",
    "MegamorphicLoadSlotPermissiveResult", "NewArrayIteratorResult", "NewStringObjectResult",
    "ProxyGetByValueResult", "ProxyGetResult", "ProxyHasPropResult", "ProxySet", "ProxySetByValue",
    "ReflectGetPrototypeOfResult", "ResizableDataViewByteLengthDoubleResult",
    "ResizableDataViewByteLengthInt32Result", "ResizableTypedArrayByteLengthDoubleResult",
    "ResizableTypedArrayByteLengthInt32Result",
    "ResizableTypedArrayByteOffsetMaybeOutOfBoundsDoubleResult",
    "ResizableTypedArrayByteOffsetMaybeOutOfBoundsInt32Result",
    "ResizableTypedArrayLengthDoubleResult", "ResizableTypedArrayLengthInt32Result",
    "SameValueResult", "SetHasBigIntResult", "SetHasNonGCThingResult", "SetHasObjectResult",
    "SetHasResult", "SetHasStringResult", "SetHasSymbolResult", "SetSizeResult",
    "SmallObjectVariableKeyHasOwnResult", "StoreDataViewValueResult",
    "StoreFixedSlotUndefinedResult", "ToRelativeStringIndex", "ValueToIteratorResult", "WrapResult",
];

/// Facts of `fastly-weval.wasm` (engine-protocol.md §3.3, §3.5, §6, §8.2).
pub static FASTLY_WEVAL_FACTS: EngineFacts = EngineFacts {
    jsop_name_table: 0x258AB0,
    jsop_spec_table: 0x1F57B0,
    jsop_count: 236,
    cache_kind_name_table: 0x269650,
    cache_kind_count: 27,
    cacheop_name_table: 0x2696C0,
    cacheop_count: 404,
    cacheop_info_table: 0x204640,
    ic_corpus: 0x269D10,
    ic_corpus_count: 2367,
    pending_head: 0x2866A0,
    is_wevaled: 0x2866A4,
    script_template: 4610,
    ic_template: 4609,
    array_class: 0x256878,
    arguments_classes: [0x258388, 0x2583A0],
    unary_math_functions: 0x2567B0,
    unary_math_function_count: 26,
    function_classes: [0x25D2E0, 0x25D340],
    guard_classes: &[
        guard_class(0, "Array", &[0x256878]),
        guard_class(1, "Object", &[0x257BC8]),
        guard_class(2, "ArrayBuffer", &[0x2584A0]),
        guard_class(3, "ArrayBuffer", &[0x2584C0]),
        guard_class(4, "SharedArrayBuffer", &[0x25F240]),
        guard_class(5, "SharedArrayBuffer", &[0x25F258]),
        guard_class(6, "DataView", &[0x256AB8]),
        guard_class(7, "DataView", &[0x256AD0]),
        guard_class(8, "Arguments", &[0x258388]),
        guard_class(9, "Arguments", &[0x2583A0]),
        guard_class(11, "Function", &[0x25D2E0, 0x25D340]),
        guard_class(12, "BoundFunctionObject", &[0x258A98]),
        guard_class(13, "Set", &[0x257880]),
        guard_class(14, "Map", &[0x257610]),
    ],
    runtime_window_proxy_class: 564,
    dead_object_proxy_handler: 2458120,
    array_constructor_native: 3899,
    object_pure_funcs: [11554, 8610],
    gcptr_value_set_func: 5954,
    native_data_property_funcs: [11552, 11553],
    has_native_data_property_funcs: [11522, 11524],
    pow_fmod_funcs: [5839, 13393],
    grow_slots_pure_func: 7836,
    ic_interpreter_unimplemented_ops: FASTLY_WEVAL_IC_UNIMPLEMENTED,
    string_to_number_pure_func: 9387,
    int32_to_string_pure_func: 9362,
    concat_strings_func: 8402,
    substring_kernel_func: 8811,
    string_search_funcs: [8827, 8828, 8825, 8831, 8833],
    number_parse_int_func: 9358,
    string_unary_funcs: [8813, 8816, 8834, 8836, 8837],
    number_to_string_func: 9376,
    typed_array_pure_funcs: [6754, 8609],
    set_typed_array_element_func: 8615,
    get_index_from_string_func: 11534,
    atomize_string_no_gc_func: 11556,
    value_ops: ValueOpFacts {
        binary_value_funcs: [6842, 6843, 6844, 6845, 6846, 6847, 6853, 6855, 6854, 6851, 6852],
        unary_value_funcs: [6848, 6849, 6850, 6856],
        as_n_funcs: [6841, 6840],
        equal_func: 6860,
        value_compare_funcs: [7044, 7046, 5982, 5983],
        map_funcs: [6323, 6320],
        proxy_get_func: 6602,
        proxy_set_func: 6603,
        same_value_func: 7047,
        engine_natives: [6361, 6358, 6316, 7757, 6058],
    },
    set_property_megamorphic_func: 11527,
    set_element_megamorphic_func: 11525,
    set_array_length_func: 11530,
    call_native_accessor_funcs: [11550, 11551],
    new_typed_array_from_buffer_func: 8525,
    bind_function_funcs: [6875, 6877],
    object_to_iterator_func: 7226,
    regexp_prototype_optimizable_func: 7350,
    regexp_instance_optimizable_func: 7352,
    cx_regexp_searcher_last_limit: 180,
    new_plain_object_func: 5988,
    new_array_object_func: 5989,
    new_array_from_length_func: 6070,
    typed_array_classes: TypedArrayClassFacts { fixed_length: 0x25FAF0, resizable: 0x25FC10, element_sizes: 2056464, valid_types_mask: 0x6FFF },
    dom_proxy_handler_family_addr: 2647924,
    static_strings: StaticStringFacts {
        runtime_static_strings: 6860,
        unit_table: 16384,
        runtime_common_names: 6864,
        empty_name: 548,
        typeof_names: [2416, 2420, 2424],
        boolean_names: [640, 2140],
        string_from_char_code_func: 8846,
    },
    stack_pointer_global: 0,
    generic_ic_table_index: 4607,
    script: crate::script::FASTLY_WEVAL_SCRIPT_FACTS,
};

impl EngineSpec {
    /// The default engine: the Fastly AOT-protocol build.
    pub fn default_engine() -> &'static EngineSpec {
        &ENGINES[0]
    }

    pub fn by_name(name: &str) -> Option<&'static EngineSpec> {
        ENGINES.iter().find(|e| e.name == name)
    }

    pub fn by_code_sha256(digest: &str) -> Option<&'static EngineSpec> {
        ENGINES.iter().find(|e| e.code_sha256 == digest)
    }

    pub fn names() -> Vec<&'static str> {
        ENGINES.iter().map(|e| e.name).collect()
    }

    /// File name of the engine in the cache.
    pub fn file_name(&self) -> String {
        format!("{}-{}.wasm", self.name, self.npm_version)
    }

    /// File name of its weval IC cache in the cache.
    pub fn weval_ic_cache_file_name(&self) -> String {
        format!("{}-{}.wevalcache", self.name, self.npm_version)
    }
}
