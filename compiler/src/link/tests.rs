//! Linker tests on a small hand-built module shaped like the engine: intrinsic imports in the
//! middle of the import list, a table, an element segment, exports, and a data segment.

use super::*;
use wasm_encoder::{
    CodeSection, ConstExpr, DataSection, ElementSection, Elements, EntityType, ExportKind, ExportSection, Function,
    FunctionSection, ImportSection, Instruction as I, MemorySection, MemoryType, TableSection, TableType, TypeSection,
    ValType as V,
};

const HEAD: u32 = 1024;

/// Functions: 0 env.log, 1 weval.push.context, 2 weval.specialize.value, 3 env.tick,
/// 4 `run` (calls all four), 5 `head` (returns HEAD).
fn engine_like() -> Vec<u8> {
    let mut m = wasm_encoder::Module::new();
    let mut types = TypeSection::new();
    types.ty().function([V::I32], []);
    types.ty().function([V::I32, V::I32, V::I32], [V::I32]);
    types.ty().function([], [V::I32]);
    m.section(&types);
    let mut imports = ImportSection::new();
    imports.import("env", "log", EntityType::Function(0));
    imports.import("weval", "push.context", EntityType::Function(0));
    imports.import("weval", "specialize.value", EntityType::Function(1));
    imports.import("env", "tick", EntityType::Function(0));
    m.section(&imports);
    let mut funcs = FunctionSection::new();
    funcs.function(2).function(2);
    m.section(&funcs);
    let mut tables = TableSection::new();
    tables.table(TableType { element_type: wasm_encoder::RefType::FUNCREF, minimum: 2, maximum: Some(2), table64: false, shared: false });
    m.section(&tables);
    let mut mems = MemorySection::new();
    mems.memory(MemoryType { minimum: 1, maximum: None, memory64: false, shared: false, page_size_log2: None });
    m.section(&mems);
    let mut exports = ExportSection::new();
    exports.export("run", ExportKind::Func, 4).export("head", ExportKind::Func, 5);
    m.section(&exports);
    let mut elems = ElementSection::new();
    elems.active(None, &ConstExpr::i32_const(0), Elements::Functions(std::borrow::Cow::Borrowed(&[4, 5])));
    m.section(&elems);
    let mut code = CodeSection::new();
    let mut run = Function::new([]);
    run.instruction(&I::I32Const(1)).instruction(&I::Call(0));
    run.instruction(&I::I32Const(2)).instruction(&I::Call(1));
    run.instruction(&I::I32Const(3)).instruction(&I::I32Const(0)).instruction(&I::I32Const(9)).instruction(&I::Call(2));
    run.instruction(&I::Call(3));
    run.instruction(&I::Call(5)).instruction(&I::End);
    code.function(&run);
    let mut head = Function::new([]);
    head.instruction(&I::I32Const(HEAD as i32)).instruction(&I::End);
    code.function(&head);
    m.section(&code);
    let mut data = DataSection::new();
    data.active(0, &ConstExpr::i32_const(HEAD as i32), [0xAA, 0, 0, 0, 0xBB]);
    m.section(&data);
    m.finish()
}

fn ops_of(wasm: &[u8], func_body: usize) -> Vec<String> {
    let mut bodies = Vec::new();
    for p in wasmparser::Parser::new(0).parse_all(wasm) {
        if let wasmparser::Payload::CodeSectionEntry(b) = p.unwrap() {
            bodies.push(b);
        }
    }
    let mut r = bodies[func_body].get_operators_reader().unwrap();
    let mut out = Vec::new();
    while !r.eof() {
        out.push(format!("{:?}", r.read().unwrap()));
    }
    out
}

#[test]
fn removes_intrinsics_renumbers_and_validates() {
    let input = engine_like();
    let module = Module::parse(&input).unwrap();
    let linker = Linker::new(&module).unwrap();
    assert_eq!(linker.out_index(InFuncIdx(3)), Some(OutFuncIdx(1)));
    assert_eq!(linker.out_index(InFuncIdx(1)), None);
    let image = module.memory_image();
    let (out, stats) = linker.finish(image, &[], &[("aotjs", b"{}".to_vec())]).unwrap();
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all()).validate_all(&out).unwrap();
    assert_eq!(stats.imports_removed, 2);
    assert_eq!(stats.intrinsic_calls_rewritten, 2);
    let ops = ops_of(&out, 0);
    assert_eq!(
        ops,
        [
            "I32Const { value: 1 }", "Call { function_index: 0 }",
            "I32Const { value: 2 }", "Drop",
            "I32Const { value: 3 }", "I32Const { value: 0 }", "I32Const { value: 9 }", "Drop", "Drop",
            "Call { function_index: 1 }",
            "Call { function_index: 3 }", "End",
        ]
    );
    // The untouched function is byte-identical.
    assert_eq!(ops_of(&out, 1), ["I32Const { value: 1024 }", "End"]);
    let out_mod = Module::parse(&out).unwrap();
    assert_eq!(out_mod.func_imports.len(), 2);
    assert_eq!(out_mod.export("head").unwrap().index, 3);
    assert_eq!(out_mod.memory_image().read(HEAD, 5).unwrap(), [0xAA, 0, 0, 0, 0xBB]);
    assert!(out_mod.custom_section("aotjs").is_some());
}

#[test]
fn appends_functions_into_table_slots() {
    let input = engine_like();
    let module = Module::parse(&input).unwrap();
    let mut linker = Linker::new(&module).unwrap();
    let sig = FuncSig { params: vec![], results: vec![wasmparser::ValType::I32] };
    let mut func = Function::new([]);
    func.instruction(&I::I32Const(77)).instruction(&I::End);
    let f = linker.add_function(NewFunction { sig, body: func.into_raw_body() });
    assert_eq!(f, OutFuncIdx(4));
    let image = module.memory_image();
    let (out, stats) = linker.finish(image, &[(HEAD + 1, f)], &[]).unwrap();
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all()).validate_all(&out).unwrap();
    assert_eq!(stats.table_slots_added, 1);
    let out_mod = Module::parse(&out).unwrap();
    // The slot receives the first new table index, right after the two existing entries.
    assert_eq!(out_mod.memory_image().u32(HEAD + 1).unwrap(), 2);
    assert_eq!(ops_of(&out, 2), ["I32Const { value: 77 }", "End"]);
}

#[test]
fn output_is_deterministic() {
    let input = engine_like();
    let link = || {
        let module = Module::parse(&input).unwrap();
        Linker::new(&module).unwrap().finish(module.memory_image(), &[], &[]).unwrap().0
    };
    assert_eq!(link(), link());
}
