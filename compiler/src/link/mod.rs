//! The linker: input module + patched memory image + new functions -> output module.
//!
//! Invariants:
//! - The `weval` intrinsic imports are removed. Every call to one is replaced by its generic
//!   semantics (`runtime_abi::protocol::intrinsic_generic`): drops, pass-through, or a trap.
//! - Function indices after a removed import shift down; every reference (calls, `ref.func`,
//!   exports, element segments, start) is renumbered. Apart from renumbered indices and
//!   rewritten intrinsic calls, every body is copied byte for byte: the linker never re-encodes
//!   an instruction it has no reason to touch.
//! - New functions are appended after the last defined function, and each gets a slot at the
//!   end of table 0, which grows to hold them.
//! - Memory 0 is re-emitted from the `MemoryImage` as non-overlapping active segments in
//!   address order; passive segments keep their indices. Output is a pure function of input.

mod body;

use crate::error::{Error, Result};
use crate::snapshot::module::{FuncSig, Module};
use crate::snapshot::MemoryImage;
use runtime_abi::protocol::{intrinsic_generic, Generic, INTRINSIC_MODULE};
use std::borrow::Cow;
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{ConstExpr, RawSection};
use wasmparser::{BinaryReader, SectionLimited};

/// Index of a function in the input module's function space.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InFuncIdx(pub u32);
/// Index of a function in the output module's function space.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutFuncIdx(pub u32);
/// Index into table 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TableIdx(pub u32);

/// A function to append: its signature and its body (locals and code, no size prefix).
pub struct NewFunction {
    pub sig: FuncSig,
    pub body: Vec<u8>,
}

/// What the linker did, for the report.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct LinkStats {
    pub imports_removed: u32,
    pub intrinsic_calls_rewritten: u64,
    pub functions_renumbered_only: u32,
    pub functions_byte_identical: u32,
    pub functions_rewritten: u32,
    pub functions_appended: u32,
    pub table_slots_added: u32,
    pub data_segments: u32,
}

/// How an input function index is carried to the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FuncMap {
    Keep(u32),
    Intrinsic(Generic, u32 /* params */),
}

pub struct Linker<'m, 'a> {
    module: &'m Module<'a>,
    map: Vec<FuncMap>,
    new_funcs: Vec<NewFunction>,
    kept_imports: u32,
    /// Exported mutable i64 globals added after the input's globals (coverage counters).
    new_globals: Vec<String>,
    /// Counters inserted into input functions, by input function index.
    counters: std::collections::BTreeMap<u32, body::Counters>,
    /// Counters inserted into every other input function.
    default_counters: body::Counters,
    /// Type indices whose `call_indirect`s the counters count.
    counted_types: Vec<u32>,
}

pub use body::Counters;

impl<'m, 'a> Linker<'m, 'a> {
    pub fn new(module: &'m Module<'a>) -> Result<Self> {
        let mut map = Vec::with_capacity(module.num_func_imports() as usize + module.bodies.len());
        let mut next = 0u32;
        for (i, imp) in module.func_imports.iter().enumerate() {
            if imp.module == INTRINSIC_MODULE {
                let generic = intrinsic_generic(imp.name).ok_or_else(|| Error::Function {
                    func: i as u32,
                    message: format!("unknown intrinsic import `{}.{}`", imp.module, imp.name),
                })?;
                let sig = &module.types[imp.type_index as usize];
                if generic == Generic::PassFirst && (sig.params.first() != sig.results.first() || sig.results.len() != 1) {
                    return Err(Error::Function { func: i as u32, message: format!("intrinsic `{}` does not return its first argument's type", imp.name) });
                }
                map.push(FuncMap::Intrinsic(generic, sig.params.len() as u32));
            } else {
                map.push(FuncMap::Keep(next));
                next += 1;
            }
        }
        let kept_imports = next;
        for _ in &module.bodies {
            map.push(FuncMap::Keep(next));
            next += 1;
        }
        Ok(Linker {
            module,
            map,
            new_funcs: Vec::new(),
            kept_imports,
            new_globals: Vec::new(),
            counters: Default::default(),
            default_counters: Default::default(),
            counted_types: Vec::new(),
        })
    }

    /// Which `call_indirect` types `Counters::before_call_indirect` counts.
    pub fn set_counted_types(&mut self, types: Vec<u32>) {
        self.counted_types = types;
    }

