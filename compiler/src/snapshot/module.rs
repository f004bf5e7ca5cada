//! A parsed view of a core Wasm module that keeps every section's raw bytes.
//!
//! The linker re-emits most sections byte for byte, so this keeps slices into the input rather
//! than decoded structures, and decodes only what aotjs reads: types, imports, exports,
//! function types, code bodies and data segments.

use crate::error::{Error, Result};
use std::ops::Range;
use wasmparser::{Parser, Payload, TypeRef, ValType, Validator, WasmFeatures};

/// One section of the input, as raw payload bytes.
#[derive(Clone, Debug)]
pub struct RawSection<'a> {
    pub id: u8,
    pub data: &'a [u8],
    /// Byte range of the payload in the input.
    pub range: Range<usize>,
}

/// A function import.
#[derive(Clone, Debug)]
pub struct FuncImport<'a> {
    pub module: &'a str,
    pub name: &'a str,
    pub type_index: u32,
}

/// A data segment. `active` is `Some(offset)` for an active segment of memory 0.
#[derive(Clone, Debug)]
pub struct DataSegment<'a> {
    pub active: Option<u32>,
    pub bytes: &'a [u8],
}

#[derive(Clone, Debug)]
pub struct Export<'a> {
    pub name: &'a str,
    pub kind: wasmparser::ExternalKind,
    pub index: u32,
}

/// Function signature, reduced to what the linker needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuncSig {
    pub params: Vec<ValType>,
    pub results: Vec<ValType>,
}

pub struct Module<'a> {
    pub bytes: &'a [u8],
    pub sections: Vec<RawSection<'a>>,
    pub types: Vec<FuncSig>,
    /// Function imports, in order; they occupy function indices `0..func_imports.len()`.
    pub func_imports: Vec<FuncImport<'a>>,
    /// Type index of every defined function.
    pub func_types: Vec<u32>,
    pub exports: Vec<Export<'a>>,
    /// Raw body (locals and code, without the size prefix) of every defined function.
    pub bodies: Vec<&'a [u8]>,
    /// Input offset of every body, for diagnostics.
    pub body_offsets: Vec<usize>,
    pub data: Vec<DataSegment<'a>>,
    pub code_section: Option<Range<usize>>,
    /// Initial size of memory 0 in 64 KiB pages.
    pub memory_pages: u64,
    /// Custom sections: (name, payload).
    pub custom: Vec<(&'a str, &'a [u8])>,
    /// Number of defined globals (the engines import none).
    pub num_globals: u32,
    /// Function index in each slot of table 0 that an active element segment fills.
    pub table0: std::collections::BTreeMap<u32, u32>,
}

