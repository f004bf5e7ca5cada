//! The script compiler: one JSScript's bytecode lowered to a Wasm function with the engine's
//! interpreter-entry signature and frame protocol.
//!
//! The generated function does what `PortableBaselineInterpret<Specialized>` does for this one
//! script, without dispatch or decoding:
//!
//! - **Prologue** as the interpreter's: a null return address and a `BaselineFrame` pushed on
//!   the auxiliary stack, the frame's script, IC script and interpreter fields set by the
//!   engine's own helpers, fixed slots set to `undefined`, the function's environment installed
//!   (and its environment objects created by the engine when the script needs them), an
//!   `ICCtx` built on the C shadow stack. When the auxiliary or native stack is short, the
//!   function hands the call to the engine's generic interpreter, which reports over-recursion.
//! - **Values live where the interpreter keeps them.** Locals at `frame - 8(i+1)`, the operand
//!   stack below them. Stack depth is known at every op, so every slot is a constant offset from
//!   one base; nothing GC-visible is ever held only in a Wasm local, and `interpreterPC` is
//!   stored before every call that can GC or throw.
//! - **IC ops** call the site's chain through table 0 (stub at `icEntry+0`, code at `+4`), as
//!   the interpreter does, so they land in the compiled stub library or the fallback. int32 and
//!   double arithmetic, comparisons and bitwise ops, and the truthiness of primitives, are done
//!   inline first.
//! - **Errors** (an IC's error sentinel, a failed helper) go to the engine's restart entry with
//!   `PBIResult::Error`: exception handling, catch blocks and the rest of the frame run there.
//!   Ops that only ever throw (and the throwing side of checks) leave the same way with
//!   `PBIResult::Unwind` at the op's own pc: the engine's interpreter resumes there and runs it.
//!   So does top-level declaration instantiation, which runs once, at snapshot time.
//! - A script with an op this compiler does not lower is declined, with the op named.

pub mod analysis;

use crate::bytecode::{Op, Operand};
use crate::snapshot::engine::Engine;
use analysis::Analysis;
use runtime_abi::ic::ERROR_RESULT;
use runtime_abi::layout::frame as bf;
use runtime_abi::script::{self as sf, ctx, param, ScriptFacts};
use runtime_abi::value::{self as jsval, tag, TYPE_BOOLEAN, TYPE_INT32, TYPE_NULL, TYPE_OBJECT, TYPE_STRING, TYPE_SYMBOL, TYPE_UNDEFINED};
use wasm_encoder::{BlockType, Function, Instruction as I, MemArg, ValType};

/// Output-module indices a compiled script calls.
#[derive(Clone, Copy, Debug)]
pub struct LowerEnv<'a> {
    pub facts: &'a ScriptFacts,
    pub ic_type_index: u32,
    pub stack_pointer_global: u32,
    pub restart: u32,
    pub generic: u32,
    pub callee_token_script: u32,
    pub set_interpreter_fields: u32,
    pub init_function_env: u32,
    pub lambda: u32,
    pub function_this: u32,
    pub push_lexical_env: u32,
    pub ensure_dense_len: u32,
    pub init_dense_element: u32,
    pub regexp_at_pc: u32,
    pub clone_regexp: u32,
    pub gcptr_value_set: u32,
}

/// One script to compile: its request and what the image says of its JSScript.
pub struct ScriptInput<'a> {
    pub ops: &'a [Op],
    /// Resume offsets, scope notes and try notes from the script's ImmutableScriptData.
    pub notes: &'a crate::bytecode::notes::ScriptNotes,
    pub nfixed: u32,
    pub nslots: u32,
    pub num_ic_entries: u32,
    pub args_obj_aliases_formals: bool,
    pub immutable_flags: u32,
}

/// Why a script is not compiled; `op` names the op that stopped it, when one did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decline {
    pub reason: String,
    pub op: Option<String>,
}

impl Decline {
    fn op(op: &str) -> Self {
        Decline { reason: format!("script: op {op} is not lowered yet"), op: Some(op.to_string()) }
    }
    pub(crate) fn why(reason: impl Into<String>) -> Self {
        Decline { reason: format!("script: {}", reason.into()), op: None }
    }
}

/// What an op lowers to, decided before any code is emitted so a decline costs nothing.
pub fn op_supported(name: &str) -> bool {
    matches!(
        name,
        "Nop" | "NopIsAssignOp" | "Lineno" | "NopDestructuring" | "TryDestructuring" | "Try" | "JumpTarget" | "LoopHead"
            | "DebugLeaveLexicalEnv"
            | "Undefined" | "Null" | "False" | "True" | "Int32" | "Zero" | "One" | "Int8" | "Uint16" | "Uint24" | "Double" | "String"
            | "Pop" | "PopN" | "Dup" | "Dup2" | "DupAt" | "Swap" | "Pick" | "Unpick"
            | "GetLocal" | "SetLocal" | "InitLexical" | "Uninitialized" | "CheckLexical" | "CheckAliasedLexical"
            | "GetArg" | "GetFrameArg" | "SetArg" | "GetAliasedVar" | "SetAliasedVar" | "InitAliasedLexical"
            | "Goto" | "JumpIfFalse" | "JumpIfTrue" | "And" | "Or" | "Not" | "Coalesce" | "Case" | "Default"
            | "Return" | "RetRval" | "SetRval" | "GetRval" | "IsConstructing" | "Callee" | "Lambda" | "FunctionThis"
            | "PushLexicalEnv" | "PopLexicalEnv" | "InitElemArray" | "Symbol" | "NewTarget" | "RegExp"
            | "Rest" | "GetIntrinsic" | "BindGName" | "TypeofEq" | "GlobalOrEvalDeclInstantiation"
            | "CheckIsObj" | "CheckObjCoercible" | "IsNullOrUndefined" | "CheckThis" | "CheckThisReinit" | "CheckReturn"
            | "SuperFun" | "InitGLexical" | "SuperCall" | "CloseIter" | "SpreadCall" | "SpreadNew" | "SpreadSuperCall"
            | "Throw" | "ThrowWithStack" | "ThrowMsg" | "ThrowSetConst" | "Exception" | "ExceptionAndStack" | "Debugger"
            | "GetProp" | "GetBoundName" | "GetElem" | "SetProp" | "StrictSetProp" | "SetName" | "StrictSetName" | "SetGName" | "StrictSetGName"
            | "SetElem" | "StrictSetElem" | "InitElem" | "InitHiddenElem" | "InitLockedElem" | "InitElemInc"
            | "InitProp" | "InitHiddenProp" | "InitLockedProp"
            | "Call" | "CallIgnoresRv" | "CallContent" | "CallIter" | "CallContentIter" | "New" | "NewContent"
            | "GetGName" | "GetName"
            | "Add" | "Sub" | "Mul" | "Div" | "Mod" | "Pow" | "BitOr" | "BitXor" | "BitAnd" | "Lsh" | "Rsh" | "Ursh"
            | "Eq" | "Ne" | "StrictEq" | "StrictNe" | "Lt" | "Gt" | "Le" | "Ge"
            | "Inc" | "Dec" | "Neg" | "BitNot" | "Pos" | "ToNumeric"
            | "Typeof" | "TypeofExpr" | "In" | "Instanceof" | "HasOwn"
            | "NewObject" | "NewInit" | "NewArray" | "ToPropertyKey" | "GetIterator" | "OptimizeSpreadCall" | "OptimizeGetIterator"
    )
}

/// Ops that hand the frame to the engine's interpreter at their own pc: those that always raise
/// an exception (or are only reached after one), and the declaration instantiation that only
/// top-level code runs, once, at snapshot time.
pub fn bails_out(name: &str) -> bool {
    matches!(
        name,
        "Throw" | "ThrowWithStack" | "ThrowMsg" | "ThrowSetConst" | "Exception" | "ExceptionAndStack" | "Debugger"
            | "GlobalOrEvalDeclInstantiation"
    )
}

/// Checks that a script can be compiled and compiles it: the function body (locals and code).
pub fn compile_script(engine: &Engine, env: &LowerEnv<'_>, input: &ScriptInput<'_>) -> Result<Vec<u8>, Decline> {
    let flags = input.immutable_flags;
    if flags & (sf::FLAG_IS_ASYNC | sf::FLAG_IS_GENERATOR) != 0 {
        return Err(Decline::why("generators and async functions stay interpreted"));
    }
    if input.args_obj_aliases_formals {
        return Err(Decline::why("arguments object aliases formals"));
    }
    if let Some(op) = input.ops.iter().find(|o| !op_supported(&o.name)) {
        return Err(Decline::op(&op.name));
    }
    let a = analysis::analyse(engine, input.ops, input.notes, input.num_ic_entries).map_err(|e| Decline::why(e.0))?;
    let mut e = Emitter::new(env, input, &a);
    e.prologue();
    e.body()?;
    e.epilogue();
    Ok(e.f.into_raw_body())
}

// Locals after the 13 parameters.
const L_FRAME: u32 = 13;
const L_CTX: u32 = 14;
const L_IC0: u32 = 15;
const L_STATE: u32 = 16;
const L_CODE: u32 = 17;
const L_PCOFF: u32 = 18;
const L_SPERR: u32 = 19;
const L_T32: u32 = 20;
const L_T32B: u32 = 21;
const L_SAVED_TOP: u32 = 22;
const L_SHADOW: u32 = 23;
const L_LOW: u32 = 24;
const L_A: u32 = 25; // i64
const L_B: u32 = 26; // i64
const L_R: u32 = 27; // i64
const L_F: u32 = 28; // f64
const NUM_I32_LOCALS: u32 = 12;
const NUM_I64_LOCALS: u32 = 3;
const NUM_F64_LOCALS: u32 = 1;

