//! Recovering where a script request came from: its JSScript, source position and name.
//!
//! A script request does not point at its script. The script owns a `Weval` whose first word is
//! the request's `specialized` slot, through `UniquePtr<Weval>` at a fixed offset, so one scan of
//! the image for words equal to slot addresses finds each owner. Each candidate is confirmed
//! by following its shared data to an ImmutableScriptData with the request's code length.

use crate::snapshot::{MemoryImage, Requests};
use runtime_abi::layout::{function, isd, script, shared_data, string};
use runtime_abi::value;
use std::collections::{HashMap, HashSet};

/// What could be recovered about the script behind one request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScriptOrigin {
    pub script_addr: u32,
    pub line: u32,
    pub column: u32,
    /// The function's name; `None` for top-level scripts and anonymous functions.
    pub name: Option<String>,
}

/// Maps request `specialized` addresses to their script's origin, where it can be recovered.
pub fn origins(image: &MemoryImage, requests: &Requests) -> HashMap<u32, ScriptOrigin> {
    let slots: HashMap<u32, usize> = requests
        .scripts()
        .map(|(r, s)| (r.specialized, s.bytecode.len()))
        .collect();
    let wanted: HashSet<u32> = slots.keys().copied().collect();
    let mut out = HashMap::new();
    image.scan_words(&wanted, |at, slot| {
        let Some(script_addr) = at.checked_sub(script::WEVAL) else { return };
        if let Some(origin) = confirm(image, script_addr, slots[&slot]) {
            out.insert(slot, origin);
        }
    });
    out
}

fn confirm(image: &MemoryImage, script_addr: u32, code_len: usize) -> Option<ScriptOrigin> {
    let shared = image.u32(script_addr + script::SHARED_DATA).ok()?;
    let isd_addr = image.u32(shared.checked_add(shared_data::ISD)?).ok()?;
    let len = image.u32(isd_addr.checked_add(isd::CODE_LENGTH)?).ok()?;
    if len as usize != code_len {
        return None;
    }
    let fun = image.u32(script_addr + script::FUNCTION).ok()?;
    Some(ScriptOrigin {
        script_addr,
        line: image.u32(script_addr + script::EXTENT_LINENO).ok()?,
        column: image.u32(script_addr + script::EXTENT_COLUMN).ok()?,
        name: if fun == 0 { None } else { function_name(image, fun) },
    })
}

fn function_name(image: &MemoryImage, fun: u32) -> Option<String> {
    let payload = image.u32(fun + function::ATOM).ok()?;
    let tag = image.u32(fun + function::ATOM + 4).ok()?;
    if tag != value::tag(value::TYPE_STRING) || payload == 0 {
        return None;
    }
    linear_string(image, payload)
}

/// Characters of a linear string, Latin-1 or two-byte, inline or not.
pub fn linear_string(image: &MemoryImage, s: u32) -> Option<String> {
    let flags = image.u32(s + string::FLAGS).ok()?;
    let len = image.u32(s + string::LENGTH).ok()?;
    if flags & string::LINEAR_BIT == 0 || len > 4096 {
        return None;
    }
    let chars = if flags & string::INLINE_CHARS_BIT != 0 {
        s + string::CHARS
    } else {
        image.u32(s + string::CHARS).ok()?
    };
    if flags & string::LATIN1_CHARS_BIT != 0 {
        let b = image.read(chars, len).ok()?;
        Some(b.iter().map(|&c| c as char).collect())
    } else {
        let b = image.read(chars, len * 2).ok()?;
        let units: Vec<u16> = b.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        Some(String::from_utf16_lossy(&units))
    }
}
