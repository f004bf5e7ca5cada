//! The typed virtual stack: where each operand-stack value and each local lives while a block
//! is compiled, and the code that moves values between Wasm locals and the engine's frame.
//!
//! An operand is in its frame slot, a constant, a lazy read of a local or argument, or a Wasm
//! local holding a boxed Value, an int32, a number (f64) or a boolean. The frame is written
//! only where the engine can look ([`Lower::sync_stack`] before every call that can GC, throw
//! or re-enter; the exit paths; block ends), so a chain of pure ops never touches memory.
//!
//! **Invariant:** after a call that can GC, no Wasm local holds a Value that may point into
//! the GC heap: [`Lower::after_gc_point`] turns every such entry back into its (traced, and
//! so updated) frame slot. Numbers, booleans and constants survive calls in Wasm locals.
//!
//! **Invariant:** at block edges the frame is the whole truth (every operand synced, every
//! dirty local written), so blocks join with no merge code; types do not cross blocks.

use super::analysis::LocalTy;
use super::{m, Lower};
use runtime_abi::value::{self as jsval, TYPE_BOOLEAN, TYPE_INT32, TYPE_MAGIC, TYPE_NULL, TYPE_OBJECT, TYPE_STRING, TYPE_UNDEFINED};
use runtime_abi::script as sf;
use stubs::value as vc;
use wasm_encoder::{Instruction as I, ValType};

/// What is statically known of a value's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Unknown,
    Int32,
    /// A number: an int32 or a double.
    Number,
    Bool,
    Object,
    String,
    /// undefined, null or a magic value: not a number, not in the GC heap.
    OtherPrimitive,
}

impl Ty {
    /// Whether a Value of this type can point into the GC heap (and so move at a GC).
    pub fn may_be_gc_thing(self) -> bool {
        matches!(self, Ty::Unknown | Ty::Object | Ty::String)
    }
    pub fn is_number(self) -> bool {
        matches!(self, Ty::Int32 | Ty::Number)
    }
    /// The type of a constant Value.
    pub fn of_const(v: u64) -> Ty {
        let hi = (v >> 32) as u32;
        if hi <= jsval::TAG_CLEAR {
            return Ty::Number;
        }
        match hi & !jsval::TAG_CLEAR {
            TYPE_INT32 => Ty::Int32,
            TYPE_BOOLEAN => Ty::Bool,
            TYPE_UNDEFINED | TYPE_NULL | TYPE_MAGIC => Ty::OtherPrimitive,
            TYPE_OBJECT => Ty::Object,
            TYPE_STRING => Ty::String,
            _ => Ty::Unknown,
        }
    }
}

/// Where a value is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Loc {
    /// In its own operand-stack slot in the frame.
    Slot,
    /// In operand slot `k` (1-based); only for values popped and not yet placed again.
    StackAt(u32),
    /// The current value of fixed slot `i`, read from the frame when used.
    Local(u32),
    /// The current value of formal argument `i`, read from the frame when used.
    Arg(u32),
    Const(u64),
    /// A boxed Value in an i64 Wasm local.
    Boxed(u32),
    /// An int32 in an i32 Wasm local.
    Int32(u32),
    /// A number in an f64 Wasm local (boxed as `NumberValue` does: int32 when it is one).
    Double(u32),
    /// A boolean (0 or 1) in an i32 Wasm local.
    Bool(u32),
}

impl Loc {
    /// The Wasm local this location owns, if any.
    pub fn wasm_local(self) -> Option<u32> {
        match self {
            Loc::Boxed(l) | Loc::Int32(l) | Loc::Double(l) | Loc::Bool(l) => Some(l),
            _ => None,
        }
    }
}

/// One operand-stack value.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub loc: Loc,
    pub ty: Ty,
    /// The value is also in this entry's frame slot.
    pub synced: bool,
}

