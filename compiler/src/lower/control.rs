//! Control flow: blocks as nested Wasm `block`s inside one `loop` with a `br_table`, so forward
//! jumps are direct branches and backward jumps go through the dispatch; conditional jumps on
//! typed conditions; truthiness.

use super::ops::OpCtx;
use crate::bytecode::Operand;
use super::vstack::{Entry, Loc, Ty};
use super::{Decline, Lower};
use runtime_abi::value::{tag, TYPE_BOOLEAN, TYPE_INT32, TYPE_NULL, TYPE_UNDEFINED};
use runtime_abi::value as jsval;
use stubs::value as vc;
use wasm_encoder::{BlockType, Instruction as I, ValType};

impl<'e> Lower<'e> {
    pub(crate) fn open_if(&mut self) {
        self.i(I::If(BlockType::Empty));
        self.nest += 1;
    }
    pub(crate) fn open_if_result(&mut self, ty: ValType) {
        self.i(I::If(BlockType::Result(ty)));
        self.nest += 1;
    }
    pub(crate) fn open_block(&mut self) {
        self.i(I::Block(BlockType::Empty));
        self.nest += 1;
    }
    pub(crate) fn open_loop(&mut self) {
        self.i(I::Loop(BlockType::Empty));
        self.nest += 1;
    }
    pub(crate) fn else_(&mut self) {
        self.i(I::Else);
    }
    pub(crate) fn end(&mut self) {
        self.i(I::End);
        self.nest -= 1;
    }

    /// Branch to the op at bytecode offset `target`. The frame must hold everything
    /// ([`Lower::sync_for_edge`]).
    pub(crate) fn jump(&mut self, target: u32) {
        let j = self.input.ops.binary_search_by_key(&target, |o| o.offset).expect("analysed target");
        let jb = self.a.block_of[j];
        if jb > self.block {
            let d = (jb - self.block - 1) as u32 + self.nest;
            self.i(I::Br(d));
        } else {
            // Out of the remaining blocks (and the exception landing's block) to the loop.
            let d = (self.nblocks - 1 - self.block) as u32 + self.nest + self.catches() as u32;
            self.i(I::I32Const(jb as i32)).i(I::LocalSet(self.p.state)).i(I::Br(d));
        }
    }

    /// Pushes the truthiness (i32 0/1) of `e`, at stack position `pos`. Typed values are
    /// tested inline; an unknown Value inline for booleans, numbers, undefined and null, else
    /// through the op's ToBool IC (the operand stack must be synced: it sees the current
    /// depth).
    pub(crate) fn truthiness(&mut self, idx: usize, e: Entry, pos: u32) {
        if let Some(t) = Self::const_truthiness(&e) {
            self.i(I::I32Const(t as i32));
            self.release(e);
            return;
        }
        match e.loc {
            Loc::Bool(l) => {
                self.i(I::LocalGet(l));
            }
            Loc::Int32(l) => {
                self.i(I::LocalGet(l)).i(I::I32Const(0)).i(I::I32Ne);
            }
            Loc::Double(l) => {
                self.double_truthiness(l);
            }
            _ => {
                let v = self.boxed_local(e, pos);
                self.boxed_truthiness(idx, v);
                self.free_temp(v);
                return;
            }
        }
        self.release(e);
    }

    fn double_truthiness(&mut self, f: u32) {
        self.i(I::LocalGet(f)).i(I::LocalGet(f)).i(I::F64Eq);
        self.i(I::LocalGet(f)).i(I::F64Const(0.0.into())).i(I::F64Ne).i(I::I32And);
    }

    fn boxed_truthiness(&mut self, idx: usize, v: u32) {
        let t = self.temp(ValType::I32);
        self.i(I::LocalGet(v));
        vc::tag_of(&mut *self.code.borrow_mut());
        self.i(I::LocalTee(t));
        self.i(I::I32Const(tag(TYPE_BOOLEAN) as i32)).i(I::I32Eq);
        self.i(I::LocalGet(t)).i(I::I32Const(tag(TYPE_INT32) as i32)).i(I::I32Eq).i(I::I32Or);
        self.open_if_result(ValType::I32);
        self.i(I::LocalGet(v)).i(I::I32WrapI64).i(I::I32Const(0)).i(I::I32Ne);
        self.else_();
        // A double: neither zero nor NaN.
        self.i(I::LocalGet(t)).i(I::I32Const(tag(TYPE_INT32) as i32)).i(I::I32LtU);
        self.open_if_result(ValType::I32);
        let f = self.p.tf;
        self.i(I::LocalGet(v)).i(I::F64ReinterpretI64).i(I::LocalSet(f));
        self.double_truthiness(f);
        self.else_();
        self.i(I::LocalGet(t)).i(I::I32Const(tag(TYPE_UNDEFINED) as i32)).i(I::I32Eq);
        self.i(I::LocalGet(t)).i(I::I32Const(tag(TYPE_NULL) as i32)).i(I::I32Eq).i(I::I32Or);
        self.open_if_result(ValType::I32);
        self.i(I::I32Const(0));
        self.else_();
        self.i(I::LocalGet(v)).i(I::LocalSet(self.p.a)).i(I::I64Const(0)).i(I::LocalSet(self.p.b));
        self.ic_call(idx);
        self.i(I::LocalGet(self.p.r)).i(I::I32WrapI64).i(I::I32Const(0)).i(I::I32Ne);
        self.end();
        self.end();
        self.end();
        self.free_temp(t);
    }
}

// ---- emitters ------------------------------------------------------------------------------

pub(crate) fn goto(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    l.sync_for_edge();
    let t = analysis_target(cx);
    l.jump(t);
    Ok(())
}

