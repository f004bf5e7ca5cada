//! The optional arrays at the end of an ImmutableScriptData: resume offsets, scope notes and
//! try notes (engine-protocol.md §8.1).
//!
//! After the flags byte, the bytecode and the source notes comes a table of end offsets, then
//! the arrays themselves. `optArrayOffset_` (header word 0) is where the arrays start; the flags
//! byte holds, for each array, a 2-bit index into the table of end offsets (index 0 is
//! `optArrayOffset_` itself). Index k is the word at `optArrayOffset_ - 4k`: the table has
//! `tryNotesEndIndex` entries and is read backwards from `optArrayOffset_`.

use runtime_abi::layout::isd;

/// A try note: where a try block (or a loop or iterator that needs closing) covers the
/// bytecode, and the stack depth at its handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TryNote {
    /// `TryNoteKind`: 0 catch, 1 finally, 2 for-in, 3 destructuring, 4 for-of, 5 for-of
    /// iterator close, 6 loop.
    pub kind: u32,
    pub stack_depth: u32,
    pub start: u32,
    pub length: u32,
}

/// A scope note: which scope (by GC-thing index) covers a bytecode range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ScopeNote {
    pub index: u32,
    pub start: u32,
    pub length: u32,
    pub parent: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ScriptNotes {
    pub resume_offsets: Vec<u32>,
    pub scope_notes: Vec<ScopeNote>,
    pub try_notes: Vec<TryNote>,
}

