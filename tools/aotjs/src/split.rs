//! A snapshot's code apart from its data, so a new snapshot of a known engine needs no native
//! compile: every snapshot of one engine has the same code, and differs only in its active data
//! segments, the initial values of its mutable globals and its memory's initial size. The code
//! module (those three normalised) is compiled once per engine and cached; an instance of it is
//! given the snapshot's data before any of its code runs.
//!
//! Used where start-up latency of a fresh module matters more than instantiation cost
//! (`aotjs run`, the fuzzer, test262); benchmarks keep the whole module and Wasmtime's
//! copy-on-write memory image.

use wasmparser::{ConstExpr, DataKind, ExternalKind, Operator, Parser, Payload, TypeRef, ValType};
use wasmtime::{Result, Val};

/// What an instance of the code module needs to become the snapshot.
#[derive(Debug, Default)]
pub struct DataImage {
    memory_pages: u64,
    /// Active segments in module order: (offset, bytes).
    segments: Vec<(u64, Vec<u8>)>,
    /// (export name in the code module, initial value) of each mutable global.
    globals: Vec<(String, Val)>,
}

/// The code module and the data it lacks.
pub struct Split {
    pub code: Vec<u8>,
    pub data: DataImage,
}

const MEMORY_EXPORT: &str = "aotjs.split.memory";

fn global_export(index: u32) -> String {
    format!("aotjs.split.global.{index}")
}

/// Splits `wasm`, or None when it has anything this does not handle (a start function,
/// imported memories or globals, several memories, non-constant initialisers) or is invalid.
pub fn split(wasm: &[u8]) -> Option<Split> {
    let mut out = wasm_encoder::Module::new();
    let mut data = DataImage::default();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.ok()?;
        match &payload {
            Payload::Version { .. } | Payload::End(_) | Payload::CodeSectionEntry(_) | Payload::CustomSection(_) => continue,
            Payload::StartSection { .. } => return None,
            Payload::ImportSection(r) => {
                for imp in r.clone().into_imports() {
                    if !matches!(imp.ok()?.ty, TypeRef::Func(_)) {
                        return None;
                    }
                }
            }
            Payload::MemorySection(r) => {
                let mut mems = wasm_encoder::MemorySection::new();
                let memories: Vec<_> = r.clone().into_iter().collect::<std::result::Result<_, _>>().ok()?;
                let [m] = memories.as_slice() else { return None };
                if m.memory64 || m.shared {
                    return None;
                }
                data.memory_pages = m.initial;
                mems.memory(wasm_encoder::MemoryType { minimum: 0, maximum: m.maximum, memory64: false, shared: false, page_size_log2: m.page_size_log2 });
                out.section(&mems);
                continue;
            }
            Payload::GlobalSection(r) => {
                let mut globals = wasm_encoder::GlobalSection::new();
                for (index, g) in r.clone().into_iter().enumerate() {
                    let g = g.ok()?;
                    let value = const_value(&g.init_expr, g.ty.content_type)?;
                    let ty = wasm_encoder::GlobalType { val_type: val_type(g.ty.content_type)?, mutable: g.ty.mutable, shared: false };
                    let init = if g.ty.mutable {
                        data.globals.push((global_export(index as u32), value.clone()));
                        const_expr(&zero(g.ty.content_type)?)
                    } else {
                        const_expr(&value)
                    };
                    globals.global(ty, &init);
                }
                out.section(&globals);
                continue;
            }
            Payload::ExportSection(r) => {
                let mut exports = wasm_encoder::ExportSection::new();
                for e in r.clone() {
                    let e = e.ok()?;
                    let kind = match e.kind {
                        ExternalKind::Func => wasm_encoder::ExportKind::Func,
                        ExternalKind::Table => wasm_encoder::ExportKind::Table,
                        ExternalKind::Memory => wasm_encoder::ExportKind::Memory,
                        ExternalKind::Global => wasm_encoder::ExportKind::Global,
                        _ => return None,
                    };
                    exports.export(e.name, kind, e.index);
                }
                exports.export(MEMORY_EXPORT, wasm_encoder::ExportKind::Memory, 0);
                for (name, _) in &data.globals {
                    let index = name.rsplit('.').next()?.parse().ok()?;
                    exports.export(name, wasm_encoder::ExportKind::Global, index);
                }
                out.section(&exports);
                continue;
            }
            Payload::DataCountSection { .. } => {
                // Rewritten with the data section below (passive segments only).
                out.section(&wasm_encoder::DataCountSection { count: count_passive(wasm)? });
                continue;
            }
            Payload::DataSection(r) => {
                let mut section = wasm_encoder::DataSection::new();
                for d in r.clone() {
                    let d = d.ok()?;
                    match d.kind {
                        DataKind::Passive => {
                            section.passive(d.data.iter().copied());
                        }
                        DataKind::Active { memory_index: 0, offset_expr } => {
                            let Val::I32(offset) = const_value(&offset_expr, ValType::I32)? else { return None };
                            data.segments.push((offset as u32 as u64, d.data.to_vec()));
                        }
                        DataKind::Active { .. } => return None,
                    }
                }
                out.section(&section);
                continue;
            }
            _ => {}
        }
        let (id, range) = payload.as_section()?;
        out.section(&wasm_encoder::RawSection { id, data: &wasm[range] });
    }
    Some(Split { code: out.finish(), data })
}

