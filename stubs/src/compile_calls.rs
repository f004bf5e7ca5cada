//! Calls in stubs: `CallScriptedFunction` and `CallNativeFunction`, as the engine's CacheIR
//! interpreter makes them (its `CallScriptedFunction` case, shared by both ops).
//!
//! The op is the last before `ReturnFromIC`, and everything that can fail the stub comes
//! first: the callee has a script with bytecode and a JitScript (scripted), is a constructor
//! (constructing). Then, past the point of no return:
//!
//! ```text
//!   caller's operand stack (ctx.sp()):   [new.target] args... this [callee, native]
//!   IC frame below it:    descriptor (BaselineJS), null return address, caller FP  <- exit FP
//!                         footer: ExitFrameType::Bare while `this` is made, then the stub
//!   the callee's frame:   [new.target] undefined padding, args, this [callee]
//!     scripted:           callee token (| constructing), descriptor (argc, BaselineStub)
//!     native:             argc, descriptor (BaselineStub), then a CallNative exit frame
//! ```
//!
//! A scripted callee runs in its compiled function (`script->weval().func`) when it has one,
//! else in the generic interpreter entry; a native through `JSNative(cx, argc, vp)` (or its
//! JitInfo's `ignoresReturnValueMethod` when the result is unused). A failed call sets
//! `ctx.error` and returns the IC error sentinel, as the engine's interpreter does; a
//! constructor's primitive result is replaced by `this`. The callee may GC: nothing the stub
//! holds in locals is used afterwards but the result and addresses on the auxiliary stack.

use super::{Decline, Emitter, P_CTX, P_STUB};
use runtime_abi::ic::{self, call_flags as cf};
use runtime_abi::layout::{bound_function as bf, function, isd, script, shared_data, weval};
use runtime_abi::script::{self as sf, ctx};
use runtime_abi::value::{tag, tag_bits, TYPE_OBJECT, TYPE_UNDEFINED};
use wasm_encoder::{BlockType, Instruction as I};

/// What calls in stubs call in the engine, as output function and type indices.
#[derive(Clone, Copy, Debug)]
pub struct StubCalls {
    /// Type of the interpreter entry (13 × i32 -> i32), a compiled script's signature.
    pub script_type_index: u32,
    /// Type of `JSNative` (3 × i32 -> i32).
    pub native_type_index: u32,
    /// The generic interpreter entry `(cx, state, stack, sp, env, ret, pc, isd) -> PBIResult`.
    pub generic_entry: u32,
    /// `CreateThisFromIC(cx, &callee, &newTarget, &rval) -> bool`.
    pub create_this: u32,
    /// `ReportOverRecursed(cx)`.
    pub report_over_recursed: u32,
    /// `cx->activation_`, `JitActivation::packedExitFP_`, `cx->runtime_` and the runtime's
    /// `portableBaselineStack().top`.
    pub cx_activation: u32,
    pub activation_exit_fp: u32,
    pub cx_runtime: u32,
    pub pb_stack_top: u32,
    /// `NewPlainObjectBaselineFallback(cx, Handle<SharedShape*>, allocKind, site)` and
    /// `NewArrayObjectBaselineFallback(cx, length, site)`.
    pub new_plain_object: u32,
    pub new_array_object: u32,
    /// `ArrayConstructorOneArg(cx, Handle<ArrayObject*> template, length)`.
    pub new_array_from_length: u32,
    /// `SetPropertyMegamorphic` and `SetElementMegamorphic` (see `EngineFacts`).
    pub set_property_megamorphic: u32,
    pub set_element_megamorphic: u32,
    /// `SetArrayLength(cx, &obj0, &value0, strict) -> bool`.
    pub set_array_length: u32,
    /// `CallNativeGetter(cx, &fun0, &value0, &value1) -> bool` and `CallNativeSetter(cx,
    /// &fun0, &obj0, &value1) -> bool`.
    pub call_native_getter: u32,
    pub call_native_setter: u32,
    /// `NewTypedArrayWithTemplateAndBuffer(cx, &obj0 template, &obj1 buffer, &value0 offset,
    /// &value1 length) -> JSObject*`.
    pub new_typed_array_from_buffer: u32,
    /// `BoundFunctionObject::functionBindImpl(cx, HandleObject (&obj0), Value* args, argc) ->
    /// BoundFunctionObject*` and `functionBindSpecializedBaseline(cx, &obj0, args, argc,
    /// Handle<BoundFunctionObject*> template) -> BoundFunctionObject*`.
    pub bind_function: u32,
    pub bind_function_specialized: u32,
    /// `GetIterator(cx, HandleObject (&obj0)) -> JSObject*`.
    pub object_to_iterator: u32,
}

/// The key of a megamorphic store: a property key in a stub field, or a Value register; or
/// none, for `obj.length = v` on an array.
#[derive(Clone, Copy)]
pub(super) enum StoreKey {
    Field(u8),
    Value(u8),
    ArrayLength,
}

/// What an allocation op makes, with its immediates.
#[derive(Clone, Copy)]
pub(super) enum Alloc {
    /// A plain object of the stub's shape (field) and GC alloc kind.
    PlainObject { alloc_kind: u8, shape: u8 },
    /// An array of the given length.
    Array { length: u32 },
    /// `new Array(n)` from the stub's template object (field), `n` an int32 register.
    ArrayFromLength { template: u8, length: u8 },
}

/// The string searches the engine makes for CacheIR, in the order of `StringFuncs::search`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum StringSearch {
    IndexOf,
    LastIndexOf,
    Includes,
    StartsWith,
    EndsWith,
}

impl StringSearch {
    fn op_name(self) -> &'static str {
        match self {
            Self::IndexOf => "StringIndexOfResult",
            Self::LastIndexOf => "StringLastIndexOfResult",
            Self::Includes => "StringIncludesResult",
            Self::StartsWith => "StringStartsWithResult",
            Self::EndsWith => "StringEndsWithResult",
        }
    }

    /// An int32 index (else a bool).
    fn returns_index(self) -> bool {
        matches!(self, Self::IndexOf | Self::LastIndexOf)
    }
}

/// The string to string functions of `StringFuncs::unary`, in its order.
#[derive(Clone, Copy)]
pub(super) enum StringUnary {
    ToLowerCase,
    ToUpperCase,
    Trim,
    TrimStart,
    TrimEnd,
}

impl StringUnary {
    fn op_name(self) -> &'static str {
        match self {
            Self::ToLowerCase => "StringToLowerCaseResult",
            Self::ToUpperCase => "StringToUpperCaseResult",
            Self::Trim => "StringTrimResult",
            Self::TrimStart => "StringTrimStartResult",
            Self::TrimEnd => "StringTrimEndResult",
        }
    }
}

/// `undefined`, as an i64 constant.
const UNDEFINED: i64 = tag_bits(TYPE_UNDEFINED) as i64;

/// Which of the two call ops.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Callee {
    Scripted,
    Native { ignores_rv: bool },
    /// `CallClassHook`: an object's class `call` or `construct` hook, a `JSNative` in the
    /// stub's field, called as a native is (the callee need not be a function).
    ClassHook { target: u8 },
    /// One of the engine's own `JSNative`s, by output function index (`call_engine_native`).
    Engine { func: u32 },
}

impl Callee {
    fn op_name(self) -> &'static str {
        match self {
            Callee::Scripted => "CallScriptedFunction",
            Callee::Native { .. } => "CallNativeFunction",
            Callee::ClassHook { .. } => "CallClassHook",
            Callee::Engine { .. } => "an engine native",
        }
    }
}

