//! What a compiled script calls and touches: the engine's interpreter entry protocol on wasm32.
//!
//! A compiled script replaces `PortableBaselineInterpret<Specialized>` for one JSScript and
//! keeps its contract (bytecodealliance/gecko-dev @62cb0e8b `PortableBaselineInterpret.cpp`):
//! thirteen i32 parameters, a `PBIResult` back, the same `BaselineFrame` on the auxiliary
//! stack, and errors handed to the engine's restart entry, which runs exception handling and
//! finishes the frame generically. Function indices are this build's own (read off its
//! template's calls and checked by signature when a module is loaded).

/// Parameters of the interpreter entry, in order.
pub mod param {
    pub const CX: u32 = 0;
    pub const STATE: u32 = 1;
    pub const STACK: u32 = 2;
    pub const SP: u32 = 3;
    pub const ENV_CHAIN: u32 = 4;
    pub const RET: u32 = 5;
    pub const PC_BASE: u32 = 6;
    pub const PC_OFFSET: u32 = 7;
    pub const ISD: u32 = 8;
    pub const COUNT: u32 = 13;
}

/// `PBIResult` codes.
pub const RESULT_OK: i32 = 0;
pub const RESULT_ERROR: i32 = 1;
pub const RESULT_UNWIND: i32 = 2;
pub const RESULT_UNWIND_ERROR: i32 = 3;
pub const RESULT_UNWIND_RET: i32 = 4;

/// `ResumeFromException` on wasm32, what `HandleException` fills in (OBS: the restart
/// entry's error label reads `kind` at +12 and, for a `finally`, the exception at +24 and its
/// stack at +32, then copies `framePointer`/`stackPointer` to the stack's unwinding fields).
pub mod rfe {
    pub const FRAME_POINTER: u32 = 0;
    pub const STACK_POINTER: u32 = 4;
    pub const KIND: u32 = 12;
    pub const EXCEPTION: u32 = 24;
    pub const EXCEPTION_STACK: u32 = 32;
    /// Bytes to reserve (8-aligned) on the shadow stack.
    pub const SIZE: u32 = 48;
    /// `ExceptionResumeKind`.
    pub const KIND_ENTRY_FRAME: i32 = 0;
    pub const KIND_CATCH: i32 = 1;
    pub const KIND_FINALLY: i32 = 2;
    pub const KIND_FORCED_RETURN_BASELINE: i32 = 3;
}

/// `MagicValue(JS_ION_ERROR)`: the return value an entry frame gets when an exception leaves it.
pub const MAGIC_ION_ERROR: u64 = 0xFFFF_FF85_0000_0007;

/// `TryNoteKind` values whose handler is code of the frame: `catch` and `finally`.
pub const TRY_NOTE_CATCH: u32 = 0;
pub const TRY_NOTE_FINALLY: u32 = 1;

/// `Stack` (what the `stack` parameter points at): `{fp, base, top, unwindingSP, unwindingFP}`.
pub const STACK_FP: u32 = 0;
pub const STACK_BASE: u32 = 4;
pub const STACK_UNWINDING_SP: u32 = 12;
pub const STACK_UNWINDING_FP: u32 = 16;
/// `kStackMargin`: what the interpreter keeps free below a frame for exit frames.
pub const STACK_MARGIN: u32 = 1024;

