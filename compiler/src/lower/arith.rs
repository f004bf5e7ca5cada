//! Numbers: arithmetic, bitwise ops, comparisons and the numeric unary ops, on typed values.
//!
//! Numbers are computed as f64 (exactly ECMAScript's double arithmetic: no overflow checks),
//! int32 where the result is one (bitwise ops), booleans for comparisons. When both operands
//! are statically numbers no check is emitted at all; otherwise a run-time check picks the
//! inline path, and anything that is not a number goes through the op's IC. An IC result of
//! an op whose result is always numeric (`-`, `*`, `/`, `%`, bitwise, `++`) is a number except
//! for BigInts; that rare case hands the frame to the interpreter just after the op
//! ([`Lower::bail_after`]), so the typed result needs no boxed fallback.

use super::ops::OpCtx;
use super::vstack::{Entry, Loc, Ty};
use super::{Decline, Lower};
use runtime_abi::value::{self as jsval, tag, TYPE_BOOLEAN, TYPE_INT32};
use stubs::value::{self as vc, CompareOn};
use wasm_encoder::{Instruction as I, ValType};

/// How a numeric op's result is held.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Out {
    /// A number in an f64.
    Number,
    /// An int32 in an i32.
    Int32,
    /// A boolean in an i32.
    Bool,
    /// Any Value (`+` may concatenate).
    Boxed,
}

impl Out {
    fn val_type(self) -> ValType {
        match self {
            Out::Number => ValType::F64,
            Out::Int32 | Out::Bool => ValType::I32,
            Out::Boxed => ValType::I64,
        }
    }
    fn entry(self, t: u32) -> Entry {
        match self {
            Out::Number => Entry::new(Loc::Double(t), Ty::Number),
            Out::Int32 => Entry::new(Loc::Int32(t), Ty::Int32),
            Out::Bool => Entry::new(Loc::Bool(t), Ty::Bool),
            Out::Boxed => Entry::new(Loc::Boxed(t), Ty::Unknown),
        }
    }
}

/// Which operands take the inline path.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Guard {
    Numbers,
    /// Numbers, and the inline path may still leave for the IC (branching to label 0), so
    /// it is always built with the IC behind it (`%`).
    NumbersMayLeave,
}

/// An operand of a numeric op: statically a number, or a boxed Value in an i64 local.
struct Opnd {
    e: Entry,
    pos: u32,
    boxed: Option<u32>,
}

impl<'e> Lower<'e> {
    fn operand(&mut self, e: Entry, pos: u32) -> Opnd {
        if e.static_number().is_some() {
            Opnd { e, pos, boxed: None }
        } else {
            let b = self.boxed_local(e, pos);
            Opnd { e: Entry::new(Loc::Boxed(b), Ty::Unknown), pos, boxed: Some(b) }
        }
    }
    fn free_operand(&mut self, o: Opnd) {
        match o.boxed {
            Some(b) => self.free_temp(b),
            None => self.release(o.e),
        }
    }
    /// Pushes the f64 of a number operand.
    fn f64_of(&mut self, o: &Opnd) {
        match o.boxed {
            Some(b) => vc::number_to_f64(&mut *self.code.borrow_mut(), b),
            None => self.emit_f64(&o.e),
        }
    }
    /// Pushes ToInt32 of a number operand.
    fn i32_of(&mut self, o: &Opnd) {
        match o.boxed {
            Some(b) => {
                // int32 payload, or ToInt32 of the double.
                self.i(I::LocalGet(b)).i(I::I32WrapI64);
                self.i(I::LocalGet(b)).i(I::F64ReinterpretI64);
                let tf = self.p.tf;
                vc::to_int32(&mut *self.code.borrow_mut(), tf);
                vc::has_type(&mut *self.code.borrow_mut(), b, TYPE_INT32);
                self.i(I::Select);
            }
            None => self.emit_i32(&o.e),
        }
    }
    /// Pushes the boxed Value of an operand.
    fn value_of(&mut self, o: &Opnd) {
        let e = o.e;
        self.emit_value(&e, o.pos);
    }

    /// The IC result in `p.r` as `out`, onto the Wasm stack; a result that is not of the
    /// expected kind (a BigInt) hands the frame to the interpreter after op `idx`, with the
    /// result in its slot at `pos`.
    fn ic_result_as(&mut self, out: Out, idx: usize, pos: u32) {
        let r = self.p.r;
        match out {
            Out::Boxed => {
                self.i(I::LocalGet(r));
            }
            Out::Bool => {
                self.i(I::LocalGet(r)).i(I::I32WrapI64);
            }
            Out::Number | Out::Int32 => {
                if out == Out::Number {
                    vc::is_number(&mut *self.code.borrow_mut(), r);
                } else {
                    vc::has_type(&mut *self.code.borrow_mut(), r, TYPE_INT32);
                }
                self.i(I::I32Eqz);
                self.open_if();
                self.bail_after(idx, pos);
                self.end();
                if out == Out::Number {
                    vc::number_to_f64(&mut *self.code.borrow_mut(), r);
                } else {
                    self.i(I::LocalGet(r)).i(I::I32WrapI64);
                }
            }
        }
    }