fn analysis_target(cx: &OpCtx<'_>) -> u32 {
    super::analysis::jump_target(cx.op).unwrap_or(0)
}

/// JumpIfFalse/JumpIfTrue pop the condition; And/Or keep it (their IC sees it on the stack).
pub(crate) fn cond_jump(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let name = cx.op.name.as_str();
    let keeps = matches!(name, "And" | "Or");
    let (e, pos) = if keeps { (l.copy_of(cx.d), cx.d) } else { (l.pop(), cx.d) };
    l.sync_for_edge();
    l.truthiness(cx.idx, e, pos);
    if matches!(name, "JumpIfFalse" | "And") {
        l.i(I::I32Eqz);
    }
    l.open_if();
    l.jump(analysis_target(cx));
    l.end();
    Ok(())
}

pub(crate) fn not(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.pop();
    let needs_ic = e.static_number().is_none() && !matches!(e.loc, Loc::Bool(_) | Loc::Const(_));
    if needs_ic {
        l.sync_stack();
    }
    l.truthiness(cx.idx, e, cx.d);
    if needs_ic {
        l.after_gc_point();
    }
    l.i(I::I32Eqz);
    let t = l.temp(ValType::I32);
    l.i(I::LocalSet(t));
    l.push_new(Loc::Bool(t), Ty::Bool);
    Ok(())
}

/// `Coalesce`: jumps with the value kept when it is neither undefined nor null.
pub(crate) fn coalesce(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.peek(0);
    l.sync_for_edge();
    let a = l.p.a;
    l.emit_value(&e, cx.d);
    l.i(I::LocalTee(a)).i(I::I64Const(jsval::UNDEFINED as i64)).i(I::I64Ne);
    l.i(I::LocalGet(a)).i(I::I64Const(jsval::NULL as i64)).i(I::I64Ne).i(I::I32And);
    l.open_if();
    l.jump(analysis_target(cx));
    l.end();
    Ok(())
}

/// `TableSwitch`: an int32 in `[low, high]`, or a double equal to one (-0 counts as 0), jumps
/// to its case (a resume offset of the script); anything else to the default. Dispatch is a
/// Wasm `br_table` over one block per case, each ending in that case's jump.
pub(crate) fn table_switch(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let Some(Operand::TableSwitch { default, low, .. }) = cx.op.operands.first().cloned() else {
        return Err(Decline::malformed(format!("TableSwitch at {} has no table", cx.op.offset)));
    };
    let cases = l.a.switch_cases.get(&cx.idx).cloned().unwrap_or_default();
    let e = l.pop();
    l.sync_for_edge();
    let index = l.temp(ValType::I32);
    match e.loc {
        Loc::Int32(x) => {
            l.i(I::LocalGet(x)).i(I::I32Const(low)).i(I::I32Sub);
            l.release(e);
        }
        _ => {
            let v = l.boxed_local(e, cx.d);
            l.case_index_of_value(v, low);
            l.free_temp(v);
        }
    }
    l.i(I::LocalSet(index));
    let n = cases.len() as u32;
    l.open_block(); // the default's landing
    for _ in 0..n {
        l.open_block();
    }
    let table: Vec<u32> = (0..n).collect();
    l.i(I::LocalGet(index)).i(I::BrTable(table.into(), n));
    l.free_temp(index);
    for &target in &cases {
        l.end();
        l.jump(target);
    }
    l.end();
    l.jump(default);
    Ok(())
}

impl<'e> Lower<'e> {
    /// `[] -> [i32]`: the case index `value - low` of the Value in local `v` when it is an int32
    /// or a double equal to one (`NumberEqualsInt32`), else -1 (out of every table).
    fn case_index_of_value(&mut self, v: u32, low: i32) {
        let (tf, t32) = (self.p.tf, self.p.t32);
        self.i(I::LocalGet(v));
        vc::tag_of(&mut *self.code.borrow_mut());
        self.i(I::I32Const(tag(TYPE_INT32) as i32)).i(I::I32Eq);
        self.open_if_result(ValType::I32);
        self.i(I::LocalGet(v)).i(I::I32WrapI64).i(I::I32Const(low)).i(I::I32Sub);
        self.else_();
        self.i(I::LocalGet(v));
        vc::tag_of(&mut *self.code.borrow_mut());
        self.i(I::I32Const(tag(TYPE_INT32) as i32)).i(I::I32LtU);
        self.open_if_result(ValType::I32);
        self.i(I::LocalGet(v)).i(I::F64ReinterpretI64).i(I::LocalTee(tf)).i(I::I32TruncSatF64S).i(I::LocalTee(t32));
        self.i(I::F64ConvertI32S).i(I::LocalGet(tf)).i(I::F64Eq);
        self.open_if_result(ValType::I32);
        self.i(I::LocalGet(t32)).i(I::I32Const(low)).i(I::I32Sub);
        self.else_();
        self.i(I::I32Const(-1));
        self.end();
        self.else_();
        self.i(I::I32Const(-1));
        self.end();
        self.end();
    }
}

/// `Case`: the condition (a boolean from StrictEq) is popped; when true the discriminant goes
/// too and control jumps.
pub(crate) fn case(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let e = l.pop();
    l.sync_for_edge();
    match e.loc {
        Loc::Bool(b) => {
            l.i(I::LocalGet(b));
        }
        _ => {
            l.emit_value(&e, cx.d);
            l.i(I::I32WrapI64);
        }
    }
    l.release(e);
    l.open_if();
    l.jump(analysis_target(cx));
    l.end();
    Ok(())
}