    /// The index the next counter global will get.
    pub fn next_counter_global(&self) -> u32 {
        self.module.num_globals + self.new_globals.len() as u32
    }

    /// Adds an exported, mutable i64 global starting at 0; returns its index.
    pub fn add_counter_global(&mut self, export_name: String) -> u32 {
        self.new_globals.push(export_name);
        self.module.num_globals + self.new_globals.len() as u32 - 1
    }

    /// Instruments one input function with counters.
    pub fn set_counters(&mut self, f: InFuncIdx, c: Counters) {
        self.counters.insert(f.0, c);
    }

    /// Instruments every input function without counters of its own.
    pub fn set_default_counters(&mut self, c: Counters) {
        self.default_counters = c;
    }

    /// Output index of an input function, or `None` for a removed intrinsic.
    pub fn out_index(&self, f: InFuncIdx) -> Option<OutFuncIdx> {
        match self.map.get(f.0 as usize)? {
            FuncMap::Keep(i) => Some(OutFuncIdx(*i)),
            FuncMap::Intrinsic(..) => None,
        }
    }

    fn num_out_funcs_before_new(&self) -> u32 {
        self.kept_imports + self.module.bodies.len() as u32
    }

    /// Appends a function; returns its output index.
    pub fn add_function(&mut self, f: NewFunction) -> OutFuncIdx {
        self.new_funcs.push(f);
        OutFuncIdx(self.num_out_funcs_before_new() + self.new_funcs.len() as u32 - 1)
    }

    /// The table index `finish` gives the `n`th slot it is passed.
    pub fn table_index_of_slot(&self, n: usize) -> Result<u32> {
        Ok(self.table0()?.map_or(0, |t| t.initial as u32) + n as u32)
    }

    /// Table 0's initial size in the input.
    fn table0(&self) -> Result<Option<wasmparser::TableType>> {
        for s in &self.module.sections {
            if s.id == wasm_encoder::SectionId::Table as u8 {
                let reader = wasmparser::TableSectionReader::new(BinaryReader::new(s.data, s.range.start))?;
                if let Some(t) = reader.into_iter().next() {
                    return Ok(Some(t?.ty));
                }
            }
        }
        Ok(None)
    }