    /// The result of op `idx` (in `p.r`) goes to its slot `pos`, and the interpreter resumes
    /// at the next op. The rest of the stack is synced already (the op called its IC).
    pub(crate) fn bail_after(&mut self, idx: usize, pos: u32) {
        let off = self.slot_off(pos);
        let (low, r) = (self.p.low, self.p.r);
        self.i(I::LocalGet(low)).i(I::LocalGet(r)).i(I::I64Store(super::m(off, 3)));
        self.bail_out(idx + 1, pos);
    }

    /// A numeric binary op on the two popped operands: statically typed when both are numbers,
    /// else guarded with the IC behind. `fast` computes the result (as `out`) of numbers.
    fn numeric_binary(&mut self, cx: &OpCtx<'_>, out: Out, guard: Guard, fast: impl Fn(&mut Self, &Opnd, &Opnd)) {
        let rhs = self.pop();
        let lhs = self.pop();
        let (a, b) = (self.operand(lhs, cx.d - 1), self.operand(rhs, cx.d));
        let res = self.temp(out.val_type());
        if guard == Guard::Numbers && a.boxed.is_none() && b.boxed.is_none() {
            fast(self, &a, &b);
            self.i(I::LocalSet(res));
        } else {
            let (pa, pb) = (self.p.a, self.p.b);
            self.sync_stack();
            self.open_block(); // $done
            self.open_block(); // $slow
            let mut checks = 0;
            for o in [&a, &b] {
                match o.boxed {
                    Some(v) => vc::is_number(&mut *self.code.borrow_mut(), v),
                    None => continue,
                }
                checks += 1;
                if checks == 2 {
                    self.i(I::I32And);
                }
            }
            if checks > 0 {
                self.i(I::I32Eqz).i(I::BrIf(0));
            }
            fast(self, &a, &b);
            self.i(I::LocalSet(res)).i(I::Br(1));
            self.end();
            self.value_of(&a);
            self.i(I::LocalSet(pa));
            self.value_of(&b);
            self.i(I::LocalSet(pb));
            self.ic_call(cx.idx);
            self.ic_result_as(out, cx.idx, cx.d - 1);
            self.i(I::LocalSet(res));
            self.end();
            self.after_gc_point();
        }
        self.free_operand(a);
        self.free_operand(b);
        self.push(out.entry(res));
    }

    /// A numeric unary op on the popped operand; `fast` computes the result of a number.
    fn numeric_unary(&mut self, cx: &OpCtx<'_>, out: Out, fast: impl Fn(&mut Self, &Opnd)) {
        let e = self.pop();
        let a = self.operand(e, cx.d);
        let res = self.temp(out.val_type());
        match a.boxed {
            None => {
                fast(self, &a);
                self.i(I::LocalSet(res));
            }
            Some(v) => {
                let (pa, pb) = (self.p.a, self.p.b);
                self.sync_stack();
                self.open_block();
                self.open_block();
                vc::is_number(&mut *self.code.borrow_mut(), v);
                self.i(I::I32Eqz).i(I::BrIf(0));
                fast(self, &a);
                self.i(I::LocalSet(res)).i(I::Br(1));
                self.end();
                self.i(I::LocalGet(v)).i(I::LocalSet(pa)).i(I::I64Const(0)).i(I::LocalSet(pb));
                self.ic_call(cx.idx);
                self.ic_result_as(out, cx.idx, cx.d);
                self.i(I::LocalSet(res));
                self.end();
                self.after_gc_point();
            }
        }
        self.free_operand(a);
        self.push(out.entry(res));
    }
}

// ---- emitters ------------------------------------------------------------------------------

/// `+ - * /`. `-`, `*` and `/` always give numbers; `+` of unknown operands may concatenate,
/// so its result is boxed then (int32 sums stay int32 Values, as the engine makes them).
pub(crate) fn arith(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let ins = match cx.op.name.as_str() {
        "Add" => I::F64Add,
        "Sub" => I::F64Sub,
        "Mul" => I::F64Mul,
        "Div" => I::F64Div,
        _ => return Err(Decline::op(&cx.op.name)),
    };
    let both_static = l.peek(0).static_number().is_some() && l.peek(1).static_number().is_some();
    let (r, lhs) = (l.peek(0), l.peek(1));
    let int32_const_step = r.static_number() == Some(true)
        && lhs.static_number() == Some(true)
        && (matches!(r.loc, Loc::Const(_)) || matches!(lhs.loc, Loc::Const(_)));
    if matches!(cx.op.name.as_str(), "Add" | "Sub") && int32_const_step {
        let rhs = l.pop();
        let lhs = l.pop();
        l.int32_step(cx, lhs, rhs, cx.op.name == "Sub");
    } else if cx.op.name == "Add" && !both_static {
        l.numeric_binary(cx, Out::Boxed, Guard::Numbers, |l, a, b| {
            l.add_boxed(a, b);
        });
    } else {
        l.numeric_binary(cx, Out::Number, Guard::Numbers, move |l, a, b| {
            l.f64_of(a);
            l.f64_of(b);
            l.i(ins.clone());
        });
    }
    Ok(())
}