impl Entry {
    pub fn new(loc: Loc, ty: Ty) -> Self {
        Entry { loc, ty, synced: false }
    }
    pub fn constant(v: u64) -> Self {
        Entry::new(Loc::Const(v), Ty::of_const(v))
    }
    /// The static numeric view: `Some(true)` for a known int32, `Some(false)` for a known
    /// number, `None` when it must be checked at run time.
    pub fn static_number(&self) -> Option<bool> {
        match self.loc {
            Loc::Int32(_) => Some(true),
            Loc::Double(_) => Some(false),
            Loc::Const(_) if self.ty == Ty::Int32 => Some(true),
            Loc::Const(_) if self.ty == Ty::Number => Some(false),
            _ => None,
        }
    }
}

/// A local's value held in a Wasm local while a block runs.
#[derive(Clone, Copy, Debug)]
pub struct Cached {
    pub loc: Loc,
    pub ty: Ty,
    /// Not yet written to the frame.
    pub dirty: bool,
}

impl<'e> Lower<'e> {
    // ---- Wasm locals -------------------------------------------------------------------

    /// A scratch local of type `ty`, from the free list when one is there.
    pub(crate) fn temp(&mut self, ty: ValType) -> u32 {
        let k = type_key(ty);
        if let Some(l) = self.free[k].pop() {
            return l;
        }
        self.new_local(ty)
    }
    pub(crate) fn free_temp(&mut self, l: u32) {
        let ty = self.local_types[(l - sf::param::COUNT) as usize];
        self.free[type_key(ty)].push(l);
    }
    /// Gives back the Wasm local an entry owned.
    pub(crate) fn release(&mut self, e: Entry) {
        if let Some(l) = e.loc.wasm_local() {
            self.free_temp(l);
        }
    }

    // ---- the stack ---------------------------------------------------------------------

    pub(crate) fn depth(&self) -> u32 {
        self.vs.len() as u32
    }

    /// Pushes `e` as the new top. A value read from another operand slot is loaded now, since
    /// that slot may be overwritten before it is used.
    pub(crate) fn push(&mut self, mut e: Entry) {
        let pos = self.depth() + 1;
        if let Loc::StackAt(k) = e.loc {
            if k == pos {
                e.loc = Loc::Slot;
                e.synced = true;
            } else {
                let t = self.temp(ValType::I64);
                self.load_slot(k);
                self.i(I::LocalSet(t));
                e = Entry { loc: Loc::Boxed(t), ty: e.ty, synced: false };
            }
        } else if e.loc == Loc::Slot {
            unreachable!("a Slot entry is pushed only through StackAt");
        }
        self.vs.push(e);
    }
    pub(crate) fn push_new(&mut self, loc: Loc, ty: Ty) {
        self.push(Entry::new(loc, ty));
    }
    /// Pushes the i64 Value in protocol local `src` as a new boxed entry.
    pub(crate) fn push_boxed_from(&mut self, src: u32, ty: Ty) {
        let t = self.temp(ValType::I64);
        self.i(I::LocalGet(src)).i(I::LocalSet(t));
        self.push_new(Loc::Boxed(t), ty);
    }

    /// Pops the top; a value in its slot becomes `StackAt(k)`. The caller releases it.
    pub(crate) fn pop(&mut self) -> Entry {
        let k = self.depth();
        let mut e = self.vs.pop().expect("analysed stack depth");
        if e.loc == Loc::Slot {
            e.loc = Loc::StackAt(k);
        }
        e.synced = false;
        e
    }
    pub(crate) fn pop_release(&mut self) {
        let e = self.pop();
        self.release(e);
    }
    /// The entry `n` below the top (0 = top).
    pub(crate) fn peek(&self, n: u32) -> Entry {
        self.vs[self.vs.len() - 1 - n as usize]
    }
    /// A copy of the entry at position `k` (1-based), owning its own Wasm local.
    pub(crate) fn copy_of(&mut self, k: u32) -> Entry {
        let e = self.vs[k as usize - 1];
        match e.loc {
            Loc::Slot => Entry::new(Loc::StackAt(k), e.ty),
            Loc::Boxed(l) | Loc::Int32(l) | Loc::Double(l) | Loc::Bool(l) => {
                let ty = self.local_types[(l - sf::param::COUNT) as usize];
                let t = self.temp(ty);
                self.i(I::LocalGet(l)).i(I::LocalSet(t));
                let loc = match e.loc {
                    Loc::Boxed(_) => Loc::Boxed(t),
                    Loc::Int32(_) => Loc::Int32(t),
                    Loc::Double(_) => Loc::Double(t),
                    _ => Loc::Bool(t),
                };
                Entry::new(loc, e.ty)
            }
            loc => Entry::new(loc, e.ty),
        }
    }

