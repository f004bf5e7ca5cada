//! Rewriting one function body: renumber function references, replace intrinsic calls.
//!
//! Bytes between the instructions that change are copied verbatim, so a body that references
//! no renumbered function comes out identical to the input.

use super::FuncMap;
use runtime_abi::protocol::Generic;
use wasmparser::{BinaryReader, FunctionBody, Operator};

pub(crate) enum Change {
    None,
    Renumbered,
    Intrinsics(u64),
}

const OP_UNREACHABLE: u8 = 0x00;
const OP_DROP: u8 = 0x1A;
const OP_CALL: u8 = 0x10;
const OP_RETURN_CALL: u8 = 0x12;
const OP_REF_FUNC: u8 = 0xD2;

/// Counters a coverage build adds to one function: each is an i64 global incremented at
/// function entry, or before every `call_indirect` of a counted type (the IC signature).
#[derive(Clone, Copy, Debug, Default)]
pub struct Counters {
    pub on_entry: Option<u32>,
    pub before_call_indirect: Option<u32>,
}

fn increment(out: &mut Vec<u8>, global: u32) {
    out.push(0x23); // global.get
    leb_u32(out, global);
    out.extend_from_slice(&[0x42, 0x01, 0x7C]); // i64.const 1; i64.add
    out.push(0x24); // global.set
    leb_u32(out, global);
}

pub(crate) fn rewrite(body: &[u8], offset: usize, map: &[FuncMap], counters: Counters, counted_types: &[u32]) -> Result<(Vec<u8>, Change), String> {
    let fb = FunctionBody::new(BinaryReader::new(body, offset));
    let mut ops = fb.get_operators_reader().map_err(|e| e.to_string())?;
    let mut out: Vec<u8> = Vec::with_capacity(body.len());
    let mut copied_to = 0usize; // body-relative
    let mut renumbered = false;
    let mut intrinsics = 0u64;
    if let Some(g) = counters.on_entry {
        let start = ops.original_position() - offset;
        out.extend_from_slice(&body[..start]);
        increment(&mut out, g);
        copied_to = start;
        renumbered = true;
    }
    while !ops.eof() {
        let (op, at) = ops.read_with_offset().map_err(|e| e.to_string())?;
        if let (Operator::CallIndirect { type_index, .. }, Some(g)) = (&op, counters.before_call_indirect) {
            if counted_types.contains(type_index) {
                let at = at - offset;
                out.extend_from_slice(&body[copied_to..at]);
                increment(&mut out, g);
                copied_to = at;
                renumbered = true;
            }
            continue;
        }
        let (opcode, func) = match op {
            Operator::Call { function_index } => (OP_CALL, function_index),
            Operator::ReturnCall { function_index } => (OP_RETURN_CALL, function_index),
            Operator::RefFunc { function_index } => (OP_REF_FUNC, function_index),
            _ => continue,
        };
        let at = at - offset;
        let next = ops.original_position() - offset;
        match map[func as usize] {
            FuncMap::Keep(new) if new == func => continue,
            FuncMap::Keep(new) => {
                out.extend_from_slice(&body[copied_to..at]);
                out.push(opcode);
                leb_u32(&mut out, new);
                renumbered = true;
            }
            FuncMap::Intrinsic(generic, params) => {
                if opcode != OP_CALL {
                    return Err(format!("intrinsic used other than by a direct call at byte offset {:#x}", at + offset));
                }
                out.extend_from_slice(&body[copied_to..at]);
                match generic {
                    Generic::Nop => out.extend(std::iter::repeat_n(OP_DROP, params as usize)),
                    Generic::PassFirst => out.extend(std::iter::repeat_n(OP_DROP, params as usize - 1)),
                    Generic::Trap => out.push(OP_UNREACHABLE),
                }
                intrinsics += 1;
            }
        }
        copied_to = next;
    }
    out.extend_from_slice(&body[copied_to..]);
    let change = if intrinsics > 0 {
        Change::Intrinsics(intrinsics)
    } else if renumbered {
        Change::Renumbered
    } else {
        Change::None
    };
    Ok((out, change))
}

fn leb_u32(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}
