//! Which engine a module is, and the tables read from its memory image.

use crate::error::{Error, Result};
use crate::snapshot::{MemoryImage, Module};
use runtime_abi::{EngineFacts, EngineSpec};
use sha2::{Digest, Sha256};

/// A JSOp as the engine's own tables describe it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsOpInfo {
    pub name: String,
    /// Total length in bytes, including the opcode; 0 for variable-length ops.
    pub length: u8,
    pub nuses: i8,
    pub ndefs: i8,
    /// `JOF_*` format word: low 8 bits are the immediate type, the rest mode and flag bits.
    pub format: u32,
}

/// A CacheIR op as the engine's tables describe it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheOpInfo {
    pub name: String,
    /// Bytes of operands following the u16 opcode.
    pub arg_length: u8,
}

/// An identified engine and the tables read from its image.
pub struct Engine {
    pub spec: &'static EngineSpec,
    pub code_sha256: String,
    pub facts: Option<&'static EngineFacts>,
    pub jsops: Vec<JsOpInfo>,
    pub cache_kinds: Vec<String>,
    pub cacheops: Vec<CacheOpInfo>,
}

pub fn code_digest(module: &Module<'_>) -> String {
    hex(&Sha256::digest(module.code_section_bytes()))
}

/// The code section digest of a module's bytes, found by walking section headers only (no
/// validation); `None` if the bytes are not a module with a code section.
pub fn code_digest_of(bytes: &[u8]) -> Option<String> {
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        if let wasmparser::Payload::CodeSectionStart { range, .. } = payload.ok()? {
            return Some(hex(&Sha256::digest(bytes.get(range)?)));
        }
    }
    None
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Identifies the engine of `module` by its code section and reads its opcode tables.
///
/// An unknown digest is refused: aotjs never guesses at layouts. For a known AOT build, every
/// table address in `runtime-abi` is checked against the image before it is used.
pub fn identify(module: &Module<'_>, image: &MemoryImage) -> Result<Engine> {
    let digest = code_digest(module);
    // An aotjs output has new code, so its digest is its own; its `aotjs` section names the
    // engine it was made from, and the table probes below still check that claim.
    let spec = EngineSpec::by_code_sha256(&digest)
        .or_else(|| compiled_from(module))
        .ok_or_else(|| Error::UnknownEngine { digest: digest.clone(), known: EngineSpec::names().join(", ") })?;
    let mut engine = Engine {
        spec,
        code_sha256: digest,
        facts: spec.aot,
        jsops: Vec::new(),
        cache_kinds: Vec::new(),
        cacheops: Vec::new(),
    };
    if let Some(facts) = spec.aot {
        engine.jsops = read_jsops(image, facts)?;
        engine.cache_kinds = read_names(image, facts.cache_kind_name_table, facts.cache_kind_count)?;
        engine.cacheops = read_cacheops(image, facts)?;
    }
    Ok(engine)
}

/// The engine an aotjs output says it was compiled from.
fn compiled_from(module: &Module<'_>) -> Option<&'static EngineSpec> {
    let meta: serde_json::Value = serde_json::from_slice(module.custom_section(crate::report::METADATA_SECTION)?).ok()?;
    EngineSpec::by_name(meta.get("engine")?.as_str()?)
}

fn table_err(what: &str, addr: u32, detail: impl std::fmt::Display) -> Error {
    Error::EngineTable(format!("{what} at {addr:#x}: {detail}"))
}

/// Reads a `char*` table of `count` entries.
fn read_names(image: &MemoryImage, table: u32, count: u32) -> Result<Vec<String>> {
    (0..count)
        .map(|i| {
            let ptr = image.u32(table + 4 * i)?;
            image
                .c_str(ptr, 128)
                .ok_or_else(|| table_err("name table", table, format!("entry {i} is not a name")))
        })
        .collect()
}

fn read_jsops(image: &MemoryImage, facts: &EngineFacts) -> Result<Vec<JsOpInfo>> {
    let names = read_names(image, facts.jsop_name_table, facts.jsop_count)?;
    if names.first().map(String::as_str) != Some("Undefined") {
        return Err(table_err("JSOp name table", facts.jsop_name_table, "entry 0 is not `Undefined`"));
    }
    let mut ops = Vec::with_capacity(names.len());
    for (i, name) in names.into_iter().enumerate() {
        let e = image.read(facts.jsop_spec_table + 8 * i as u32, 8)?;
        ops.push(JsOpInfo {
            name,
            length: e[0],
            nuses: e[1] as i8,
            ndefs: e[2] as i8,
            format: u32::from_le_bytes([e[4], e[5], e[6], e[7]]),
        });
    }
    // Probes: lengths the bytecode format fixes (engine-protocol.md §8.2).
    for (name, len) in [("GetProp", 5), ("Call", 3), ("GetLocal", 4), ("GetArg", 3), ("RetRval", 1)] {
        match ops.iter().find(|o| o.name == name) {
            Some(o) if o.length == len => {}
            _ => return Err(table_err("JSOp spec table", facts.jsop_spec_table, format!("{name} is not {len} bytes"))),
        }
    }
    Ok(ops)
}

fn read_cacheops(image: &MemoryImage, facts: &EngineFacts) -> Result<Vec<CacheOpInfo>> {
    if facts.cacheop_count == 0 {
        return Ok(Vec::new());
    }
    let names = read_names(image, facts.cacheop_name_table, facts.cacheop_count)?;
    if names.get(1).map(String::as_str) != Some("GuardToObject") {
        return Err(table_err("CacheOp name table", facts.cacheop_name_table, "entry 1 is not `GuardToObject`"));
    }
    let infos = image.read(facts.cacheop_info_table, facts.cacheop_count)?;
    Ok(names
        .into_iter()
        .zip(infos)
        .map(|(name, info)| CacheOpInfo { name, arg_length: info & runtime_abi::layout::CACHEOP_ARG_LENGTH_MASK })
        .collect())
}

impl Engine {
    pub fn jsop(&self, op: u8) -> Option<&JsOpInfo> {
        self.jsops.get(op as usize)
    }

    pub fn cache_kind_name(&self, kind: u8) -> String {
        self.cache_kinds.get(kind as usize).cloned().unwrap_or_else(|| format!("Kind{kind}"))
    }
}

impl stubs::OpTable for Engine {
    fn op_name(&self, op: u16) -> Option<&str> {
        self.cacheops.get(op as usize).map(|o| o.name.as_str())
    }
    fn op_arg_length(&self, op: u16) -> Option<u8> {
        self.cacheops.get(op as usize).map(|o| o.arg_length)
    }
    fn jsop_name(&self, op: u8) -> Option<&str> {
        self.jsops.get(op as usize).map(|o| o.name.as_str())
    }
}
