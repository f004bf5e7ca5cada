//! JSOp decoding: bytecode bytes to ops with operands, using the engine's own opcode tables.

pub mod notes;

use crate::snapshot::engine::{Engine, JsOpInfo};
use runtime_abi::layout::jof;
use std::fmt;

/// A decoded immediate operand.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    U8(u8),
    U16(u16),
    U24(u32),
    U32(u32),
    I8(i8),
    I32(i32),
    /// Absolute bytecode offset of a jump target.
    Target(u32),
    TableSwitch { default: u32, low: i32, high: i32, first_resume_index: u32 },
    EnvCoord { hops: u8, slot: u32 },
    Argc(u16),
    Arg(u16),
    Local(u32),
    ResumeIndex(u32),
    Double(f64),
    /// A GC-thing index: atom, object, scope, regexp, bigint, string or shape.
    Thing { kind: &'static str, index: u32 },
    IcIndex(u32),
    LoopHead { ic_index: u32, depth_hint: u8 },
    TwoU8(u8, u8),
    DebugCoord { line: u32, column: u32 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Op {
    pub offset: u32,
    pub opcode: u8,
    pub name: String,
    pub length: u32,
    pub operands: Vec<Operand>,
    pub has_ic: bool,
}

/// Why bytecode could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("unknown opcode {opcode:#04x} at bytecode offset {offset}")]
    UnknownOpcode { offset: u32, opcode: u8 },
    #[error("op `{name}` at bytecode offset {offset} runs past the end of the bytecode")]
    Truncated { offset: u32, name: String },
    #[error("op `{name}` at bytecode offset {offset} has immediate type {ty} that aotjs does not know")]
    UnknownFormat { offset: u32, name: String, ty: u32 },
}

/// Decodes every op of `code`.
pub fn decode(engine: &Engine, code: &[u8]) -> Result<Vec<Op>, DecodeError> {
    let mut ops = Vec::new();
    let mut pc = 0usize;
    while pc < code.len() {
        let opcode = code[pc];
        let info = engine
            .jsop(opcode)
            .ok_or(DecodeError::UnknownOpcode { offset: pc as u32, opcode })?;
        let op = decode_one(info, opcode, &code[pc..], pc as u32)?;
        pc += op.length as usize;
        ops.push(op);
    }
    Ok(ops)
}

fn decode_one(info: &JsOpInfo, opcode: u8, code: &[u8], offset: u32) -> Result<Op, DecodeError> {
    let length = info.length as usize;
    let truncated = || DecodeError::Truncated { offset, name: info.name.clone() };
    if length == 0 || code.len() < length {
        return Err(truncated());
    }
    let b = &code[1..length];
    let u16_at = |i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
    let u24_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], 0]);
    let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let target = |rel: u32| Operand::Target((offset as i64 + rel as i32 as i64) as u32);
    let ty = info.format & jof::TYPE_MASK;
    // Bytes each immediate type needs after the opcode; a table whose length disagrees is a
    // format this decoder does not know, and is reported instead of guessed at.
    let need = match ty {
        jof::BYTE => 0,
        jof::UINT8 | jof::INT8 => 1,
        jof::UINT16 | jof::ARGC | jof::QARG | jof::TWO_UINT8 => 2,
        jof::UINT24 | jof::LOCAL | jof::RESUMEINDEX => 3,
        jof::UINT32 | jof::INT32 | jof::JUMP | jof::GCTHING | jof::ATOM | jof::OBJECT
        | jof::REGEXP | jof::SCOPE | jof::BIGINT | jof::ICINDEX | jof::SHAPE | jof::STRING => 4,
        jof::ENVCOORD => 4,
        jof::LOOPHEAD => 5,
        jof::DOUBLE | jof::DEBUGCOORD => 8,
        jof::TABLESWITCH => 15,
        _ => usize::MAX,
    };
    if need == usize::MAX || need > b.len() {
        return Err(DecodeError::UnknownFormat { offset, name: info.name.clone(), ty });
    }
    let thing = |kind: &'static str| Operand::Thing { kind, index: u32_at(0) };
    let operands = match ty {
        jof::BYTE => vec![],
        jof::UINT8 => vec![Operand::U8(b[0])],
        jof::INT8 => vec![Operand::I8(b[0] as i8)],
        jof::UINT16 => vec![Operand::U16(u16_at(0))],
        jof::ARGC => vec![Operand::Argc(u16_at(0))],
        jof::QARG => vec![Operand::Arg(u16_at(0))],
        jof::TWO_UINT8 => vec![Operand::TwoU8(b[0], b[1])],
        jof::UINT24 => vec![Operand::U24(u24_at(0))],
        jof::LOCAL => vec![Operand::Local(u24_at(0))],
        jof::RESUMEINDEX => vec![Operand::ResumeIndex(u24_at(0))],
        jof::UINT32 => vec![Operand::U32(u32_at(0))],
        jof::INT32 => vec![Operand::I32(u32_at(0) as i32)],
        jof::JUMP => vec![target(u32_at(0))],
        jof::GCTHING => vec![thing("gcthing")],
        jof::ATOM => vec![thing("atom")],
        jof::OBJECT => vec![thing("object")],
        jof::REGEXP => vec![thing("regexp")],
        jof::SCOPE => vec![thing("scope")],
        jof::BIGINT => vec![thing("bigint")],
        jof::SHAPE => vec![thing("shape")],
        jof::STRING => vec![thing("string")],
        jof::ICINDEX => vec![Operand::IcIndex(u32_at(0))],
        jof::ENVCOORD => vec![Operand::EnvCoord { hops: b[0], slot: u24_at(1) }],
        jof::LOOPHEAD => vec![Operand::LoopHead { ic_index: u32_at(0), depth_hint: b[4] }],
        jof::DOUBLE => vec![Operand::Double(f64::from_le_bytes(b[0..8].try_into().unwrap()))],
        jof::DEBUGCOORD => vec![Operand::DebugCoord { line: u32_at(0), column: u32_at(4) }],
        jof::TABLESWITCH => {
            let Operand::Target(default) = target(u32_at(0)) else { unreachable!() };
            vec![Operand::TableSwitch {
                default,
                low: u32_at(4) as i32,
                high: u32_at(8) as i32,
                first_resume_index: u24_at(12),
            }]
        }
        _ => unreachable!("checked above"),
    };
    Ok(Op {
        offset,
        opcode,
        name: info.name.clone(),
        length: length as u32,
        operands,
        has_ic: info.format & jof::IC != 0,
    })
}