impl<'e> Lower<'e> {
    /// `a + b` or `a - b` of two int32s, one of them a constant (counters and index steps):
    /// an int32. The rare overflow, near ±2^31 only, hands the frame to the interpreter after
    /// the op with the exact (double) result in its slot, so the result stays an int32 here.
    fn int32_step(&mut self, cx: &OpCtx<'_>, a: Entry, b: Entry, sub: bool) {
        let (w, res) = (self.temp(ValType::I64), self.temp(ValType::I32));
        let pos = self.depth() + 1;
        self.emit_i32(&a);
        self.i(I::I64ExtendI32S);
        self.emit_i32(&b);
        self.i(I::I64ExtendI32S).i(if sub { I::I64Sub } else { I::I64Add });
        vc::fits_int32(&mut *self.code.borrow_mut(), w);
        self.i(I::I32Eqz);
        self.open_if();
        let (tf, r) = (self.p.tf, self.p.r);
        self.i(I::LocalGet(w)).i(I::F64ConvertI64S);
        vc::box_double(&mut *self.code.borrow_mut(), tf);
        self.i(I::LocalSet(r));
        self.bail_after(cx.idx, pos);
        self.end();
        self.i(I::LocalGet(w)).i(I::I32WrapI64).i(I::LocalSet(res));
        self.release(a);
        self.release(b);
        self.free_temp(w);
        self.push(Out::Int32.entry(res));
    }

    /// The boxed sum of two numbers: an int32 when both are and the sum fits, else the double.
    fn add_boxed(&mut self, a: &Opnd, b: &Opnd) {
        let w = self.temp(ValType::I64);
        let int32s = |l: &mut Self| {
            for o in [a, b] {
                match o.boxed {
                    Some(v) => vc::has_type(&mut *l.code.borrow_mut(), v, TYPE_INT32),
                    None => {
                        let is = o.e.static_number() == Some(true);
                        l.i(I::I32Const(is as i32));
                    }
                }
            }
            l.i(I::I32And);
        };
        int32s(self);
        self.open_if_result(ValType::I64);
        self.i32_of(a);
        self.i(I::I64ExtendI32S);
        self.i32_of(b);
        self.i(I::I64ExtendI32S).i(I::I64Add);
        vc::fits_int32(&mut *self.code.borrow_mut(), w);
        self.open_if_result(ValType::I64);
        self.i(I::LocalGet(w)).i(I::I32WrapI64);
        vc::box_i32(&mut *self.code.borrow_mut(), TYPE_INT32);
        self.else_();
        self.i(I::LocalGet(w)).i(I::F64ConvertI64S).i(I::I64ReinterpretF64);
        self.end();
        self.else_();
        self.f64_of(a);
        self.f64_of(b);
        self.i(I::F64Add);
        let (tf, t32) = (self.p.tf, self.p.t32);
        vc::box_number(&mut *self.code.borrow_mut(), tf, t32);
        self.end();
        self.free_temp(w);
    }
}

/// `%`: integer remainder when both are int32-valued numbers with a non-negative dividend
/// (not -0) and a positive divisor (so no -0 and no NaN can result); otherwise the IC.
pub(crate) fn modulo(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let (ta, tb, fa, fb) = (l.temp(ValType::I32), l.temp(ValType::I32), l.temp(ValType::F64), l.temp(ValType::F64));
    l.numeric_binary(cx, Out::Number, Guard::NumbersMayLeave, |l, a, b| {
        // Label 0 is the inline path's block: leaving it takes the IC.
        l.f64_of(a);
        l.i(I::LocalTee(fa)).i(I::I32TruncSatF64S).i(I::LocalTee(ta)).i(I::F64ConvertI32S).i(I::LocalGet(fa)).i(I::F64Ne);
        l.f64_of(b);
        l.i(I::LocalTee(fb)).i(I::I32TruncSatF64S).i(I::LocalTee(tb)).i(I::F64ConvertI32S).i(I::LocalGet(fb)).i(I::F64Ne).i(I::I32Or);
        l.i(I::LocalGet(fa)).i(I::I64ReinterpretF64).i(I::I64Const(0)).i(I::I64LtS).i(I::I32Or);
        l.i(I::LocalGet(tb)).i(I::I32Const(0)).i(I::I32LeS).i(I::I32Or).i(I::BrIf(0));
        l.i(I::LocalGet(ta)).i(I::LocalGet(tb)).i(I::I32RemS).i(I::F64ConvertI32S);
    });
    for t in [ta, tb, fa, fb] {
        l.free_temp(t);
    }
    Ok(())
}

