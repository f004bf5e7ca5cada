//! The one table of JSOps the script compiler lowers: per op its class and its emitter.
//! Whether an op is supported, bails out, ends a block or jumps conditionally all derive from
//! this table; the analysis and the report ask it, and nothing else lists ops.

use super::{arith, calls, control, inline, simple, Decline, Lower};
use crate::bytecode::Op;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What an op does, as far as the rest of the compiler needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Inline code only: no call into the engine.
    Pure,
    /// Calls the site's IC chain (possibly after an inline fast path).
    Ic,
    /// Calls an engine helper (behind an exit frame) or the engine's barriered store.
    Helper,
    /// Always jumps.
    Goto,
    /// Jumps or falls through.
    Cond,
    /// Leaves the frame with a value.
    Return,
    /// Throws: control does not go on (it goes where errors go, or the engine's interpreter
    /// takes the frame at this op and throws).
    Throw,
    /// Hands the frame to the engine's interpreter at this op (once-only or debugger ops,
    /// and ops reached only after an exception).
    BailOut,
}

impl Class {
    pub fn terminates(self) -> bool {
        matches!(self, Class::Goto | Class::Return | Class::Throw)
    }
    pub fn bails_out(self) -> bool {
        matches!(self, Class::Throw | Class::BailOut)
    }
}

/// What an emitter gets: the op, its index, the stack depth before it, its first immediate.
pub struct OpCtx<'a> {
    pub idx: usize,
    pub op: &'a Op,
    pub d: u32,
    pub v: u32,
}

pub(crate) type EmitFn = fn(&mut Lower<'_>, &OpCtx<'_>) -> Result<(), Decline>;

pub struct OpDef {
    pub name: &'static str,
    pub class: Class,
    pub(crate) emit: EmitFn,
}

macro_rules! ops {
    ($($class:ident $emit:path : $($name:literal)|+;)*) => {
        &[$($(OpDef { name: $name, class: Class::$class, emit: $emit },)+)*]
    };
}

