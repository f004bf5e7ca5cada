//! Decoding CacheIR bodies into ops with their raw argument bytes.

use std::fmt;

/// Per-op facts needed to walk a body: name and argument byte count.
pub trait OpTable {
    fn op_name(&self, op: u16) -> Option<&str>;
    fn op_arg_length(&self, op: u16) -> Option<u8>;
    /// Name of a JSOp, for ops that carry one (comparisons).
    fn jsop_name(&self, _op: u8) -> Option<&str> {
        None
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheIrOp<'a> {
    /// Byte offset of the op in the body.
    pub offset: u32,
    pub op: u16,
    pub name: String,
    pub args: &'a [u8],
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CacheIrError {
    #[error("unknown CacheIR op {op} at body offset {offset}")]
    UnknownOp { offset: u32, op: u16 },
    #[error("CacheIR op `{name}` at body offset {offset} runs past the end of the body")]
    Truncated { offset: u32, name: String },
}

/// Splits `code` into ops.
pub fn decode<'a>(code: &'a [u8], table: &dyn OpTable) -> Result<Vec<CacheIrOp<'a>>, CacheIrError> {
    let mut ops = Vec::new();
    let mut pos = 0usize;
    while pos < code.len() {
        let offset = pos as u32;
        let Some(op_bytes) = code.get(pos..pos + 2) else {
            return Err(CacheIrError::Truncated { offset, name: "<opcode>".into() });
        };
        let op = u16::from_le_bytes([op_bytes[0], op_bytes[1]]);
        let (Some(name), Some(len)) = (table.op_name(op), table.op_arg_length(op)) else {
            return Err(CacheIrError::UnknownOp { offset, op });
        };
        let start = pos + 2;
        let end = start + len as usize;
        let args = code
            .get(start..end)
            .ok_or_else(|| CacheIrError::Truncated { offset, name: name.to_string() })?;
        ops.push(CacheIrOp { offset, op, name: name.to_string(), args });
        pos = end;
    }
    Ok(ops)
}

impl fmt::Display for CacheIrOp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        for (i, b) in self.args.iter().enumerate() {
            write!(f, "{}{b}", if i == 0 { " " } else { "," })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Table;
    impl OpTable for Table {
        fn op_name(&self, op: u16) -> Option<&str> {
            ["ReturnFromIC", "GuardToObject", "GuardShape"].get(op as usize).copied()
        }
        fn op_arg_length(&self, op: u16) -> Option<u8> {
            [0u8, 1, 2].get(op as usize).copied()
        }
    }

    #[test]
    fn decodes_and_rejects() {
        let ops = decode(&[1, 0, 0, 2, 0, 0, 0, 0, 0], &Table).unwrap();
        assert_eq!(ops.iter().map(|o| o.to_string()).collect::<Vec<_>>(), ["GuardToObject 0", "GuardShape 0,0", "ReturnFromIC"]);
        assert_eq!(decode(&[2, 0, 0], &Table), Err(CacheIrError::Truncated { offset: 0, name: "GuardShape".into() }));
        assert_eq!(decode(&[9, 0], &Table), Err(CacheIrError::UnknownOp { offset: 0, op: 9 }));
    }
}