    /// Emits the output module. `slots` gives, for each appended function (by index into the
    /// functions added), the memory address that receives its table index: the `n`th pair gets
    /// table index [`Linker::table_index_of_slot`]`(n)`. `image` must already hold every other
    /// patch.
    pub fn finish(
        self,
        mut image: MemoryImage,
        slots: &[(u32, OutFuncIdx)],
        custom: &[(&str, Vec<u8>)],
    ) -> Result<(Vec<u8>, LinkStats)> {
        let m = self.module;
        let mut stats = LinkStats {
            imports_removed: m.num_func_imports() - self.kept_imports,
            functions_appended: self.new_funcs.len() as u32,
            ..Default::default()
        };
        let table0 = self.table0()?;
        let first_new_slot = table0.as_ref().map_or(0, |t| t.initial as u32);
        // Table slots for functions that fill request slots, in the order given (the caller's
        // order is deterministic, and lets it know table indices before linking).
        let slot_funcs: Vec<(u32, OutFuncIdx)> = slots.to_vec();
        for (i, (addr, _)) in slot_funcs.iter().enumerate() {
            image.write_u32(*addr, first_new_slot + i as u32)?;
        }
        stats.table_slots_added = slot_funcs.len() as u32;
        if table0.is_none() && !slot_funcs.is_empty() {
            return Err(Error::Function { func: 0, message: "module has no table 0 to link into".into() });
        }

        // Types for new functions: reuse an equal type, otherwise append one.
        let mut extra_types: Vec<FuncSig> = Vec::new();
        let mut new_type_idx = Vec::new();
        for f in &self.new_funcs {
            let idx = match m.types.iter().position(|t| *t == f.sig) {
                Some(i) => i as u32,
                None => match extra_types.iter().position(|t| *t == f.sig) {
                    Some(i) => (m.types.len() + i) as u32,
                    None => {
                        extra_types.push(f.sig.clone());
                        (m.types.len() + extra_types.len() - 1) as u32
                    }
                },
            };
            new_type_idx.push(idx);
        }

        let mut out = wasm_encoder::Module::new();
        let mut reenc = Remap { map: &self.map };
        let mut data_written = false;
        for s in &m.sections {
            let reader = || BinaryReader::new(s.data, s.range.start);
            use wasm_encoder::SectionId as Id;
            match s.id {
                id if id == Id::Type as u8 && !extra_types.is_empty() => {
                    let mut types = wasm_encoder::TypeSection::new();
                    RoundtripReencoder.parse_type_section(&mut types, wasmparser::TypeSectionReader::new(reader())?).map_err(reencode_err)?;
                    for t in &extra_types {
                        types.ty().function(
                            t.params.iter().map(|v| RoundtripReencoder.val_type(*v).unwrap()),
                            t.results.iter().map(|v| RoundtripReencoder.val_type(*v).unwrap()),
                        );
                    }
                    out.section(&types);
                }
                id if id == Id::Import as u8 => {
                    let mut imports = wasm_encoder::ImportSection::new();
                    let sec: SectionLimited<'_, wasmparser::Imports<'_>> = SectionLimited::new(reader())?;
                    for imp in sec.into_imports() {
                        {
                            let imp = imp?;
                            if imp.module == INTRINSIC_MODULE && matches!(imp.ty, wasmparser::TypeRef::Func(_)) {
                                continue;
                            }
                            imports.import(imp.module, imp.name, RoundtripReencoder.entity_type(imp.ty).map_err(reencode_err)?);
                        }
                    }
                    out.section(&imports);
                }
                id if id == Id::Function as u8 && !self.new_funcs.is_empty() => {
                    let mut funcs = wasm_encoder::FunctionSection::new();
                    for t in m.func_types.iter().chain(&new_type_idx) {
                        funcs.function(*t);
                    }
                    out.section(&funcs);
                }
                id if id == Id::Table as u8 && !slot_funcs.is_empty() => {
                    let mut tables = wasm_encoder::TableSection::new();
                    let sec = wasmparser::TableSectionReader::new(reader())?;
                    for (i, t) in sec.into_iter().enumerate() {
                        let t = t?;
                        let mut ty = RoundtripReencoder.table_type(t.ty).map_err(reencode_err)?;
                        if i == 0 {
                            let size = first_new_slot as u64 + slot_funcs.len() as u64;
                            ty.minimum = size;
                            ty.maximum = ty.maximum.map(|mx| mx.max(size));
                        }
                        match t.init {
                            wasmparser::TableInit::RefNull => tables.table(ty),
                            wasmparser::TableInit::Expr(e) => tables.table_with_init(ty, &reenc.const_expr(e).map_err(reencode_err)?),
                        };
                    }
                    out.section(&tables);
                }
                id if id == Id::Global as u8 && !self.new_globals.is_empty() => {
                    let mut globals = wasm_encoder::GlobalSection::new();
                    RoundtripReencoder.parse_global_section(&mut globals, wasmparser::GlobalSectionReader::new(reader())?).map_err(reencode_err)?;
                    for _ in &self.new_globals {
                        let ty = wasm_encoder::GlobalType { val_type: wasm_encoder::ValType::I64, mutable: true, shared: false };
                        globals.global(ty, &ConstExpr::i64_const(0));
                    }
                    out.section(&globals);
                }
                id if id == Id::Export as u8 => {
                    let mut exports = wasm_encoder::ExportSection::new();
                    reenc.parse_export_section(&mut exports, wasmparser::ExportSectionReader::new(reader())?).map_err(reencode_err)?;
                    for (i, name) in self.new_globals.iter().enumerate() {
                        exports.export(name, wasm_encoder::ExportKind::Global, m.num_globals + i as u32);
                    }
                    out.section(&exports);
                }
                id if id == Id::Start as u8 => {
                    let f = reader().read_var_u32()?;
                    let f = reenc.function_index(f).map_err(reencode_err)?;
                    out.section(&wasm_encoder::StartSection { function_index: f });
                }
                id if id == Id::Element as u8 => {
                    let mut elems = wasm_encoder::ElementSection::new();
                    reenc.parse_element_section(&mut elems, wasmparser::ElementSectionReader::new(reader())?).map_err(reencode_err)?;
                    append_slot_elements(&mut elems, first_new_slot, &slot_funcs);
                    out.section(&elems);
                }
                id if id == Id::DataCount as u8 => {
                    out.section(&wasm_encoder::DataCountSection { count: data_count(m, &image) });
                }
                id if id == Id::Code as u8 => {
                    let mut code = wasm_encoder::CodeSection::new();
                    for (i, b) in m.bodies.iter().enumerate() {
                        let func = m.num_func_imports() + i as u32;
                        let counters = self.counters.get(&func).copied().unwrap_or(self.default_counters);
                        let (bytes, changed) = body::rewrite(b, m.body_offsets[i], &self.map, counters, &self.counted_types)
                            .map_err(|e| Error::Function { func, message: e.to_string() })?;
                        match changed {
                            body::Change::None => stats.functions_byte_identical += 1,
                            body::Change::Renumbered => stats.functions_renumbered_only += 1,
                            body::Change::Intrinsics(n) => {
                                stats.functions_rewritten += 1;
                                stats.intrinsic_calls_rewritten += n;
                            }
                        }
                        code.raw(&bytes);
                    }
                    for f in &self.new_funcs {
                        code.raw(&f.body);
                    }
                    out.section(&code);
                }
                id if id == Id::Data as u8 => {
                    out.section(&data_section(m, &image, &mut stats));
                    data_written = true;
                }
                id if id == Id::Custom as u8 && is_name_section(s.data) => {
                    // Function names are indexed by the input's function space; rather than
                    // renumber them, drop them (the shipped engines carry none).
                }
                _ => {
                    out.section(&RawSection { id: s.id, data: s.data });
                }
            }
            // A module without an element section still needs one for new table slots.
            if s.id == Id::Table as u8 && !slot_funcs.is_empty() && !m.sections.iter().any(|x| x.id == Id::Element as u8) {
                let mut elems = wasm_encoder::ElementSection::new();
                append_slot_elements(&mut elems, first_new_slot, &slot_funcs);
                out.section(&elems);
            }
        }
        if !data_written {
            out.section(&data_section(m, &image, &mut stats));
        }
        for (name, data) in custom {
            out.section(&wasm_encoder::CustomSection { name: Cow::Borrowed(name), data: Cow::Borrowed(data) });
        }
        Ok((out.finish(), stats))
    }
}

