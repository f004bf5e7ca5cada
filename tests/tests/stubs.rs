//! One test per compiled CacheIR op family: a program in `tests/stubs/` that exercises the
//! family runs interpreted and compiled with identical, expected output, and coverage shows
//! that compiled stubs containing the family's ops both served hits and failed guards (the
//! failure path hands over to the next stub at run time, on the real engine).

use aotjs_tests::{run_aotjs, scratch, text, workspace_root};

/// (op, the stub's guard-failure path must be taken too)
type Expect = &'static [(&'static str, bool)];

fn check_family(name: &str, expect: Expect) {
    let js = workspace_root().join("tests/stubs").join(format!("{name}.js"));
    let expected = std::fs::read_to_string(js.with_extension("out")).unwrap();
    let dir = scratch(&format!("stubs-{name}"));
    let snap = dir.join("p.snap.wasm");
    let aot = dir.join("p.aot.wasm");
    assert!(run_aotjs([&"snapshot".into(), &js, &"-o".into(), &snap]).status.success());
    let interp = run_aotjs([&"run".into(), &snap]);
    assert_eq!(text(&interp.stdout), expected, "{name}: interpreted output; stderr {}", text(&interp.stderr));
    let out = run_aotjs([&"compile".into(), &snap, &"-o".into(), &aot]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let compiled = run_aotjs([&"run".into(), &aot]);
    assert_eq!(text(&compiled.stdout), expected, "{name}: compiled output; stderr {}", text(&compiled.stderr));

    let cov = run_aotjs([&"coverage".into(), &"--json".into(), &snap]);
    assert!(cov.status.success(), "coverage of {name}: {}", text(&cov.stderr));
    let v: serde_json::Value = serde_json::from_slice(&cov.stdout).unwrap();
    let p = &v["programs"][0];
    assert!(p["compiled"].as_i64().unwrap() > 0, "{name}: no IC hit ran in a compiled stub");
    let stubs = p["stubs"].as_array().unwrap();
    for (op, must_fail) in expect {
        let with_op = || stubs.iter().filter(|s| s["body"].as_str().unwrap().split_whitespace().any(|o| o == *op));
        let served: i64 = with_op().map(|s| s["served"].as_i64().unwrap()).sum();
        let failed: i64 = with_op().map(|s| s["failed"].as_i64().unwrap()).sum();
        assert!(served > 0, "{name}: no compiled stub with {op} served a hit");
        if *must_fail {
            assert!(failed > 0, "{name}: no compiled stub with {op} failed a guard");
        }
    }
}

#[test]
fn stubs_object_shapes_and_slot_loads() {
    check_family("shape_slots", &[("GuardShape", true), ("LoadFixedSlotResult", true), ("LoadDynamicSlotResult", false), ("LoadObject", false)]);
}

#[test]
fn stubs_fixed_slot_stores() {
    check_family("slot_stores", &[("StoreFixedSlot", true)]);
}

#[test]
fn stubs_int32_arithmetic_and_compare() {
    check_family("int32_math", &[("Int32AddResult", false), ("Int32MulResult", true), ("CompareInt32Result", false), ("Int32BitXorResult", false)]);
}

#[test]
fn stubs_double_arithmetic_and_compare() {
    check_family("double_math", &[("DoubleAddResult", true), ("DoubleMulResult", false), ("CompareDoubleResult", true)]);
}

#[test]
fn stubs_dense_arrays_and_length() {
    check_family("arrays", &[("LoadDenseElementResult", true), ("LoadInt32ArrayLengthResult", true), ("GuardToInt32Index", false)]);
}

#[test]
fn stubs_string_length() {
    check_family("strings", &[("LoadStringLengthResult", true), ("GuardToString", true), ("LinearizeForCharAccess", false)]);
}

#[test]
fn stubs_truthiness_and_type_guards() {
    check_family("truthiness", &[("LoadDoubleTruthyResult", true), ("GuardIsNumber", true)]);
}

#[test]
fn stubs_math_builtins_int32_division_and_global_lexicals() {
    check_family(
        "math_builtins",
        &[
            ("MathFloorToInt32Result", true),
            ("MathRoundToInt32Result", true),
            ("MathCeilToInt32Result", true),
            ("MathAbsInt32Result", true),
            ("MathSqrtNumberResult", false),
            ("NumberMinMax", false),
            ("Int32MinMax", false),
            ("Int32ModResult", true),
            ("MathImulResult", false),
            ("GuardGlobalGeneration", false),
        ],
    );
}

#[test]
fn stubs_typed_arrays_and_dense_element_stores() {
    check_family(
        "typed_arrays",
        &[
            ("LoadTypedArrayElementResult", true),
            ("StoreTypedArrayElement", true),
            ("LoadArrayBufferViewLengthInt32Result", true),
            ("GuardToUint8Clamped", false),
            ("StoreDenseElement", false),
        ],
    );
}

#[test]
fn stubs_property_adds_slot_stores_null_compares_truthiness_and_instanceof() {
    check_family(
        "object_stores",
        &[
            ("AddAndStoreFixedSlot", true),
            ("AddAndStoreDynamicSlot", false),
            ("StoreDynamicSlot", false),
            ("CompareNullUndefinedResult", false),
            ("LoadInstanceOfObjectResult", false),
        ],
    );
}

#[test]
fn stubs_array_push_pop_and_appends() {
    check_family(
        "array_growth",
        &[
            ("ArrayPush", false),
            ("PackedArrayPopResult", false),
            ("StoreDenseElementHole", false),
            // Self-hosted iteration and Array methods.
            ("IsObjectResult", false),
            ("GuardAnyClass", false),
            ("StoreFixedSlotUndefinedResult", false),
        ],
    );
}

#[test]
fn stubs_arguments_objects() {
    check_family("arguments", &[("LoadArgumentsObjectLengthResult", true), ("LoadArgumentsObjectArgResult", true), ("GuardClass", true)]);
}

#[test]
fn stubs_math_functions_call_the_engines_implementation() {
    check_family("math_functions", &[("MathFunctionNumberResult", true)]);
}

#[test]
fn stubs_string_comparisons_by_code_units() {
    check_family("string_compare", &[("CompareStringResult", true)]);
}

#[test]
fn stubs_megamorphic_loads_use_the_engines_pure_lookup() {
    check_family("megamorphic", &[("MegamorphicLoadSlotResult", true), ("MegamorphicLoadSlotByValueResult", true), ("MegamorphicLoadSlotPermissiveResult", false)]);
}

#[test]
fn stubs_membership_and_array_tests() {
    check_family(
        "membership",
        &[("MegamorphicHasPropResult", false), ("LoadDenseElementHoleExistsResult", true), ("IsArrayResult", false)],
    );
}

#[test]
fn stubs_double_pow_and_mod_call_the_engines_functions() {
    check_family("pow_mod", &[("DoubleModResult", true), ("DoublePowResult", true)]);
}

#[test]
fn stubs_call_scripted_and_native_functions_through_the_engines_protocol() {
    check_family("calls", &[("CallScriptedFunction", true), ("CallNativeFunction", false)]);
}

#[test]
fn stubs_call_scripted_getters() {
    check_family("accessors", &[("CallScriptedGetterResult", false)]);
}

#[test]
fn stubs_property_adds_grow_dynamic_slots_with_the_engines_pure_function() {
    check_family("slot_growth", &[("AllocateAndStoreDynamicSlot", true)]);
}

/// `CallInt32ToString` serves the interpreter's hits; string concatenation and string-to-number
/// conversions are reached from compiled scripts' IC calls (the interpreter handles those
/// operands itself), so this program's compiled run checks them differentially.
#[test]
fn stubs_string_conversions_and_concatenation() {
    check_family("string_runtime", &[("CallInt32ToString", false)]);
}

#[test]
fn stubs_dataview_loads_and_stores_in_both_byte_orders() {
    check_family("dataview", &[("LoadDataViewValueResult", true), ("StoreDataViewValueResult", true)]);
}

/// Strict equality of values with different tags compares tag words (`LoadValueTag`,
/// `GuardTagNotEqual`); numeric strings enter int32 arithmetic through `GuardStringToInt32`,
/// whose non-int32 strings ("2.5", "-0", "abc") fail it.
#[test]
fn stubs_tag_equality_and_int32_strings() {
    check_family("equality_conversions", &[("GuardTagNotEqual", true), ("GuardStringToInt32", true)]);
}

/// Object and array literals and `new Array(n)` allocate in compiled stubs through the
/// engine's own functions behind the IC frame, across many minor GCs; a negative length
/// throws through the stub's error path.
#[test]
fn stubs_object_and_array_allocation() {
    check_family("allocation", &[("NewPlainObjectResult", false), ("NewArrayObjectResult", false), ("NewArrayFromLengthResult", false), ("GuardNoAllocationMetadataBuilder", false)]);
}

/// `s[i]` and `s.charAt(i)` give static strings of Latin-1 code units (a two-byte code unit
/// hands the hit to the generic interpreter, a rope fails the guard); `String.fromCharCode`
/// allocates above 255.
#[test]
fn stubs_string_characters() {
    check_family("string_chars", &[("LoadStringCharResult", true), ("StringFromCharCodeResult", false)]);
}

/// Self-hosted built-ins test their callbacks with `IsCallableResult`; `typeof` of an object
/// loads the engine's own type name atom, and proxies fail the stub.
#[test]
fn stubs_is_callable_and_typeof_objects() {
    check_family("callable", &[("IsCallableResult", false), ("LoadTypeOfObjectResult", true)]);
}

/// Self-hosted String and RegExp code: `CallSubstringKernelResult` allocates behind the IC
/// frame with its string rooted; the RegExp optimizability checks and the searcher's last
/// limit are the engine's own.
#[test]
fn stubs_regexp_and_substring_builtins() {
    check_family(
        "regexp_builtins",
        &[
            ("CallSubstringKernelResult", false),
            ("RegExpInstanceOptimizableResult", false),
            ("RegExpPrototypeOptimizableResult", false),
            ("RegExpSearcherLastLimitResult", false),
        ],
    );
}

/// String keys that are array indices (`GuardStringToIndex`: cached in the string, else the
/// engine's pure lookup; "x" and "01" fail), `Math.clz32`, RegExp flag getters, a radix
/// guard, and the typed array class tests of self-hosted code.
#[test]
fn stubs_index_strings_flags_and_class_tests() {
    check_family(
        "misc_guards",
        &[
            ("GuardStringToIndex", true),
            ("MathClz32Result", false),
            ("RegExpFlagResult", false),
            ("GuardSpecificInt32", false),
            ("IsTypedArrayResult", false),
            ("GuardIsFixedLengthTypedArray", false),
        ],
    );
}

/// Stores at sites that see many shapes: `MegamorphicStoreSlot` and `MegamorphicSetElement`
/// call the engine's own set behind the IC frame (setters run, strict-mode TypeErrors on a
/// frozen object come back through the stub's error path).
#[test]
fn stubs_megamorphic_stores() {
    check_family("megamorphic_stores", &[("MegamorphicStoreSlot", false), ("MegamorphicSetElement", false)]);
}

/// `indexOf`, `lastIndexOf`, `includes`, `startsWith` and `endsWith` call the engine's string
/// search behind the IC frame, on flat and rope strings, across minor GCs; a call site that
/// alternates methods fails the stubs' callee guards.
#[test]
fn stubs_string_searches() {
    check_family(
        "string_search",
        &[
            ("StringIndexOfResult", true),
            ("StringLastIndexOfResult", true),
            ("StringIncludesResult", true),
            ("StringStartsWithResult", true),
            ("StringEndsWithResult", true),
        ],
    );
}

/// `IsConstructorResult` answers for functions, bound functions and classes with a construct
/// hook as the engine does; a proxy fails the stub.
#[test]
fn stubs_is_constructor() {
    check_family("constructors", &[("IsConstructorResult", true)]);
}

/// `array.length = n` calls the engine's `SetArrayLength` behind the IC frame; its errors (a
/// frozen array in strict code, an invalid length) throw through the stub's error path.
#[test]
fn stubs_array_length_stores() {
    check_family("array_length_stores", &[("CallSetArrayLength", true)]);
}

/// `parseInt(str, radix)` calls the engine's `NumberParseInt` behind the IC frame; a number
/// argument fails the stub.
#[test]
fn stubs_parse_int() {
    check_family("parse_int", &[("NumberParseIntResult", true)]);
}

/// Native getters and setters run from stubs through the engine's `CallNativeGetter` and
/// `CallNativeSetter` behind the IC frame; a getter's TypeError throws through the stub's
/// error path, and receivers of other shapes fail the shape guards.
#[test]
fn stubs_native_accessors() {
    check_family("native_accessors", &[("CallNativeGetterResult", true), ("CallNativeSetter", true)]);
}

/// Element reads and stores of views on resizable buffers and of BigInt arrays take the
/// engine's own typed array length, pure element read and element store, failing where it
/// fails (no length, past the end, a read that would allocate).
#[test]
fn stubs_resizable_and_bigint_typed_array_accesses() {
    check_family("typed_arrays_resizable", &[("LoadTypedArrayElementResult", true), ("StoreTypedArrayElement", true)]);
}

/// `new XArray(buffer, offset, length)` allocates through the engine's function behind the IC
/// frame; a bad offset throws through the stub's error path, and a site constructing several
/// kinds fails the stubs' callee guards.
#[test]
fn stubs_typed_array_views_on_buffers() {
    check_family("typed_array_views", &[("NewTypedArrayFromArrayBufferResult", true)]);
}

/// `Math.fround`, `Math.sign` and `String(bool)` compile to the engine's own answers (NaN, -0,
/// the "true"/"false" atoms); an int32 stub's guard fails when a double arrives.
#[test]
fn stubs_small_builtins() {
    check_family(
        "small_builtins",
        &[("MathFRoundNumberResult", false), ("MathSignNumberResult", false), ("MathSignInt32Result", true), ("BooleanToString", false)],
    );
}

/// Byte lengths and offsets of views and buffers and `index in typedArray` read what the
/// engine's interpreter reads (a resizable view's length from the engine); plain objects fail
/// the stubs' guards.
#[test]
fn stubs_buffer_and_view_lengths() {
    check_family(
        "buffer_lengths",
        &[
            ("ArrayBufferViewByteOffsetInt32Result", true),
            ("LoadArrayBufferByteLengthInt32Result", true),
            ("TypedArrayByteLengthInt32Result", true),
            ("LoadTypedArrayElementExistsResult", true),
        ],
    );
}

/// Self-hosted species lookups ask `IsCrossRealmArrayConstructorResult`, answered in the
/// current realm as the engine's interpreter answers it.
#[test]
fn stubs_species_checks() {
    check_family("species", &[("IsCrossRealmArrayConstructorResult", false)]);
}

/// Bound functions: calls push the bound `this` and arguments (inline and from the array)
/// below the caller's; `bind` makes them through the engine's functions behind the IC frame;
/// other bound counts and targets fail the guards.
#[test]
fn stubs_bound_functions() {
    check_family(
        "bound_functions",
        &[
            ("CallBoundScriptedFunction", true),
            ("LoadBoundFunctionNumArgs", true),
            ("LoadBoundFunctionTarget", true),
            ("BindFunctionResult", false),
            ("SpecializedBindFunctionResult", true),
        ],
    );
}

/// `f.call`, `f.apply` (arguments object, array, none) and spread calls, to scripted and
/// native callees: the arguments taken from where each format keeps them; the generic stubs
/// of sites with many callees (no `IsSameRealm`) call those of the current realm.
#[test]
fn stubs_call_and_apply_formats() {
    check_family(
        "call_formats",
        &[
            ("CallScriptedFunction", true),
            ("CallNativeFunction", true),
            ("GuardArgumentsObjectFlags", false),
            ("GuardArrayIsPacked", false),
            ("GuardIsNullOrUndefined", false),
            ("GuardFunctionHasJitEntry", false),
        ],
    );
}

/// toLowerCase, toUpperCase and the trims through the engine's string functions behind the IC
/// frame; a String object fails the string guard.
#[test]
fn stubs_string_case_and_trim() {
    check_family(
        "string_case_trim",
        &[
            ("StringToLowerCaseResult", true),
            ("StringToUpperCaseResult", true),
            ("StringTrimResult", true),
            ("StringTrimStartResult", true),
            ("StringTrimEndResult", true),
        ],
    );
}

/// `String(number)` through the engine's NumberToString behind the IC frame, the string then
/// returned; a string at the site fails the number guard.
#[test]
fn stubs_number_to_string() {
    check_family("number_to_string", &[("CallNumberToString", true)]);
}

/// `typeof object == "name"` (all four operators) answered by the stub, which the engine's
/// CacheIR interpreter fails on every hit; proxies fail the class guard.
#[test]
fn stubs_typeof_eq_objects() {
    check_family("typeof_eq", &[("LoadTypeOfEqObjectResult", true)]);
}

/// Keys made at run time pass a stub keyed on an atom with the same code units (Latin-1 and
/// two-byte) and fail it otherwise.
#[test]
fn stubs_computed_keys() {
    check_family("computed_keys", &[("GuardSpecificAtom", true)]);
}

/// `for-in` iterators through the engine's GetIterator behind the IC frame; a primitive fails
/// the object guard.
#[test]
fn stubs_for_in_iterators() {
    check_family("for_in", &[("ObjectToIteratorResult", true)]);
}

/// Class call and construct hooks (bound natives, bound constructors with `new`, callable
/// proxies) called as natives are; objects of another class fail the class guard and a bound
/// non-constructor fails the constructor guard. Spread `new` runs in the same program.
#[test]
fn stubs_class_hooks() {
    check_family("class_hooks", &[("CallClassHook", true), ("GuardBoundFunctionIsConstructor", false)]);
}

/// BigInt arithmetic, shifts, bitwise and unary ops, asIntN/asUintN through the engine's
/// BigInt functions; comparisons with BigInts, int32s, doubles and strings through its Value
/// comparisons; truth inline. Numbers at the same sites fail the BigInt guards, and a zero
/// divisor throws through the stub.
#[test]
fn stubs_bigint() {
    check_family(
        "bigint",
        &[
            ("BigIntAddResult", false),
            ("BigIntSubResult", false),
            ("BigIntMulResult", false),
            ("BigIntDivResult", false),
            ("BigIntModResult", false),
            ("BigIntPowResult", false),
            ("BigIntBitAndResult", false),
            ("BigIntBitOrResult", false),
            ("BigIntBitXorResult", false),
            ("BigIntLeftShiftResult", false),
            ("BigIntRightShiftResult", false),
            ("BigIntNegationResult", false),
            ("BigIntNotResult", false),
            ("BigIntIncResult", false),
            ("BigIntDecResult", false),
            ("BigIntAsIntNResult", false),
            ("BigIntAsUintNResult", false),
            ("CompareBigIntResult", true),
            ("CompareBigIntInt32Result", true),
            ("CompareBigIntNumberResult", true),
            ("CompareBigIntStringResult", true),
            ("LoadBigIntTruthyResult", false),
            ("GuardToBigInt", true),
        ],
    );
}

/// Keys made at run time atomized in the stub and looked up on a small object; other shapes
/// fail the shape guard.
#[test]
fn stubs_atom_keys() {
    check_family("atom_keys", &[("StringToAtom", true), ("SmallObjectVariableKeyHasOwnResult", true)]);
}

/// `Map` has/get by keys of every type through the engine's MapObject functions; a subclass
/// instance fails the shape guard.
#[test]
fn stubs_map_lookups() {
    check_family(
        "maps",
        &[
            ("MapHasResult", false),
            ("MapGetResult", false),
            ("MapHasNonGCThingResult", true),
            ("MapGetNonGCThingResult", true),
            ("MapHasStringResult", false),
            ("MapGetStringResult", false),
            ("MapHasSymbolResult", false),
            ("MapGetSymbolResult", false),
            ("MapHasBigIntResult", false),
            ("MapGetBigIntResult", false),
        ],
    );
}

/// Property gets on proxies through the engine's `Proxy::get` (traps run, and throw through
/// the stub); a plain object fails the proxy guard and other keys the atom guard.
#[test]
fn stubs_proxy_gets() {
    check_family("proxies", &[("ProxyGetResult", true), ("GuardIsProxy", true)]);
}

/// `Object.is` of mixed Values through the engine's SameValue behind the IC frame.
#[test]
fn stubs_object_is() {
    check_family("object_is", &[("SameValueResult", false)]);
}

/// `Set` has by keys of every type and the `size` of Sets and Maps through the engine's own
/// natives, called as a native call from a stub is made; a subclass instance and a Set at the
/// Map site fail the shape guard.
#[test]
fn stubs_set_lookups_and_sizes() {
    check_family(
        "sets",
        &[
            ("SetHasResult", false),
            ("SetHasNonGCThingResult", true),
            ("SetHasStringResult", false),
            ("SetHasSymbolResult", false),
            ("SetHasBigIntResult", false),
            ("SetSizeResult", true),
            ("MapSizeResult", true),
        ],
    );
}

/// Property sets on proxies in sloppy code through the engine's `Proxy::set` (refusals
/// ignored, traps that throw unwind through the stub); in strict code the stub fails, and so
/// does a plain object at the site.
#[test]
fn stubs_proxy_sets() {
    check_family("proxy_sets", &[("ProxySet", true)]);
}

/// `Reflect.getPrototypeOf` through the engine's own native, proxies' traps included; a
/// primitive fails the object guard.
#[test]
fn stubs_reflect_get_prototype_of() {
    check_family("reflect_proto", &[("ReflectGetPrototypeOfResult", true)]);
}

/// `slice` of packed arrays and arguments objects through the engine's own
/// `Array.prototype.slice`; a bound that is no int32 fails the int32 guard.
#[test]
fn stubs_array_and_arguments_slices() {
    check_family("slices", &[("ArgumentsSliceResult", false), ("PackedArraySliceResult", true)]);
}