impl fmt::Display for Operand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Operand::U8(v) => write!(f, "{v}"),
            Operand::U16(v) => write!(f, "{v}"),
            Operand::U24(v) | Operand::U32(v) => write!(f, "{v}"),
            Operand::I8(v) => write!(f, "{v}"),
            Operand::I32(v) => write!(f, "{v}"),
            Operand::Target(t) => write!(f, "-> {t:04}"),
            Operand::TableSwitch { default, low, high, first_resume_index } => {
                write!(f, "default -> {default:04} low {low} high {high} resume {first_resume_index}")
            }
            Operand::EnvCoord { hops, slot } => write!(f, "hops {hops} slot {slot}"),
            Operand::Argc(n) => write!(f, "argc {n}"),
            Operand::Arg(n) => write!(f, "arg {n}"),
            Operand::Local(n) => write!(f, "local {n}"),
            Operand::ResumeIndex(n) => write!(f, "resume {n}"),
            Operand::Double(d) => write!(f, "{d:?}"),
            Operand::Thing { kind, index } => write!(f, "{kind}#{index}"),
            Operand::IcIndex(n) => write!(f, "ic {n}"),
            Operand::LoopHead { ic_index, depth_hint } => write!(f, "ic {ic_index} depth {depth_hint}"),
            Operand::TwoU8(a, b) => write!(f, "{a} {b}"),
            Operand::DebugCoord { line, column } => write!(f, "line {line} column {column}"),
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}  {}", self.offset, self.name)?;
        for o in &self.operands {
            write!(f, " {o}")?;
        }
        Ok(())
    }
}