fn append_slot_elements(elems: &mut wasm_encoder::ElementSection, first: u32, slots: &[(u32, OutFuncIdx)]) {
    if slots.is_empty() {
        return;
    }
    let funcs: Vec<u32> = slots.iter().map(|(_, f)| f.0).collect();
    elems.active(None, &ConstExpr::i32_const(first as i32), wasm_encoder::Elements::Functions(Cow::Owned(funcs)));
}

fn passive_segments<'a>(m: &'a Module<'_>) -> impl Iterator<Item = &'a [u8]> {
    m.data.iter().filter(|d| d.active.is_none()).map(|d| d.bytes)
}

fn data_count(m: &Module<'_>, image: &MemoryImage) -> u32 {
    (passive_segments(m).count() + image.segments().count()) as u32
}

/// Passive segments first, in input order (instructions name them by index); then the image.
fn data_section(m: &Module<'_>, image: &MemoryImage, stats: &mut LinkStats) -> wasm_encoder::DataSection {
    let mut data = wasm_encoder::DataSection::new();
    for p in passive_segments(m) {
        data.passive(p.iter().copied());
    }
    for (addr, bytes) in image.segments() {
        data.active(0, &ConstExpr::i32_const(addr as i32), bytes.iter().copied());
    }
    stats.data_segments = data.len();
    data
}

fn is_name_section(payload: &[u8]) -> bool {
    let mut r = BinaryReader::new(payload, 0);
    matches!(r.read_string(), Ok("name"))
}

fn reencode_err<E: std::fmt::Debug>(e: wasm_encoder::reencode::Error<E>) -> Error {
    Error::Malformed { offset: 0, message: format!("re-encoding failed: {e:?}") }
}

/// Renumbers function indices while re-encoding exports and element segments.
struct Remap<'a> {
    map: &'a [FuncMap],
}

impl Reencode for Remap<'_> {
    type Error = String;
    fn function_index(&mut self, func: u32) -> Result<u32, wasm_encoder::reencode::Error<String>> {
        match self.map.get(func as usize) {
            Some(FuncMap::Keep(i)) => Ok(*i),
            _ => Err(wasm_encoder::reencode::Error::UserError(format!("reference to removed intrinsic function {func}"))),
        }
    }
}

#[cfg(test)]
mod tests;
