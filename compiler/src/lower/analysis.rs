//! Bytecode analysis for the script compiler: basic blocks, the operand stack depth before each
//! op, and the IC entry each op uses, all from the decoded ops and the engine's opcode tables.

use crate::bytecode::notes::ScriptNotes;
use crate::bytecode::{Op, Operand};
use crate::snapshot::engine::Engine;
use runtime_abi::script as sf;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// What the analysis found; `depth[i]` is `None` for ops no path from the entry reaches.
#[derive(Debug)]
pub struct Analysis {
    /// Operand stack depth (values above the fixed slots) before each op.
    pub depth: Vec<Option<u32>>,
    /// The IC entry index current at each op: the op's own entry if it has one, otherwise the
    /// entry of the next IC op (what `frame->interpreterICEntry` must say there).
    pub ic_index: Vec<u32>,
    /// Index of the first op of each basic block, ascending; `block_of[i]` is op i's block.
    pub block_starts: Vec<usize>,
    pub block_of: Vec<usize>,
    pub max_depth: u32,
    pub num_ic_entries: u32,
    /// Try notes whose handler is entered only through the engine's exception handling (the
    /// restart entry), so their code is reached in compiled form only if a normal path leads
    /// there; and scope notes, for the environment each range runs in.
    pub try_notes: usize,
    pub scope_notes: usize,
    /// Per `TableSwitch` op (by index): its case targets' bytecode offsets, in case order (the
    /// default is its `jump_target`).
    pub switch_cases: BTreeMap<usize, Vec<u32>>,
    /// The `catch` and `finally` handlers of the try notes: entered when an exception lands in
    /// this frame, with the stack depth the note gives (plus the exception, its stack and
    /// `true` for a `finally`). Ascending by op index, without duplicates.
    pub handlers: Vec<Handler>,
}

/// A `catch` or `finally` block the engine's exception handling can resume at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    /// Index of its first op.
    pub idx: usize,
    pub offset: u32,
    pub depth: u32,
}

/// Why a script's bytecode cannot be analysed (it is then declined with this reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisError {
    pub message: String,
    /// True when the bytecode is malformed (the engine would not produce it), false when it
    /// is well formed but beyond what the analysis models.
    pub malformed: bool,
}

/// Bytecode the engine would not produce.
fn malformed(message: String) -> AnalysisError {
    AnalysisError { message, malformed: true }
}

pub use super::ops::{is_conditional, terminates as is_terminator};

pub fn jump_target(op: &Op) -> Option<u32> {
    op.operands.iter().find_map(|o| match o {
        Operand::Target(t) => Some(*t),
        Operand::TableSwitch { default, .. } => Some(*default),
        _ => None,
    })
}

/// A `TableSwitch`'s case targets: the resume offsets `first_resume_index..` of the script, one
/// per value from `low` to `high`.
pub fn switch_cases(op: &Op, notes: &ScriptNotes) -> Result<Option<Vec<u32>>, AnalysisError> {
    let Some(Operand::TableSwitch { low, high, first_resume_index, .. }) = op.operands.first() else { return Ok(None) };
    let n = (*high as i64 - *low as i64 + 1).max(0) as usize;
    let first = *first_resume_index as usize;
    let cases = notes.resume_offsets.get(first..first + n).ok_or_else(|| malformed(format!("TableSwitch at {} names resume offsets {first}..{} of {}", op.offset, first + n, notes.resume_offsets.len())))?;
    Ok(Some(cases.to_vec()))
}

/// `(uses, defs)` of one op on the operand stack.
pub fn stack_effect(engine: &Engine, op: &Op) -> Result<(u32, u32), AnalysisError> {
    let info = engine.jsop(op.opcode).ok_or_else(|| malformed(format!("unknown op {}", op.name)))?;
    let defs = u32::try_from(info.ndefs).map_err(|_| AnalysisError { message: format!("{} has variable defs", op.name), malformed: false })?;
    let uses = match u32::try_from(info.nuses) {
        Ok(n) => n,
        Err(_) => match (op.name.as_str(), op.operands.first()) {
            ("PopN", Some(Operand::U16(n))) => *n as u32,
            (_, Some(Operand::Argc(argc))) => {
                let constructing = matches!(op.name.as_str(), "New" | "NewContent" | "SuperCall");
                2 + *argc as u32 + constructing as u32
            }
            _ => return Err(AnalysisError { message: format!("{} has a variable stack use aotjs does not model", op.name), malformed: false }),
        },
    };
    Ok((uses, defs))
}