fn count_passive(wasm: &[u8]) -> Option<u32> {
    for p in Parser::new(0).parse_all(wasm) {
        if let Payload::DataSection(r) = p.ok()? {
            return Some(r.into_iter().filter(|d| matches!(d.as_ref().map(|d| &d.kind), Ok(DataKind::Passive))).count() as u32);
        }
    }
    Some(0)
}

fn val_type(t: ValType) -> Option<wasm_encoder::ValType> {
    Some(match t {
        ValType::I32 => wasm_encoder::ValType::I32,
        ValType::I64 => wasm_encoder::ValType::I64,
        ValType::F32 => wasm_encoder::ValType::F32,
        ValType::F64 => wasm_encoder::ValType::F64,
        _ => return None,
    })
}

/// The value of a constant initialiser of one instruction (`i32.const` and the like).
fn const_value(e: &ConstExpr<'_>, ty: ValType) -> Option<Val> {
    let mut ops = e.get_operators_reader();
    let v = match (ops.read().ok()?, ty) {
        (Operator::I32Const { value }, ValType::I32) => Val::I32(value),
        (Operator::I64Const { value }, ValType::I64) => Val::I64(value),
        (Operator::F32Const { value }, ValType::F32) => Val::F32(value.bits()),
        (Operator::F64Const { value }, ValType::F64) => Val::F64(value.bits()),
        _ => return None,
    };
    matches!(ops.read().ok()?, Operator::End).then_some(v)
}

fn zero(ty: ValType) -> Option<Val> {
    Some(match ty {
        ValType::I32 => Val::I32(0),
        ValType::I64 => Val::I64(0),
        ValType::F32 => Val::F32(0),
        ValType::F64 => Val::F64(0),
        _ => return None,
    })
}

fn const_expr(v: &Val) -> wasm_encoder::ConstExpr {
    match v {
        Val::I32(x) => wasm_encoder::ConstExpr::i32_const(*x),
        Val::I64(x) => wasm_encoder::ConstExpr::i64_const(*x),
        Val::F32(x) => wasm_encoder::ConstExpr::f32_const(f32::from_bits(*x).into()),
        Val::F64(x) => wasm_encoder::ConstExpr::f64_const(f64::from_bits(*x).into()),
        _ => unreachable!("only numeric globals are split"),
    }
}