// Values as `i64.const` operands.
const UNDEFINED: i64 = jsval::UNDEFINED as i64;
const NULL: i64 = jsval::NULL as i64;
const MAGIC_UNINITIALIZED_LEXICAL: i64 = runtime_abi::ic::UNINITIALIZED_LEXICAL as i64;
const MAGIC_IS_CONSTRUCTING: i64 = jsval::IS_CONSTRUCTING as i64;

const fn tag64(ty: u32) -> i64 {
    jsval::tag_bits(ty) as i64
}

struct Emitter<'e> {
    env: &'e LowerEnv<'e>,
    input: &'e ScriptInput<'e>,
    a: &'e Analysis,
    f: Function,
    /// Wasm blocks opened inside the current op's code (added to every branch depth).
    nest: u32,
    block: usize,
    nblocks: usize,
}

fn m(offset: u32, align: u32) -> MemArg {
    MemArg { offset: offset as u64, align, memory_index: 0 }
}

impl<'e> Emitter<'e> {
    fn new(env: &'e LowerEnv<'e>, input: &'e ScriptInput<'e>, a: &'e Analysis) -> Self {
        let f = Function::new([(NUM_I32_LOCALS, ValType::I32), (NUM_I64_LOCALS, ValType::I64), (NUM_F64_LOCALS, ValType::F64)]);
        Emitter { env, input, a, f, nest: 0, block: 0, nblocks: a.block_starts.len() }
    }

    fn i(&mut self, ins: I<'_>) -> &mut Self {
        self.f.instruction(&ins);
        self
    }

    // ---- addresses -------------------------------------------------------------------------

    /// Offset from `L_LOW` of operand stack slot `k` (1-based from the bottom).
    fn slot_off(&self, k: u32) -> u32 {
        8 * (self.a.max_depth - k)
    }
    /// Offset from `L_LOW` of fixed slot (local) `i`.
    fn local_off(&self, i: u32) -> u32 {
        8 * (self.input.nfixed + self.a.max_depth - i - 1)
    }
    /// `spoffset` for ICs: bytes from the frame down to the stack pointer at `depth`.
    fn spoffset(&self, depth: u32) -> u32 {
        8 * (self.input.nfixed + depth)
    }

    fn load_slot(&mut self, k: u32) {
        let off = self.slot_off(k);
        self.i(I::LocalGet(L_LOW)).i(I::I64Load(m(off, 3)));
    }
    /// Stores the i64 in `local` to slot `k`.
    fn store_slot_from(&mut self, k: u32, local: u32) {
        let off = self.slot_off(k);
        self.i(I::LocalGet(L_LOW)).i(I::LocalGet(local)).i(I::I64Store(m(off, 3)));
    }
    fn store_slot_const(&mut self, k: u32, v: i64) {
        let off = self.slot_off(k);
        self.i(I::LocalGet(L_LOW)).i(I::I64Const(v)).i(I::I64Store(m(off, 3)));
    }
    fn copy_slot(&mut self, from: u32, to: u32) {
        let (fo, to) = (self.slot_off(from), self.slot_off(to));
        self.i(I::LocalGet(L_LOW)).i(I::LocalGet(L_LOW)).i(I::I64Load(m(fo, 3))).i(I::I64Store(m(to, 3)));
    }
    /// The stack pointer when `depth` values are on the operand stack: the address of the top
    /// slot, slot `depth`.
    fn sp_addr(&mut self, depth: u32) {
        let off = self.slot_off(depth);
        self.i(I::LocalGet(L_LOW)).i(I::I32Const(off as i32)).i(I::I32Add);
    }

    /// `frame->interpreterPC = pc; frame->interpreterICEntry = icEntry` for op `idx`.
    fn store_pc(&mut self, idx: usize) {
        let off = self.input.ops[idx].offset;
        self.i(I::LocalGet(L_FRAME)).i(I::LocalGet(param::PC_BASE)).i(I::I32Const(off as i32)).i(I::I32Add);
        self.i(I::I32Store(m(bf::INTERPRETER_PC, 2)));
        let ic = self.a.ic_index[idx];
        self.i(I::LocalGet(L_FRAME)).i(I::LocalGet(L_IC0)).i(I::I32Const(8 * ic as i32)).i(I::I32Add);
        self.i(I::I32Store(m(bf::INTERPRETER_IC_ENTRY, 2)));
    }

    // ---- control ---------------------------------------------------------------------------