pub fn analyse(engine: &Engine, ops: &[Op], notes: &ScriptNotes, num_ic_entries: u32) -> Result<Analysis, AnalysisError> {
    let index_of = |offset: u32| ops.binary_search_by_key(&offset, |o| o.offset).ok();
    // Resume offsets are where generators resume and TableSwitch cases start: op boundaries.
    if let Some(r) = notes.resume_offsets.iter().find(|&&r| index_of(r).is_none()) {
        return Err(malformed(format!("resume offset {r} is not at an op")));
    }
    // IC entries are numbered in bytecode order; JumpTarget and LoopHead restate the index.
    let mut ic_index = vec![0u32; ops.len()];
    let mut cur = 0u32;
    for (i, op) in ops.iter().enumerate() {
        match op.operands.first() {
            Some(Operand::IcIndex(n)) if op.name == "JumpTarget" => cur = *n,
            Some(Operand::LoopHead { ic_index, .. }) => cur = *ic_index,
            _ => {}
        }
        ic_index[i] = cur;
        if op.has_ic {
            cur += 1;
        }
    }
    if cur != num_ic_entries {
        return Err(malformed(format!("IC ops number {cur} but the script has {num_ic_entries} IC entries")));
    }

    let mut switch_cases_of = BTreeMap::new();
    for (i, op) in ops.iter().enumerate() {
        if let Some(cases) = switch_cases(op, notes)? {
            switch_cases_of.insert(i, cases);
        }
    }
    let mut leaders = BTreeSet::new();
    leaders.insert(0usize);
    for (i, op) in ops.iter().enumerate() {
        let cases = switch_cases_of.get(&i).into_iter().flatten().copied();
        for t in jump_target(op).into_iter().chain(cases) {
            let j = index_of(t).ok_or_else(|| malformed(format!("{} at {} jumps into the middle of an op", op.name, op.offset)))?;
            leaders.insert(j);
        }
        if (is_terminator(&op.name) || is_conditional(&op.name)) && i + 1 < ops.len() {
            leaders.insert(i + 1);
        }
    }
    let mut handlers: Vec<Handler> = Vec::new();
    for tn in &notes.try_notes {
        let extra = match tn.kind {
            sf::TRY_NOTE_CATCH => 0,
            sf::TRY_NOTE_FINALLY => 3,
            _ => continue,
        };
        let offset = tn.start + tn.length;
        let idx = index_of(offset).ok_or_else(|| malformed(format!("try note handler {offset} is not at an op")))?;
        leaders.insert(idx);
        handlers.push(Handler { idx, offset, depth: tn.stack_depth + extra });
    }
    handlers.sort_by_key(|h| h.idx);
    handlers.dedup();
    let block_starts: Vec<usize> = leaders.into_iter().collect();
    let mut block_of = vec![0usize; ops.len()];
    for (b, &s) in block_starts.iter().enumerate() {
        let end = block_starts.get(b + 1).copied().unwrap_or(ops.len());
        for slot in &mut block_of[s..end] {
            *slot = b;
        }
    }

    let mut depth: Vec<Option<u32>> = vec![None; ops.len()];
    let mut max_depth = 0u32;
    let mut work = VecDeque::from([(0usize, 0u32)]);
    let set = |depth: &mut Vec<Option<u32>>, work: &mut VecDeque<(usize, u32)>, i: usize, d: u32| -> Result<(), AnalysisError> {
        match depth[i] {
            Some(old) if old != d => Err(malformed(format!("stack depth {old} and {d} meet at bytecode offset {}", ops[i].offset))),
            Some(_) => Ok(()),
            None => {
                depth[i] = Some(d);
                work.push_back((i, d));
                Ok(())
            }
        }
    };
    depth[0] = Some(0);
    for h in &handlers {
        set(&mut depth, &mut work, h.idx, h.depth)?;
    }
    while let Some((i, d)) = work.pop_front() {
        let op = &ops[i];
        let (uses, defs) = stack_effect(engine, op)?;
        let after = d.checked_sub(uses).ok_or_else(|| malformed(format!("stack underflow at bytecode offset {}", op.offset)))? + defs;
        max_depth = max_depth.max(d).max(after);
        if let Some(t) = jump_target(op) {
            let j = index_of(t).unwrap_or(0);
            // And/Or/Coalesce keep their operand when they jump; Case pops both when it jumps.
            let at_target = match op.name.as_str() {
                "Case" => after - 1,
                _ => after,
            };
            set(&mut depth, &mut work, j, at_target)?;
        }
        for &t in switch_cases_of.get(&i).into_iter().flatten() {
            set(&mut depth, &mut work, index_of(t).unwrap_or(0), after)?;
        }
        if !is_terminator(&op.name) && i + 1 < ops.len() {
            set(&mut depth, &mut work, i + 1, after)?;
        }
    }
    Ok(Analysis {
        depth,
        ic_index,
        block_starts,
        block_of,
        max_depth,
        num_ic_entries,
        try_notes: notes.try_notes.len(),
        scope_notes: notes.scope_notes.len(),
        switch_cases: switch_cases_of,
        handlers,
    })
}