impl DataImage {
    /// Makes a fresh instance of the code module the snapshot: memory grown to the snapshot's
    /// initial size, active segments written in order, mutable globals set.
    pub fn apply(&self, store: &mut wasmtime::Store<crate::host::HostState>, instance: &wasmtime::Instance) -> Result<()> {
        let memory = instance.get_memory(&mut *store, MEMORY_EXPORT).ok_or_else(|| wasmtime::format_err!("code module lost its memory export"))?;
        let pages = memory.size(&*store);
        if self.memory_pages > pages {
            memory.grow(&mut *store, self.memory_pages - pages)?;
        }
        for (offset, bytes) in &self.segments {
            memory.write(&mut *store, *offset as usize, bytes).map_err(|_| wasmtime::format_err!("data segment at {offset:#x} is out of bounds"))?;
        }
        for (name, value) in &self.globals {
            let g = instance.get_global(&mut *store, name).ok_or_else(|| wasmtime::format_err!("code module lost global {name}"))?;
            g.set(&mut *store, value.clone())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with a mutable global, an immutable one, a passive and two active segments.
    fn module(global: i32, data: &[u8], pages: u64) -> Vec<u8> {
        use wasm_encoder::*;
        let mut m = Module::new();
        let mut mems = MemorySection::new();
        mems.memory(MemoryType { minimum: pages, maximum: Some(100), memory64: false, shared: false, page_size_log2: None });
        let mut globals = GlobalSection::new();
        globals.global(GlobalType { val_type: ValType::I32, mutable: true, shared: false }, &ConstExpr::i32_const(global));
        globals.global(GlobalType { val_type: ValType::I64, mutable: false, shared: false }, &ConstExpr::i64_const(9));
        let mut exports = ExportSection::new();
        exports.export("memory", ExportKind::Memory, 0);
        let mut d = DataSection::new();
        d.passive([1u8, 2]);
        d.active(0, &ConstExpr::i32_const(16), data.iter().copied());
        d.active(0, &ConstExpr::i32_const(18), [0xaa]);
        m.section(&mems).section(&globals).section(&exports).section(&DataCountSection { count: 3 }).section(&d);
        m.finish()
    }

    #[test]
    fn snapshots_differing_only_in_data_share_one_code_module() {
        let a = split(&module(100, b"abcd", 2)).unwrap();
        let b = split(&module(200, b"wxyz", 3)).unwrap();
        assert_eq!(a.code, b.code, "the code module does not depend on the data");
        assert_eq!(a.data.memory_pages, 2);
        assert_eq!(a.data.segments, vec![(16, b"abcd".to_vec()), (18, vec![0xaa])]);
        assert!(matches!(a.data.globals.as_slice(), [(name, Val::I32(100))] if name == "aotjs.split.global.0"));
        wasmparser::Validator::new().validate_all(&a.code).expect("the code module validates");
    }

    #[test]
    fn an_applied_image_gives_the_snapshots_memory_and_globals() {
        let s = split(&module(100, b"abcd", 2)).unwrap();
        let engine = wasmtime::Engine::default();
        let code = wasmtime::Module::new(&engine, &s.code).unwrap();
        let cfg = crate::host::RunConfig::default();
        let (mut store, _, _) = crate::host::store(&engine, &cfg).unwrap();
        let instance = wasmtime::Linker::new(&engine).instantiate(&mut store, &code).unwrap();
        s.data.apply(&mut store, &instance).unwrap();
        let memory = instance.get_memory(&mut store, "memory").unwrap();
        assert_eq!(memory.size(&store), 2);
        assert_eq!(&memory.data(&store)[16..20], b"ab\xaad", "later segments overwrite earlier ones");
        let g = instance.get_global(&mut store, "aotjs.split.global.0").unwrap();
        assert!(matches!(g.get(&mut store), Val::I32(100)));
    }

    #[test]
    fn a_start_function_is_not_split() {
        let mut m = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        let mut funcs = wasm_encoder::FunctionSection::new();
        funcs.function(0);
        let mut code = wasm_encoder::CodeSection::new();
        let mut f = wasm_encoder::Function::new([]);
        f.instruction(&wasm_encoder::Instruction::End);
        code.function(&f);
        m.section(&types).section(&funcs).section(&wasm_encoder::StartSection { function_index: 0 }).section(&code);
        assert!(split(&m.finish()).is_none());
    }
}