/// Every lowered JSOp.
pub static OPS: &[OpDef] = ops! {
    Pure simple::nop: "Nop" | "NopIsAssignOp" | "Lineno" | "NopDestructuring" | "TryDestructuring" | "Try" | "JumpTarget" | "LoopHead" | "DebugLeaveLexicalEnv" | "Finally";
    Pure simple::constant: "Undefined" | "Null" | "False" | "True" | "Int32" | "Zero" | "One" | "Int8" | "Uint16" | "Uint24" | "Double" | "Uninitialized" | "IsConstructing" | "Hole";
    Pure simple::string: "String";
    Pure simple::gc_thing_value: "CallSiteObj" | "BigInt";
    Pure simple::void: "Void";
    Pure simple::symbol: "Symbol";
    Pure simple::callee: "Callee";
    Pure simple::new_target: "NewTarget";
    Pure simple::pop: "Pop";
    Pure simple::pop_n: "PopN";
    Pure simple::dup: "Dup";
    Pure simple::dup2: "Dup2";
    Pure simple::dup_at: "DupAt";
    Pure simple::swap: "Swap";
    Pure simple::pick: "Pick";
    Pure simple::unpick: "Unpick";
    Pure simple::get_local: "GetLocal";
    Pure simple::set_local: "SetLocal" | "InitLexical";
    Pure simple::check_lexical: "CheckLexical" | "CheckAliasedLexical";
    Pure simple::get_arg: "GetArg" | "GetFrameArg";
    Pure simple::arguments_length: "ArgumentsLength";
    Pure simple::get_actual_arg: "GetActualArg";
    Helper calls::arguments: "Arguments";
    Pure simple::set_arg: "SetArg";
    Pure simple::get_aliased_var: "GetAliasedVar";
    Helper calls::set_aliased_var: "SetAliasedVar" | "InitAliasedLexical";
    Pure simple::pop_lexical_env: "PopLexicalEnv";
    Pure simple::check_value: "CheckIsObj" | "CheckObjCoercible" | "CheckThis" | "CheckThisReinit";
    Pure simple::check_return: "CheckReturn";
    Pure simple::is_null_or_undefined: "IsNullOrUndefined";
    Pure simple::more_iter: "MoreIter";
    Pure simple::is_no_iter: "IsNoIter";
    Helper calls::end_iter: "EndIter";
    Pure simple::global_this: "GlobalThis";
    Pure simple::super_base: "SuperBase";
    Helper calls::set_fun_name: "SetFunName";
    Helper calls::check_class_heritage: "CheckClassHeritage";
    Helper calls::mutate_proto: "MutateProto";
    Helper calls::del_name: "DelName";
    Helper calls::init_prop_accessor: "InitPropGetter" | "InitHiddenPropGetter" | "InitPropSetter" | "InitHiddenPropSetter";
    Helper calls::init_elem_accessor: "InitElemGetter" | "InitHiddenElemGetter" | "InitElemSetter" | "InitHiddenElemSetter";
    Helper calls::to_string: "ToString";
    Helper calls::freshen_lexical_env: "FreshenLexicalEnv" | "RecreateLexicalEnv";
    Helper calls::builtin_object: "BuiltinObject";
    Helper calls::new_private_name: "NewPrivateName";
    Helper calls::obj_with_proto: "ObjWithProto";
    Helper calls::fun_with_proto: "FunWithProto";
    Helper calls::init_home_object: "InitHomeObject";
    Ic calls::check_private_field: "CheckPrivateField";
    Pure simple::super_fun: "SuperFun";
    Pure simple::set_rval: "SetRval";
    Pure simple::get_rval: "GetRval";
    Return simple::return_: "Return";
    Return simple::ret_rval: "RetRval";
    Goto control::goto: "Goto" | "Default";
    Goto control::table_switch: "TableSwitch";
    Cond control::cond_jump: "JumpIfFalse" | "JumpIfTrue" | "And" | "Or";
    Cond control::coalesce: "Coalesce";
    Cond control::case: "Case";
    Ic control::not: "Not";
    Helper calls::lambda: "Lambda";
    Helper calls::function_this: "FunctionThis";
    Helper calls::push_lexical_env: "PushLexicalEnv" | "PushClassBodyEnv";
    Helper calls::init_elem_array: "InitElemArray";
    Helper calls::regexp: "RegExp";
    Helper calls::del_prop: "DelProp" | "StrictDelProp";
    Helper calls::del_elem: "DelElem" | "StrictDelElem";
    Throw calls::throw: "Throw";
    Throw calls::throw_with_stack: "ThrowWithStack";
    Throw simple::bail: "ThrowMsg" | "ThrowSetConst";
    Helper calls::exception: "Exception";
    Helper calls::exception_and_stack: "ExceptionAndStack";
    BailOut simple::bail: "Debugger" | "GlobalOrEvalDeclInstantiation";
    Ic calls::ic_nullary: "NewObject" | "NewInit" | "NewArray" | "Rest" | "GetIntrinsic";
    Ic inline::get_gname: "GetGName";
    Ic calls::name: "GetName" | "BindGName";
    Ic inline::get_prop: "GetProp";
    Ic calls::ic_unary: "Iter" | "GetBoundName" | "Typeof" | "TypeofExpr" | "TypeofEq" | "ToPropertyKey" | "GetIterator" | "OptimizeSpreadCall" | "OptimizeGetIterator";
    Ic inline::get_elem: "GetElem";
    Ic calls::ic_binary: "In" | "Instanceof" | "HasOwn" | "Pow";
    Ic calls::get_prop_super: "GetPropSuper";
    Ic inline::set_prop: "SetProp" | "StrictSetProp";
    Ic calls::set_prop: "SetName" | "StrictSetName" | "SetGName" | "StrictSetGName";
    Ic calls::init_prop: "InitProp" | "InitHiddenProp" | "InitLockedProp";
    Ic inline::set_elem: "SetElem" | "StrictSetElem";
    Ic calls::set_elem: "InitElem" | "InitHiddenElem" | "InitLockedElem" | "InitElemInc";
    Ic calls::call: "Call" | "CallIgnoresRv" | "CallContent" | "CallIter" | "CallContentIter" | "New" | "NewContent" | "SuperCall" | "Eval" | "StrictEval";
    Ic calls::spread_call: "SpreadCall" | "SpreadNew" | "SpreadSuperCall" | "SpreadEval" | "StrictSpreadEval";
    Ic calls::close_iter: "CloseIter";
    Ic calls::init_glexical: "InitGLexical";
    Ic arith::arith: "Add" | "Sub" | "Mul" | "Div";
    Ic arith::modulo: "Mod";
    Ic arith::bitop: "BitOr" | "BitXor" | "BitAnd" | "Lsh" | "Rsh";
    Ic arith::ursh: "Ursh";
    Ic arith::compare: "Eq" | "Ne" | "StrictEq" | "StrictNe" | "Lt" | "Gt" | "Le" | "Ge";
    Ic arith::unary_number: "Inc" | "Dec" | "Neg" | "Pos" | "ToNumeric";
    Ic arith::bit_not: "BitNot";
};

/// The table entry of a JSOp, by name.
pub fn lookup(name: &str) -> Option<&'static OpDef> {
    static INDEX: OnceLock<HashMap<&'static str, &'static OpDef>> = OnceLock::new();
    INDEX.get_or_init(|| OPS.iter().map(|d| (d.name, d)).collect()).get(name).copied()
}

/// Whether the script compiler lowers this op.
pub fn op_supported(name: &str) -> bool {
    lookup(name).is_some()
}

/// Ops that hand the frame to the engine's interpreter at their own pc.
pub fn bails_out(name: &str) -> bool {
    lookup(name).is_some_and(|d| d.class.bails_out())
}

/// Ops after which control does not fall through to the next op.
pub fn terminates(name: &str) -> bool {
    lookup(name).is_some_and(|d| d.class.terminates())
}

/// Conditional jumps: the target is taken or control falls through.
pub fn is_conditional(name: &str) -> bool {
    lookup(name).is_some_and(|d| d.class == Class::Cond)
}