/// What every store to a fixed slot is known to store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalTy {
    /// No store seen yet (where a typing pass starts).
    NoStore,
    Int32,
    Number,
    Unknown,
}

impl LocalTy {
    pub fn of(ty: super::vstack::Ty) -> Self {
        match ty {
            super::vstack::Ty::Int32 => LocalTy::Int32,
            super::vstack::Ty::Number => LocalTy::Number,
            _ => LocalTy::Unknown,
        }
    }
    /// The least type that covers both.
    pub fn join(self, other: LocalTy) -> LocalTy {
        use LocalTy::*;
        match (self, other) {
            (NoStore, x) | (x, NoStore) => x,
            (Int32, Int32) => Int32,
            (Unknown, _) | (_, Unknown) => Unknown,
            _ => Number,
        }
    }
    /// Whether a value of type `self` may be stored to a slot typed `slot`.
    pub fn fits(self, slot: LocalTy) -> bool {
        slot.join(self) == slot
    }
}

/// The type each fixed slot holds at the start of each block: the type of every store to it in
/// the script (`stores`, what a typing pass assumes), where the slot is assigned on every path
/// from the entry to the block (a must-analysis over the blocks; the frame starts fixed slots
/// `undefined`), else `Unknown`. Only this script's own `SetLocal`/`InitLexical` write a fixed
/// slot, so the type holds without a run-time check.
pub fn typed_locals_at_blocks(a: &Analysis, ops: &[Op], stores: &[LocalTy]) -> Vec<Vec<LocalTy>> {
    let n = a.block_starts.len();
    let nloc = stores.len();
    let block_end = |b: usize| a.block_starts.get(b + 1).copied().unwrap_or(ops.len());
    let index_of = |offset: u32| ops.binary_search_by_key(&offset, |o| o.offset).ok();
    // Stores per block, and successors.
    let mut gen = vec![vec![false; nloc]; n];
    let mut succs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for b in 0..n {
        let (start, end) = (a.block_starts[b], block_end(b));
        if a.depth[start].is_none() {
            continue;
        }
        for op in &ops[start..end] {
            if matches!(op.name.as_str(), "SetLocal" | "InitLexical") {
                if let Some(Operand::Local(i)) = op.operands.first() {
                    if let Some(g) = gen[b].get_mut(*i as usize) {
                        *g = true;
                    }
                }
            }
        }
        let last = &ops[end - 1];
        let cases = a.switch_cases.get(&(end - 1)).into_iter().flatten().copied();
        for j in jump_target(last).into_iter().chain(cases).filter_map(index_of) {
            succs[b].push(a.block_of[j]);
        }
        if !is_terminator(&last.name) && end < ops.len() {
            succs[b].push(a.block_of[end]);
        }
    }
    // Must-analysis: in[entry] = nothing assigned; in[b] = AND of out[preds]; start from "all".
    // Entries: the function's, and every exception handler (reached from anywhere in its try
    // block, so nothing is known to be assigned there).
    let mut entry = vec![false; n];
    if n > 0 {
        entry[0] = true;
    }
    for h in &a.handlers {
        entry[a.block_of[h.idx]] = true;
    }
    let mut assigned_in = vec![vec![true; nloc]; n];
    for b in (0..n).filter(|&b| entry[b]) {
        assigned_in[b] = vec![false; nloc];
    }
    let mut changed = true;
    while changed {
        changed = false;
        for b in 0..n {
            if a.depth[a.block_starts[b]].is_none() {
                continue;
            }
            let out: Vec<bool> = (0..nloc).map(|i| assigned_in[b][i] || gen[b][i]).collect();
            for &s in &succs[b] {
                if entry[s] {
                    continue;
                }
                for i in 0..nloc {
                    if assigned_in[s][i] && !out[i] {
                        assigned_in[s][i] = false;
                        changed = true;
                    }
                }
            }
        }
    }
    let typed = |assigned: bool, t: LocalTy| if assigned && matches!(t, LocalTy::Int32 | LocalTy::Number) { t } else { LocalTy::Unknown };
    assigned_in.into_iter().map(|v| v.iter().zip(stores).map(|(&a, &t)| typed(a, t)).collect()).collect()
}