    /// Drops the stack to `depth` entries of unknown type in their slots: the state at the
    /// start of a block, where the frame holds everything.
    pub(crate) fn reset_to_frame(&mut self, depth: u32) {
        while let Some(e) = self.vs.pop() {
            self.release(e);
        }
        for _ in 0..depth {
            self.vs.push(Entry { loc: Loc::Slot, ty: Ty::Unknown, synced: true });
        }
        self.cache.iter_mut().for_each(|c| *c = None);
    }

    // ---- reading values ----------------------------------------------------------------

    /// Pushes the boxed Value of `e` on the Wasm stack.
    pub(crate) fn emit_value(&mut self, e: &Entry, pos: u32) {
        match e.loc {
            Loc::Slot => self.load_slot(pos),
            Loc::StackAt(k) => self.load_slot(k),
            Loc::Local(i) => {
                let off = self.local_off(i);
                self.i(I::LocalGet(self.p.low)).i(I::I64Load(m(off, 3)));
            }
            Loc::Arg(i) => {
                self.i(I::LocalGet(self.p.frame)).i(I::I64Load(m(sf::FRAME_ARGS + 8 * i, 3)));
            }
            Loc::Const(v) => {
                self.i(I::I64Const(v as i64));
            }
            Loc::Boxed(l) => {
                self.i(I::LocalGet(l));
            }
            Loc::Int32(l) => {
                self.i(I::LocalGet(l));
                vc::box_i32(&mut *self.code.borrow_mut(), TYPE_INT32);
            }
            Loc::Bool(l) => {
                self.i(I::LocalGet(l));
                vc::box_i32(&mut *self.code.borrow_mut(), TYPE_BOOLEAN);
            }
            Loc::Double(l) => {
                let (tf, t32) = (self.p.tf, self.p.t32);
                self.i(I::LocalGet(l));
                vc::box_number(&mut *self.code.borrow_mut(), tf, t32);
            }
        }
    }
    /// The boxed Value of `e` in an i64 Wasm local: its own when it is boxed already (the
    /// entry then gives it up), else a new temp. The caller frees it.
    pub(crate) fn boxed_local(&mut self, e: Entry, pos: u32) -> u32 {
        if let Loc::Boxed(l) = e.loc {
            return l;
        }
        let t = self.temp(ValType::I64);
        self.emit_value(&e, pos);
        self.i(I::LocalSet(t));
        self.release(e);
        t
    }
    /// Pushes the f64 of a statically numeric entry.
    pub(crate) fn emit_f64(&mut self, e: &Entry) {
        match e.loc {
            Loc::Int32(l) => {
                self.i(I::LocalGet(l)).i(I::F64ConvertI32S);
            }
            Loc::Double(l) => {
                self.i(I::LocalGet(l));
            }
            Loc::Const(v) if e.ty == Ty::Int32 => {
                self.i(I::F64Const((v as u32 as i32 as f64).into()));
            }
            Loc::Const(v) => {
                self.i(I::F64Const(f64::from_bits(v).into()));
            }
            _ => unreachable!("emit_f64 of a value that is not statically a number"),
        }
    }
    /// Pushes the ToInt32 of a statically numeric entry.
    pub(crate) fn emit_i32(&mut self, e: &Entry) {
        match e.loc {
            Loc::Int32(l) => {
                self.i(I::LocalGet(l));
            }
            Loc::Const(v) if e.ty == Ty::Int32 => {
                self.i(I::I32Const(v as u32 as i32));
            }
            _ => {
                self.emit_f64(e);
                let tf = self.p.tf;
                vc::to_int32(&mut *self.code.borrow_mut(), tf);
            }
        }
    }

    // ---- writing the frame -------------------------------------------------------------