impl Emitter<'_> {
    /// `CallScriptedFunction` / `CallNativeFunction` with callee register `callee`, argument
    /// count register `argc` and the op's `CallFlags` byte. Besides the standard format (and
    /// `new` with it), calls through `call` and `apply` and spread calls, which the engine's
    /// own CacheIR interpreter does not make (it fails those stubs): the arguments come from
    /// the caller's stack, an arguments object or a packed array, as the engine's baseline
    /// stubs take them.
    pub(super) fn call_function(&mut self, callee: u8, argc: u8, flags: u8, kind: Callee) -> Result<(), Decline> {
        let name = kind.op_name();
        let Some(c) = self.env.calls else { return Err(Decline::Unsupported(name.into())) };
        let format = flags & cf::ARG_FORMAT_MASK;
        let constructing = flags & cf::IS_CONSTRUCTING != 0;
        let supported = match format {
            // Spread `new` too: new.target above the array.
            cf::ARG_FORMAT_STANDARD | cf::ARG_FORMAT_SPREAD => true,
            cf::ARG_FORMAT_FUN_CALL
            | cf::ARG_FORMAT_FUN_APPLY_ARGS_OBJ
            | cf::ARG_FORMAT_FUN_APPLY_ARRAY
            | cf::ARG_FORMAT_FUN_APPLY_NULL_UNDEFINED => !constructing,
            _ => false,
        };
        if !supported {
            // `new` through `call` or `apply`, or an unknown format: the stub fails (the next
            // stub handles it).
            self.i(I::Br(0));
            return Ok(());
        }
        let native = kind != Callee::Scripted;
        if flags & cf::IS_SAME_REALM == 0 {
            self.lo(callee);
            self.guard_in_current_realm(name)?;
        }
        if let Callee::ClassHook { .. } = kind {
            // Any object: the hook is the class's, which the body guarded.
            let (fun, nargs) = (self.t32, self.t32g);
            self.lo(callee);
            self.i(I::LocalSet(fun)).i(I::I32Const(0)).i(I::LocalSet(nargs));
        } else {
            self.guard_callee(callee, constructing, native);
        }
        self.actual_argc(argc, format, constructing);
        // Past this point the stub no longer fails.
        self.push_ic_frame();
        // Values pushed: [new.target] + padding + args + this [+ callee].
        let extra = 1 + i32::from(constructing) + i32::from(native);
        self.check_stack(c, extra);
        if constructing && !native {
            self.make_this(c, flags & cf::NEEDS_UNINITIALIZED_THIS != 0);
        }
        self.footer_is_stub();
        self.copy_arguments(constructing, native, format, argc);
        match kind {
            Callee::Scripted => self.enter_script(c, constructing),
            Callee::Native { .. } | Callee::ClassHook { .. } | Callee::Engine { .. } => self.enter_native(c, constructing, kind),
        }
        Ok(())
    }

    /// The count of arguments the callee gets, into `t32b`; with `t32c` = the caller's operand
    /// stack. From an arguments object (failing if its length was overridden) or an array (below
    /// new.target when constructing), a count above `MAX_SPREAD_ARGS` fails the stub.
    fn actual_argc(&mut self, argc: u8, format: u8, constructing: bool) {
        let (count, orig) = (self.t32b, self.t32c);
        match format {
            cf::ARG_FORMAT_FUN_CALL => {
                // One fewer: the first is the callee's `this`.
                self.lo(argc);
                self.i(I::I32Const(1)).i(I::I32Sub).i(I::I32Const(0));
                self.lo(argc);
                self.i(I::Select);
            }
            cf::ARG_FORMAT_FUN_APPLY_NULL_UNDEFINED => {
                self.i(I::I32Const(0));
            }
            cf::ARG_FORMAT_FUN_APPLY_ARGS_OBJ => {
                self.caller_sp();
                self.i(I::LocalTee(orig)).i(I::I32Load(Self::mem(0, 2)));
                self.arguments_object_length(count);
            }
            cf::ARG_FORMAT_FUN_APPLY_ARRAY | cf::ARG_FORMAT_SPREAD => {
                self.caller_sp();
                let array_at = if constructing { 8 } else { 0 };
                self.i(I::LocalTee(orig)).i(I::I32Load(Self::mem(array_at, 2))).i(I::I32Load(Self::mem(ic::OBJ_ELEMENTS, 2)));
                self.i(I::I32Const(ic::ELEMENTS_LENGTH)).i(I::I32Add).i(I::I32Load(Self::mem(0, 2)));
            }
            _ => {
                self.lo(argc);
            }
        }
        self.i(I::LocalSet(count));
        if matches!(format, cf::ARG_FORMAT_FUN_APPLY_ARGS_OBJ | cf::ARG_FORMAT_FUN_APPLY_ARRAY | cf::ARG_FORMAT_SPREAD) {
            self.i(I::LocalGet(count)).i(I::I32Const(cf::MAX_SPREAD_ARGS as i32)).i(I::I32GtU);
            self.fail_if();
        }
    }

    /// Pushes the caller's operand stack pointer (its last pushed Value).
    fn caller_sp(&mut self) {
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::SPBASE, 2)));
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::SPOFFSET, 2))).i(I::I32Sub);
    }

    /// `CallScriptedGetterResult` (`rhs` none) / `CallScriptedSetter`: the getter or setter in
    /// stub field `field` called with `receiver` as `this` (and `rhs` as its one argument), as
    /// the engine's interpreter does: same realm, a script with a JitScript, and exactly as
    /// many formals as arguments, else the stub fails.
    pub(super) fn call_accessor(&mut self, receiver: u8, field: u8, rhs: Option<u8>, same_realm: bool) -> Result<(), Decline> {
        let name = if rhs.is_some() { "CallScriptedSetter" } else { "CallScriptedGetterResult" };
        let Some(c) = self.env.calls else { return Err(Decline::Unsupported(name.into())) };
        let argc = i32::from(rhs.is_some());
        let fun = self.t32;
        self.field_u32(field);
        self.i(I::LocalSet(fun));
        if !same_realm {
            self.i(I::LocalGet(fun));
            self.guard_in_current_realm(name)?;
        }
        self.guard_scripted_callee();
        // nargs == argc (the formal count is in `t32g`).
        let (nargs, argc_local) = (self.t32g, self.t32b);
        self.i(I::LocalGet(nargs)).i(I::I32Const(argc)).i(I::I32Ne);
        self.fail_if();
        self.i(I::I32Const(argc)).i(I::LocalSet(argc_local));
        self.i(I::I32Const(0)).i(I::LocalSet(nargs));
        self.push_ic_frame();
        self.check_stack(c, 2);
        self.footer_is_stub();
        let values: Vec<u8> = rhs.into_iter().chain([receiver]).collect();
        self.push_registers(&values);
        self.enter_script(c, false);
        Ok(())
    }

    /// `[i32 object] -> []`: fails unless the object (a callee the stub did not know to be of
    /// the caller's realm) belongs to the realm the context is in. The engine's CacheIR
    /// interpreter fails every call without `IsSameRealm`; its baseline stubs would switch
    /// realms around the call, which in the current realm changes nothing, and a callee of
    /// another realm still goes on to the engine's other paths.
    fn guard_in_current_realm(&mut self, op: &str) -> Result<(), Decline> {
        let Some(r) = self.env.realm else { return Err(Decline::Unsupported(op.into())) };
        self.i(I::I32Load(Self::mem(ic::OBJ_SHAPE, 2))).i(I::I32Load(Self::mem(ic::SHAPE_BASE, 2)));
        self.base_in_current_realm(r);
        self.i(I::I32Eqz).i(I::BrIf(0));
        Ok(())
    }

    /// `[i32 base shape] -> [i32]`: whether the base shape's realm is the one the context is in.
    pub(super) fn base_in_current_realm(&mut self, r: super::RealmFacts) {
        self.i(I::I32Load(Self::mem(runtime_abi::layout::base_shape::REALM, 2)));
        self.cx();
        self.i(I::I32Load(Self::mem(r.cx_realm, 2)));
        self.i(I::I32Eq);
    }

    /// Fails unless `callee` (a function) can be called this way; leaves it in `t32` and its
    /// formal argument count in `t32g` (0 for a native, which gets no padding).
    fn guard_callee(&mut self, callee: u8, constructing: bool, native: bool) {
        let (fun, flags) = (self.t32, self.t32g);
        self.lo(callee);
        self.i(I::LocalTee(fun)).i(I::I32Load(Self::mem(function::FLAGS_AND_ARG_COUNT, 2))).i(I::LocalSet(flags));
        if constructing {
            self.i(I::LocalGet(flags)).i(I::I32Const(function::FLAG_CONSTRUCTOR as i32)).i(I::I32And).i(I::I32Eqz);
            self.fail_if();
        }
        if native {
            // No padding for a native: a formal count of 0.
            self.i(I::I32Const(0)).i(I::LocalSet(flags));
            return;
        }
        self.guard_scripted_callee();
    }

    /// Fails unless function `t32` (flags in `t32g`) has a script with bytecode and a JitScript;
    /// leaves its formal count in `t32g`.
    fn guard_scripted_callee(&mut self) {
        let (fun, flags, script) = (self.t32, self.t32g, self.t32h);
        self.i(I::LocalGet(fun)).i(I::I32Load(Self::mem(function::FLAGS_AND_ARG_COUNT, 2))).i(I::LocalSet(flags));
        // A script with bytecode and a JitScript (warm-up data tagged 0).
        self.i(I::LocalGet(flags)).i(I::I32Const(function::FLAG_BASESCRIPT as i32)).i(I::I32And).i(I::I32Eqz);
        self.fail_if();
        self.i(I::LocalGet(fun)).i(I::I32Load(Self::mem(function::SCRIPT, 2))).i(I::LocalTee(script));
        self.i(I::I32Load(Self::mem(script::SHARED_DATA, 2))).i(I::I32Eqz);
        self.fail_if();
        self.i(I::LocalGet(script)).i(I::I32Load(Self::mem(sf::SCRIPT_WARM_UP_DATA, 2))).i(I::LocalTee(script)).i(I::I32Eqz);
        self.i(I::LocalGet(script)).i(I::I32Const(sf::WARM_UP_DATA_TAG_MASK as i32)).i(I::I32And).i(I::I32Or);
        self.fail_if();
        // The formal count stays in `t32g`.
        self.i(I::LocalGet(flags)).i(I::I32Const(function::NARGS_SHIFT as i32)).i(I::I32ShrU).i(I::LocalSet(flags));
    }

    /// The IC frame below the caller's operand stack, as `PUSH_IC_FRAME`: `t32c` = the
    /// caller's sp (its arguments), `t32e` = the exit FP, `t32d` = the footer's address,
    /// `t32f` = the saved `portableBaselineStack().top`.
    pub(super) fn push_ic_frame(&mut self) {
        let c = self.env.calls.expect("calls");
        let (orig, sp, fp, saved) = (self.t32c, self.t32d, self.t32e, self.t32f);
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::SPBASE, 2)));
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::SPOFFSET, 2))).i(I::I32Sub).i(I::LocalTee(orig));
        self.i(I::I32Const(8)).i(I::I32Sub).i(I::I64Const((sf::EXIT_DESCRIPTOR as i64) << 32)).i(I::I64Store(Self::mem(0, 3)));
        self.i(I::LocalGet(orig)).i(I::I32Const(12)).i(I::I32Sub).i(I::LocalTee(fp));
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::MGR_FRAME, 2))).i(I::I32Const(runtime_abi::layout::frame::SIZE as i32)).i(I::I32Add);
        self.i(I::I32Store(Self::mem(0, 2)));
        self.stack_ptr();
        self.i(I::LocalGet(fp)).i(I::I32Store(Self::mem(sf::STACK_FP, 2)));
        self.i(I::LocalGet(orig)).i(I::I32Const(16)).i(I::I32Sub).i(I::LocalTee(sp));
        self.i(I::I32Const(sf::EXIT_FRAME_BARE as i32)).i(I::I32Store(Self::mem(0, 2)));
        self.cx();
        self.i(I::I32Load(Self::mem(c.cx_activation, 2))).i(I::LocalGet(fp)).i(I::I32Store(Self::mem(c.activation_exit_fp, 2)));
        self.cx();
        self.i(I::I32Load(Self::mem(c.cx_runtime, 2))).i(I::I32Load(Self::mem(c.pb_stack_top, 2))).i(I::LocalSet(saved));
        self.cx();
        self.i(I::I32Load(Self::mem(c.cx_runtime, 2))).i(I::LocalGet(sp)).i(I::I32Store(Self::mem(c.pb_stack_top, 2)));
    }

    /// The IC frame's footer (at `t32d`) becomes the stub pointer: from here on the frame is a
    /// BaselineStub frame, as the engine's interpreter makes it before pushing the callee's.
    fn footer_is_stub(&mut self) {
        let sp = self.t32d;
        self.i(I::LocalGet(sp)).i(I::LocalGet(P_STUB)).i(I::I32Store(Self::mem(0, 2)));
    }

    /// Pops the IC frame: the stack's fp is the caller's again, the auxiliary stack's top as
    /// it was.
    pub(super) fn pop_ic_frame(&mut self) {
        let c = self.env.calls.expect("calls");
        let (fp, saved) = (self.t32e, self.t32f);
        self.stack_ptr();
        self.i(I::LocalGet(fp)).i(I::I32Load(Self::mem(0, 2))).i(I::I32Store(Self::mem(sf::STACK_FP, 2)));
        self.cx();
        self.i(I::I32Load(Self::mem(c.cx_runtime, 2))).i(I::LocalGet(saved)).i(I::I32Store(Self::mem(c.pb_stack_top, 2)));
    }

    /// Inside the IC frame: returns the error unless local `ok` (an engine function's answer,
    /// or the GC thing it made) is non-zero.
    pub(super) fn error_unless(&mut self, ok: u32) {
        self.i(I::LocalGet(ok)).i(I::I32Eqz).i(I::If(BlockType::Empty));
        self.i(I::I32Const(sf::RESULT_ERROR));
        self.return_error();
        self.i(I::End);
    }

    /// With a `PBIResult` code (non-zero) on the stack: pops the IC frame, stores the code in
    /// `ctx.error` and returns the error sentinel.
    pub(super) fn return_error(&mut self) {
        let code = self.t32g;
        self.i(I::LocalSet(code));
        self.pop_ic_frame();
        self.i(I::LocalGet(P_CTX)).i(I::LocalGet(code)).i(I::I32Store(Self::mem(ic::CTX_ERROR, 2)));
        self.i(I::I64Const(ic::ERROR_RESULT as i64)).i(I::Return);
    }

    /// Reports over-recursion and returns the error unless the callee's values (`extra` plus
    /// `argc` plus the padding) and a frame header fit above the auxiliary stack's margin.
    fn check_stack(&mut self, c: StubCalls, extra: i32) {
        let (sp, argc) = (self.t32d, self.t32b);
        self.stack_ptr();
        self.i(I::I32Load(Self::mem(sf::STACK_BASE, 2)));
        self.i(I::LocalGet(argc)).i(I::I32Const(extra));
        self.i(I::I32Add);
        self.padding();
        self.i(I::I32Add).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add);
        self.i(I::I32Const((sf::STACK_MARGIN + 6 * 8) as i32)).i(I::I32Add);
        self.i(I::LocalGet(sp)).i(I::I32GtU);
        self.i(I::If(BlockType::Empty));
        self.cx();
        self.i(I::Call(c.report_over_recursed));
        self.i(I::I32Const(sf::RESULT_ERROR));
        self.return_error();
        self.i(I::End);
    }

    /// Pushes the undefined padding a scripted callee gets: `max(nargs - argc, 0)` from the
    /// formal count in `t32g` (0 for a native, whose `t32g` is unused then).
    fn padding(&mut self) {
        let (nargs, argc) = (self.t32g, self.t32b);
        self.i(I::LocalGet(nargs)).i(I::LocalGet(argc)).i(I::I32Sub);
        self.i(I::I32Const(0));
        self.i(I::LocalGet(nargs)).i(I::LocalGet(argc)).i(I::I32GtU);
        self.i(I::Select);
    }

    /// `this` of a constructing scripted call in `t64`: the uninitialized-lexical magic for a
    /// derived class constructor, else what `CreateThisFromIC` makes (the callee and
    /// new.target rooted in the State's cells; the callee may move, `t32` is re-read).
    fn make_this(&mut self, c: StubCalls, uninitialized: bool) {
        let (fun, orig, state, this) = (self.t32, self.t32c, self.t32h, self.t64);
        if uninitialized {
            self.i(I::I64Const(ic::UNINITIALIZED_LEXICAL as i64)).i(I::LocalSet(this));
            return;
        }
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::STATE, 2))).i(I::LocalTee(state));
        self.i(I::LocalGet(fun)).i(I::I32Store(Self::mem(sf::STATE_OBJ0, 2)));
        self.i(I::LocalGet(state)).i(I::LocalGet(orig)).i(I::I32Load(Self::mem(0, 2))).i(I::I32Store(Self::mem(sf::STATE_OBJ1, 2)));
        self.i(I::LocalGet(state)).i(I::I64Const(UNDEFINED)).i(I::I64Store(Self::mem(sf::STATE_VALUE0, 3)));
        self.cx();
        for at in [sf::STATE_OBJ0, sf::STATE_OBJ1, sf::STATE_VALUE0] {
            self.i(I::LocalGet(state)).i(I::I32Const(at as i32)).i(I::I32Add);
        }
        self.i(I::Call(c.create_this)).i(I::I32Eqz);
        self.i(I::If(BlockType::Empty));
        self.clear_state_cells(state);
        self.i(I::I32Const(sf::RESULT_ERROR));
        self.return_error();
        self.i(I::End);
        self.i(I::LocalGet(state)).i(I::I64Load(Self::mem(sf::STATE_VALUE0, 3))).i(I::LocalSet(this));
        self.i(I::LocalGet(state)).i(I::I32Load(Self::mem(sf::STATE_OBJ0, 2))).i(I::LocalSet(fun));
        self.clear_state_cells(state);
    }

    fn clear_state_cells(&mut self, state: u32) {
        for at in [sf::STATE_OBJ0, sf::STATE_OBJ1] {
            self.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(at, 2)));
        }
        self.i(I::LocalGet(state)).i(I::I64Const(UNDEFINED)).i(I::I64Store(Self::mem(sf::STATE_VALUE0, 3)));
    }

    /// Copies the callee's values below the footer (`t32d`, which ends at the lowest one):
    /// new.target, the padding, the `t32b` arguments and `this` (and the callee, for a
    /// native), from where `format` keeps them; a constructor's `this` is `t64`.
    fn copy_arguments(&mut self, constructing: bool, native: bool, format: u8, argc: u8) {
        let (sp, orig, n, count, src) = (self.t32d, self.t32c, self.t32g, self.t32b, self.t32h);
        if constructing {
            self.push_new_target();
        }
        if !native {
            self.padding();
            self.i(I::LocalSet(n));
            self.i(I::Block(BlockType::Empty)).i(I::Loop(BlockType::Empty));
            self.i(I::LocalGet(n)).i(I::I32Eqz).i(I::BrIf(1));
            self.push_slot();
            self.i(I::I64Const(UNDEFINED)).i(I::I64Store(Self::mem(0, 3)));
            self.i(I::LocalGet(n)).i(I::I32Const(1)).i(I::I32Sub).i(I::LocalSet(n));
            self.i(I::Br(0)).i(I::End).i(I::End);
        }
        // The caller's Value at `orig + 8 * k`, pushed.
        let push_caller = |e: &mut Self, k: u32| {
            e.push_slot();
            e.i(I::LocalGet(orig)).i(I::I64Load(Self::mem(8 * k, 3))).i(I::I64Store(Self::mem(0, 3)));
        };
        // The arguments and `this` (and the callee) as the caller pushed them, the highest
        // first: `count + 1 (+ 1)` Values.
        let copy_standard = |e: &mut Self| {
            e.i(I::LocalGet(count)).i(I::I32Const(1 + i32::from(native))).i(I::I32Add).i(I::LocalSet(n));
            e.copy_from_caller(n);
        };
        match format {
            cf::ARG_FORMAT_FUN_CALL => {
                // `f.call()`: `this` is undefined, the callee is in the caller's first slot.
                self.lo(argc);
                self.i(I::I32Eqz).i(I::If(BlockType::Empty));
                self.push_slot();
                self.i(I::I64Const(UNDEFINED)).i(I::I64Store(Self::mem(0, 3)));
                if native {
                    push_caller(self, 0);
                }
                self.i(I::Else);
                copy_standard(self);
                self.i(I::End);
            }
            cf::ARG_FORMAT_FUN_APPLY_NULL_UNDEFINED => {
                // `this` is the caller's first argument (undefined if none), below the callee
                // at `src`.
                self.i(I::LocalGet(orig));
                self.lo(argc);
                self.i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::LocalSet(src));
                self.push_slot();
                self.lo(argc);
                self.i(I::I32Eqz).i(I::If(BlockType::Result(wasm_encoder::ValType::I64)));
                self.i(I::I64Const(UNDEFINED));
                self.i(I::Else);
                self.i(I::LocalGet(src)).i(I::I32Const(8)).i(I::I32Sub).i(I::I64Load(Self::mem(0, 3)));
                self.i(I::End);
                self.i(I::I64Store(Self::mem(0, 3)));
                if native {
                    self.push_slot();
                    self.i(I::LocalGet(src)).i(I::I64Load(Self::mem(0, 3))).i(I::I64Store(Self::mem(0, 3)));
                }
            }
            cf::ARG_FORMAT_FUN_APPLY_ARGS_OBJ | cf::ARG_FORMAT_FUN_APPLY_ARRAY | cf::ARG_FORMAT_SPREAD => {
                // The elements, the last first, then `this` and the callee below the array.
                self.i(I::LocalGet(orig)).i(I::I32Load(Self::mem(0, 2)));
                if format == cf::ARG_FORMAT_FUN_APPLY_ARGS_OBJ {
                    self.i(I::I32Load(Self::mem(ic::ARGUMENTS_DATA, 2))).i(I::I32Const(ic::ARGUMENTS_DATA_ARGS as i32)).i(I::I32Add);
                } else {
                    self.i(I::I32Load(Self::mem(ic::OBJ_ELEMENTS, 2)));
                }
                self.i(I::LocalSet(src));
                self.i(I::LocalGet(count)).i(I::LocalSet(n));
                self.copy_values_down(src, n);
                push_caller(self, 1);
                if native {
                    push_caller(self, 2);
                }
            }
            _ => copy_standard(self),
        }
        if constructing && !native {
            let this = self.t64;
            self.i(I::LocalGet(sp)).i(I::LocalGet(this)).i(I::I64Store(Self::mem(0, 3)));
        }
    }

    /// Pushes the caller's new.target (its top Value, at `t32c`, which moves past it).
    fn push_new_target(&mut self) {
        let orig = self.t32c;
        self.push_slot();
        self.i(I::LocalGet(orig)).i(I::I64Load(Self::mem(0, 3))).i(I::I64Store(Self::mem(0, 3)));
        self.i(I::LocalGet(orig)).i(I::I32Const(8)).i(I::I32Add).i(I::LocalSet(orig));
    }

    /// Pushes the Values of registers `regs`, the first highest.
    fn push_registers(&mut self, regs: &[u8]) {
        for &r in regs {
            let v = self.reg(r);
            self.push_slot();
            self.i(I::LocalGet(v)).i(I::I64Store(Self::mem(0, 3)));
        }
    }

    /// Moves `t32d` down one Value and leaves the new address on the stack.
    fn push_slot(&mut self) {
        let sp = self.t32d;
        self.i(I::LocalGet(sp)).i(I::I32Const(8)).i(I::I32Sub).i(I::LocalTee(sp));
    }

    /// Copies local `n` (counted down to 0) Values from the caller's operand stack at `t32c`
    /// (which moves past them) below `t32d`: the caller's lowest first, so that they end in
    /// the opposite order, as a callee's frame and an argument array want them.
    fn copy_from_caller(&mut self, n: u32) {
        let orig = self.t32c;
        self.i(I::Block(BlockType::Empty)).i(I::Loop(BlockType::Empty));
        self.i(I::LocalGet(n)).i(I::I32Eqz).i(I::BrIf(1));
        self.push_slot();
        self.i(I::LocalGet(orig)).i(I::I64Load(Self::mem(0, 3))).i(I::I64Store(Self::mem(0, 3)));
        self.i(I::LocalGet(orig)).i(I::I32Const(8)).i(I::I32Add).i(I::LocalSet(orig));
        self.i(I::LocalGet(n)).i(I::I32Const(1)).i(I::I32Sub).i(I::LocalSet(n));
        self.i(I::Br(0)).i(I::End).i(I::End);
    }

    /// Pushes below `t32d` the local `n` (counted down to 0) Values that start at the address
    /// in local `src`, the last first (`src` ends at the first): an argument array's elements
    /// into a callee's frame.
    fn copy_values_down(&mut self, src: u32, n: u32) {
        self.i(I::LocalGet(src)).i(I::LocalGet(n)).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add).i(I::LocalSet(src));
        self.i(I::Block(BlockType::Empty)).i(I::Loop(BlockType::Empty));
        self.i(I::LocalGet(n)).i(I::I32Eqz).i(I::BrIf(1));
        self.push_slot();
        self.i(I::LocalGet(src)).i(I::I32Const(8)).i(I::I32Sub).i(I::LocalTee(src));
        self.i(I::I64Load(Self::mem(0, 3))).i(I::I64Store(Self::mem(0, 3)));
        self.i(I::LocalGet(n)).i(I::I32Const(1)).i(I::I32Sub).i(I::LocalSet(n));
        self.i(I::Br(0)).i(I::End).i(I::End);
    }

    /// `CallBoundScriptedFunction`: bound function `callee`, whose target `target` is a
    /// scripted function, called with `argc` arguments, the body having guarded that it has
    /// `num_bound` bound arguments. As the engine's interpreter makes the call, the stub fails
    /// for another argument format and when the arguments with the bound ones are fewer than
    /// the target's formals (it pads nothing); the target's frame gets the caller's arguments
    /// above the bound ones and the bound `this` (the caller's `this` is not passed). `new`,
    /// which the engine's interpreter fails, is made as its baseline stubs make it: a
    /// new.target that is the bound function becomes the target, and `this` is made for the
    /// target.
    pub(super) fn call_bound_function(&mut self, callee: u8, target: u8, argc: u8, flags: u8, num_bound: u32) -> Result<(), Decline> {
        let Some(c) = self.env.calls else { return Err(Decline::Unsupported("CallBoundScriptedFunction".into())) };
        if flags & cf::ARG_FORMAT_MASK != cf::ARG_FORMAT_STANDARD {
            self.i(I::Br(0));
            return Ok(());
        }
        let constructing = flags & cf::IS_CONSTRUCTING != 0;
        if flags & cf::IS_SAME_REALM == 0 {
            self.lo(target);
            self.guard_in_current_realm("CallBoundScriptedFunction")?;
        }
        let Ok(bound) = i32::try_from(num_bound) else { return Err(Decline::UnsupportedOperand("CallBoundScriptedFunction".into())) };
        let (fun, nargs, argc_local, n, src) = (self.t32, self.t32g, self.t32b, self.t32g, self.t32h);
        self.lo(target);
        self.i(I::LocalSet(fun));
        self.guard_scripted_callee();
        self.lo(argc);
        self.i(I::LocalTee(argc_local)).i(I::I32Const(bound)).i(I::I32Add).i(I::LocalGet(nargs)).i(I::I32LtU);
        self.fail_if();
        // Past this point the stub no longer fails. No padding.
        self.i(I::I32Const(0)).i(I::LocalSet(nargs));
        self.push_ic_frame();
        self.check_stack(c, 1 + bound + i32::from(constructing));
        if constructing {
            self.retarget_new_target(callee, target);
            self.make_this(c, flags & cf::NEEDS_UNINITIALIZED_THIS != 0);
        }
        self.footer_is_stub();
        if constructing {
            self.push_new_target();
        }
        self.i(I::LocalGet(argc_local)).i(I::LocalSet(n));
        self.copy_from_caller(n);
        // The bound arguments, the last first: inline, or in the array in the first slot.
        self.lo(callee);
        if num_bound <= bf::MAX_INLINE_BOUND_ARGS {
            self.i(I::I32Const(bf::BOUND_ARG0 as i32)).i(I::I32Add);
        } else {
            self.i(I::I32Load(Self::mem(bf::BOUND_ARG0, 2))).i(I::I32Load(Self::mem(ic::OBJ_ELEMENTS, 2)));
        }
        self.i(I::LocalSet(src));
        self.i(I::I32Const(bound)).i(I::LocalSet(n));
        self.copy_values_down(src, n);
        self.push_slot();
        if constructing {
            self.i(I::LocalGet(self.t64));
        } else {
            self.lo(callee);
            self.i(I::I64Load(Self::mem(bf::BOUND_THIS, 3)));
        }
        self.i(I::I64Store(Self::mem(0, 3)));
        self.i(I::LocalGet(argc_local)).i(I::I32Const(bound)).i(I::I32Add).i(I::LocalSet(argc_local));
        self.enter_script(c, constructing);
        Ok(())
    }

    /// `new` of a bound function: a new.target (on top of the caller's stack, `t32c`) that is
    /// the bound function `callee` itself becomes its target, there.
    fn retarget_new_target(&mut self, callee: u8, target: u8) {
        let (orig, callee_v, target_v) = (self.t32c, self.reg(callee), self.reg(target));
        self.i(I::LocalGet(orig)).i(I::I64Load(Self::mem(0, 3))).i(I::LocalGet(callee_v)).i(I::I64Eq);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(orig)).i(I::LocalGet(target_v)).i(I::I64Store(Self::mem(0, 3)));
        self.i(I::End);
    }

    /// Pushes the callee token and descriptor and runs the callee's script: its compiled
    /// function, else the generic interpreter entry. The result in `result`.
    fn enter_script(&mut self, c: StubCalls, constructing: bool) {
        let (fun, sp, argc, func, script) = (self.t32, self.t32d, self.t32b, self.t32g, self.t32h);
        self.i(I::LocalGet(sp)).i(I::I32Const(8)).i(I::I32Sub).i(I::LocalTee(sp));
        self.i(I::LocalGet(argc)).i(I::I32Const(sf::FRAME_DESCRIPTOR_ARGC_SHIFT as i32)).i(I::I32Shl);
        self.i(I::I32Const(sf::FRAME_TYPE_BASELINE_STUB as i32)).i(I::I32Or).i(I::I32Store(Self::mem(0, 2)));
        self.i(I::LocalGet(sp)).i(I::LocalGet(fun));
        if constructing {
            self.i(I::I32Const(sf::CALLEE_TOKEN_CONSTRUCTING as i32)).i(I::I32Or);
        }
        self.i(I::I32Store(Self::mem(4, 2)));
        // The script (the callee may have moved), its compiled function if any.
        self.i(I::LocalGet(fun)).i(I::I32Load(Self::mem(function::SCRIPT, 2))).i(I::LocalTee(script));
        self.i(I::I32Load(Self::mem(script::WEVAL, 2))).i(I::LocalTee(func));
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(func)).i(I::I32Load(Self::mem(weval::FUNC, 2))).i(I::LocalSet(func));
        self.i(I::End);
        let entry_args = |e: &mut Self| {
            e.cx();
            e.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::STATE, 2)));
            e.stack_ptr();
            e.i(I::LocalGet(sp)).i(I::I32Const(0));
            e.i(I::LocalGet(P_CTX)).i(I::I32Const(ic::CTX_ARG2 as i32)).i(I::I32Add);
            e.i(I::LocalGet(script)).i(I::I32Load(Self::mem(script::SHARED_DATA, 2))).i(I::I32Load(Self::mem(shared_data::ISD, 2)));
            e.i(I::I32Const(isd::CODE as i32)).i(I::I32Add);
        };
        let isd_ptr = |e: &mut Self| {
            e.i(I::LocalGet(script)).i(I::I32Load(Self::mem(script::SHARED_DATA, 2))).i(I::I32Load(Self::mem(shared_data::ISD, 2)));
        };
        self.i(I::LocalGet(func));
        self.i(I::If(BlockType::Result(wasm_encoder::ValType::I32)));
        entry_args(self);
        self.i(I::I32Const(0));
        isd_ptr(self);
        for _ in 0..4 {
            self.i(I::I32Const(0));
        }
        self.i(I::LocalGet(func)).i(I::CallIndirect { type_index: c.script_type_index, table_index: 0 });
        self.i(I::Else);
        entry_args(self);
        isd_ptr(self);
        self.i(I::Call(c.generic_entry));
        self.i(I::End);
        self.i(I::LocalTee(func)).i(I::If(BlockType::Empty));
        self.i(I::LocalGet(func));
        self.return_error();
        self.i(I::End);
        self.pop_ic_frame();
        let r = self.result;
        self.i(I::LocalGet(P_CTX)).i(I::I64Load(Self::mem(ic::CTX_ARG2, 3))).i(I::LocalSet(r));
        if constructing {
            // A primitive result: `this`, from the callee's frame.
            self.i(I::LocalGet(r)).i(I::I64Const(32)).i(I::I64ShrU).i(I::I32WrapI64).i(I::I32Const(tag(TYPE_OBJECT) as i32)).i(I::I32Ne);
            self.i(I::If(BlockType::Empty));
            self.i(I::LocalGet(sp)).i(I::I64Load(Self::mem(8, 3))).i(I::LocalSet(r));
            self.i(I::End);
        }
    }

    /// Pushes `argc` and a descriptor, then a CallNative (or ConstructNative) exit frame, and
    /// calls the native with `vp` = the callee's slot. The result (`vp[0]`) in `result`.
    fn enter_native(&mut self, c: StubCalls, constructing: bool, kind: Callee) {
        let (fun, sp, argc, vp, ok) = (self.t32, self.t32d, self.t32b, self.t32h, self.t32g);
        self.i(I::LocalGet(sp)).i(I::LocalTee(vp));
        self.i(I::I32Const(4)).i(I::I32Sub).i(I::LocalGet(argc)).i(I::I32Store(Self::mem(0, 2)));
        // descriptor, null return address, the IC frame's FP (the stack's fp), the footer.
        self.i(I::LocalGet(vp)).i(I::I32Const(8)).i(I::I32Sub).i(I::I32Const(sf::FRAME_TYPE_BASELINE_STUB as i32)).i(I::I32Store(Self::mem(0, 2)));
        self.i(I::LocalGet(vp)).i(I::I32Const(12)).i(I::I32Sub).i(I::I32Const(0)).i(I::I32Store(Self::mem(0, 2)));
        self.i(I::LocalGet(vp)).i(I::I32Const(16)).i(I::I32Sub).i(I::LocalTee(sp));
        let ic_fp = self.t32e;
        self.i(I::LocalGet(ic_fp)).i(I::I32Store(Self::mem(0, 2)));
        self.stack_ptr();
        self.i(I::LocalGet(sp)).i(I::I32Store(Self::mem(sf::STACK_FP, 2)));
        let footer = if constructing { sf::EXIT_FRAME_CONSTRUCT_NATIVE } else { sf::EXIT_FRAME_CALL_NATIVE };
        self.i(I::LocalGet(sp)).i(I::I32Const(4)).i(I::I32Sub).i(I::I32Const(footer as i32)).i(I::I32Store(Self::mem(0, 2)));
        self.cx();
        self.i(I::I32Load(Self::mem(c.cx_activation, 2))).i(I::LocalGet(sp)).i(I::I32Store(Self::mem(c.activation_exit_fp, 2)));
        self.cx();
        self.i(I::I32Load(Self::mem(c.cx_runtime, 2))).i(I::LocalGet(sp)).i(I::I32Const(4)).i(I::I32Sub).i(I::I32Store(Self::mem(c.pb_stack_top, 2)));
        self.cx();
        self.i(I::LocalGet(argc)).i(I::LocalGet(vp));
        let pointer_at = |e: &mut Self, at: u32| {
            e.i(I::LocalGet(fun)).i(I::I32Load(Self::mem(at, 2)));
        };
        let call_pointer = I::CallIndirect { type_index: c.native_type_index, table_index: 0 };
        match kind {
            Callee::Engine { func } => {
                self.i(I::Call(func));
            }
            Callee::ClassHook { target } => {
                self.field_u32(target);
                self.i(call_pointer);
            }
            Callee::Native { ignores_rv: true } => {
                pointer_at(self, function::JIT_INFO);
                self.i(I::I32Load(Self::mem(0, 2))).i(call_pointer);
            }
            Callee::Native { ignores_rv: false } | Callee::Scripted => {
                pointer_at(self, function::NATIVE);
                self.i(call_pointer);
            }
        }
        self.i(I::LocalSet(ok));
        // The stack's fp is the IC frame's again; then the IC frame goes.
        self.stack_ptr();
        self.i(I::LocalGet(ic_fp)).i(I::I32Store(Self::mem(sf::STACK_FP, 2)));
        self.error_unless(ok);
        self.pop_ic_frame();
        let r = self.result;
        self.i(I::LocalGet(vp)).i(I::I64Load(Self::mem(0, 3))).i(I::LocalSet(r));
    }

    /// The engine's own `JSNative` `func` (output function index) called with `this` and
    /// `args` as a native call from a stub is made: the Values on the auxiliary stack under a
    /// CallNative exit frame, which the GC traces. The callee slot holds undefined: the
    /// natives called this way read it only to report a receiver of the wrong class, which
    /// the body's guards rule out. The result (`vp[0]`) in `result`; false is an error.
    /// The caller has checked that stubs can make calls (`env.calls`).
    pub(super) fn call_engine_native(&mut self, this: u8, args: &[u8], func: u32) {
        let c = self.env.calls.expect("calls");
        let (argc, nargs) = (self.t32b, self.t32g);
        self.i(I::I32Const(args.len() as i32)).i(I::LocalSet(argc));
        self.i(I::I32Const(0)).i(I::LocalSet(nargs));
        self.push_ic_frame();
        self.check_stack(c, 2);
        self.footer_is_stub();
        let values: Vec<u8> = args.iter().rev().copied().chain([this]).collect();
        self.push_registers(&values);
        self.push_slot();
        self.i(I::I64Const(UNDEFINED)).i(I::I64Store(Self::mem(0, 3)));
        self.enter_native(c, false, Callee::Engine { func });
    }

    /// `CallStringConcatResult`: `ConcatStrings<CanGC>` behind an exit frame (it allocates),
    /// both strings rooted in the `State`'s string cells; a null result is an error (the
    /// engine reported it).
    pub(super) fn concat_strings(&mut self, lhs: u8, rhs: u8) -> Result<(), Decline> {
        let (Some(_), Some(f)) = (self.env.calls, self.env.strings) else {
            return Err(Decline::Unsupported("CallStringConcatResult".into()));
        };
        let (state, out) = (self.t32h, self.result);
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::STATE, 2))).i(I::LocalSet(state));
        for (reg, cell) in [(lhs, sf::STATE_STR0), (rhs, sf::STATE_STR1)] {
            self.i(I::LocalGet(state));
            self.lo(reg);
            self.i(I::I32Store(Self::mem(cell, 2)));
        }
        self.call_vm_returning_cell(|e| {
            e.cx();
            for cell in [sf::STATE_STR0, sf::STATE_STR1] {
                e.i(I::LocalGet(state)).i(I::I32Const(cell as i32)).i(I::I32Add);
            }
            e.i(I::Call(f.concat));
            // The cells are cleared before anything else, error or not.
            for cell in [sf::STATE_STR0, sf::STATE_STR1] {
                e.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(cell, 2)));
            }
        });
        crate::value::box_i32(&mut self.f, runtime_abi::value::TYPE_STRING);
        self.i(I::LocalSet(out));
        Ok(())
    }

    /// `NewPlainObjectResult` / `NewArrayObjectResult` / `NewArrayFromLengthResult`: a new
    /// object from the stub's template and allocation site (field `site`, unused for
    /// `new Array(n)`), made by the engine's function behind the IC frame, as the engine's
    /// interpreter makes it. A shape or template object is passed as a handle to the stub's own
    /// field, which the GC traces and updates. Null is an error.
    pub(super) fn new_object(&mut self, what: Alloc, site: u8) -> Result<(), Decline> {
        let Some(c) = self.env.calls else {
            return Err(Decline::Unsupported(match what {
                Alloc::PlainObject { .. } => "NewPlainObjectResult",
                Alloc::Array { .. } => "NewArrayObjectResult",
                Alloc::ArrayFromLength { .. } => "NewArrayFromLengthResult",
            }.into()));
        };
        let out = self.result;
        self.call_vm_returning_cell(|e| {
            e.cx();
            match what {
                Alloc::PlainObject { alloc_kind, shape } => {
                    e.field_address(shape);
                    e.i(I::I32Const(alloc_kind as i32));
                    e.field_u32(site);
                    e.i(I::Call(c.new_plain_object));
                }
                Alloc::Array { length } => {
                    e.i(I::I32Const(length as i32));
                    e.field_u32(site);
                    e.i(I::Call(c.new_array_object));
                }
                Alloc::ArrayFromLength { template, length } => {
                    e.field_address(template);
                    e.lo(length);
                    e.i(I::Call(c.new_array_from_length));
                }
            }
        });
        crate::value::box_i32(&mut self.f, runtime_abi::value::TYPE_OBJECT);
        self.i(I::LocalSet(out));
        Ok(())
    }

    /// `[] -> [i32]`: a VM call that may GC and returns a GC thing (null is an error), made
    /// behind the IC frame: `call` pushes the arguments and calls.
    pub(super) fn call_vm_returning_cell(&mut self, call: impl FnOnce(&mut Self)) {
        let r = self.t32g;
        self.push_ic_frame();
        call(self);
        self.i(I::LocalSet(r));
        self.error_unless(r);
        self.pop_ic_frame();
        self.i(I::LocalGet(r));
    }

    /// Stores the GC thing in register `r` in the `State`'s pointer cell `cell` (a string or
    /// object cell, where the GC traces and updates it) and leaves the `State`'s address in
    /// local `state`.
    fn root_in_cell(&mut self, r: u8, cell: u32, state: u32) {
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::STATE, 2))).i(I::LocalTee(state));
        self.lo(r);
        self.i(I::I32Store(Self::mem(cell, 2)));
    }

    /// `CallSubstringKernelResult`: the engine's `SubstringKernel(cx, str, begin, length)`
    /// behind the IC frame, the string rooted in the `State`'s first string cell.
    pub(super) fn substring(&mut self, s: u8, begin: u8, length: u8) -> Result<(), Decline> {
        let (Some(_), Some(f)) = (self.env.calls, self.env.strings) else {
            return Err(Decline::Unsupported("CallSubstringKernelResult".into()));
        };
        let (state, out) = (self.t32h, self.result);
        self.root_in_cell(s, sf::STATE_STR0, state);
        self.call_vm_returning_cell(|e| {
            e.cx();
            e.i(I::LocalGet(state)).i(I::I32Const(sf::STATE_STR0 as i32)).i(I::I32Add);
            e.lo(begin);
            e.lo(length);
            e.i(I::Call(f.substring));
            // The cell is cleared before anything else, error or not.
            e.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(sf::STATE_STR0, 2)));
        });
        crate::value::box_i32(&mut self.f, runtime_abi::value::TYPE_STRING);
        self.i(I::LocalSet(out));
        Ok(())
    }

    /// `CallNumberToString`: number `n` as a string into operand `res`, through the engine's
    /// `NumberToString(cx, double)` behind the IC frame; null fails the stub, as the engine's
    /// interpreter fails it.
    pub(super) fn number_to_string(&mut self, n: u8, res: u8) -> Result<(), Decline> {
        let (Some(_), Some(f)) = (self.env.calls, self.env.strings) else {
            return Err(Decline::Unsupported("CallNumberToString".into()));
        };
        let (d, s, dst) = (self.tf, self.t32g, self.reg(res));
        self.to_number(n);
        self.i(I::LocalSet(d));
        self.push_ic_frame();
        self.cx();
        self.i(I::LocalGet(d)).i(I::Call(f.number_to_string)).i(I::LocalSet(s));
        self.pop_ic_frame();
        self.i(I::LocalGet(s)).i(I::I32Eqz);
        self.fail_if();
        self.i(I::LocalGet(s));
        crate::value::box_i32(&mut self.f, runtime_abi::value::TYPE_STRING);
        self.i(I::LocalSet(dst));
        Ok(())
    }

    /// `StringToLowerCaseResult`, `StringTrimResult` and the others that make a string of
    /// string `s`: the engine's function `(cx, &str0) -> JSString*` behind the IC frame, the
    /// string rooted in the `State`'s first string cell (cleared after); null is an error.
    pub(super) fn string_to_string(&mut self, s: u8, which: StringUnary) -> Result<(), Decline> {
        let (Some(_), Some(f)) = (self.env.calls, self.env.strings) else {
            return Err(Decline::Unsupported(which.op_name().into()));
        };
        let (state, out) = (self.t32h, self.result);
        self.root_in_cell(s, sf::STATE_STR0, state);
        self.call_vm_returning_cell(|e| {
            e.cx();
            e.i(I::LocalGet(state)).i(I::I32Const(sf::STATE_STR0 as i32)).i(I::I32Add);
            e.i(I::Call(f.unary[which as usize]));
            // The cell is cleared before anything else, error or not.
            e.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(sf::STATE_STR0, 2)));
        });
        crate::value::box_i32(&mut self.f, runtime_abi::value::TYPE_STRING);
        self.i(I::LocalSet(out));
        Ok(())
    }

    /// `StringIndexOfResult` and the other searches of string `s` for string `search`: the
    /// engine's function `(cx, &str0, &str1, &out) -> bool` behind the IC frame, both strings
    /// rooted in the `State`'s string cells and `out` carved from the shadow stack, as the
    /// engine's interpreter calls it; false is an error.
    pub(super) fn string_search(&mut self, s: u8, search: u8, which: StringSearch) -> Result<(), Decline> {
        let (Some(_), Some(f)) = (self.env.calls, self.env.strings) else {
            return Err(Decline::Unsupported(which.op_name().into()));
        };
        let (state, slot, found, out, g) = (self.t32h, self.t32b, self.t32, self.result, self.env.stack_pointer_global);
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::STATE, 2))).i(I::LocalSet(state));
        for (reg, cell) in [(s, sf::STATE_STR0), (search, sf::STATE_STR1)] {
            self.i(I::LocalGet(state));
            self.lo(reg);
            self.i(I::I32Store(Self::mem(cell, 2)));
        }
        crate::value::shadow_alloc(&mut self.f, g, slot, 8);
        self.i(I::LocalGet(slot)).i(I::I32Const(0)).i(I::I32Store(Self::mem(0, 2)));
        self.call_vm_returning_cell(|e| {
            e.cx();
            for cell in [sf::STATE_STR0, sf::STATE_STR1] {
                e.i(I::LocalGet(state)).i(I::I32Const(cell as i32)).i(I::I32Add);
            }
            e.i(I::LocalGet(slot));
            e.i(I::Call(f.search[which as usize]));
            // The cells and the slot are given back before anything else, error or not.
            e.i(I::LocalGet(slot));
            e.i(if which.returns_index() { I::I32Load(Self::mem(0, 2)) } else { I::I32Load8U(Self::mem(0, 0)) });
            e.i(I::LocalSet(found));
            crate::value::shadow_free(&mut e.f, g, slot, 8);
            for cell in [sf::STATE_STR0, sf::STATE_STR1] {
                e.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(cell, 2)));
            }
        });
        self.i(I::Drop).i(I::LocalGet(found));
        crate::value::box_i32(&mut self.f, if which.returns_index() { runtime_abi::value::TYPE_INT32 } else { runtime_abi::value::TYPE_BOOLEAN });
        self.i(I::LocalSet(out));
        Ok(())
    }

    /// `CallNativeGetterResult` (`rhs` none) / `CallNativeSetter`: the native getter or setter
    /// in stub field `field`, called through the engine's `CallNativeGetter(cx, &fun0,
    /// &value0 receiver, &value1 result)` / `CallNativeSetter(cx, &fun0, &obj0 receiver,
    /// &value1 rhs)` behind the IC frame, as its interpreter calls them (it makes no realm
    /// check here either); the cells are cleared after; false is an error.
    pub(super) fn native_accessor(&mut self, receiver: u8, field: u8, rhs: Option<u8>) -> Result<(), Decline> {
        let Some(c) = self.env.calls else {
            return Err(Decline::Unsupported(if rhs.is_some() { "CallNativeSetter" } else { "CallNativeGetterResult" }.into()));
        };
        let (state, out) = (self.t32h, self.result);
        let receiver_cell = if rhs.is_some() { sf::STATE_OBJ0 } else { sf::STATE_VALUE0 };
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::STATE, 2))).i(I::LocalTee(state));
        self.field_u32(field);
        self.i(I::I32Store(Self::mem(sf::STATE_FUN0, 2)));
        let recv = self.reg(receiver);
        if rhs.is_some() {
            self.i(I::LocalGet(state)).i(I::LocalGet(recv)).i(I::I32WrapI64).i(I::I32Store(Self::mem(receiver_cell, 2)));
        } else {
            self.i(I::LocalGet(state)).i(I::LocalGet(recv)).i(I::I64Store(Self::mem(receiver_cell, 3)));
        }
        self.i(I::LocalGet(state));
        match rhs {
            Some(r) => {
                let v = self.reg(r);
                self.i(I::LocalGet(v));
            }
            None => {
                self.i(I::I64Const(UNDEFINED));
            }
        }
        self.i(I::I64Store(Self::mem(sf::STATE_VALUE1, 3)));
        self.call_vm_returning_cell(|e| {
            e.cx();
            for cell in [sf::STATE_FUN0, receiver_cell, sf::STATE_VALUE1] {
                e.i(I::LocalGet(state)).i(I::I32Const(cell as i32)).i(I::I32Add);
            }
            e.i(I::Call(if rhs.is_some() { c.call_native_setter } else { c.call_native_getter }));
            // The result is taken and the cells cleared before anything else, error or not.
            if rhs.is_none() {
                e.i(I::LocalGet(state)).i(I::I64Load(Self::mem(sf::STATE_VALUE1, 3))).i(I::LocalSet(out));
                e.i(I::LocalGet(state)).i(I::I64Const(UNDEFINED)).i(I::I64Store(Self::mem(sf::STATE_VALUE0, 3)));
            } else {
                e.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(sf::STATE_OBJ0, 2)));
            }
            e.i(I::LocalGet(state)).i(I::I64Const(UNDEFINED)).i(I::I64Store(Self::mem(sf::STATE_VALUE1, 3)));
            e.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(sf::STATE_FUN0, 2)));
        });
        self.i(I::Drop);
        Ok(())
    }

    /// `NewTypedArrayFromArrayBufferResult`: `new XArray(buffer, byteOffset, length)` made by
    /// the engine's function behind the IC frame, the template object (stub field `template`)
    /// and the buffer in the `State`'s object cells and the offset and length in its Value
    /// cells (all cleared after); null is an error.
    pub(super) fn new_typed_array_from_buffer(&mut self, template: u8, buffer: u8, offset: u8, length: u8) -> Result<(), Decline> {
        let Some(c) = self.env.calls else { return Err(Decline::Unsupported("NewTypedArrayFromArrayBufferResult".into())) };
        let (state, out) = (self.t32h, self.result);
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::STATE, 2))).i(I::LocalTee(state));
        self.field_u32(template);
        self.i(I::I32Store(Self::mem(sf::STATE_OBJ0, 2)));
        self.i(I::LocalGet(state));
        self.lo(buffer);
        self.i(I::I32Store(Self::mem(sf::STATE_OBJ1, 2)));
        for (reg, cell) in [(offset, sf::STATE_VALUE0), (length, sf::STATE_VALUE1)] {
            let v = self.reg(reg);
            self.i(I::LocalGet(state)).i(I::LocalGet(v)).i(I::I64Store(Self::mem(cell, 3)));
        }
        self.call_vm_returning_cell(|e| {
            e.cx();
            for cell in [sf::STATE_OBJ0, sf::STATE_OBJ1, sf::STATE_VALUE0, sf::STATE_VALUE1] {
                e.i(I::LocalGet(state)).i(I::I32Const(cell as i32)).i(I::I32Add);
            }
            e.i(I::Call(c.new_typed_array_from_buffer));
            // The cells are cleared before anything else, error or not.
            for cell in [sf::STATE_VALUE0, sf::STATE_VALUE1] {
                e.i(I::LocalGet(state)).i(I::I64Const(UNDEFINED)).i(I::I64Store(Self::mem(cell, 3)));
            }
            for cell in [sf::STATE_OBJ0, sf::STATE_OBJ1] {
                e.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(cell, 2)));
            }
        });
        crate::value::box_i32(&mut self.f, TYPE_OBJECT);
        self.i(I::LocalSet(out));
        Ok(())
    }

    /// `NumberParseIntResult`: the engine's `NumberParseInt(cx, &str0, radix, &value0)` behind
    /// the IC frame, the string rooted in the `State`'s first string cell and the result in
    /// its first Value cell (both cleared after, as the engine clears them); false is an error.
    pub(super) fn number_parse_int(&mut self, s: u8, radix: u8) -> Result<(), Decline> {
        let (Some(_), Some(f)) = (self.env.calls, self.env.strings) else {
            return Err(Decline::Unsupported("NumberParseIntResult".into()));
        };
        let (state, out) = (self.t32h, self.result);
        self.root_in_cell(s, sf::STATE_STR0, state);
        self.call_vm_returning_cell(|e| {
            e.cx();
            e.i(I::LocalGet(state)).i(I::I32Const(sf::STATE_STR0 as i32)).i(I::I32Add);
            e.lo(radix);
            e.i(I::LocalGet(state)).i(I::I32Const(sf::STATE_VALUE0 as i32)).i(I::I32Add);
            e.i(I::Call(f.parse_int));
            // The result is taken and the cells cleared before anything else, error or not.
            e.i(I::LocalGet(state)).i(I::I64Load(Self::mem(sf::STATE_VALUE0, 3))).i(I::LocalSet(out));
            e.i(I::LocalGet(state)).i(I::I64Const(UNDEFINED)).i(I::I64Store(Self::mem(sf::STATE_VALUE0, 3)));
            e.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(sf::STATE_STR0, 2)));
        });
        self.i(I::Drop);
        Ok(())
    }

    /// `MegamorphicStoreSlot` / `MegamorphicSetElement` / `CallSetArrayLength`: the engine's
    /// megamorphic set (or `SetArrayLength`) behind the IC frame, the object, key and value
    /// rooted in the `State` cells (cleared after, as the engine clears them); false is an
    /// error.
    pub(super) fn megamorphic_set(&mut self, obj: u8, key: StoreKey, rhs: u8, strict: bool) -> Result<(), Decline> {
        let Some(c) = self.env.calls else {
            return Err(Decline::Unsupported(match key {
                StoreKey::Field(_) => "MegamorphicStoreSlot",
                StoreKey::Value(_) => "MegamorphicSetElement",
                StoreKey::ArrayLength => "CallSetArrayLength",
            }.into()));
        };
        let state = self.t32h;
        let (key_cell, value_cell) = match key {
            StoreKey::Field(_) => (Some(sf::STATE_ID0), sf::STATE_VALUE0),
            StoreKey::Value(_) => (Some(sf::STATE_VALUE0), sf::STATE_VALUE1),
            StoreKey::ArrayLength => (None, sf::STATE_VALUE0),
        };
        self.root_in_cell(obj, sf::STATE_OBJ0, state);
        match (key, key_cell) {
            (StoreKey::Field(f), Some(cell)) => {
                self.i(I::LocalGet(state));
                self.field_u32(f);
                self.i(I::I32Store(Self::mem(cell, 2)));
            }
            (StoreKey::Value(r), Some(cell)) => {
                let key_reg = self.reg(r);
                self.i(I::LocalGet(state)).i(I::LocalGet(key_reg)).i(I::I64Store(Self::mem(cell, 3)));
            }
            _ => {}
        }
        let rhs_reg = self.reg(rhs);
        self.i(I::LocalGet(state)).i(I::LocalGet(rhs_reg)).i(I::I64Store(Self::mem(value_cell, 3)));
        self.call_vm_returning_cell(|e| {
            e.cx();
            for cell in [Some(sf::STATE_OBJ0), key_cell, Some(value_cell)].into_iter().flatten() {
                e.i(I::LocalGet(state)).i(I::I32Const(cell as i32)).i(I::I32Add);
            }
            e.i(I::I32Const(strict as i32));
            e.i(I::Call(match key {
                StoreKey::Field(_) => c.set_property_megamorphic,
                StoreKey::Value(_) => c.set_element_megamorphic,
                StoreKey::ArrayLength => c.set_array_length,
            }));
            // The cells are cleared before anything else, error or not.
            e.i(I::LocalGet(state)).i(I::I64Const(UNDEFINED)).i(I::I64Store(Self::mem(value_cell, 3)));
            match (key, key_cell) {
                (StoreKey::Field(_), Some(cell)) => e.i(I::LocalGet(state)).i(I::I32Const(sf::JSID_VOID)).i(I::I32Store(Self::mem(cell, 2))),
                (StoreKey::Value(_), Some(cell)) => e.i(I::LocalGet(state)).i(I::I64Const(UNDEFINED)).i(I::I64Store(Self::mem(cell, 3))),
                _ => e,
            };
            e.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(sf::STATE_OBJ0, 2)));
        });
        self.i(I::Drop);
        Ok(())
    }

    /// `BindFunctionResult` (`template` none) / `SpecializedBindFunctionResult`:
    /// `target.bind(...)` with the caller's `argc` arguments, as the engine's interpreter makes
    /// it: behind the IC frame, the arguments copied below it (the first lowest), `target`
    /// rooted in the `State`'s first object cell (cleared after), then
    /// `functionBindImpl(cx, &obj0, args, argc)` or `functionBindSpecializedBaseline(cx, &obj0,
    /// args, argc, template)`, the template a handle to the stub's own field; null is an error.
    pub(super) fn bind_function(&mut self, target: u8, argc: u32, template: Option<u8>) -> Result<(), Decline> {
        let name = if template.is_some() { "SpecializedBindFunctionResult" } else { "BindFunctionResult" };
        let Some(c) = self.env.calls else { return Err(Decline::Unsupported(name.into())) };
        let Ok(argc) = i32::try_from(argc) else { return Err(Decline::UnsupportedOperand(name.into())) };
        let (state, n, args, out) = (self.t32h, self.t32g, self.t32d, self.result);
        self.root_in_cell(target, sf::STATE_OBJ0, state);
        self.call_vm_returning_cell(|e| {
            e.i(I::I32Const(argc)).i(I::LocalSet(n));
            e.copy_from_caller(n);
            e.cx();
            e.i(I::LocalGet(state)).i(I::I32Const(sf::STATE_OBJ0 as i32)).i(I::I32Add);
            e.i(I::LocalGet(args)).i(I::I32Const(argc));
            match template {
                Some(t) => {
                    e.field_address(t);
                    e.i(I::Call(c.bind_function_specialized));
                }
                None => {
                    e.i(I::Call(c.bind_function));
                }
            }
            // The cell is cleared before anything else, error or not.
            e.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(sf::STATE_OBJ0, 2)));
        });
        crate::value::box_i32(&mut self.f, TYPE_OBJECT);
        self.i(I::LocalSet(out));
        Ok(())
    }

    /// `ObjectToIteratorResult`: the `for-in` iterator of object `obj`, made by the engine's
    /// `GetIterator(cx, &obj0)` behind the IC frame, the object rooted in the `State`'s first
    /// object cell (cleared after); null is an error.
    pub(super) fn object_to_iterator(&mut self, obj: u8) -> Result<(), Decline> {
        let Some(c) = self.env.calls else { return Err(Decline::Unsupported("ObjectToIteratorResult".into())) };
        let (state, out) = (self.t32h, self.result);
        self.root_in_cell(obj, sf::STATE_OBJ0, state);
        self.call_vm_returning_cell(|e| {
            e.cx();
            e.i(I::LocalGet(state)).i(I::I32Const(sf::STATE_OBJ0 as i32)).i(I::I32Add);
            e.i(I::Call(c.object_to_iterator));
            // The cell is cleared before anything else, error or not.
            e.i(I::LocalGet(state)).i(I::I32Const(0)).i(I::I32Store(Self::mem(sf::STATE_OBJ0, 2)));
        });
        crate::value::box_i32(&mut self.f, TYPE_OBJECT);
        self.i(I::LocalSet(out));
        Ok(())
    }

    /// Pushes `ctx.cx`.
    pub(super) fn cx(&mut self) {
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::CX, 2)));
    }

    /// Pushes `ctx.stack` (the `Stack*`).
    fn stack_ptr(&mut self) {
        self.i(I::LocalGet(P_CTX)).i(I::I32Load(Self::mem(ctx::STACK, 2)));
    }
}