/// The frame above `BaselineFrame`: saved FP at +48, then a null return address, the frame
/// descriptor and the callee token; `this` at +64 and argument i at +72 + 8i.
pub const FRAME_CALLEE_TOKEN: u32 = 60;
/// The frame descriptor; the actual argument count is `descriptor >> FRAME_DESCRIPTOR_ARGC_SHIFT`.
pub const FRAME_DESCRIPTOR: u32 = 56;
pub const FRAME_DESCRIPTOR_ARGC_SHIFT: u32 = 5;
/// `CalleeToken` tag of a function called as a constructor.
pub const CALLEE_TOKEN_CONSTRUCTING: u32 = 1;
/// `BaseScript::function_`, and `JSFunction`'s formal argument count (u16).
pub const SCRIPT_FUNCTION: u32 = 8;
pub const FUNCTION_NARGS: u32 = 18;
pub const FRAME_THIS: u32 = 64;
/// `BaselineFrame::argsObj_`: the frame's ArgumentsObject, once `JSOp::Arguments` made it.
pub const FRAME_ARGS_OBJ: u32 = 20;
/// `ArgumentsObject`: fixed slot 1 (`DATA_SLOT`) holds the `ArgumentsData*` (low word), whose
/// argument Values start at `ARGUMENTS_DATA_ARGS`.
pub const ARGUMENTS_DATA_SLOT: u32 = 24;
pub const ARGUMENTS_DATA_ARGS: u32 = 16;
/// `PropertyIteratorObject`: fixed slot 0 holds its `NativeIterator*` (low word; undefined
/// when there is none), whose cursor and end bound the property names (`JSLinearString*`s)
/// left to visit.
pub const PROPERTY_ITERATOR_NATIVE: u32 = 16;
pub const NATIVE_ITERATOR_CURSOR: u32 = 20;
pub const NATIVE_ITERATOR_END: u32 = 24;
/// `JSFunction` extended slot `METHOD_HOMEOBJECT_SLOT` (a method's home object).
pub const FUNCTION_HOME_OBJECT: u32 = 48;
/// `GlobalLexicalEnvironmentObject` fixed slot `THIS_VALUE_OR_SCOPE_SLOT`: the global `this`.
pub const GLOBAL_LEXICAL_THIS: u32 = 24;
pub const STATE_OBJ1: u32 = 100;
pub const STATE_ATOM0: u32 = 196;
/// `State::str0` and `str1`, the `Rooted<JSString*>` cells a string VM call's operands are kept
/// in (OBS fastly func 7397's `CallStringConcatResult`).
pub const STATE_STR0: u32 = 124;
pub const STATE_STR1: u32 = 136;
/// `JS::SymbolCode::PrivateNameSymbol`.
pub const SYMBOL_CODE_PRIVATE_NAME: i32 = -3;
pub const FRAME_ARGS: u32 = 72;
/// `CalleeToken` tag bits: 2 marks a script (no function).
pub const CALLEE_TOKEN_MASK: u32 = 3;
pub const CALLEE_TOKEN_SCRIPT_BIT: u32 = 2;
/// `BaselineFrame` flags.
pub const FRAME_FLAG_HAS_RVAL: u32 = 1;
pub const FRAME_FLAG_RUNNING_IN_INTERPRETER: u32 = 2;
/// `JitScript` -> its `ICScript`.
pub const JIT_SCRIPT_IC_SCRIPT: u32 = 56;
/// `BaseScript::warmUpData_` and its tag bits (0: a `JitScript`).
pub const SCRIPT_WARM_UP_DATA: u32 = 4;
pub const WARM_UP_DATA_TAG_MASK: u32 = 3;
/// `BaseScript::data_` (PrivateScriptData*); its GC things start at +8.
pub const SCRIPT_DATA: u32 = 48;
pub const PRIVATE_DATA_GCTHINGS: u32 = 8;
/// `JS::GCCellPtr` kind bits.
pub const GCCELLPTR_MASK: u32 = 7;
/// `ImmutableScriptFlags` bits this compiler reads (`BaseScript::immutableFlags_`).
pub const FLAG_STRICT: u32 = 1 << 8;
pub const FLAG_IS_ASYNC: u32 = 1 << 14;
pub const FLAG_IS_GENERATOR: u32 = 1 << 15;
pub const FLAG_NEEDS_FUNCTION_ENV_OBJECTS: u32 = 1 << 23;
/// `JSFunction` fixed slot 1: the environment of an interpreted function (a Value).
pub const FUNCTION_ENVIRONMENT: u32 = 24;

/// `EnvironmentObject`: the shape's `immutableFlags` word holds the fixed slot count.
pub const SHAPE_IMMUTABLE_FLAGS: u32 = 4;
pub const SHAPE_FIXED_SLOTS_SHIFT: u32 = 6;
pub const SHAPE_FIXED_SLOTS_MASK: u32 = 31;
pub const OBJECT_FIXED_SLOTS: u32 = 16;
pub const OBJECT_SLOTS: u32 = 8;