    /// Writes every operand not yet in its slot, and marks it synced.
    pub(crate) fn sync_stack(&mut self) {
        for k in 1..=self.depth() {
            let e = self.vs[k as usize - 1];
            if !e.synced {
                self.store_entry(&e, k);
                self.vs[k as usize - 1].synced = true;
            }
        }
    }
    fn store_entry(&mut self, e: &Entry, k: u32) {
        let off = self.slot_off(k);
        self.i(I::LocalGet(self.p.low));
        self.emit_value(e, k);
        self.i(I::I64Store(m(off, 3)));
    }

    /// After a call that may have run the GC: values that may be GC things are read again
    /// from their (traced) slots; numbers and booleans stay where they are.
    pub(crate) fn after_gc_point(&mut self) {
        for k in 0..self.vs.len() {
            let e = self.vs[k];
            debug_assert!(e.synced, "an operand was not synced before a call");
            if e.ty.may_be_gc_thing() && matches!(e.loc, Loc::Boxed(_)) {
                self.release(e);
                self.vs[k] = Entry { loc: Loc::Slot, ty: e.ty, synced: true };
            }
        }
    }

    /// Code for an exit path (the engine takes over the frame): writes what the frame lacks,
    /// without changing the compile-time state, since the normal path goes on.
    pub(crate) fn write_frame_for_exit(&mut self) {
        for k in 1..=self.depth() {
            let e = self.vs[k as usize - 1];
            if !e.synced {
                self.store_entry(&e, k);
            }
        }
        self.write_dirty_locals();
    }

    /// Writes dirty cached locals to the frame (the cache stays as it is).
    pub(crate) fn write_dirty_locals(&mut self) {
        for i in 0..self.cache.len() {
            if let Some(c) = self.cache[i].filter(|c| c.dirty) {
                let off = self.local_off(i as u32);
                self.i(I::LocalGet(self.p.low));
                self.emit_value(&Entry::new(c.loc, c.ty), 0);
                self.i(I::I64Store(m(off, 3)));
            }
        }
    }

    /// At a block edge: the frame gets everything.
    pub(crate) fn sync_for_edge(&mut self) {
        self.sync_stack();
        self.write_dirty_locals();
        for c in self.cache.iter_mut().flatten() {
            c.dirty = false;
        }
    }

    // ---- locals ------------------------------------------------------------------------

    /// Before local `i` (or argument `i`, with `arg`) is overwritten: stack entries that read
    /// it lazily take its current value now.
    pub(crate) fn detach_lazy_reads(&mut self, i: u32, arg: bool) {
        for k in 0..self.vs.len() {
            let e = self.vs[k];
            let hit = match e.loc {
                Loc::Local(j) => !arg && j == i,
                Loc::Arg(j) => arg && j == i,
                _ => false,
            };
            if hit {
                if e.synced {
                    self.vs[k].loc = Loc::Slot;
                } else {
                    let t = self.temp(ValType::I64);
                    self.emit_value(&e, k as u32 + 1);
                    self.i(I::LocalSet(t));
                    self.vs[k].loc = Loc::Boxed(t);
                }
            }
        }
    }