    fn open_if(&mut self) {
        self.i(I::If(BlockType::Empty));
        self.nest += 1;
    }
    fn open_if_else(&mut self, ty: ValType) {
        self.i(I::If(BlockType::Result(ty)));
        self.nest += 1;
    }
    fn else_(&mut self) {
        self.i(I::Else);
    }
    fn end(&mut self) {
        self.i(I::End);
        self.nest -= 1;
    }
    fn err_depth(&self) -> u32 {
        (self.nblocks - self.block) as u32 + self.nest
    }
    /// Branch to the op at bytecode offset `target`.
    fn jump(&mut self, target: u32) {
        let j = self.input.ops.binary_search_by_key(&target, |o| o.offset).expect("analysed target");
        let jb = self.a.block_of[j];
        if jb > self.block {
            let d = (jb - self.block - 1) as u32 + self.nest;
            self.i(I::Br(d));
        } else {
            let d = (self.nblocks - 1 - self.block) as u32 + self.nest;
            self.i(I::I32Const(jb as i32)).i(I::LocalSet(L_STATE)).i(I::Br(d));
        }
    }
    /// Leaves for the engine's restart entry with the code in `L_CODE`, at op `idx` with
    /// `depth` values on the stack.
    fn exit_to_restart(&mut self, idx: usize, depth: u32) {
        let off = self.input.ops[idx].offset;
        self.i(I::I32Const(off as i32)).i(I::LocalSet(L_PCOFF));
        self.sp_addr(depth);
        self.i(I::LocalSet(L_SPERR));
        let d = self.err_depth();
        self.i(I::Br(d));
    }
    /// The engine's interpreter takes over at op `idx`: it runs that op and the rest of the frame.
    fn bail_out(&mut self, idx: usize, depth: u32) {
        self.store_pc(idx);
        self.i(I::LocalGet(param::STACK));
        self.sp_addr(depth);
        self.i(I::I32Store(m(sf::STACK_UNWINDING_SP, 2)));
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(L_FRAME)).i(I::I32Const(bf::SIZE as i32)).i(I::I32Add);
        self.i(I::I32Store(m(sf::STACK_UNWINDING_FP, 2)));
        self.i(I::I32Const(sf::RESULT_UNWIND)).i(I::LocalSet(L_CODE));
        self.exit_to_restart(idx, depth);
    }

    // ---- calls -----------------------------------------------------------------------------

    /// Calls op `idx`'s IC chain with `L_A`, `L_B` (and ctx.arg2 already set); the stack pointer
    /// the IC sees is at `depth`. The result is left in `L_R`; the error sentinel leaves.
    fn ic_call(&mut self, idx: usize, depth: u32) {
        self.store_pc(idx);
        let spoff = self.spoffset(depth);
        self.i(I::LocalGet(L_CTX)).i(I::I32Const(spoff as i32)).i(I::I32Store(m(ctx::SPOFFSET, 2)));
        let e = 8 * self.a.ic_index[idx];
        self.i(I::LocalGet(L_A)).i(I::LocalGet(L_B));
        self.i(I::LocalGet(L_IC0)).i(I::I32Load(m(e, 2)));
        self.i(I::LocalGet(L_CTX));
        self.i(I::LocalGet(L_IC0)).i(I::I32Load(m(e + 4, 2)));
        self.i(I::CallIndirect { type_index: self.env.ic_type_index, table_index: 0 });
        self.i(I::LocalTee(L_R)).i(I::I64Const(ERROR_RESULT as i64)).i(I::I64Eq);
        self.open_if();
        self.i(I::LocalGet(L_CTX)).i(I::I32Load(m(ctx::ERROR, 2))).i(I::LocalSet(L_CODE));
        self.exit_to_restart(idx, depth);
        self.end();
    }

    /// Pushes an exit frame at the stack pointer for `depth`, as `VMFrame` does, so the engine
    /// can walk and trace this frame during the call that follows.
    fn push_exit_frame(&mut self, idx: usize, depth: u32) {
        let s = self.env.facts;
        self.store_pc(idx);
        self.sp_addr(depth);
        self.i(I::LocalSet(L_T32));
        // descriptor and null return address at sp-8
        self.i(I::LocalGet(L_T32)).i(I::I32Const(8)).i(I::I32Sub).i(I::I64Const((sf::EXIT_DESCRIPTOR as i64) << 32)).i(I::I64Store(m(0, 2)));
        // previous FP, then the stack's fp is the exit FP
        self.i(I::LocalGet(L_T32)).i(I::I32Const(12)).i(I::I32Sub).i(I::LocalTee(L_T32B));
        self.i(I::LocalGet(L_FRAME)).i(I::I32Const(bf::SIZE as i32)).i(I::I32Add).i(I::I32Store(m(0, 2)));
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(L_T32B)).i(I::I32Store(m(sf::STACK_FP, 2)));
        self.i(I::LocalGet(L_T32)).i(I::I32Const(16)).i(I::I32Sub).i(I::I32Const(sf::EXIT_FRAME_BARE as i32)).i(I::I32Store(m(0, 2)));
        // cx->activation()->packedExitFP = exitFP
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_activation, 2))).i(I::LocalGet(L_T32B)).i(I::I32Store(m(s.activation_exit_fp, 2)));
        // saved = pbstack.top; pbstack.top = exitFP - 4
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_runtime, 2))).i(I::I32Load(m(s.pb_stack_top, 2))).i(I::LocalSet(L_SAVED_TOP));
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_runtime, 2)));
        self.i(I::LocalGet(L_T32)).i(I::I32Const(16)).i(I::I32Sub).i(I::I32Store(m(s.pb_stack_top, 2)));
    }
    fn pop_exit_frame(&mut self) {
        let s = self.env.facts;
        // stack.fp = *exitFP (the frame's FP again); top restored
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(L_T32B)).i(I::I32Load(m(0, 2))).i(I::I32Store(m(sf::STACK_FP, 2)));
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_runtime, 2))).i(I::LocalGet(L_SAVED_TOP)).i(I::I32Store(m(s.pb_stack_top, 2)));
    }

    /// After an engine helper whose result in `L_T32` is null (or false) on failure: leave
    /// through the restart entry with `PBIResult::Error` (the helper has reported it).
    fn error_if_zero(&mut self, idx: usize, depth: u32) {
        self.i(I::LocalGet(L_T32)).i(I::I32Eqz);
        self.open_if();
        self.i(I::I32Const(sf::RESULT_ERROR)).i(I::LocalSet(L_CODE));
        self.exit_to_restart(idx, depth);
        self.end();
    }

    /// Boxes the i32 payload on the stack as a Value of type `ty`.
    fn box_i32(&mut self, ty: u32) {
        self.i(I::I64ExtendI32U).i(I::I64Const(tag64(ty))).i(I::I64Or);
    }
    /// Boxes the low 32 bits of the i64 on the stack as a Value of type `ty`.
    fn box_low32(&mut self, ty: u32) {
        self.i(I::I64Const(0xFFFF_FFFF)).i(I::I64And).i(I::I64Const(tag64(ty))).i(I::I64Or);
    }
    /// Stores to slot `k` the Value of type `ty` whose i32 payload `payload` pushes.
    fn store_boxed(&mut self, k: u32, ty: u32, payload: impl FnOnce(&mut Self)) {
        let so = self.slot_off(k);
        self.i(I::LocalGet(L_LOW));
        payload(self);
        self.box_i32(ty);
        self.i(I::I64Store(m(so, 3)));
    }
    /// Stores the object pointer in `local` to slot `k` as an object Value.
    fn store_object(&mut self, k: u32, local: u32) {
        self.store_boxed(k, TYPE_OBJECT, |e| {
            e.i(I::LocalGet(local));
        });
    }
    /// Pushes the frame as the engine's `AbstractFramePtr`.
    fn frame_ptr(&mut self) {
        self.i(I::LocalGet(L_FRAME)).i(I::I32Const(sf::ABSTRACT_FRAME_BASELINE_TAG as i32)).i(I::I32Or);
    }
    /// Pushes `frame->returnValue()`: the stored value if the frame has one, else undefined.
    fn frame_return_value(&mut self) {
        self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::FLAGS, 2))).i(I::I32Const(sf::FRAME_FLAG_HAS_RVAL as i32)).i(I::I32And);
        self.i(I::If(BlockType::Result(ValType::I64)));
        self.i(I::LocalGet(L_FRAME)).i(I::I64Load(m(bf::RETURN_VALUE, 3)));
        self.i(I::Else).i(I::I64Const(UNDEFINED)).i(I::End);
    }
    /// Pushes `&cx->global()->lexicalEnvironment()`.
    fn global_lexical_env(&mut self) {
        let s = self.env.facts;
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_realm, 2))).i(I::I32Load(m(s.realm_global, 2)));
        self.i(I::I32Load(m(s.global_data, 2))).i(I::I32Load(m(s.global_data_lexical_env, 2)));
    }

    // ---- prologue and epilogue -------------------------------------------------------------

    fn prologue(&mut self) {
        let s = self.env.facts;
        let g = self.env.stack_pointer_global;
        // Short on native or auxiliary stack: the generic interpreter reports it properly. The
        // auxiliary stack needs the slots, the interpreter's margin, and the frame header (return
        // address, saved FP, BaselineFrame) rounded up; the native stack needs the ICCtx and
        // headroom for the helpers' own frames before they check the limit themselves.
        const FRAME_HEADER: u32 = 64;
        const NATIVE_HEADROOM: i32 = 256;
        let need = self.input.nslots * 8 + sf::STACK_MARGIN + FRAME_HEADER;
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_stack_limit, 2)));
        self.i(I::GlobalGet(g)).i(I::I32Const(ctx::SIZE as i32 + NATIVE_HEADROOM)).i(I::I32Sub).i(I::I32GeU);
        self.i(I::LocalGet(param::STACK)).i(I::I32Load(m(sf::STACK_BASE, 2))).i(I::I32Const(need as i32)).i(I::I32Add);
        self.i(I::LocalGet(param::SP)).i(I::I32GtU).i(I::I32Or);
        self.i(I::If(BlockType::Empty));
        for p in [param::CX, param::STATE, param::STACK, param::SP, param::ENV_CHAIN, param::RET] {
            self.i(I::LocalGet(p));
        }
        self.i(I::LocalGet(param::PC_BASE)).i(I::LocalGet(param::PC_OFFSET)).i(I::I32Add);
        let generic = self.env.generic;
        self.i(I::LocalGet(param::ISD)).i(I::Call(generic)).i(I::Return);
        self.i(I::End);
        // ICCtx on the shadow stack.
        self.i(I::GlobalGet(g)).i(I::LocalTee(L_SHADOW)).i(I::I32Const(ctx::SIZE as i32)).i(I::I32Sub).i(I::LocalTee(L_CTX)).i(I::GlobalSet(g));
        // Null return address, then Stack::pushFrame.
        self.i(I::LocalGet(param::SP)).i(I::I32Const(4)).i(I::I32Sub).i(I::I32Const(0)).i(I::I32Store(m(0, 2)));
        self.i(I::LocalGet(param::SP)).i(I::I32Const(8)).i(I::I32Sub).i(I::LocalTee(L_T32));
        self.i(I::LocalGet(param::STACK)).i(I::I32Load(m(sf::STACK_FP, 2))).i(I::I32Store(m(0, 2)));
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(L_T32)).i(I::I32Store(m(sf::STACK_FP, 2)));
        self.i(I::LocalGet(L_T32)).i(I::I32Const(bf::SIZE as i32)).i(I::I32Sub).i(I::LocalSet(L_FRAME));
        self.i(I::LocalGet(L_FRAME)).i(I::I32Const(sf::FRAME_FLAG_RUNNING_IN_INTERPRETER as i32)).i(I::I32Store(m(bf::FLAGS, 2)));
        self.i(I::LocalGet(L_FRAME)).i(I::LocalGet(param::ENV_CHAIN)).i(I::I32Store(m(bf::ENV_CHAIN, 2)));
        let callee_token_script = self.env.callee_token_script;
        self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(sf::FRAME_CALLEE_TOKEN, 2))).i(I::Call(callee_token_script)).i(I::LocalSet(L_T32));
        self.i(I::LocalGet(L_FRAME)).i(I::LocalGet(L_T32)).i(I::I32Load(m(sf::SCRIPT_WARM_UP_DATA, 2))).i(I::I32Const(!(sf::WARM_UP_DATA_TAG_MASK as i32))).i(I::I32And);
        self.i(I::I32Const(sf::JIT_SCRIPT_IC_SCRIPT as i32)).i(I::I32Add).i(I::I32Store(m(bf::IC_SCRIPT, 2)));
        let set_interpreter_fields = self.env.set_interpreter_fields;
        self.i(I::LocalGet(L_FRAME)).i(I::LocalGet(L_T32)).i(I::Call(set_interpreter_fields));
        self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::INTERPRETER_IC_ENTRY, 2))).i(I::LocalSet(L_IC0));
        let low = 8 * (self.input.nfixed + self.a.max_depth);
        self.i(I::LocalGet(L_FRAME)).i(I::I32Const(low as i32)).i(I::I32Sub).i(I::LocalSet(L_LOW));
        // ICCtx fields.
        let c = |e: &mut Self, off: u32, local: u32| {
            e.i(I::LocalGet(L_CTX)).i(I::LocalGet(local)).i(I::I32Store(m(off, 2)));
        };
        c(self, ctx::STATE, param::STATE);
        c(self, ctx::STACK, param::STACK);
        c(self, ctx::CX, param::CX);
        c(self, ctx::MGR_FRAME, L_FRAME);
        c(self, ctx::ENV_CHAIN, param::ENV_CHAIN);
        c(self, ctx::ISD, param::ISD);
        c(self, ctx::RET, param::RET);
        c(self, ctx::ENTRY_FRAME, L_FRAME);
        c(self, ctx::FRAME, L_FRAME);
        c(self, ctx::SPBASE, L_FRAME);
        c(self, ctx::PCBASE, param::PC_BASE);
        self.i(I::LocalGet(L_CTX)).i(I::LocalGet(param::PC_BASE)).i(I::LocalGet(param::PC_OFFSET)).i(I::I32Add).i(I::I32Store(m(ctx::ENTRY_PC, 2)));
        for off in [ctx::EXTRA_ARGS, ctx::SPOFFSET, ctx::ERROR] {
            self.i(I::LocalGet(L_CTX)).i(I::I32Const(0)).i(I::I32Store(m(off, 2)));
        }
        // Fixed slots and the return value start undefined.
        for i in 0..self.input.nfixed {
            let off = self.local_off(i);
            self.i(I::LocalGet(L_LOW)).i(I::I64Const(UNDEFINED)).i(I::I64Store(m(off, 3)));
        }
        self.i(I::LocalGet(param::RET)).i(I::I64Const(UNDEFINED)).i(I::I64Store(m(0, 3)));
        // A function's environment; its environment objects, when it needs them.
        self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(sf::FRAME_CALLEE_TOKEN, 2))).i(I::LocalTee(L_T32));
        self.i(I::I32Const(sf::CALLEE_TOKEN_SCRIPT_BIT as i32)).i(I::I32And).i(I::I32Eqz);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(L_FRAME)).i(I::LocalGet(L_T32)).i(I::I32Const(!(sf::CALLEE_TOKEN_MASK as i32))).i(I::I32And).i(I::I32Load(m(sf::FUNCTION_ENVIRONMENT, 2)));
        self.i(I::I32Store(m(bf::ENV_CHAIN, 2)));
        self.i(I::End);
    }

    /// After the prologue's plain part: a function whose script needs environment objects gets
    /// them from the engine (read from the script's flags at run time, as the interpreter does).
    fn function_env_objects(&mut self) {
        self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(sf::FRAME_CALLEE_TOKEN, 2))).i(I::LocalTee(L_T32));
        self.i(I::I32Const(sf::CALLEE_TOKEN_SCRIPT_BIT as i32)).i(I::I32And).i(I::I32Eqz);
        self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::INTERPRETER_SCRIPT, 2))).i(I::I32Load(m(runtime_abi::layout::script::IMMUTABLE_FLAGS, 2)));
        self.i(I::I32Const(sf::FLAG_NEEDS_FUNCTION_ENV_OBJECTS as i32)).i(I::I32And).i(I::I32Const(0)).i(I::I32Ne).i(I::I32And);
        self.open_if();
        self.push_exit_frame(0, 0);
        let init_function_env = self.env.init_function_env;
        self.i(I::LocalGet(param::CX));
        self.frame_ptr();
        self.i(I::Call(init_function_env));
        self.i(I::LocalSet(L_T32));
        self.pop_exit_frame();
        self.error_if_zero(0, 0);
        self.end();
    }

    /// Returns `L_A` as the frame's result: `*ret = v`, pop the frame, restore the shadow stack.
    fn return_value(&mut self) {
        self.i(I::LocalGet(param::RET)).i(I::LocalGet(L_A)).i(I::I64Store(m(0, 3)));
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::SIZE, 2))).i(I::I32Store(m(sf::STACK_FP, 2)));
        let stack_pointer_global = self.env.stack_pointer_global;
        self.i(I::LocalGet(L_SHADOW)).i(I::GlobalSet(stack_pointer_global));
        self.i(I::I32Const(sf::RESULT_OK)).i(I::Return);
    }

    fn epilogue(&mut self) {
        // Falling off the last block cannot happen (the last op returns or jumps).
        self.i(I::Unreachable);
        self.i(I::End); // loop
        self.i(I::End); // error block
        // The restart entry: exception handling and the rest of the frame, generically.
        let stack_pointer_global = self.env.stack_pointer_global;
        self.i(I::LocalGet(L_SHADOW)).i(I::GlobalSet(stack_pointer_global));
        for p in [param::CX, param::STATE, param::STACK] {
            self.i(I::LocalGet(p));
        }
        self.i(I::LocalGet(L_SPERR)).i(I::LocalGet(param::ENV_CHAIN)).i(I::LocalGet(param::RET)).i(I::LocalGet(param::PC_BASE));
        self.i(I::LocalGet(L_PCOFF)).i(I::LocalGet(param::ISD));
        self.i(I::LocalGet(param::PC_BASE)).i(I::LocalGet(param::PC_OFFSET)).i(I::I32Add);
        self.i(I::LocalGet(L_FRAME)).i(I::LocalGet(L_FRAME)).i(I::LocalGet(L_CODE));
        self.i(I::Call(self.env.restart));
        self.i(I::End);
    }

    // ---- body ------------------------------------------------------------------------------

    fn body(&mut self) -> Result<(), Decline> {
        let n = self.nblocks;
        self.i(I::Block(BlockType::Empty)); // error exit
        // Environment objects are created inside the error block so a failure can leave.
        self.block = n; // depth bookkeeping: err_depth() = nest here
        self.function_env_objects();
        self.i(I::I32Const(0)).i(I::LocalSet(L_STATE));
        self.i(I::Loop(BlockType::Empty));
        for _ in 0..n {
            self.i(I::Block(BlockType::Empty));
        }
        self.i(I::LocalGet(L_STATE));
        let targets: Vec<u32> = (0..n as u32).collect();
        self.i(I::BrTable(targets.into(), 0));
        let ops = self.input.ops;
        for (idx, op) in ops.iter().enumerate() {
            let b = self.a.block_of[idx];
            if idx == self.a.block_starts[b] {
                self.i(I::End);
                self.block = b;
                // A block entered only by falling through from an unreachable op is dead too.
            }
            match self.a.depth[idx] {
                Some(d) => self.op(idx, op, d)?,
                None => {
                    self.i(I::Unreachable);
                }
            }
            debug_assert_eq!(self.nest, 0, "{}", op.name);
        }
        Ok(())
    }

    fn u32_operand(op: &Op) -> u32 {
        match op.operands.first() {
            Some(Operand::U8(v)) => *v as u32,
            Some(Operand::U16(v)) | Some(Operand::Argc(v)) | Some(Operand::Arg(v)) => *v as u32,
            Some(Operand::U24(v)) | Some(Operand::Local(v)) | Some(Operand::U32(v)) | Some(Operand::ResumeIndex(v)) => *v,
            Some(Operand::I8(v)) => *v as i32 as u32,
            Some(Operand::I32(v)) => *v as u32,
            Some(Operand::Thing { index, .. }) => *index,
            _ => 0,
        }
    }

    /// Truthiness of slot `k` as an i32 (0/1): booleans and int32 inline, the rest by the ToBool
    /// IC (whose stack pointer is at `ic_depth`).
    fn truthy(&mut self, idx: usize, k: u32, ic_depth: u32) {
        self.load_slot(k);
        self.i(I::LocalTee(L_A)).i(I::I64Const(32)).i(I::I64ShrU).i(I::I32WrapI64).i(I::LocalTee(L_T32));
        self.i(I::I32Const(tag(TYPE_BOOLEAN) as i32)).i(I::I32Eq);
        self.i(I::LocalGet(L_T32)).i(I::I32Const(tag(TYPE_INT32) as i32)).i(I::I32Eq).i(I::I32Or);
        self.open_if_else(ValType::I32);
        self.i(I::LocalGet(L_A)).i(I::I32WrapI64).i(I::I32Const(0)).i(I::I32Ne);
        self.else_();
        // A double: neither zero nor NaN.
        self.i(I::LocalGet(L_T32)).i(I::I32Const(tag(TYPE_INT32) as i32)).i(I::I32LtU);
        self.open_if_else(ValType::I32);
        self.i(I::LocalGet(L_A)).i(I::F64ReinterpretI64).i(I::LocalTee(L_F)).i(I::LocalGet(L_F)).i(I::F64Eq);
        self.i(I::LocalGet(L_F)).i(I::F64Const(0.0.into())).i(I::F64Ne).i(I::I32And);
        self.else_();
        self.i(I::LocalGet(L_T32)).i(I::I32Const(tag(TYPE_UNDEFINED) as i32)).i(I::I32Eq);
        self.i(I::LocalGet(L_T32)).i(I::I32Const(tag(TYPE_NULL) as i32)).i(I::I32Eq).i(I::I32Or);
        self.open_if_else(ValType::I32);
        self.i(I::I32Const(0));
        self.else_();
        self.i(I::I64Const(0)).i(I::LocalSet(L_B));
        self.ic_call(idx, ic_depth);
        self.i(I::LocalGet(L_R)).i(I::I32WrapI64).i(I::I32Const(0)).i(I::I32Ne);
        self.end();
        self.end();
        self.end();
    }

    /// Pushes `hi(v) == tag` for the i64 in `local`.
    fn is_tag(&mut self, local: u32, ty: u32) {
        self.i(I::LocalGet(local)).i(I::I64Const(32)).i(I::I64ShrU).i(I::I32WrapI64).i(I::I32Const(tag(ty) as i32)).i(I::I32Eq);
    }

    /// Two-operand ops: `L_A` = lhs (slot d-1), `L_B` = rhs (slot d); an int32 fast path
    /// `fast` (given both int32, pushes the i64 result or leaves to the IC by branching), else
    /// the IC. The result goes to slot d-1.
    fn binary(&mut self, idx: usize, d: u32, fast: Option<fn(&mut Self)>) {
        self.binary_num(idx, d, fast, None);
    }

    /// Two-operand ops with inline paths: `int32` (given both int32, leaves the i64 result or
    /// branches to label 0 to try the number path), then `number` (given both numbers, with
    /// `to_f64` of lhs and rhs on the stack, leaves the i64 result), then the IC.
    fn binary_num(&mut self, idx: usize, d: u32, int32: Option<fn(&mut Self)>, number: Option<fn(&mut Self)>) {
        self.binary_paths(idx, d, int32, number, true);
    }

    /// `binary_num`, where `f64_operands` says whether the number path gets the operands as
    /// f64s on the stack (otherwise it reads `L_A`/`L_B` itself).
    fn binary_paths(&mut self, idx: usize, d: u32, int32: Option<fn(&mut Self)>, number: Option<fn(&mut Self)>, f64_operands: bool) {
        self.load_slot(d - 1);
        self.i(I::LocalSet(L_A));
        self.load_slot(d);
        self.i(I::LocalSet(L_B));
        self.i(I::Block(BlockType::Empty)); // $done
        self.nest += 1;
        if let Some(fast) = int32 {
            self.i(I::Block(BlockType::Empty)); // $not_int32
            self.nest += 1;
            self.is_tag(L_A, TYPE_INT32);
            self.is_tag(L_B, TYPE_INT32);
            self.i(I::I32And).i(I::I32Eqz).i(I::BrIf(0));
            fast(self);
            self.i(I::LocalSet(L_R)).i(I::Br(1));
            self.end();
        }
        if let Some(fast) = number {
            self.i(I::Block(BlockType::Empty)); // $not_numbers
            self.nest += 1;
            self.is_number(L_A);
            self.is_number(L_B);
            self.i(I::I32And).i(I::I32Eqz).i(I::BrIf(0));
            if f64_operands {
                self.to_f64(L_A);
                self.to_f64(L_B);
            }
            fast(self);
            self.i(I::LocalSet(L_R)).i(I::Br(1));
            self.end();
        }
        self.ic_call(idx, d - 2);
        self.end();
        self.store_slot_from(d - 1, L_R);
    }

    /// Pushes `v is a number` (int32 or double) for the i64 in `local`.
    fn is_number(&mut self, local: u32) {
        self.i(I::LocalGet(local)).i(I::I64Const(32)).i(I::I64ShrU).i(I::I32WrapI64).i(I::I32Const(tag(TYPE_INT32) as i32)).i(I::I32LeU);
    }
    /// Pushes the f64 of a number Value in `local`.
    fn to_f64(&mut self, local: u32) {
        self.is_tag(local, TYPE_INT32);
        self.i(I::If(BlockType::Result(ValType::F64)));
        self.i(I::LocalGet(local)).i(I::I32WrapI64).i(I::F64ConvertI32S);
        self.i(I::Else);
        self.i(I::LocalGet(local)).i(I::F64ReinterpretI64);
        self.i(I::End);
    }
    /// f64 arithmetic on the two stacked f64s, boxed as a double Value (NaN canonical).
    fn f64_arith(&mut self, ins: I<'static>) {
        self.i(ins).i(I::LocalTee(L_F));
        self.i(I::I64ReinterpretF64).i(I::I64Const(runtime_abi::ic::CANONICAL_NAN as i64));
        self.i(I::LocalGet(L_F)).i(I::LocalGet(L_F)).i(I::F64Eq).i(I::Select);
    }
    fn f64_cmp(&mut self, ins: I<'static>) {
        self.i(ins);
        self.box_i32(TYPE_BOOLEAN);
    }

    fn unary(&mut self, idx: usize, d: u32, fast: Option<fn(&mut Self)>) {
        self.load_slot(d);
        self.i(I::LocalSet(L_A));
        self.i(I::I64Const(0)).i(I::LocalSet(L_B));
        if let Some(fast) = fast {
            self.i(I::Block(BlockType::Empty));
            self.nest += 1;
            self.i(I::Block(BlockType::Empty));
            self.nest += 1;
            self.is_tag(L_A, TYPE_INT32);
            self.i(I::I32Eqz).i(I::BrIf(0));
            fast(self);
            self.i(I::LocalSet(L_R)).i(I::Br(1));
            self.end();
            self.ic_call(idx, d - 1);
            self.end();
        } else {
            self.ic_call(idx, d - 1);
        }
        self.store_slot_from(d, L_R);
    }

    fn env_object(&mut self, hops: u8) {
        self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::ENV_CHAIN, 2)));
        for _ in 0..hops {
            self.i(I::I32Load(m(runtime_abi::ic::ENV_ENCLOSING_SLOT, 2)));
        }
        self.i(I::LocalSet(L_T32));
    }
    /// Address of environment slot `slot` of the object in `L_T32`, into `L_T32B`: fixed slots
    /// below the shape's fixed-slot count, dynamic slots after.
    fn env_slot_addr(&mut self, slot: u32) {
        self.i(I::I32Const(slot as i32));
        self.i(I::LocalGet(L_T32)).i(I::I32Load(m(0, 2))).i(I::I32Load(m(sf::SHAPE_IMMUTABLE_FLAGS, 2)));
        self.i(I::I32Const(sf::SHAPE_FIXED_SLOTS_SHIFT as i32)).i(I::I32ShrU).i(I::I32Const(sf::SHAPE_FIXED_SLOTS_MASK as i32)).i(I::I32And);
        self.i(I::LocalTee(L_T32B)).i(I::I32LtU);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.i(I::LocalGet(L_T32)).i(I::I32Const((sf::OBJECT_FIXED_SLOTS + 8 * slot) as i32)).i(I::I32Add);
        self.i(I::Else);
        self.i(I::LocalGet(L_T32)).i(I::I32Load(m(sf::OBJECT_SLOTS, 2)));
        self.i(I::I32Const(slot as i32)).i(I::LocalGet(L_T32B)).i(I::I32Sub).i(I::I32Const(3)).i(I::I32Shl).i(I::I32Add);
        self.i(I::End);
        self.i(I::LocalSet(L_T32B));
    }

    /// `GCPtr<Value>::set(addr in L_T32B, &value)`: the engine's barriered store. The Value goes
    /// through a slot of the shadow stack, as the engine passes it.
    fn barriered_store(&mut self, value_local: u32) {
        let g = self.env.stack_pointer_global;
        self.i(I::GlobalGet(g)).i(I::I32Const(16)).i(I::I32Sub).i(I::LocalTee(L_T32)).i(I::GlobalSet(g));
        self.i(I::LocalGet(L_T32)).i(I::LocalGet(value_local)).i(I::I64Store(m(0, 3)));
        let gcptr_value_set = self.env.gcptr_value_set;
        self.i(I::LocalGet(L_T32B)).i(I::LocalGet(L_T32)).i(I::Call(gcptr_value_set));
        self.i(I::LocalGet(L_T32)).i(I::I32Const(16)).i(I::I32Add).i(I::GlobalSet(g));
    }

    /// The GC thing at `index` of the running script, with its kind bits cleared.
    fn gc_thing(&mut self, index: u32) {
        self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::INTERPRETER_SCRIPT, 2)));
        self.i(I::I32Load(m(sf::SCRIPT_DATA, 2)));
        self.i(I::I32Load(m(sf::PRIVATE_DATA_GCTHINGS + 4 * index, 2)));
        self.i(I::I32Const(!(sf::GCCELLPTR_MASK as i32))).i(I::I32And);
    }

    fn op(&mut self, idx: usize, op: &Op, d: u32) -> Result<(), Decline> {
        let name = op.name.as_str();
        let v = Self::u32_operand(op);
        if bails_out(name) {
            self.bail_out(idx, d);
            return Ok(());
        }
        match name {
            "Nop" | "NopIsAssignOp" | "Lineno" | "NopDestructuring" | "TryDestructuring" | "Try" | "JumpTarget" | "LoopHead"
            | "DebugLeaveLexicalEnv" => {}
            "Undefined" => self.store_slot_const(d + 1, UNDEFINED),
            "Null" => self.store_slot_const(d + 1, NULL),
            "False" | "True" => self.store_slot_const(d + 1, tag64(TYPE_BOOLEAN) | (name == "True") as i64),
            "Zero" | "One" | "Int8" | "Int32" | "Uint16" | "Uint24" => {
                let n: i32 = match name {
                    "Zero" => 0,
                    "One" => 1,
                    _ => v as i32,
                };
                self.store_slot_const(d + 1, tag64(TYPE_INT32) | n as u32 as i64);
            }
            "Double" => {
                let Some(Operand::Double(x)) = op.operands.first() else { return Err(Decline::op(name)) };
                self.store_slot_const(d + 1, x.to_bits() as i64);
            }
            "String" => self.store_boxed(d + 1, TYPE_STRING, |e| e.gc_thing(v)),
            "Uninitialized" => self.store_slot_const(d + 1, MAGIC_UNINITIALIZED_LEXICAL),
            "IsConstructing" => self.store_slot_const(d + 1, MAGIC_IS_CONSTRUCTING),
            "Callee" => self.store_boxed(d + 1, TYPE_OBJECT, |e| {
                e.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(sf::FRAME_CALLEE_TOKEN, 2)));
                e.i(I::I32Const(!(sf::CALLEE_TOKEN_MASK as i32))).i(I::I32And);
            }),
            "Pop" => {}
            "PopN" => {}
            "Dup" => self.copy_slot(d, d + 1),
            "Dup2" => {
                self.copy_slot(d - 1, d + 1);
                self.copy_slot(d, d + 2);
            }
            "DupAt" => self.copy_slot(d - v, d + 1),
            "Swap" => {
                self.load_slot(d);
                self.i(I::LocalSet(L_A));
                self.copy_slot(d - 1, d);
                self.store_slot_from(d - 1, L_A);
            }
            "Pick" => {
                // sp[v] moves to the top; sp[0..v) move down one.
                self.load_slot(d - v);
                self.i(I::LocalSet(L_A));
                for k in (d - v)..d {
                    self.copy_slot(k + 1, k);
                }
                self.store_slot_from(d, L_A);
            }
            "Unpick" => {
                // The top moves to sp[v]; sp[1..=v] move up one.
                self.load_slot(d);
                self.i(I::LocalSet(L_A));
                for k in ((d - v + 1)..=d).rev() {
                    self.copy_slot(k - 1, k);
                }
                self.store_slot_from(d - v, L_A);
            }
            "GetLocal" => {
                let (lo, so) = (self.local_off(v), self.slot_off(d + 1));
                self.i(I::LocalGet(L_LOW)).i(I::LocalGet(L_LOW)).i(I::I64Load(m(lo, 3))).i(I::I64Store(m(so, 3)));
            }
            "SetLocal" | "InitLexical" => {
                let (lo, so) = (self.local_off(v), self.slot_off(d));
                self.i(I::LocalGet(L_LOW)).i(I::LocalGet(L_LOW)).i(I::I64Load(m(so, 3))).i(I::I64Store(m(lo, 3)));
            }
            "CheckLexical" | "CheckAliasedLexical" => {
                self.load_slot(d);
                self.i(I::I64Const(MAGIC_UNINITIALIZED_LEXICAL)).i(I::I64Eq);
                self.open_if();
                self.bail_out(idx, d);
                self.end();
            }
            "GetArg" | "GetFrameArg" => {
                let so = self.slot_off(d + 1);
                self.i(I::LocalGet(L_LOW)).i(I::LocalGet(L_FRAME)).i(I::I64Load(m(sf::FRAME_ARGS + 8 * v, 3))).i(I::I64Store(m(so, 3)));
            }
            "SetArg" => {
                self.i(I::LocalGet(L_FRAME));
                self.load_slot(d);
                self.i(I::I64Store(m(sf::FRAME_ARGS + 8 * v, 3)));
            }
            "GetAliasedVar" => {
                let Some(Operand::EnvCoord { hops, slot }) = op.operands.first().cloned() else { return Err(Decline::op(name)) };
                self.env_object(hops);
                self.env_slot_addr(slot);
                let so = self.slot_off(d + 1);
                self.i(I::LocalGet(L_LOW)).i(I::LocalGet(L_T32B)).i(I::I64Load(m(0, 3))).i(I::I64Store(m(so, 3)));
            }
            "SetAliasedVar" | "InitAliasedLexical" => {
                let Some(Operand::EnvCoord { hops, slot }) = op.operands.first().cloned() else { return Err(Decline::op(name)) };
                self.store_pc(idx);
                self.env_object(hops);
                self.env_slot_addr(slot);
                self.load_slot(d);
                self.i(I::LocalSet(L_A));
                self.barriered_store(L_A);
            }
            "Goto" | "Default" => {
                let t = analysis::jump_target(op).unwrap_or(0);
                self.jump(t);
            }
            "JumpIfFalse" | "JumpIfTrue" | "And" | "Or" => {
                let t = analysis::jump_target(op).unwrap_or(0);
                // And/Or keep their operand, so their IC sees it still on the stack.
                let keeps = matches!(name, "And" | "Or");
                self.truthy(idx, d, if keeps { d } else { d - 1 });
                if matches!(name, "JumpIfFalse" | "And") {
                    self.i(I::I32Eqz);
                }
                self.open_if();
                self.jump(t);
                self.end();
            }
            "Not" => {
                self.truthy(idx, d, d - 1);
                self.i(I::I32Eqz);
                self.box_i32(TYPE_BOOLEAN);
                self.i(I::LocalSet(L_R));
                self.store_slot_from(d, L_R);
            }
            "Coalesce" => {
                let t = analysis::jump_target(op).unwrap_or(0);
                self.load_slot(d);
                self.i(I::LocalTee(L_A)).i(I::I64Const(UNDEFINED)).i(I::I64Ne);
                self.i(I::LocalGet(L_A)).i(I::I64Const(NULL)).i(I::I64Ne).i(I::I32And);
                self.open_if();
                self.jump(t);
                self.end();
            }
            "Case" => {
                let t = analysis::jump_target(op).unwrap_or(0);
                // The condition is a boolean from StrictEq.
                self.load_slot(d);
                self.i(I::I32WrapI64);
                self.open_if();
                self.jump(t);
                self.end();
            }
            "Return" => {
                self.load_slot(d);
                self.i(I::LocalSet(L_A));
                self.return_value();
            }
            "RetRval" => {
                self.frame_return_value();
                self.i(I::LocalSet(L_A));
                self.return_value();
            }
            "SetRval" => {
                self.i(I::LocalGet(L_FRAME));
                self.load_slot(d);
                self.i(I::I64Store(m(bf::RETURN_VALUE, 3)));
                self.i(I::LocalGet(L_FRAME)).i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::FLAGS, 2)));
                self.i(I::I32Const(sf::FRAME_FLAG_HAS_RVAL as i32)).i(I::I32Or).i(I::I32Store(m(bf::FLAGS, 2)));
            }
            "GetRval" => {
                let so = self.slot_off(d + 1);
                self.i(I::LocalGet(L_LOW));
                self.frame_return_value();
                self.i(I::I64Store(m(so, 3)));
            }
            "FunctionThis" => {
                // An object `this` is the answer in strict and sloppy code alike; anything else
                // goes through the engine (boxing, global this).
                let so = self.slot_off(d + 1);
                self.i(I::LocalGet(L_FRAME)).i(I::I64Load(m(sf::FRAME_THIS, 3))).i(I::LocalSet(L_A));
                self.is_tag(L_A, TYPE_OBJECT);
                self.i(I::I32Eqz);
                self.open_if();
                self.push_exit_frame(idx, d);
                let function_this = self.env.function_this;
                self.i(I::LocalGet(param::CX));
                self.frame_ptr();
                self.i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_RES as i32)).i(I::I32Add).i(I::Call(function_this)).i(I::LocalSet(L_T32));
                self.pop_exit_frame();
                self.error_if_zero(idx, d);
                self.i(I::LocalGet(param::STATE)).i(I::I64Load(m(sf::STATE_RES, 3))).i(I::LocalSet(L_A));
                self.i(I::LocalGet(param::STATE)).i(I::I64Const(UNDEFINED)).i(I::I64Store(m(sf::STATE_RES, 3)));
                self.end();
                self.i(I::LocalGet(L_LOW)).i(I::LocalGet(L_A)).i(I::I64Store(m(so, 3)));
            }
            "PushLexicalEnv" => {
                self.i(I::LocalGet(param::STATE));
                self.gc_thing(v);
                self.i(I::I32Store(m(sf::STATE_SCOPE0, 2)));
                self.push_exit_frame(idx, d);
                let push_lexical_env = self.env.push_lexical_env;
                self.i(I::LocalGet(param::CX)).i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_SCOPE0 as i32)).i(I::I32Add);
                self.frame_ptr();
                self.i(I::Call(push_lexical_env)).i(I::LocalSet(L_T32));
                self.pop_exit_frame();
                self.i(I::LocalGet(param::STATE)).i(I::I32Const(0)).i(I::I32Store(m(sf::STATE_SCOPE0, 2)));
                self.error_if_zero(idx, d);
                self.i(I::LocalGet(L_FRAME)).i(I::LocalGet(L_T32)).i(I::I32Store(m(bf::ENV_CHAIN, 2)));
            }
            "InitElemArray" => {
                // array, val => array. A hole is a Hole op, which this compiler declines, so the
                // value is a real element: set the initialized length, then store with barrier.
                self.load_slot(d);
                self.i(I::LocalSet(L_A));
                self.i(I::LocalGet(param::STATE)).i(I::LocalGet(L_A)).i(I::I64Store(m(sf::STATE_VALUE0, 3)));
                self.load_slot(d - 1);
                self.i(I::I32WrapI64).i(I::LocalSet(L_T32));
                self.i(I::LocalGet(param::STATE)).i(I::LocalGet(L_T32)).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
                // The exit frame's locals would clobber L_T32; keep the array in the rooted cell.
                self.push_exit_frame(idx, d - 1);
                let (ensure, init) = (self.env.ensure_dense_len, self.env.init_dense_element);
                self.i(I::LocalGet(param::STATE)).i(I::I32Load(m(sf::STATE_OBJ0, 2))).i(I::I32Const(v as i32 + 1)).i(I::Call(ensure));
                self.i(I::LocalGet(param::STATE)).i(I::I32Load(m(sf::STATE_OBJ0, 2))).i(I::I32Const(v as i32));
                self.i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_VALUE0 as i32)).i(I::I32Add).i(I::Call(init));
                self.pop_exit_frame();
                self.i(I::LocalGet(param::STATE)).i(I::I64Const(UNDEFINED)).i(I::I64Store(m(sf::STATE_VALUE0, 3)));
                self.i(I::LocalGet(param::STATE)).i(I::I32Const(0)).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
            }
            "CheckIsObj" | "CheckObjCoercible" | "CheckThis" | "CheckThisReinit" => {
                // The check inline; its failure (which throws) is the interpreter's.
                self.load_slot(d);
                self.i(I::LocalSet(L_A));
                match name {
                    "CheckIsObj" => {
                        self.is_tag(L_A, TYPE_OBJECT);
                        self.i(I::I32Eqz);
                    }
                    "CheckObjCoercible" => {
                        self.i(I::LocalGet(L_A)).i(I::I64Const(UNDEFINED)).i(I::I64Eq);
                        self.i(I::LocalGet(L_A)).i(I::I64Const(NULL)).i(I::I64Eq).i(I::I32Or);
                    }
                    "CheckThis" => {
                        self.i(I::LocalGet(L_A)).i(I::I64Const(MAGIC_UNINITIALIZED_LEXICAL)).i(I::I64Eq);
                    }
                    _ => {
                        self.i(I::LocalGet(L_A)).i(I::I64Const(MAGIC_UNINITIALIZED_LEXICAL)).i(I::I64Ne);
                    }
                }
                self.open_if();
                self.bail_out(idx, d);
                self.end();
            }
            "IsNullOrUndefined" => {
                self.load_slot(d);
                self.i(I::LocalTee(L_A)).i(I::I64Const(UNDEFINED)).i(I::I64Eq);
                self.i(I::LocalGet(L_A)).i(I::I64Const(NULL)).i(I::I64Eq).i(I::I32Or);
                self.box_i32(TYPE_BOOLEAN);
                self.i(I::LocalSet(L_R));
                self.store_slot_from(d + 1, L_R);
            }
            "CheckReturn" => {
                // thisval => rval (an object), or thisval (rval undefined, this initialised).
                self.load_slot(d);
                self.i(I::LocalSet(L_A));
                self.frame_return_value();
                self.i(I::LocalSet(L_B));
                self.is_tag(L_B, TYPE_OBJECT);
                self.open_if();
                self.store_slot_from(d, L_B);
                self.else_();
                self.i(I::LocalGet(L_B)).i(I::I64Const(UNDEFINED)).i(I::I64Ne);
                self.i(I::LocalGet(L_A)).i(I::I64Const(MAGIC_UNINITIALIZED_LEXICAL)).i(I::I64Eq).i(I::I32Or);
                self.open_if();
                self.bail_out(idx, d);
                self.end();
                self.end();
            }
            "SuperFun" => {
                // The callee's [[Prototype]] (static: shape -> base shape -> proto), or null.
                self.load_slot(d);
                self.i(I::I32WrapI64).i(I::I32Load(m(runtime_abi::ic::OBJ_SHAPE, 2))).i(I::I32Load(m(runtime_abi::ic::SHAPE_BASE, 2)));
                self.i(I::I32Load(m(runtime_abi::ic::BASE_PROTO, 2))).i(I::LocalTee(L_T32));
                self.i(I::If(BlockType::Result(ValType::I64)));
                self.i(I::LocalGet(L_T32));
                self.box_i32(TYPE_OBJECT);
                self.i(I::Else).i(I::I64Const(NULL)).i(I::End);
                self.i(I::LocalSet(L_R));
                self.store_slot_from(d, L_R);
            }
            "InitGLexical" => {
                // As the interpreter: the global lexical environment (a raw pointer) and the
                // value, which stays on the stack, to the SetProp IC.
                self.global_lexical_env();
                self.i(I::I64ExtendI32U).i(I::LocalSet(L_A));
                self.load_slot(d);
                self.i(I::LocalSet(L_B));
                self.ic_call(idx, d);
            }
            "Symbol" => {
                let s = self.env.facts;
                let so = self.slot_off(d + 1);
                self.i(I::LocalGet(L_LOW)).i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_runtime, 2))).i(I::I32Load(m(s.runtime_well_known_symbols, 2)));
                self.i(I::I64Load32U(m(4 * v, 2))).i(I::I64Const(tag64(TYPE_SYMBOL))).i(I::I64Or).i(I::I64Store(m(so, 3)));
            }
            "NewTarget" => {
                // Constructing: new.target follows the arguments (at least the formals).
                let so = self.slot_off(d + 1);
                self.i(I::LocalGet(L_LOW));
                self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(sf::FRAME_CALLEE_TOKEN, 2))).i(I::I32Const(sf::CALLEE_TOKEN_MASK as i32)).i(I::I32And);
                self.i(I::I32Const(sf::CALLEE_TOKEN_CONSTRUCTING as i32)).i(I::I32Eq);
                self.i(I::If(BlockType::Result(ValType::I64)));
                self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::INTERPRETER_SCRIPT, 2))).i(I::I32Load(m(sf::SCRIPT_FUNCTION, 2))).i(I::I32Load16U(m(sf::FUNCTION_NARGS, 1))).i(I::LocalTee(L_T32));
                self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(sf::FRAME_DESCRIPTOR, 2))).i(I::I32Const(sf::FRAME_DESCRIPTOR_ARGC_SHIFT as i32)).i(I::I32ShrU).i(I::LocalTee(L_T32B));
                self.i(I::LocalGet(L_T32)).i(I::LocalGet(L_T32B)).i(I::I32GtU).i(I::Select);
                self.i(I::I32Const(3)).i(I::I32Shl).i(I::LocalGet(L_FRAME)).i(I::I32Add).i(I::I64Load(m(sf::FRAME_ARGS, 3)));
                self.i(I::Else).i(I::I64Const(UNDEFINED)).i(I::End);
                self.i(I::I64Store(m(so, 3)));
            }
            "RegExp" => {
                // The script's RegExpObject, cloned (state.obj0 roots it across the clone).
                self.push_exit_frame(idx, d);
                let (at_pc, clone) = (self.env.regexp_at_pc, self.env.clone_regexp);
                let off = op.offset as i32;
                self.i(I::LocalGet(param::STATE));
                self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::INTERPRETER_SCRIPT, 2)));
                self.i(I::LocalGet(param::PC_BASE)).i(I::I32Const(off)).i(I::I32Add).i(I::Call(at_pc));
                self.i(I::I32Store(m(sf::STATE_OBJ0, 2)));
                self.i(I::LocalGet(param::CX)).i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_OBJ0 as i32)).i(I::I32Add).i(I::Call(clone)).i(I::LocalSet(L_T32));
                self.pop_exit_frame();
                self.i(I::LocalGet(param::STATE)).i(I::I32Const(0)).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
                self.error_if_zero(idx, d);
                self.store_object(d + 1, L_T32);
            }
            "PopLexicalEnv" => {
                // Not a debuggee (aotjs output never is): the enclosing environment.
                self.i(I::LocalGet(L_FRAME)).i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::ENV_CHAIN, 2)));
                self.i(I::I32Load(m(runtime_abi::ic::ENV_ENCLOSING_SLOT, 2))).i(I::I32Store(m(bf::ENV_CHAIN, 2)));
            }
            "Lambda" => {
                // state.fun0 = the function; state.obj0 = the environment chain.
                self.i(I::LocalGet(param::STATE));
                self.gc_thing(v);
                self.i(I::I32Store(m(sf::STATE_FUN0, 2)));
                self.i(I::LocalGet(param::STATE)).i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::ENV_CHAIN, 2))).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
                self.push_exit_frame(idx, d);
                self.i(I::LocalGet(param::CX));
                self.i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_FUN0 as i32)).i(I::I32Add);
                self.i(I::LocalGet(param::STATE)).i(I::I32Const(sf::STATE_OBJ0 as i32)).i(I::I32Add);
                let lambda = self.env.lambda;
                self.i(I::Call(lambda)).i(I::LocalSet(L_T32));
                self.pop_exit_frame();
                self.i(I::LocalGet(param::STATE)).i(I::I32Const(0)).i(I::I32Store(m(sf::STATE_FUN0, 2)));
                self.i(I::LocalGet(param::STATE)).i(I::I32Const(0)).i(I::I32Store(m(sf::STATE_OBJ0, 2)));
                self.error_if_zero(idx, d);
                self.store_object(d + 1, L_T32);
            }

            // ---- IC ops ----
            "GetProp" | "GetBoundName" | "Typeof" | "TypeofExpr" | "ToPropertyKey" | "GetIterator" | "OptimizeSpreadCall"
            | "OptimizeGetIterator" | "TypeofEq" => {
                self.load_slot(d);
                self.i(I::LocalSet(L_A)).i(I::I64Const(0)).i(I::LocalSet(L_B));
                self.ic_call(idx, d - 1);
                self.store_slot_from(d, L_R);
            }
            "GetElem" | "In" | "Instanceof" | "HasOwn" => self.binary(idx, d, None),
            "SetProp" | "StrictSetProp" | "SetName" | "StrictSetName" | "SetGName" | "StrictSetGName" => {
                // obj, rhs => rhs; the IC sees the rhs pushed back.
                self.load_slot(d - 1);
                self.i(I::LocalSet(L_A));
                self.load_slot(d);
                self.i(I::LocalSet(L_B));
                self.store_slot_from(d - 1, L_B);
                self.ic_call(idx, d - 1);
            }
            "InitProp" | "InitHiddenProp" | "InitLockedProp" => {
                // obj, val => obj
                self.load_slot(d);
                self.i(I::LocalSet(L_B));
                self.load_slot(d - 1);
                self.i(I::LocalSet(L_A));
                self.ic_call(idx, d - 1);
            }
            "SetElem" | "StrictSetElem" | "InitElem" | "InitHiddenElem" | "InitLockedElem" | "InitElemInc" => {
                // obj, key, val => val (Set*) / obj (Init*) / obj, key+1 (InitElemInc)
                self.load_slot(d);
                self.i(I::LocalSet(L_R));
                self.i(I::LocalGet(L_CTX)).i(I::LocalGet(L_R)).i(I::I64Store(m(ctx::ARG2, 3)));
                self.load_slot(d - 1);
                self.i(I::LocalSet(L_B));
                self.load_slot(d - 2);
                self.i(I::LocalSet(L_A));
                if matches!(name, "SetElem" | "StrictSetElem") {
                    self.store_slot_from(d - 2, L_R);
                }
                self.ic_call(idx, d - 2);
                if name == "InitElemInc" {
                    self.i(I::LocalGet(L_B)).i(I::I32WrapI64).i(I::I32Const(1)).i(I::I32Add);
                    self.box_i32(TYPE_INT32);
                    self.i(I::LocalSet(L_R));
                    self.store_slot_from(d - 1, L_R);
                }
            }
            "Call" | "CallIgnoresRv" | "CallContent" | "CallIter" | "CallContentIter" | "New" | "NewContent" | "SuperCall" => {
                let constructing = matches!(name, "New" | "NewContent" | "SuperCall");
                let argc = v;
                self.i(I::I64Const(argc as i64)).i(I::LocalSet(L_A)).i(I::I64Const(0)).i(I::LocalSet(L_B));
                self.i(I::LocalGet(L_CTX)).i(I::I32Const(2 + constructing as i32)).i(I::I32Store(m(ctx::EXTRA_ARGS, 2)));
                self.ic_call(idx, d);
                let callee = d - (argc + 2 + constructing as u32) + 1;
                self.store_slot_from(callee, L_R);
            }
            "SpreadCall" | "SpreadNew" | "SpreadSuperCall" => {
                // callee, this, [newTarget,] args-array => result; the IC reads them at sp.
                let constructing = name != "SpreadCall";
                self.i(I::I64Const(1)).i(I::LocalSet(L_A)).i(I::I64Const(0)).i(I::LocalSet(L_B));
                self.i(I::LocalGet(L_CTX)).i(I::I32Const(2 + constructing as i32)).i(I::I32Store(m(ctx::EXTRA_ARGS, 2)));
                self.ic_call(idx, d);
                self.store_slot_from(d - 2 - constructing as u32, L_R);
            }
            "CloseIter" => {
                // The iterator object, as a raw pointer.
                self.load_slot(d);
                self.i(I::I64Const(0xFFFF_FFFF)).i(I::I64And).i(I::LocalSet(L_A)).i(I::I64Const(0)).i(I::LocalSet(L_B));
                self.ic_call(idx, d - 1);
            }
            "GetGName" | "GetName" | "BindGName" => {
                if name != "GetName" {
                    self.global_lexical_env();
                } else {
                    self.i(I::LocalGet(L_FRAME)).i(I::I32Load(m(bf::ENV_CHAIN, 2)));
                }
                self.i(I::I64ExtendI32U).i(I::LocalSet(L_A)).i(I::I64Const(0)).i(I::LocalSet(L_B));
                self.ic_call(idx, d);
                self.store_slot_from(d + 1, L_R);
            }
            "NewObject" | "NewInit" | "NewArray" | "Rest" | "GetIntrinsic" => {
                self.i(I::I64Const(0)).i(I::LocalSet(L_A)).i(I::I64Const(0)).i(I::LocalSet(L_B));
                self.ic_call(idx, d);
                self.store_slot_from(d + 1, L_R);
            }
            "Add" => self.binary_num(idx, d, Some(|e| e.int32_arith(I::I64Add)), Some(|e| e.f64_arith(I::F64Add))),
            "Sub" => self.binary_num(idx, d, Some(|e| e.int32_arith(I::I64Sub)), Some(|e| e.f64_arith(I::F64Sub))),
            "Mul" => self.binary_num(idx, d, Some(|e| e.int32_mul()), Some(|e| e.f64_arith(I::F64Mul))),
            "Div" => self.binary_num(idx, d, None, Some(|e| e.f64_arith(I::F64Div))),
            "Mod" => self.binary_num(idx, d, Some(|e| e.int32_mod()), None),
            "BitOr" => self.bitop(idx, d, |e| e.int32_bits(I::I32Or), |e| e.number_bits(I::I32Or)),
            "BitAnd" => self.bitop(idx, d, |e| e.int32_bits(I::I32And), |e| e.number_bits(I::I32And)),
            "BitXor" => self.bitop(idx, d, |e| e.int32_bits(I::I32Xor), |e| e.number_bits(I::I32Xor)),
            "Lsh" => self.bitop(idx, d, |e| e.int32_bits(I::I32Shl), |e| e.number_bits(I::I32Shl)),
            "Rsh" => self.bitop(idx, d, |e| e.int32_bits(I::I32ShrS), |e| e.number_bits(I::I32ShrS)),
            "Ursh" => self.bitop(idx, d, |e| e.int32_ursh(), |e| e.number_ursh()),
            "Pow" => self.binary(idx, d, None),
            "StrictEq" | "Eq" => self.binary_num(idx, d, Some(|e| e.int32_cmp(I::I32Eq)), Some(|e| e.f64_cmp(I::F64Eq))),
            "StrictNe" | "Ne" => self.binary_num(idx, d, Some(|e| e.int32_cmp(I::I32Ne)), Some(|e| e.f64_cmp(I::F64Ne))),
            "Lt" => self.binary_num(idx, d, Some(|e| e.int32_cmp(I::I32LtS)), Some(|e| e.f64_cmp(I::F64Lt))),
            "Gt" => self.binary_num(idx, d, Some(|e| e.int32_cmp(I::I32GtS)), Some(|e| e.f64_cmp(I::F64Gt))),
            "Le" => self.binary_num(idx, d, Some(|e| e.int32_cmp(I::I32LeS)), Some(|e| e.f64_cmp(I::F64Le))),
            "Ge" => self.binary_num(idx, d, Some(|e| e.int32_cmp(I::I32GeS)), Some(|e| e.f64_cmp(I::F64Ge))),
            "Inc" => self.unary(idx, d, Some(|e| e.int32_step(1))),
            "Dec" => self.unary(idx, d, Some(|e| e.int32_step(-1))),
            "Neg" | "BitNot" | "Pos" => self.unary(idx, d, None),
            "ToNumeric" => {
                // Numbers stay as they are; anything else goes to the UnaryArith IC.
                self.load_slot(d);
                self.i(I::LocalTee(L_A)).i(I::I64Const(32)).i(I::I64ShrU).i(I::I32WrapI64);
                self.i(I::I32Const(tag(TYPE_INT32) as i32)).i(I::I32GtU);
                self.open_if();
                self.i(I::I64Const(0)).i(I::LocalSet(L_B));
                self.ic_call(idx, d - 1);
                self.store_slot_from(d, L_R);
                self.end();
            }
            _ => return Err(Decline::op(name)),
        }
        Ok(())
    }

    /// `L_A op L_B` on int32 payloads in i64, or to the slow path (label 0) on overflow.
    fn int32_arith(&mut self, ins: I<'static>) {
        self.i(I::LocalGet(L_A)).i(I::I32WrapI64).i(I::I64ExtendI32S);
        self.i(I::LocalGet(L_B)).i(I::I32WrapI64).i(I::I64ExtendI32S);
        self.i(ins);
        self.int32_result(false);
    }
    /// int32 product; overflow, and a zero product (which may be -0), try the number path.
    fn int32_mul(&mut self) {
        self.i(I::LocalGet(L_A)).i(I::I32WrapI64).i(I::I64ExtendI32S);
        self.i(I::LocalGet(L_B)).i(I::I32WrapI64).i(I::I64ExtendI32S);
        self.i(I::I64Mul);
        self.int32_result(true);
    }
    /// The exact i64 result on the stack as an int32 Value, or a branch to the slow path (label
    /// 0) when it does not fit in int32 (or, with `zero_too`, is zero).
    fn int32_result(&mut self, zero_too: bool) {
        self.i(I::LocalTee(L_R));
        self.i(I::LocalGet(L_R)).i(I::I32WrapI64).i(I::I64ExtendI32S).i(I::I64Ne);
        if zero_too {
            self.i(I::LocalGet(L_R)).i(I::I64Eqz).i(I::I32Or);
        }
        self.i(I::BrIf(0));
        self.i(I::LocalGet(L_R));
        self.box_low32(TYPE_INT32);
    }
    /// int32 remainder when lhs >= 0 and rhs > 0 (no -0, no NaN); otherwise the IC.
    fn int32_mod(&mut self) {
        self.i(I::LocalGet(L_A)).i(I::I32WrapI64).i(I::I32Const(0)).i(I::I32LtS);
        self.i(I::LocalGet(L_B)).i(I::I32WrapI64).i(I::I32Const(0)).i(I::I32LeS).i(I::I32Or).i(I::BrIf(0));
        self.i(I::LocalGet(L_A)).i(I::I32WrapI64).i(I::LocalGet(L_B)).i(I::I32WrapI64).i(I::I32RemS);
        self.box_i32(TYPE_INT32);
    }
    /// `>>>`: an int32 when the result fits (top bit clear), else the double it is.
    fn int32_ursh(&mut self) {
        self.i(I::LocalGet(L_A)).i(I::I32WrapI64).i(I::LocalGet(L_B)).i(I::I32WrapI64).i(I::I32ShrU);
        self.box_uint32();
    }
    /// Boxes the u32 on the stack: int32 when it fits, otherwise a double.
    fn box_uint32(&mut self) {
        self.i(I::LocalTee(L_T32));
        self.box_i32(TYPE_INT32);
        self.i(I::LocalGet(L_T32)).i(I::F64ConvertI32U).i(I::I64ReinterpretF64);
        self.i(I::LocalGet(L_T32)).i(I::I32Const(0)).i(I::I32GeS).i(I::Select);
    }

    /// Bitwise ops: int32 inline; numbers inline when every double is within int32 range (where
    /// ToInt32 is truncation); anything else the IC.
    fn bitop(&mut self, idx: usize, d: u32, int32: fn(&mut Self), number: fn(&mut Self)) {
        self.binary_paths(idx, d, Some(int32), Some(number), false);
    }
    /// ToInt32 of the number in `local` onto the stack, or a branch to label 0 when it is a
    /// double outside int32 range (or NaN).
    fn to_int32_in_range(&mut self, local: u32) {
        self.is_tag(local, TYPE_INT32);
        self.i(I::LocalGet(local)).i(I::F64ReinterpretI64).i(I::LocalTee(L_F)).i(I::F64Const((-2147483648.0f64).into())).i(I::F64Ge);
        self.i(I::LocalGet(L_F)).i(I::F64Const(2147483648.0f64.into())).i(I::F64Lt).i(I::I32And).i(I::I32Or);
        self.i(I::I32Eqz).i(I::BrIf(0));
        self.i(I::LocalGet(local)).i(I::I32WrapI64);
        self.i(I::LocalGet(L_F)).i(I::I32TruncSatF64S);
        self.is_tag(local, TYPE_INT32);
        self.i(I::Select);
    }
    fn number_bits(&mut self, ins: I<'static>) {
        self.to_int32_in_range(L_A);
        self.to_int32_in_range(L_B);
        self.i(ins);
        self.box_i32(TYPE_INT32);
    }
    fn number_ursh(&mut self) {
        self.to_int32_in_range(L_A);
        self.to_int32_in_range(L_B);
        self.i(I::I32ShrU);
        self.box_uint32();
    }
    fn int32_bits(&mut self, ins: I<'static>) {
        self.i(I::LocalGet(L_A)).i(I::I32WrapI64).i(I::LocalGet(L_B)).i(I::I32WrapI64).i(ins);
        self.box_i32(TYPE_INT32);
    }
    fn int32_cmp(&mut self, ins: I<'static>) {
        self.i(I::LocalGet(L_A)).i(I::I32WrapI64).i(I::LocalGet(L_B)).i(I::I32WrapI64).i(ins);
        self.box_i32(TYPE_BOOLEAN);
    }
    fn int32_step(&mut self, by: i64) {
        self.i(I::LocalGet(L_A)).i(I::I32WrapI64).i(I::I64ExtendI32S).i(I::I64Const(by)).i(I::I64Add);
        self.int32_result(false);
    }
}