/// Exit frame, as `VMFrame` pushes it: descriptor (BaselineJS), null return address, the
/// previous FP, then `ExitFrameType::Bare`.
pub const EXIT_DESCRIPTOR: u32 = 1;
/// `FrameType::BaselineJS`: the low bits of a frame descriptor whose caller is a baseline
/// (here: compiled or interpreted) frame; `EXIT_DESCRIPTOR` is this type with no arguments.
pub const FRAME_TYPE_BASELINE_JS: u32 = 1;
/// `FrameType::BaselineStub`: a frame descriptor whose caller is an IC stub's frame (a Call IC
/// pushes its callee's frame so).
pub const FRAME_TYPE_BASELINE_STUB: u32 = 2;
/// `ExitFrameType::ConstructNative`: [`EXIT_FRAME_CALL_NATIVE`] for a constructing call
/// (`new.target` above the arguments).
pub const EXIT_FRAME_CONSTRUCT_NATIVE: u32 = 1;
pub const EXIT_FRAME_BARE: u32 = 12;
/// `ExitFrameType::CallNative`: the footer of a native call's exit frame, whose layout above
/// the frame pointer is `NativeExitFrameLayout`: caller FP, null return address, descriptor,
/// `argc` (+12), then `vp` (+16: callee, this, the arguments; the result lands in `vp[0]`).
/// OBS fastly func 7397: the Call IC's native path stores `flags >> 5` (0 unless constructing)
/// as the footer, `argc` at `vp - 4` and the descriptor at `vp - 8`.
pub const EXIT_FRAME_CALL_NATIVE: u32 = 0;
pub const NATIVE_EXIT_ARGC: u32 = 12;
pub const NATIVE_EXIT_VP: u32 = 16;

/// `State` (the `state` parameter): the Rooted cells whose pointers C++ helpers take as handles.
pub const STATE_OBJ0: u32 = 88;
pub const STATE_FUN0: u32 = 208;
pub const STATE_RES: u32 = 72;
pub const STATE_VALUE0: u32 = 8;
pub const STATE_VALUE1: u32 = 24;
pub const STATE_NAME0: u32 = 172;
/// `State::id0`, a `Rooted<jsid>`, and the void id the engine leaves in it after a call
/// (OBS fastly func 7397's `MegamorphicStoreSlot`).
pub const STATE_ID0: u32 = 184;
pub const JSID_VOID: i32 = 2;
pub const STATE_SCOPE0: u32 = 220;
/// `AbstractFramePtr` tag of a `BaselineFrame*`.
pub const ABSTRACT_FRAME_BASELINE_TAG: u32 = 1;

/// `ICCtx` fields the interpreter initialises (research notes ic-abi §1.3).
pub mod ctx {
    pub const SIZE: u32 = 336;
    pub const STATE: u32 = 0;
    pub const STACK: u32 = 4;
    pub const CX: u32 = 8;
    pub const MGR_FRAME: u32 = 12;
    pub const EXTRA_ARGS: u32 = 272;
    pub const ENV_CHAIN: u32 = 280;
    pub const ISD: u32 = 284;
    pub const RET: u32 = 288;
    pub const ENTRY_FRAME: u32 = 292;
    pub const ENTRY_PC: u32 = 296;
    pub const FRAME: u32 = 300;
    pub const SPBASE: u32 = 304;
    pub const SPOFFSET: u32 = 308;
    pub const PCBASE: u32 = 312;
    pub const ERROR: u32 = 316;
    pub const ARG2: u32 = 320;
}