impl<'a> Module<'a> {
    /// Validates and parses `bytes`. A module that is not valid Wasm is refused here, so later
    /// steps can assume well-formed input.
    pub fn parse(bytes: &'a [u8]) -> Result<Self> {
        if bytes.len() < 8 || &bytes[0..4] != b"\0asm" {
            return Err(Error::NotWasm);
        }
        Validator::new_with_features(WasmFeatures::all()).validate_all(bytes)?;
        let mut m = Module {
            bytes,
            sections: Vec::new(),
            types: Vec::new(),
            func_imports: Vec::new(),
            func_types: Vec::new(),
            exports: Vec::new(),
            bodies: Vec::new(),
            body_offsets: Vec::new(),
            data: Vec::new(),
            code_section: None,
            memory_pages: 0,
            custom: Vec::new(),
            num_globals: 0,
            table0: Default::default(),
        };
        for payload in Parser::new(0).parse_all(bytes) {
            let payload = payload?;
            if let Some((id, range)) = payload.as_section() {
                m.sections.push(RawSection { id, data: &bytes[range.clone()], range });
            }
            match payload {
                Payload::TypeSection(reader) => {
                    for ty in reader.into_iter_err_on_gc_types() {
                        let ty = ty?;
                        m.types.push(FuncSig {
                            params: ty.params().to_vec(),
                            results: ty.results().to_vec(),
                        });
                    }
                }
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        {
                            let import = import?;
                            if let TypeRef::Func(type_index) = import.ty {
                                m.func_imports.push(FuncImport {
                                    module: import.module,
                                    name: import.name,
                                    type_index,
                                });
                            }
                        }
                    }
                }
                Payload::MemorySection(reader) => {
                    if let Some(mem) = reader.into_iter().next() {
                        m.memory_pages = mem?.initial;
                    }
                }
                Payload::GlobalSection(reader) => m.num_globals = reader.count(),
                Payload::ElementSection(reader) => {
                    for e in reader {
                        let e = e?;
                        let wasmparser::ElementKind::Active { table_index, offset_expr } = e.kind else { continue };
                        if table_index.unwrap_or(0) != 0 {
                            continue;
                        }
                        let base = const_i32(offset_expr, e.range.start)?;
                        if let wasmparser::ElementItems::Functions(funcs) = e.items {
                            for (i, f) in funcs.into_iter().enumerate() {
                                m.table0.insert(base + i as u32, f?);
                            }
                        }
                    }
                }
                Payload::FunctionSection(reader) => {
                    for ty in reader {
                        m.func_types.push(ty?);
                    }
                }
                Payload::ExportSection(reader) => {
                    for e in reader {
                        let e = e?;
                        m.exports.push(Export { name: e.name, kind: e.kind, index: e.index });
                    }
                }
                Payload::CodeSectionStart { range, .. } => m.code_section = Some(range),
                Payload::CustomSection(c) => m.custom.push((c.name(), c.data())),
                Payload::CodeSectionEntry(body) => {
                    let range = body.range();
                    m.body_offsets.push(range.start);
                    m.bodies.push(&bytes[range]);
                }
                Payload::DataSection(reader) => {
                    for d in reader {
                        let d = d?;
                        let active = match d.kind {
                            wasmparser::DataKind::Passive => None,
                            wasmparser::DataKind::Active { memory_index, offset_expr } => {
                                if memory_index != 0 {
                                    return Err(Error::Malformed {
                                        offset: d.range.start,
                                        message: "data segment for a memory other than 0".into(),
                                    });
                                }
                                Some(const_i32(offset_expr, d.range.start)?)
                            }
                        };
                        m.data.push(DataSegment { active, bytes: d.data });
                    }
                }
                _ => {}
            }
        }
        Ok(m)
    }

    /// The memory image built from the active data segments.
    pub fn memory_image(&self) -> crate::snapshot::MemoryImage {
        crate::snapshot::MemoryImage::new(
            self.data.iter().filter_map(|d| d.active.map(|a| (a, d.bytes))),
            self.memory_pages * 65536,
        )
    }

    pub fn custom_section(&self, name: &str) -> Option<&'a [u8]> {
        self.custom.iter().find(|(n, _)| *n == name).map(|(_, d)| *d)
    }

    pub fn num_func_imports(&self) -> u32 {
        self.func_imports.len() as u32
    }

    /// Type of any function, imported or defined.
    pub fn func_sig(&self, func: u32) -> &FuncSig {
        let n = self.num_func_imports();
        let ty = if func < n {
            self.func_imports[func as usize].type_index
        } else {
            self.func_types[(func - n) as usize]
        };
        &self.types[ty as usize]
    }

    pub fn export(&self, name: &str) -> Option<&Export<'a>> {
        self.exports.iter().find(|e| e.name == name)
    }

    /// Body of a defined function by its index in the function space.
    pub fn body(&self, func: u32) -> Option<&'a [u8]> {
        func.checked_sub(self.num_func_imports()).and_then(|i| self.bodies.get(i as usize).copied())
    }

    /// Payload bytes of the code section: what identifies the engine.
    pub fn code_section_bytes(&self) -> &'a [u8] {
        self.code_section.clone().map(|r| &self.bytes[r]).unwrap_or(&[])
    }

    /// The constant address a function returns, for exports of the form
    /// `() -> i32 { i32.const N }` such as `weval.pending.head`.
    pub fn const_returning_func(&self, func: u32) -> Result<u32> {
        let body = self.body(func).ok_or(Error::Function {
            func,
            message: "is imported, expected a defined function".into(),
        })?;
        let offset = self.body_offsets[(func - self.num_func_imports()) as usize];
        let fb = wasmparser::FunctionBody::new(wasmparser::BinaryReader::new(body, offset));
        let mut ops = fb.get_operators_reader()?;
        let mut value: Option<u32> = None;
        while !ops.eof() {
            match ops.read()? {
                wasmparser::Operator::I32Const { value: v } if value.is_none() => {
                    value = Some(v as u32)
                }
                wasmparser::Operator::End | wasmparser::Operator::Return => break,
                wasmparser::Operator::Nop => {}
                op => {
                    return Err(Error::Function {
                        func,
                        message: format!("expected `i32.const N; end`, found {op:?}"),
                    })
                }
            }
        }
        value.ok_or(Error::Function { func, message: "returns no constant".into() })
    }
}

fn const_i32(expr: wasmparser::ConstExpr<'_>, offset: usize) -> Result<u32> {
    let mut r = expr.get_operators_reader();
    match r.read()? {
        wasmparser::Operator::I32Const { value } => Ok(value as u32),
        op => Err(Error::Malformed {
            offset,
            message: format!("data segment offset is not an i32.const ({op:?})"),
        }),
    }
}