/// `| & ^ << >>`: ToInt32 of numbers inline, an int32 result.
pub(crate) fn bitop(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let ins = match cx.op.name.as_str() {
        "BitOr" => I::I32Or,
        "BitAnd" => I::I32And,
        "BitXor" => I::I32Xor,
        "Lsh" => I::I32Shl,
        "Rsh" => I::I32ShrS,
        _ => return Err(Decline::op(&cx.op.name)),
    };
    l.numeric_binary(cx, Out::Int32, Guard::Numbers, move |l, a, b| {
        l.i32_of(a);
        l.i32_of(b);
        l.i(ins.clone());
    });
    Ok(())
}

/// `>>>`: a uint32, held as a number.
pub(crate) fn ursh(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    l.numeric_binary(cx, Out::Number, Guard::Numbers, |l, a, b| {
        l.i32_of(a);
        l.i32_of(b);
        l.i(I::I32ShrU).i(I::F64ConvertI32U);
    });
    Ok(())
}

/// Comparisons: numbers inline (int32 when both are statically int32), a boolean result;
/// strict equality with undefined, null or a boolean constant is identity.
pub(crate) fn compare(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let name = cx.op.name.clone();
    if matches!(name.as_str(), "StrictEq" | "StrictNe") && (is_identity_const(&l.peek(0)) || is_identity_const(&l.peek(1))) {
        let rhs = l.pop();
        let lhs = l.pop();
        let t = l.temp(ValType::I32);
        l.emit_value(&lhs, cx.d - 1);
        l.emit_value(&rhs, cx.d);
        l.i(if name == "StrictEq" { I::I64Eq } else { I::I64Ne }).i(I::LocalSet(t));
        l.release(lhs);
        l.release(rhs);
        l.push_new(Loc::Bool(t), Ty::Bool);
        return Ok(());
    }
    let (Some(di), Some(dd)) = (vc::compare_instr(&name, CompareOn::Int32), vc::compare_instr(&name, CompareOn::Double)) else {
        return Err(Decline::op(&name));
    };
    let both_int32 = l.peek(0).static_number() == Some(true) && l.peek(1).static_number() == Some(true);
    l.numeric_binary(cx, Out::Bool, Guard::Numbers, move |l, a, b| {
        if both_int32 {
            l.i32_of(a);
            l.i32_of(b);
            l.i(di.clone());
        } else {
            l.f64_of(a);
            l.f64_of(b);
            l.i(dd.clone());
        }
    });
    Ok(())
}

/// Constants whose strict equality is bit identity: undefined, null, booleans.
fn is_identity_const(e: &Entry) -> bool {
    match e.loc {
        Loc::Const(v) => v == jsval::UNDEFINED || v == jsval::NULL || (v >> 32) as u32 == tag(TYPE_BOOLEAN),
        _ => false,
    }
}

/// `++ -- -x +x ToNumeric`: numbers inline as f64; `++` and `--` of an int32 as int32.
pub(crate) fn unary_number(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    let name = cx.op.name.clone();
    if matches!(name.as_str(), "Pos" | "ToNumeric") && l.peek(0).static_number().is_some() {
        return Ok(());
    }
    if matches!(name.as_str(), "Inc" | "Dec") && l.peek(0).static_number() == Some(true) {
        let a = l.pop();
        let one = Entry::constant(runtime_abi::value::tag_bits(TYPE_INT32) | 1);
        l.int32_step(cx, a, one, name == "Dec");
        return Ok(());
    }
    l.numeric_unary(cx, Out::Number, move |l, a| {
        l.f64_of(a);
        match name.as_str() {
            "Inc" => {
                l.i(I::F64Const(1.0.into())).i(I::F64Add);
            }
            "Dec" => {
                l.i(I::F64Const(1.0.into())).i(I::F64Sub);
            }
            "Neg" => {
                l.i(I::F64Neg);
            }
            _ => {}
        }
    });
    Ok(())
}

/// `~x`: ToInt32 inline, an int32 result.
pub(crate) fn bit_not(l: &mut Lower<'_>, cx: &OpCtx<'_>) -> Result<(), Decline> {
    l.numeric_unary(cx, Out::Int32, |l, a| {
        l.i32_of(a);
        l.i(I::I32Const(-1)).i(I::I32Xor);
    });
    Ok(())
}