/// Engine functions and `JSContext` offsets a compiled script uses, per build.
#[derive(Clone, Debug)]
pub struct ScriptFacts {
    /// `PortableBaselineInterpret<false, true>`: the restart entry (13 × i32 → i32).
    pub restart_func: u32,
    /// `PortableBaselineInterpret<false, false>`: the generic entry
    /// `(cx, state, stack, sp, envChain, ret, pc, isd) -> PBIResult`.
    pub generic_func: u32,
    /// `CalleeTokenToScript`-like: `(calleeToken) -> JSScript*`.
    pub callee_token_script_func: u32,
    /// `BaselineFrame::setInterpreterFieldsForPrologue(frame, script)`.
    pub set_interpreter_fields_func: u32,
    /// `js::InitFunctionEnvironmentObjects(cx, AbstractFramePtr) -> bool`.
    pub init_function_env_func: u32,
    /// `js::Lambda(cx, HandleFunction, HandleObject) -> JSObject*`.
    pub lambda_func: u32,
    /// `js::GetFunctionThis(cx, AbstractFramePtr, MutableHandleValue) -> bool`.
    pub function_this_func: u32,
    /// `js::DelPropOperation<false>` / `<true>`: `(cx, HandleValue, Handle<PropertyName*>, bool*) -> bool`.
    pub del_prop_func: u32,
    pub strict_del_prop_func: u32,
    /// `js::DelElemOperation<false>` / `<true>`: `(cx, HandleValue obj, HandleValue key, bool*) -> bool`.
    pub del_elem_func: u32,
    pub strict_del_elem_func: u32,
    /// `jit::NewArgumentsObject(cx, BaselineFrame*, MutableHandleValue) -> bool`.
    pub new_arguments_object_func: u32,
    /// `ArgumentsObject::setArg(this, index, const Value&)` (barriered).
    pub arguments_set_arg_func: u32,
    /// Helpers of ops that call one engine function behind an exit frame, by the op's
    /// arguments (read off the JSOp template, engine-protocol.md §3.5):
    /// `SetFunctionName(cx, HandleFunction, HandleValue name, FunctionPrefixKind) -> bool`.
    pub set_fun_name_func: u32,
    /// `CheckClassHeritageOperation(cx, HandleValue) -> bool`.
    pub check_class_heritage_func: u32,
    /// `MutatePrototype(cx, Handle<PlainObject*>, HandleValue) -> bool`.
    pub mutate_proto_func: u32,
    /// `DeleteNameOperation(cx, Handle<PropertyName*>, HandleObject env, MutableHandleValue) -> bool`.
    pub delete_name_func: u32,
    /// `InitPropGetterSetterOperation(cx, pc, HandleObject, Handle<PropertyName*>, HandleObject) -> bool`.
    pub init_prop_accessor_func: u32,
    /// `InitElemGetterSetterOperation(cx, pc, HandleObject, HandleValue id, HandleObject) -> bool`.
    pub init_elem_accessor_func: u32,
    /// `ToStringSlow<CanGC>(cx, HandleValue) -> JSString*`.
    pub to_string_func: u32,
    /// `js::jit::CreateThisFromIC(cx, HandleObject callee, HandleObject newTarget,
    /// MutableHandleValue rval) -> bool`: `this` of a constructing call (an object, or the
    /// uninitialized-lexical magic for a derived class constructor). OBS fastly func 7397's
    /// `CallScriptedFunction` calls it with `&state.obj0` (callee), `&state.obj1` (new.target)
    /// and `&state.value0` (set to undefined first); its body stores `JS_IS_CONSTRUCTING` in
    /// `rval`, tests the derived-constructor flag, else allocates.
    pub create_this_from_ic_func: u32,
    /// `js::ReportOverRecursed(cx)`: what the Call IC reports when the callee's frame would
    /// not fit on the auxiliary stack (OBS fastly func 7397 calls it there).
    pub report_over_recursed_func: u32,
    /// `js::jit::HandleException(ResumeFromException*)`, behind an exit frame.
    pub handle_exception_func: u32,
    /// `GetAndClearException(cx, MutableHandleValue) -> bool`.
    pub get_and_clear_exception_func: u32,
    /// `JSContext::getPendingExceptionStack(cx, MutableHandleValue) -> bool`.
    pub get_pending_exception_stack_func: u32,
    /// `ThrowOperation(cx, HandleValue) -> bool` (always false: the exception is pending).
    pub throw_func: u32,
    /// `ThrowWithStackOperation(cx, HandleValue, HandleValue stack) -> bool` (always false).
    pub throw_with_stack_func: u32,
    /// `BaselineFrame::freshenLexicalEnvironment(frame, cx) -> bool` (not a debuggee).
    pub freshen_lexical_env_func: u32,
    /// `BuiltinObjectOperation(cx, BuiltinObjectKind) -> JSObject*`.
    pub builtin_object_func: u32,
    /// `JSFunction::setExtendedSlot(fun, which, const Value&)` (barriered).
    pub set_extended_slot_func: u32,
    /// `ObjectWithProtoOperation(cx, HandleValue proto) -> JSObject*`.
    pub obj_with_proto_func: u32,
    /// `FunWithProtoOperation(cx, HandleFunction, HandleObject env, HandleObject proto) -> JSObject*`.
    pub fun_with_proto_func: u32,
    /// `BaselineFrame::recreateLexicalEnvironment(frame, cx) -> bool` (not a debuggee).
    pub recreate_lexical_env_func: u32,
    /// Like `push_lexical_env_func`, for a `ClassBodyScope`.
    pub push_class_body_env_func: u32,
    /// `JS::Symbol::new_(cx, SymbolCode, Handle<JSAtom*> description) -> Symbol*`, which
    /// `NewPrivateName` calls with `SymbolCode::PrivateNameSymbol`.
    pub new_symbol_func: u32,
    /// `js::CloseIterator(JSObject*)`, as `EndIter` calls it.
    pub close_iterator_func: u32,
    /// `JSScript::getRegExp(script, pc) -> RegExpObject*`.
    pub regexp_at_pc_func: u32,
    /// `js::CloneRegExpObject(cx, Handle<RegExpObject*>) -> JSObject*`.
    pub clone_regexp_func: u32,
    /// `JSRuntime::wellKnownSymbols` (a pointer to the table of `JS::Symbol*`), from `cx_runtime`.
    pub runtime_well_known_symbols: u32,
    /// `NativeObject::ensureDenseInitializedLength(obj, len)`, as `InitElemArray` calls it.
    pub ensure_dense_initialized_len_func: u32,
    /// `NativeObject::initDenseElement(obj, index, const Value*)` (with post-barrier).
    pub init_dense_element_func: u32,
    /// `js::jit::PushLexicalEnv`-like: `(cx, Handle<LexicalScope*>, AbstractFramePtr) -> env*`.
    pub push_lexical_env_func: u32,
    /// `JSContext::nativeStackLimit` (checked against the shadow stack pointer).
    pub cx_stack_limit: u32,
    /// `cx->realm_`, `realm->global`, global data slot, and `GlobalObjectData::lexicalEnvironment`.
    pub cx_realm: u32,
    pub realm_global: u32,
    pub global_data: u32,
    pub global_data_lexical_env: u32,
    /// `cx->activation_` and `JitActivation::packedExitFP_`.
    pub cx_activation: u32,
    pub activation_exit_fp: u32,
    /// `cx->runtime_`; the runtime holds `portableBaselineStack()` (its `top` at `pb_stack_top`).
    pub cx_runtime: u32,
    pub pb_stack_top: u32,
}