    /// `GetLocal i`: the cached value, or a lazy read of the frame.
    pub(crate) fn get_local(&mut self, i: u32) {
        match self.cache.get(i as usize).copied().flatten() {
            Some(c) => {
                let loc = match c.loc {
                    Loc::Const(v) => Loc::Const(v),
                    Loc::Boxed(l) | Loc::Int32(l) | Loc::Double(l) | Loc::Bool(l) => {
                        let ty = self.local_types[(l - sf::param::COUNT) as usize];
                        let t = self.temp(ty);
                        self.i(I::LocalGet(l)).i(I::LocalSet(t));
                        match c.loc {
                            Loc::Boxed(_) => Loc::Boxed(t),
                            Loc::Int32(_) => Loc::Int32(t),
                            Loc::Double(_) => Loc::Double(t),
                            _ => Loc::Bool(t),
                        }
                    }
                    _ => unreachable!("cached locals are constants or Wasm locals"),
                };
                self.push_new(loc, c.ty);
            }
            None => match self.local_type_here(i) {
                LocalTy::Int32 => {
                    // Unbox once per block into the local's cache; later reads share it.
                    let c = self.cache_local(i, ValType::I32);
                    let off = self.local_off(i);
                    self.i(I::LocalGet(self.p.low)).i(I::I32Load(m(off, 2))).i(I::LocalSet(c));
                    self.cache[i as usize] = Some(Cached { loc: Loc::Int32(c), ty: Ty::Int32, dirty: false });
                    self.get_local(i);
                }
                LocalTy::Number => {
                    let c = self.cache_local(i, ValType::F64);
                    let (v, off) = (self.p.a, self.local_off(i));
                    self.i(I::LocalGet(self.p.low)).i(I::I64Load(m(off, 3))).i(I::LocalSet(v));
                    vc::number_to_f64(&mut *self.code.borrow_mut(), v);
                    self.i(I::LocalSet(c));
                    self.cache[i as usize] = Some(Cached { loc: Loc::Double(c), ty: Ty::Number, dirty: false });
                    self.get_local(i);
                }
                _ => self.push_new(Loc::Local(i), Ty::Unknown),
            },
        }
    }

    /// What fixed slot `i` is known to hold at the start of the current block.
    fn local_type_here(&self, i: u32) -> LocalTy {
        self.locals_at_block.get(self.block).and_then(|b| b.get(i as usize)).copied().unwrap_or(LocalTy::Unknown)
    }

    /// `SetLocal i` with the value on top (which stays there): numbers, booleans and
    /// constants are kept in a Wasm local of the local's own and written at the block's end;
    /// anything else is written through.
    pub(crate) fn set_local(&mut self, i: u32) -> Result<(), super::Decline> {
        // What is stored is recorded for the typing passes (`compile_script`).
        self.detach_lazy_reads(i, false);
        let d = self.depth();
        let e = self.peek(0);
        let stored = LocalTy::of(e.ty);
        self.local_stores[i as usize] = self.local_stores[i as usize].join(stored);
        let cached = match e.loc {
            Loc::Const(v) if !e.ty.may_be_gc_thing() => Some(Loc::Const(v)),
            Loc::Int32(l) | Loc::Double(l) | Loc::Bool(l) => {
                let ty = self.local_types[(l - sf::param::COUNT) as usize];
                let c = self.cache_local(i, ty);
                self.i(I::LocalGet(l)).i(I::LocalSet(c));
                Some(match e.loc {
                    Loc::Int32(_) => Loc::Int32(c),
                    Loc::Double(_) => Loc::Double(c),
                    _ => Loc::Bool(c),
                })
            }
            _ => None,
        };
        match cached {
            Some(loc) => self.cache[i as usize] = Some(Cached { loc, ty: e.ty, dirty: true }),
            None => {
                self.cache[i as usize] = None;
                let off = self.local_off(i);
                self.i(I::LocalGet(self.p.low));
                self.emit_value(&e, d);
                self.i(I::I64Store(m(off, 3)));
            }
        }
        Ok(())
    }

    /// The Wasm local that caches fixed slot `i` as `ty`: one per (slot, type), kept for the
    /// whole function.
    fn cache_local(&mut self, i: u32, ty: ValType) -> u32 {
        if let Some(&l) = self.cache_locals.get(&(i, type_key(ty))) {
            return l;
        }
        let l = self.new_local(ty);
        self.cache_locals.insert((i, type_key(ty)), l);
        l
    }

    /// Pushes the static truthiness of a constant, if `e` is one.
    pub(crate) fn const_truthiness(e: &Entry) -> Option<bool> {
        let Loc::Const(v) = e.loc else { return None };
        Some(match Ty::of_const(v) {
            Ty::Int32 | Ty::Bool => v as u32 != 0,
            Ty::Number => {
                let x = f64::from_bits(v);
                !x.is_nan() && x != 0.0
            }
            Ty::OtherPrimitive => false,
            _ => return None,
        })
    }
}

/// Index of a value type in the free lists.
pub(crate) fn type_key(ty: ValType) -> usize {
    match ty {
        ValType::I32 => 0,
        ValType::I64 => 1,
        _ => 2,
    }
}