/// Reads the optional arrays of one ImmutableScriptData (the request's constant memory).
pub fn parse(data: &[u8]) -> Result<ScriptNotes, String> {
    let u32_at = |off: usize| -> Result<u32, String> {
        data.get(off..off + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or_else(|| format!("ImmutableScriptData is {} bytes; no word at {off}", data.len()))
    };
    let opt = u32_at(isd::OPT_ARRAY_OFFSET as usize)? as usize;
    let flags = *data.get(isd::FLAGS as usize).ok_or("ImmutableScriptData has no flags byte")?;
    let (resume_end, scope_end, try_end) = ((flags & 3) as usize, ((flags >> 2) & 3) as usize, ((flags >> 4) & 3) as usize);
    let table = opt.checked_sub(4 * try_end).ok_or("optional-offsets table starts before the data")?;
    let code_end = isd::CODE as usize + u32_at(isd::CODE_LENGTH as usize)? as usize;
    if table < code_end || opt > data.len() {
        return Err(format!("optional arrays at {opt} do not fit between the bytecode ({code_end}) and the end ({})", data.len()));
    }
    let end_of = |index: usize| -> Result<usize, String> {
        if index == 0 { Ok(opt) } else { Ok(u32_at(opt - 4 * index)? as usize) }
    };
    let (r_end, s_end, t_end) = (end_of(resume_end)?, end_of(scope_end)?, end_of(try_end)?);
    if !(opt <= r_end && r_end <= s_end && s_end <= t_end && t_end <= data.len()) {
        return Err(format!("optional array bounds {opt}..{r_end}..{s_end}..{t_end} are not ordered within {} bytes", data.len()));
    }
    let words = |from: usize, to: usize, per: usize| -> Result<Vec<Vec<u32>>, String> {
        if (to - from) % (4 * per) != 0 {
            return Err(format!("array {from}..{to} is not a whole number of {}-byte entries", 4 * per));
        }
        (from..to).step_by(4 * per).map(|at| (0..per).map(|i| u32_at(at + 4 * i)).collect()).collect()
    };
    let code_len = u32_at(isd::CODE_LENGTH as usize)?;
    let notes = ScriptNotes {
        resume_offsets: words(opt, r_end, 1)?.into_iter().map(|w| w[0]).collect(),
        scope_notes: words(r_end, s_end, 4)?
            .into_iter()
            .map(|w| ScopeNote { index: w[0], start: w[1], length: w[2], parent: w[3] })
            .collect(),
        try_notes: words(s_end, t_end, 4)?
            .into_iter()
            .map(|w| TryNote { kind: w[0], stack_depth: w[1], start: w[2], length: w[3] })
            .collect(),
    };
    let past = |start: u32, len: u32| start.checked_add(len).is_none_or(|e| e > code_len);
    if let Some(r) = notes.resume_offsets.iter().find(|&&r| r >= code_len) {
        return Err(format!("resume offset {r} is past the bytecode ({code_len} bytes)"));
    }
    // The function body's var scope ends at `UINT32_MAX` (the emitter's
    // `recordEndFunctionBodyVar`): it runs to the end of the script.
    let scope_past = |n: &ScopeNote| n.start > code_len || (n.start.checked_add(n.length) != Some(u32::MAX) && past(n.start, n.length));
    if let Some(n) = notes.scope_notes.iter().find(|n| scope_past(n)) {
        return Err(format!("scope note {}+{} runs past the bytecode", n.start, n.length));
    }
    if let Some(n) = notes.try_notes.iter().find(|n| past(n.start, n.length)) {
        return Err(format!("try note {}+{} runs past the bytecode", n.start, n.length));
    }
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An ImmutableScriptData with `code` and the given arrays laid out as the engine does.
    fn isd_with(code: &[u8], resume: &[u32], scopes: &[[u32; 4]], tries: &[[u32; 4]]) -> Vec<u8> {
        let mut d = vec![0u8; 33];
        d[4..8].copy_from_slice(&(code.len() as u32).to_le_bytes());
        d.extend_from_slice(code);
        while d.len() % 4 != 0 {
            d.push(0);
        }
        // End offsets for each non-empty array, in order; indices into that table.
        let mut ends = Vec::new();
        let lens = [resume.len() * 4, scopes.len() * 16, tries.len() * 16];
        let table_len = lens.iter().filter(|&&l| l > 0).count() * 4;
        let opt = d.len() + table_len;
        let mut at = opt;
        let mut idx = [0u8; 3];
        for (i, l) in lens.iter().enumerate() {
            if *l > 0 {
                at += l;
                ends.push(at as u32);
                idx[i] = ends.len() as u8;
            } else {
                idx[i] = if i == 0 { 0 } else { idx[i - 1] };
            }
        }
        d[32] = idx[0] | (idx[1] << 2) | (idx[2] << 4);
        // The table has exactly tryNotesEndIndex entries; index k sits 4k bytes below its end.
        let entries = idx[2] as usize;
        for e in ends[..entries].iter().rev() {
            d.extend_from_slice(&e.to_le_bytes());
        }
        assert_eq!(d.len(), opt - (table_len - 4 * entries));
        let opt = d.len();
        d[0..4].copy_from_slice(&(opt as u32).to_le_bytes());
        for r in resume {
            d.extend_from_slice(&r.to_le_bytes());
        }
        for w in scopes.iter().chain(tries) {
            for x in w {
                d.extend_from_slice(&x.to_le_bytes());
            }
        }
        d
    }

    #[test]
    fn reads_each_array_and_empty_ones() {
        let code = [0u8; 40];
        let d = isd_with(&code, &[3, 9], &[[1, 0, 20, u32::MAX]], &[[0, 2, 4, 10], [6, 0, 12, 8]]);
        let n = parse(&d).unwrap();
        assert_eq!(n.resume_offsets, vec![3, 9]);
        assert_eq!(n.scope_notes, vec![ScopeNote { index: 1, start: 0, length: 20, parent: u32::MAX }]);
        assert_eq!(n.try_notes.len(), 2);
        assert_eq!(n.try_notes[1], TryNote { kind: 6, stack_depth: 0, start: 12, length: 8 });
        let d = isd_with(&code, &[], &[], &[[0, 1, 2, 3]]);
        let n = parse(&d).unwrap();
        assert!(n.resume_offsets.is_empty() && n.scope_notes.is_empty());
        assert_eq!(n.try_notes, vec![TryNote { kind: 0, stack_depth: 1, start: 2, length: 3 }]);
        let d = isd_with(&code, &[], &[], &[]);
        assert_eq!(parse(&d).unwrap(), ScriptNotes::default());
    }

    #[test]
    fn refuses_notes_past_the_bytecode() {
        let d = isd_with(&[0u8; 8], &[], &[], &[[0, 0, 4, 10]]);
        assert!(parse(&d).unwrap_err().contains("past the bytecode"));
        assert!(parse(&d[..20]).is_err());
        let d = isd_with(&[0u8; 8], &[], &[[1, 2, 9, u32::MAX]], &[]);
        assert!(parse(&d).unwrap_err().contains("scope note 2+9"));
    }

    /// A function body's var scope ends at `UINT32_MAX` (self-hosted `forEach` has one).
    #[test]
    fn accepts_a_scope_note_that_runs_to_the_end() {
        let d = isd_with(&[0u8; 60], &[], &[[1, 52, u32::MAX - 52, u32::MAX]], &[]);
        assert_eq!(parse(&d).unwrap().scope_notes[0].start, 52);
        let d = isd_with(&[0u8; 60], &[], &[[1, 61, u32::MAX - 61, u32::MAX]], &[]);
        assert!(parse(&d).is_err(), "a note starting past the bytecode");
    }
}