/// fastly-weval 3.46.0: indices read off the JSOp template (func 7413) and its restart call.
pub const FASTLY_WEVAL_SCRIPT_FACTS: ScriptFacts = ScriptFacts {
    restart_func: 7408,
    generic_func: 7398,
    callee_token_script_func: 11787,
    set_interpreter_fields_func: 11257,
    init_function_env_func: 7041,
    lambda_func: 5961,
    function_this_func: 5900,
    del_prop_func: 5939,
    strict_del_prop_func: 5938,
    del_elem_func: 5941,
    strict_del_elem_func: 5940,
    new_arguments_object_func: 11542,
    arguments_set_arg_func: 7074,
    close_iterator_func: 7242,
    set_fun_name_func: 7503,
    check_class_heritage_func: 5921,
    mutate_proto_func: 11528,
    delete_name_func: 5937,
    init_prop_accessor_func: 5962,
    init_elem_accessor_func: 5955,
    to_string_func: 8448,
    create_this_from_ic_func: 11532,
    report_over_recursed_func: 7419,
    handle_exception_func: 11803,
    get_and_clear_exception_func: 5957,
    get_pending_exception_stack_func: 7446,
    throw_func: 5963,
    throw_with_stack_func: 5964,
    freshen_lexical_env_func: 7405,
    builtin_object_func: 6878,
    set_extended_slot_func: 7400,
    obj_with_proto_func: 5922,
    fun_with_proto_func: 7498,
    recreate_lexical_env_func: 7404,
    push_class_body_env_func: 7010,
    new_symbol_func: 8499,
    push_lexical_env_func: 7007,
    ensure_dense_initialized_len_func: 6050,
    regexp_at_pc_func: 6887,
    clone_regexp_func: 8046,
    runtime_well_known_symbols: 6868,
    init_dense_element_func: 6051,
    cx_stack_limit: 100,
    cx_realm: 88,
    realm_global: 64,
    global_data: 56,
    global_data_lexical_env: 920,
    cx_activation: 132,
    activation_exit_fp: 60,
    cx_runtime: 108,
    pb_stack_top: 56,
};
