//! Unit tests of the script compiler: hand-made op sequences are lowered, wrapped in a module
//! that declares the engine functions with their real signatures, validated, and checked for
//! what the lowering must (and must not) emit.

use super::*;
use crate::bytecode::{Op, Operand};
use crate::snapshot::engine::{Engine, JsOpInfo};
use runtime_abi::engines::FASTLY_WEVAL_FACTS;
use runtime_abi::EngineSpec;
use wasm_encoder::{
    CodeSection, EntityType, FunctionSection, GlobalType, ImportSection, MemoryType, Module, RefType, TableType, TypeSection,
};
use wasmparser::{Operator, Parser, Payload};

/// `(name, nuses, ndefs, has_ic)` of every op the tests use; the opcode is the index.
const TABLE: &[(&str, i8, i8, bool)] = &[
    ("Nop", 0, 0, false),
    ("Zero", 0, 1, false),
    ("One", 0, 1, false),
    ("Int8", 0, 1, false),
    ("Double", 0, 1, false),
    ("Undefined", 0, 1, false),
    ("IsConstructing", 0, 1, false),
    ("GetLocal", 0, 1, false),
    ("SetLocal", 1, 1, false),
    ("GetArg", 0, 1, false),
    ("Pop", 1, 0, false),
    ("Dup", 1, 2, false),
    ("Swap", 2, 2, false),
    ("Add", 2, 1, true),
    ("Sub", 2, 1, true),
    ("Mul", 2, 1, true),
    ("BitOr", 2, 1, true),
    ("Lt", 2, 1, true),
    ("StrictEq", 2, 1, true),
    ("Inc", 1, 1, true),
    ("JumpIfFalse", 1, 0, true),
    ("Goto", 0, 0, false),
    ("LoopHead", 0, 0, false),
    ("JumpTarget", 0, 0, false),
    ("Return", 1, 0, false),
    ("GetProp", 1, 1, true),
    ("GetGName", 0, 1, true),
    ("GetElem", 2, 1, true),
    ("SetElem", 3, 1, true),
    ("SetProp", 2, 1, true),
    ("Call", -1, 1, true),
    ("TableSwitch", 1, 0, false),
    ("DelProp", 1, 1, false),
    ("New", -1, 1, true),
    ("String", 0, 1, false),
    ("TableSwitch", 1, 0, false),
    ("Generator", 0, 1, false),
    ("StrictDelElem", 2, 1, false),
    ("Arguments", 0, 1, false),
    ("SetArg", 1, 1, false),
    ("Iter", 1, 1, true),
    ("MoreIter", 1, 2, false),
    ("IsNoIter", 1, 2, false),
    ("EndIter", 2, 0, false),
    ("SetFunName", 2, 1, false),
    ("ToString", 1, 1, false),
    ("GetPropSuper", 2, 1, true),
    ("Try", 0, 0, false),
    ("Exception", 0, 1, false),
    ("Throw", 1, 0, false),
];

fn engine() -> Engine {
    let jsops = TABLE
        .iter()
        .map(|&(name, nuses, ndefs, _)| JsOpInfo { name: name.into(), length: 1, nuses, ndefs, format: 0 })
        .collect();
    Engine {
        spec: EngineSpec::default_engine(),
        code_sha256: String::new(),
        facts: Some(&FASTLY_WEVAL_FACTS),
        jsops,
        cache_kinds: Vec::new(),
        cacheops: Vec::new(),
    }
}

/// A script: ops by name with one operand each, at offsets 0, 10, 20, ...
struct Script(Vec<Op>);

impl Script {
    fn new(ops: &[(&str, Option<Operand>)]) -> Self {
        let mut out = Vec::new();
        for (i, (name, operand)) in ops.iter().enumerate() {
            let opcode = TABLE.iter().position(|t| t.0 == *name).unwrap_or_else(|| panic!("op {name} not in the test table"));
            out.push(Op {
                offset: 10 * i as u32,
                opcode: opcode as u8,
                name: name.to_string(),
                length: 10,
                operands: operand.iter().cloned().collect(),
                has_ic: TABLE[opcode].3,
            });
        }
        Script(out)
    }
    fn num_ics(&self) -> u32 {
        self.0.iter().filter(|o| o.has_ic).count() as u32
    }
    fn lower(&self, nfixed: u32) -> Result<Vec<u8>, Decline> {
        self.lower_in(nfixed, &test_env())
    }
    fn lower_in(&self, nfixed: u32, env: &LowerEnv<'_>) -> Result<Vec<u8>, Decline> {
        self.lowered_in(nfixed, env).map(|l| l.body)
    }
    fn lowered_in(&self, nfixed: u32, env: &LowerEnv<'_>) -> Result<Lowered, Decline> {
        self.lowered_with(nfixed, env, &crate::bytecode::notes::ScriptNotes::default())
    }
    fn lowered_with(&self, nfixed: u32, env: &LowerEnv<'_>, notes: &crate::bytecode::notes::ScriptNotes) -> Result<Lowered, Decline> {
        self.lowered_aliasing(nfixed, env, notes, false)
    }
    fn lowered_aliasing(&self, nfixed: u32, env: &LowerEnv<'_>, notes: &crate::bytecode::notes::ScriptNotes, aliases: bool) -> Result<Lowered, Decline> {
        let input = ScriptInput {
            ops: &self.0,
            notes,
            nfixed,
            nslots: nfixed + 8,
            num_ic_entries: self.num_ics(),
            args_obj_aliases_formals: aliases,
            immutable_flags: 0,
        };
        compile_script(&engine(), env, &input)
    }
}

/// Jump target operand: the op at index `i`.
fn to(i: u32) -> Option<Operand> {
    Some(Operand::Target(10 * i))
}

/// Engine functions as imports 0..=12, in `test_env`'s order, with their real signatures.
const IMPORTS: &[(usize, usize)] = &[(13, 1), (8, 1), (1, 1), (2, 0), (2, 1), (3, 1), (3, 1), (3, 1), (2, 0), (3, 0), (2, 1), (2, 1), (2, 0), (4, 1), (4, 1), (4, 1), (4, 1), (3, 1), (3, 0), (1, 0), (4, 1), (2, 1), (3, 1), (4, 1), (5, 1), (5, 1), (2, 1), (2, 1), (2, 1), (3, 0), (2, 1), (4, 1), (2, 1), (3, 1), (3, 1), (1, 0), (2, 1), (2, 1), (2, 1), (3, 1), (4, 1)];
const IC_TYPE: u32 = 0;
const INLINE: &[InlineBody] = &[
    InlineBody { table_index: 7001, count: 1, shape: InlineShape::FixedSlotRead { shape: 24, offset: 28 } },
    InlineBody { table_index: 7002, count: 1, shape: InlineShape::DynamicSlotRead { shape: 24, offset: 28 } },
    InlineBody { table_index: 7003, count: 1, shape: InlineShape::DenseElementRead { shape: 24 } },
    InlineBody { table_index: 7010, count: 4, shape: InlineShape::TypedElementRead { shape: 24, ty: 7 } },
    InlineBody { table_index: 7020, count: 2, shape: InlineShape::TypedElementWrite { shape: 24, ty: 7 } },
    InlineBody { table_index: 7030, count: 1, shape: InlineShape::DenseElementWrite { shape: 24 } },
    InlineBody { table_index: 7040, count: 3, shape: InlineShape::ProtoSlotRead { shape: 24, holder: 28, holder_shape: 32, offset: 36, dynamic: false } },
    InlineBody { table_index: 7050, count: 2, shape: InlineShape::SlotWrite { shape: 24, offset: 28, dynamic: true } },
    InlineBody {
        table_index: 7060,
        count: 1,
        shape: InlineShape::SlotAdd { shape: 24, protos: [(28, 32), (0, 0), (0, 0)], nprotos: 1, offset: 36, new_shape: 40, dynamic: false },
    },
];
const SCRIPT_TYPE: u32 = 1;
const NATIVE_TYPE: u32 = 2;

fn test_env() -> LowerEnv<'static> {
    LowerEnv {
        facts: &FASTLY_WEVAL_FACTS.script,
        ic_type_index: IC_TYPE,
        stack_pointer_global: 0,
        restart: 0,
        generic: 1,
        callee_token_script: 2,
        set_interpreter_fields: 3,
        init_function_env: 4,
        lambda: 5,
        function_this: 6,
        del_prop: [13, 14],
        del_elem: [15, 16],
        new_arguments_object: 17,
        arguments_set_arg: 18,
        close_iterator: 19,
        set_fun_name: 20,
        check_class_heritage: 21,
        mutate_proto: 22,
        delete_name: 23,
        init_prop_accessor: 24,
        init_elem_accessor: 25,
        to_string: 26,
        handle_exception: 35,
        get_and_clear_exception: 36,
        get_pending_exception_stack: 37,
        throw: 38,
        throw_with_stack: 39,
        freshen_lexical_env: 27,
        builtin_object: 28,
        set_extended_slot: 29,
        obj_with_proto: 30,
        fun_with_proto: 31,
        recreate_lexical_env: 32,
        push_class_body_env: 33,
        new_symbol: 34,
        push_lexical_env: 7,
        ensure_dense_len: 8,
        init_dense_element: 9,
        regexp_at_pc: 10,
        clone_regexp: 11,
        gcptr_value_set: 12,
        inline_bodies: INLINE,
        direct_calls: Some(super::DirectCalls {
            function_classes: [0x1000, 0x2000],
            script_type_index: SCRIPT_TYPE,
            create_this: 40,
            native_type_index: Some(NATIVE_TYPE),
            generic_ic_table_index: 4607,
        }),
        site_counters: None,
    }
}

/// A module around one lowered body; validated.
fn validate(body: &[u8]) -> Vec<u8> {
    validate_with_globals(body, 1)
}

/// Like [`validate`], in a module with `globals` globals: the imported stack pointer, then
/// mutable i64 counters.
fn validate_with_globals(body: &[u8], globals: u32) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I64, ValType::I64, ValType::I32, ValType::I32], [ValType::I64]);
    types.ty().function([ValType::I32; 13], [ValType::I32]);
    types.ty().function([ValType::I32; 3], [ValType::I32]);
    let mut imports = ImportSection::new();
    for (i, &(params, results)) in IMPORTS.iter().enumerate() {
        let ty = types.len();
        types.ty().function(vec![ValType::I32; params], vec![ValType::I32; results]);
        imports.import("engine", &format!("f{i}"), EntityType::Function(ty));
    }
    imports.import("engine", "memory", MemoryType { minimum: 1, maximum: None, memory64: false, shared: false, page_size_log2: None });
    imports.import("engine", "table", TableType { element_type: RefType::FUNCREF, minimum: 1, maximum: None, table64: false, shared: false });
    imports.import("engine", "sp", GlobalType { val_type: ValType::I32, mutable: true, shared: false });
    let mut funcs = FunctionSection::new();
    funcs.function(SCRIPT_TYPE);
    let mut counters = wasm_encoder::GlobalSection::new();
    for _ in 1..globals {
        counters.global(GlobalType { val_type: ValType::I64, mutable: true, shared: false }, &wasm_encoder::ConstExpr::i64_const(0));
    }
    let mut code = CodeSection::new();
    code.raw(body);
    let mut m = Module::new();
    m.section(&types).section(&imports).section(&funcs).section(&counters).section(&code);
    let bytes = m.finish();
    if let Err(e) = wasmparser::validate(&bytes) {
        panic!("lowered function does not validate: {e}");
    }
    bytes
}

/// The operators of the module's one defined function, as debug strings.
fn operators(module: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    for p in Parser::new(0).parse_all(module) {
        if let Ok(Payload::CodeSectionEntry(body)) = p {
            let mut r = body.get_operators_reader().unwrap();
            while !r.eof() {
                let op: Operator<'_> = r.read().unwrap();
                out.push(format!("{op:?}"));
            }
        }
    }
    out
}

/// 64-bit stores of a prologue with no fixed slots: `*ret = undefined`, and the exit frame
/// (descriptor and return address) around the environment-objects helper.
const PROLOGUE_STORES: usize = 2;

fn count(ops: &[String], prefix: &str) -> usize {
    ops.iter().filter(|o| o.starts_with(prefix)).count()
}

fn lower_ok(s: &Script, nfixed: u32) -> Vec<String> {
    let body = s.lower(nfixed).unwrap_or_else(|d| panic!("declined: {}", d.reason));
    operators(&validate(&body))
}

#[test]
fn the_op_table_names_each_op_once_and_derives_the_block_structure() {
    let mut names: Vec<&str> = ops::OPS.iter().map(|d| d.name).collect();
    let n = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), n, "an op is listed twice");
    assert!(ops::terminates("Goto") && ops::terminates("Return") && ops::terminates("Throw"));
    assert!(!ops::terminates("JumpIfFalse") && ops::is_conditional("JumpIfFalse") && ops::is_conditional("Case"));
    assert!(ops::bails_out("ThrowMsg") && ops::bails_out("GlobalOrEvalDeclInstantiation") && !ops::bails_out("Add"));
    assert!(!op_supported("Generator") && op_supported("GetProp") && op_supported("TableSwitch"));
    assert!(op_supported("StrictEval") && op_supported("SpreadEval") && !super::direct::is_direct_call_op("Eval"), "eval goes through its Call IC");
}

#[test]
fn table_switch_dispatches_through_a_br_table_to_each_case_and_the_default() {
    let switch = Operand::TableSwitch { default: 60, low: 3, high: 4, first_resume_index: 0 };
    let s = Script::new(&[
        ("GetArg", Some(Operand::Arg(0))),
        ("TableSwitch", Some(switch)),
        ("Zero", None),
        ("Return", None),
        ("One", None),
        ("Return", None),
        ("Undefined", None),
        ("Return", None),
    ]);
    // Cases 3 and 4 start at ops 2 and 4 (offsets 20 and 40); the default is op 6.
    let notes = crate::bytecode::notes::ScriptNotes { resume_offsets: vec![20, 40], ..Default::default() };
    let l = s.lowered_with(0, &test_env(), &notes).unwrap();
    let ops = operators(&validate(&l.body));
    assert!(ops.iter().any(|o| o.starts_with("BrTable")), "no br_table: {ops:?}");
    assert!(ops.windows(2).any(|w| w[0] == "I32Const { value: 3 }" && w[1] == "I32Sub"), "the value minus low indexes the table");
    // A table naming resume offsets the script does not have is malformed bytecode.
    let short = crate::bytecode::notes::ScriptNotes { resume_offsets: vec![20], ..Default::default() };
    let d = s.lowered_with(0, &test_env(), &short).err().expect("declined");
    assert!(d.reason.contains("malformed bytecode"), "{d:?}");
}

/// `try { return arg0.p } catch (e) { return e }`, with its try note.
fn try_catch_script() -> (Script, crate::bytecode::notes::ScriptNotes) {
    let s = Script::new(&[
        ("Try", None),
        ("GetArg", Some(Operand::Arg(0))),
        ("GetProp", Some(Operand::Thing { kind: "atom", index: 0 })),
        ("Return", None),
        ("JumpTarget", Some(Operand::IcIndex(1))),
        ("Exception", None),
        ("Return", None),
    ]);
    let tn = crate::bytecode::notes::TryNote { kind: sf::TRY_NOTE_CATCH, stack_depth: 0, start: 10, length: 30 };
    (s, crate::bytecode::notes::ScriptNotes { try_notes: vec![tn], ..Default::default() })
}

#[test]
fn a_catch_block_is_compiled_and_entered_from_the_engines_exception_handling() {
    let (s, notes) = try_catch_script();
    let l = s.lowered_with(0, &test_env(), &notes).unwrap();
    let ops = operators(&validate(&l.body));
    assert!(ops.contains(&"Call { function_index: 35 }".to_string()), "an error runs HandleException in this frame");
    assert!(ops.contains(&"Call { function_index: 36 }".to_string()), "the catch block takes the exception with GetAndClearException");
    // The landing compares the pc the engine settled on with the handler's offset (40) and
    // dispatches to the handler's block (block 2: ops 0-3 are split at the Return).
    assert!(ops.windows(2).any(|w| w[0] == "I32Const { value: 40 }" && w[1] == "I32Eq"), "no compare with the handler's pc");
    // Without the try note the catch block is unreachable and there is no landing.
    let l = s.lowered_with(0, &test_env(), &Default::default()).unwrap();
    let ops = operators(&validate(&l.body));
    assert!(!ops.contains(&"Call { function_index: 35 }".to_string()) && !ops.contains(&"Call { function_index: 36 }".to_string()));
}

#[test]
fn a_finally_block_is_entered_with_three_more_values_than_its_note_says() {
    // try { } finally { }: the normal entry pushes three values before the handler.
    let s = Script::new(&[
        ("Try", None),
        ("Zero", None),
        ("Zero", None),
        ("Zero", None),
        ("Goto", to(5)),
        ("JumpTarget", Some(Operand::IcIndex(0))),
        ("Pop", None),
        ("Pop", None),
        ("Return", None),
    ]);
    let note = |depth| crate::bytecode::notes::TryNote { kind: sf::TRY_NOTE_FINALLY, stack_depth: depth, start: 10, length: 40 };
    let notes = crate::bytecode::notes::ScriptNotes { try_notes: vec![note(0)], ..Default::default() };
    let ops = operators(&validate(&s.lowered_with(0, &test_env(), &notes).unwrap().body));
    assert!(ops.windows(2).any(|w| w[0] == "I32Const { value: 50 }" && w[1] == "I32Eq"), "no compare with the handler's pc");
    let true_value = (runtime_abi::value::tag_bits(runtime_abi::value::TYPE_BOOLEAN) | 1) as i64;
    assert!(ops.contains(&format!("I64Const {{ value: {true_value} }}")), "an exceptional entry pushes `true`");
    // A note whose depth disagrees with the normal entry's is malformed bytecode.
    let notes = crate::bytecode::notes::ScriptNotes { try_notes: vec![note(1)], ..Default::default() };
    let d = s.lowered_with(0, &test_env(), &notes).err().expect("declined");
    assert!(d.reason.contains("malformed bytecode"), "{d:?}");
}

#[test]
fn throw_makes_the_value_pending_and_goes_where_errors_go() {
    let s = Script::new(&[("GetArg", Some(Operand::Arg(0))), ("Throw", None)]);
    let ops = lower_ok(&s, 0);
    assert!(ops.contains(&"Call { function_index: 38 }".to_string()), "Throw calls ThrowOperation");
    assert!(ops.iter().any(|o| o.contains(&format!("offset: {}", sf::STATE_VALUE0))), "the value is rooted in state.value0");
}

#[test]
fn a_try_note_whose_handler_is_not_at_an_op_is_malformed() {
    let (s, mut notes) = try_catch_script();
    notes.try_notes[0].length = 35;
    let d = s.lowered_with(0, &test_env(), &notes).err().expect("declined");
    assert!(d.reason.contains("malformed bytecode"), "{d:?}");
}

#[test]
fn delete_calls_the_engines_operation_of_its_strictness_behind_an_exit_frame() {
    let name = Some(Operand::Thing { kind: "atom", index: 0 });
    let s = Script::new(&[("GetArg", Some(Operand::Arg(0))), ("DelProp", name), ("Return", None)]);
    let ops = lower_ok(&s, 0);
    assert!(ops.contains(&"Call { function_index: 13 }".to_string()), "sloppy delete calls DelPropOperation<false>");
    assert!(!ops.iter().any(|o| o == "Call { function_index: 14 }"));
    // The name and the value are rooted in `state` for the call, and cleared after it.
    assert!(ops.iter().any(|o| o.contains(&format!("offset: {}", sf::STATE_NAME0))));
    let s = Script::new(&[("GetArg", Some(Operand::Arg(0))), ("GetArg", Some(Operand::Arg(1))), ("StrictDelElem", None), ("Return", None)]);
    let ops = lower_ok(&s, 0);
    assert!(ops.contains(&"Call { function_index: 16 }".to_string()), "strict delete of an element calls DelElemOperation<true>");
    assert!(ops.iter().any(|o| o.contains(&format!("offset: {}", sf::STATE_VALUE1))), "the key is rooted in state.value1");
}

#[test]
fn formals_aliased_by_the_arguments_object_are_read_and_written_through_it() {
    let s = Script::new(&[
        ("Arguments", None),
        ("Pop", None),
        ("GetArg", Some(Operand::Arg(1))),
        ("SetArg", Some(Operand::Arg(0))),
        ("Return", None),
    ]);
    let notes = crate::bytecode::notes::ScriptNotes::default();
    let aliased = operators(&validate(&s.lowered_aliasing(0, &test_env(), &notes, true).unwrap().body));
    assert!(aliased.contains(&"Call { function_index: 17 }".to_string()), "Arguments calls NewArgumentsObject");
    assert!(aliased.contains(&"Call { function_index: 18 }".to_string()), "an aliased SetArg calls ArgumentsObject::setArg");
    let args_obj = format!("I32Load {{ memarg: MemArg {{ align: 2, max_align: 2, offset: {}, memory: 0 }} }}", sf::FRAME_ARGS_OBJ);
    assert!(aliased.contains(&args_obj), "an aliased GetArg reads the frame's arguments object");
    let plain = operators(&validate(&s.lowered_aliasing(0, &test_env(), &notes, false).unwrap().body));
    assert!(plain.contains(&"Call { function_index: 17 }".to_string()));
    assert!(!plain.contains(&"Call { function_index: 18 }".to_string()) && !plain.contains(&args_obj), "unaliased formals live in the frame");
}

#[test]
fn for_in_reads_the_native_iterator_inline_and_closes_it_through_the_engine() {
    let s = Script::new(&[
        ("GetArg", Some(Operand::Arg(0))),
        ("Iter", None),
        ("MoreIter", None),
        ("IsNoIter", None),
        ("Pop", None),
        ("EndIter", None),
        ("Undefined", None),
        ("Return", None),
    ]);
    let ops = lower_ok(&s, 0);
    assert_eq!(count(&ops, "CallIndirect"), 1, "only Iter calls its IC chain");
    assert!(ops.contains(&"Call { function_index: 19 }".to_string()), "EndIter calls CloseIterator");
    let cursor = format!("I32Store {{ memarg: MemArg {{ align: 2, max_align: 2, offset: {}, memory: 0 }} }}", sf::NATIVE_ITERATOR_CURSOR);
    assert!(ops.contains(&cursor), "MoreIter advances the cursor inline");
}

#[test]
fn engine_operations_root_their_operands_call_behind_an_exit_frame_and_check_the_result() {
    let s = Script::new(&[
        ("GetArg", Some(Operand::Arg(0))),
        ("GetArg", Some(Operand::Arg(1))),
        ("SetFunName", Some(Operand::U8(2))),
        ("ToString", None),
        ("Return", None),
    ]);
    let ops = lower_ok(&s, 0);
    let call = ops.iter().position(|o| o == "Call { function_index: 20 }").expect("SetFunName calls SetFunctionName");
    assert_eq!(ops[call - 1], "I32Const { value: 2 }", "the prefix kind is the last argument");
    assert!(ops.contains(&"Call { function_index: 26 }".to_string()), "ToString calls ToStringSlow for a non-string");
    // Each call is checked: a zero result leaves through the restart entry.
    let checks = ops.windows(2).filter(|w| w[0].starts_with("LocalGet") && w[1] == "I32Eqz").count();
    assert!(checks >= 2, "{checks} result checks");
    // The function and the name are rooted in state for the call and cleared after it.
    let fun0 = format!("offset: {}", sf::STATE_FUN0);
    assert!(ops.iter().filter(|o| o.starts_with("I32Store") && o.contains(&fun0)).count() >= 2);
}

#[test]
fn super_property_reads_pass_the_object_before_the_receiver() {
    let s = Script::new(&[("GetArg", Some(Operand::Arg(0))), ("GetArg", Some(Operand::Arg(1))), ("GetPropSuper", None), ("Return", None)]);
    let ops = lower_ok(&s, 0);
    let ic = ops.iter().position(|o| o.starts_with("CallIndirect")).expect("the IC chain");
    // The IC's first operand is set from the top of the stack (argument 1), the second from below it.
    let arg_loads: Vec<&String> = ops[..ic].iter().filter(|o| o.contains(&format!("offset: {}", sf::FRAME_ARGS))).collect();
    assert!(!arg_loads.is_empty());
    let first = ops[..ic].iter().position(|o| o.contains(&format!("offset: {}", sf::FRAME_ARGS + 8))).unwrap();
    let second = ops[..ic].iter().position(|o| o.contains(&format!("offset: {}", sf::FRAME_ARGS))).unwrap();
    assert!(first < second, "the object (arg 1) is read before the receiver (arg 0)");
}

#[test]
fn a_function_over_wasms_size_or_locals_limit_is_declined_with_the_reason() {
    assert!(super::within_wasm_limits(super::MAX_FUNCTION_BODY_BYTES, super::MAX_FUNCTION_LOCALS).is_ok());
    let d = super::within_wasm_limits(super::MAX_FUNCTION_BODY_BYTES + 1, 10).unwrap_err();
    assert!(d.reason.contains("over Wasm's limit of 7654321"), "{d:?}");
    let d = super::within_wasm_limits(100, super::MAX_FUNCTION_LOCALS + 1).unwrap_err();
    assert!(d.reason.contains("locals"), "{d:?}");
}

#[test]
fn listing_marks_cover_the_prologue_every_op_in_order_and_the_epilogue() {
    let s = Script::new(&[("GetArg", Some(Operand::Arg(0))), ("GetArg", Some(Operand::Arg(1))), ("Sub", None), ("Return", None)]);
    let l = s.lowered_in(0, &test_env()).unwrap();
    let what: Vec<Mark> = l.marks.iter().map(|m| m.1).collect();
    assert_eq!(what, [Mark::Prologue, Mark::Op(0), Mark::Op(1), Mark::Op(2), Mark::Op(3), Mark::Epilogue]);
    let at: Vec<usize> = l.marks.iter().map(|m| m.0).collect();
    assert!(at.windows(2).all(|w| w[0] <= w[1]), "marks out of order: {at:?}");
    assert!(at[0] > 0 && *at.last().unwrap() < l.body.len(), "marks outside the code: {at:?} of {}", l.body.len());
    // The first mark is where the code starts, after the locals.
    let fb = wasmparser::FunctionBody::new(wasmparser::BinaryReader::new(&l.body, 0));
    assert_eq!(fb.get_operators_reader().unwrap().original_position(), at[0]);
}

#[test]
fn an_op_outside_the_table_declines_with_its_name() {
    let s = Script::new(&[("Zero", None), ("Generator", None), ("Undefined", None), ("Return", None)]);
    let d = s.lower(0).unwrap_err();
    assert_eq!(d.op.as_deref(), Some("Generator"));
}

#[test]
fn constant_arithmetic_is_typed_and_needs_no_ic_and_no_memory() {
    // (2 * 3 + 1.5) | 0 -> a chain of pure f64 and i32 ops.
    let s = Script::new(&[
        ("Int8", Some(Operand::I8(2))),
        ("Int8", Some(Operand::I8(3))),
        ("Mul", None),
        ("Double", Some(Operand::Double(1.5))),
        ("Add", None),
        ("Zero", None),
        ("BitOr", None),
        ("Return", None),
    ]);
    let ops = lower_ok(&s, 0);
    assert_eq!(count(&ops, "CallIndirect"), 0, "statically numeric ops call no IC");
    assert!(count(&ops, "F64Mul") >= 1 && count(&ops, "F64Add") >= 1 && count(&ops, "I32Or") >= 1);
    // The only 64-bit stores: the prologue's `*ret = undefined` and its exit frame for the
    // environment objects, and the return's `*ret = v`.
    assert_eq!(count(&ops, "I64Store"), PROLOGUE_STORES + 1, "a pure chain writes nothing to the frame");
}

#[test]
fn a_pure_chain_writes_the_frame_no_more_than_a_single_op() {
    let short = Script::new(&[("GetArg", Some(Operand::Arg(0))), ("Return", None)]);
    let long = Script::new(&[
        ("GetArg", Some(Operand::Arg(0))),
        ("Dup", None),
        ("Swap", None),
        ("Pop", None),
        ("Int8", Some(Operand::I8(7))),
        ("Pop", None),
        ("Return", None),
    ]);
    assert_eq!(count(&lower_ok(&short, 0), "I64Store"), count(&lower_ok(&long, 0), "I64Store"));
}

#[test]
fn a_comparison_feeds_its_branch_directly() {
    // if (1 < 2) return 1; return 0; -- the branch reads the boolean, no ToBool IC.
    let s = Script::new(&[
        ("One", None),
        ("Int8", Some(Operand::I8(2))),
        ("Lt", None),
        ("JumpIfFalse", to(6)),
        ("One", None),
        ("Return", None),
        ("JumpTarget", Some(Operand::IcIndex(2))),
        ("Zero", None),
        ("Return", None),
    ]);
    let ops = lower_ok(&s, 0);
    assert_eq!(count(&ops, "CallIndirect"), 0);
    assert!(count(&ops, "I32LtS") >= 1, "int32 constants compare as int32");
}

#[test]
fn unknown_operands_take_the_ic_behind_an_inline_number_path() {
    // arg0 - arg1: a run-time number check, f64 subtraction inline, the IC otherwise.
    let s = Script::new(&[("GetArg", Some(Operand::Arg(0))), ("GetArg", Some(Operand::Arg(1))), ("Sub", None), ("Return", None)]);
    let ops = lower_ok(&s, 0);
    assert_eq!(count(&ops, "CallIndirect"), 1);
    assert!(count(&ops, "F64Sub") >= 1);
}

#[test]
fn locals_hold_numbers_in_wasm_locals_and_reach_the_frame_at_the_block_end() {
    // x = 1; x = x + 2.5; x = x * 3; return x -- one block: the local is written once, at
    // most (the return needs no frame write at all).
    let s = Script::new(&[
        ("One", None),
        ("SetLocal", Some(Operand::Local(0))),
        ("Pop", None),
        ("GetLocal", Some(Operand::Local(0))),
        ("Double", Some(Operand::Double(2.5))),
        ("Add", None),
        ("SetLocal", Some(Operand::Local(0))),
        ("Pop", None),
        ("GetLocal", Some(Operand::Local(0))),
        ("Int8", Some(Operand::I8(3))),
        ("Mul", None),
        ("SetLocal", Some(Operand::Local(0))),
        ("Return", None),
    ]);
    let ops = lower_ok(&s, 1);
    assert_eq!(count(&ops, "CallIndirect"), 0, "the local's type is known within the block");
    // Prologue (and the fixed slot starting undefined); return: *ret = v.
    assert_eq!(count(&ops, "I64Store"), PROLOGUE_STORES + 1 + 1);
}

#[test]
fn a_loop_writes_its_locals_at_the_back_edge_and_reads_them_at_the_head() {
    // for (i = 0; i < 10; i++); return i
    let s = Script::new(&[
        ("Zero", None),
        ("SetLocal", Some(Operand::Local(0))),
        ("Pop", None),
        ("LoopHead", Some(Operand::LoopHead { ic_index: 0, depth_hint: 1 })),
        ("GetLocal", Some(Operand::Local(0))),
        ("Int8", Some(Operand::I8(10))),
        ("Lt", None),
        ("JumpIfFalse", to(13)),
        ("GetLocal", Some(Operand::Local(0))),
        ("Inc", None),
        ("SetLocal", Some(Operand::Local(0))),
        ("Pop", None),
        ("Goto", to(3)),
        ("JumpTarget", Some(Operand::IcIndex(3))),
        ("GetLocal", Some(Operand::Local(0))),
        ("Return", None),
    ]);
    let ops = lower_ok(&s, 1);
    // `i` is only ever stored int32s and is assigned before the loop: it is an int32 at every
    // block, so neither the compare nor the increment needs a check or an IC, and the compare
    // is an int32 one.
    assert_eq!(count(&ops, "CallIndirect"), 0);
    assert!(count(&ops, "I32LtS") >= 1 && count(&ops, "F64Lt") == 0);
    assert!(count(&ops, "BrTable") == 1, "back edges go through the dispatch");
}

#[test]
fn a_local_that_may_be_undefined_at_a_block_stays_checked_there() {
    // if (arg) i = 0; return i < 10  -- on one path `i` is still undefined.
    let s = Script::new(&[
        ("GetArg", Some(Operand::Arg(0))),
        ("JumpIfFalse", to(5)),
        ("Zero", None),
        ("SetLocal", Some(Operand::Local(0))),
        ("Pop", None),
        ("JumpTarget", Some(Operand::IcIndex(1))),
        ("GetLocal", Some(Operand::Local(0))),
        ("Int8", Some(Operand::I8(10))),
        ("Lt", None),
        ("Return", None),
    ]);
    let ops = lower_ok(&s, 1);
    // The ToBool IC of the condition and the Compare IC behind the inline check.
    assert_eq!(count(&ops, "CallIndirect"), 2);
}

#[test]
fn definite_assignment_meets_over_every_predecessor() {
    let e = engine();
    let s = Script::new(&[
        ("GetArg", Some(Operand::Arg(0))),
        ("JumpIfFalse", to(5)),
        ("Zero", None),
        ("SetLocal", Some(Operand::Local(0))),
        ("Pop", None),
        ("JumpTarget", Some(Operand::IcIndex(1))),
        ("One", None),
        ("SetLocal", Some(Operand::Local(1))),
        ("Return", None),
    ]);
    let notes = crate::bytecode::notes::ScriptNotes::default();
    let a = analysis::analyse(&e, &s.0, &notes, s.num_ics()).unwrap();
    use analysis::LocalTy::{Int32, Number, Unknown};
    let typed = analysis::typed_locals_at_blocks(&a, &s.0, &[Int32, Number]);
    // Blocks: [0,1], [2..4], [5..]. Local 0 is assigned only on the fall-through path.
    assert_eq!(typed, vec![vec![Unknown, Unknown], vec![Unknown, Unknown], vec![Unknown, Unknown]]);
    let s2 = Script::new(&[
        ("Zero", None),
        ("SetLocal", Some(Operand::Local(0))),
        ("Pop", None),
        ("GetArg", Some(Operand::Arg(0))),
        ("JumpIfFalse", to(7)),
        ("Nop", None),
        ("Nop", None),
        ("JumpTarget", Some(Operand::IcIndex(1))),
        ("GetLocal", Some(Operand::Local(0))),
        ("Return", None),
    ]);
    let a = analysis::analyse(&e, &s2.0, &notes, s2.num_ics()).unwrap();
    let typed = analysis::typed_locals_at_blocks(&a, &s2.0, &[Int32]);
    assert_eq!(typed, vec![vec![Unknown], vec![Int32], vec![Int32]]);
    assert_eq!(analysis::typed_locals_at_blocks(&a, &s2.0, &[Number]), vec![vec![Unknown], vec![Number], vec![Number]]);
    // Not every store numeric: never typed.
    assert_eq!(analysis::typed_locals_at_blocks(&a, &s2.0, &[Unknown]), vec![vec![Unknown], vec![Unknown], vec![Unknown]]);
    assert_eq!(Int32.join(Number), Number);
    assert!(Int32.fits(Number) && !Number.fits(Int32) && !Unknown.fits(Number));
}

/// `return f(s)` where `f` is the first argument and `s` a string.
fn call_with_a_string() -> Script {
    Script::new(&[
        ("GetArg", Some(Operand::Arg(0))),
        ("Undefined", None),
        ("String", Some(Operand::Thing { kind: "atom", index: 0 })),
        ("Call", Some(Operand::Argc(1))),
        ("Return", None),
    ])
}

#[test]
fn values_that_may_be_gc_things_are_in_the_frame_before_a_call() {
    // The IC reads callee, this and the argument from the frame.
    let s = call_with_a_string();
    let env = LowerEnv { direct_calls: None, ..test_env() };
    let ops = operators(&validate(&s.lower_in(0, &env).unwrap()));
    let call = ops.iter().position(|o| o.starts_with("CallIndirect")).expect("the call IC");
    // Three operand stores (callee, this, argument) before the IC call, after the prologue's.
    assert_eq!(count(&ops[..call], "I64Store"), PROLOGUE_STORES + 3);
}

#[test]
fn calls_enter_a_compiled_callee_directly_behind_guards_and_fall_back_to_the_chain() {
    let s = call_with_a_string();
    let ops = lower_ok(&s, 0);
    let direct = format!("CallIndirect {{ type_index: {SCRIPT_TYPE}, table_index: 0 }}");
    let chain = format!("CallIndirect {{ type_index: {IC_TYPE}, table_index: 0 }}");
    let d = ops.iter().position(|o| *o == direct).expect("the direct call");
    let c = ops.iter().position(|o| *o == chain).expect("the chain, when a guard fails");
    assert!(d < c, "the direct path comes first");
    // The operands are in the frame before the guards (the chain and the GC may read them).
    let first_load = ops.iter().position(|o| o == "I32Const { value: 4096 }").expect("the class guard");
    assert_eq!(count(&ops[..first_load], "I64Store"), PROLOGUE_STORES + 3);
    // Guards: the callee's class is one of the two function classes.
    for class in [0x1000, 0x2000] {
        assert!(ops.iter().any(|o| *o == format!("I32Const {{ value: {class} }}")), "class {class:#x} compared");
    }
    // Its frame: `this` and one argument copied, the descriptor (argc 1, BaselineJS).
    let copies = count(&ops[first_load..d], "I64Store");
    assert!(copies >= 2, "this and the argument are copied ({copies} stores)");
    let descriptor = (1 << runtime_abi::script::FRAME_DESCRIPTOR_ARGC_SHIFT) | runtime_abi::script::FRAME_TYPE_BASELINE_JS;
    assert!(ops[first_load..d].iter().any(|o| *o == format!("I32Const {{ value: {descriptor} }}")));
    // An error from the callee branches out to the restart entry.
    assert!(ops[d..c].iter().any(|o| o.starts_with("Br {")));

    // A native callee: `JSNative(cx, argc, vp)` behind a CallNative exit frame, only where
    // the site's first stub has no compiled body (its code is the generic interpreter's).
    let native = format!("CallIndirect {{ type_index: {NATIVE_TYPE}, table_index: 0 }}");
    let nat = ops.iter().position(|o| *o == native).expect("the native call");
    assert!(d < nat && nat < c, "scripted, then native, then the chain");
    assert!(ops[d..nat].iter().any(|o| o == "I32Const { value: 4607 }"), "the site's first stub is checked");
    let footer = format!("I32Const {{ value: {} }}", runtime_abi::script::EXIT_FRAME_CALL_NATIVE);
    assert!(ops[d..nat].iter().any(|o| *o == footer));
}

#[test]
fn new_makes_this_and_enters_a_compiled_constructor_with_new_target_above_the_arguments() {
    let n = Script::new(&[
        ("GetArg", Some(Operand::Arg(0))),
        ("IsConstructing", None),
        ("GetArg", Some(Operand::Arg(0))),
        ("GetArg", Some(Operand::Arg(0))),
        ("New", Some(Operand::Argc(1))),
        ("Return", None),
    ]);
    let ops = lower_ok(&n, 0);
    let direct = format!("CallIndirect {{ type_index: {SCRIPT_TYPE}, table_index: 0 }}");
    let chain = format!("CallIndirect {{ type_index: {IC_TYPE}, table_index: 0 }}");
    let create = ops.iter().position(|o| o == "Call { function_index: 40 }").expect("CreateThisFromIC");
    let d = ops.iter().position(|o| *o == direct).expect("the direct call");
    let c = ops.iter().position(|o| *o == chain).expect("the chain");
    assert!(create < d && d < c);
    // The constructor flag is guarded, the token tagged constructing, and the descriptor
    // counts the one argument.
    let ctor = runtime_abi::layout::function::FLAG_BASESCRIPT | runtime_abi::layout::function::FLAG_CONSTRUCTOR;
    assert!(ops[..create].iter().any(|o| *o == format!("I32Const {{ value: {ctor} }}")));
    assert!(ops[create..d].iter().any(|o| o == "I32Or"), "the callee token's constructing bit");
    let descriptor = (1 << runtime_abi::script::FRAME_DESCRIPTOR_ARGC_SHIFT) | runtime_abi::script::FRAME_TYPE_BASELINE_JS;
    assert!(ops[create..d].iter().any(|o| *o == format!("I32Const {{ value: {descriptor} }}")));
    // No native path for `new`.
    assert!(!ops.iter().any(|o| *o == format!("CallIndirect {{ type_index: {NATIVE_TYPE}, table_index: 0 }}")));
}

#[test]
fn strict_equality_with_undefined_is_identity() {
    let s = Script::new(&[("GetArg", Some(Operand::Arg(0))), ("Undefined", None), ("StrictEq", None), ("Return", None)]);
    let ops = lower_ok(&s, 0);
    assert_eq!(count(&ops, "CallIndirect"), 0);
    assert!(count(&ops, "I64Eq") >= 1);
}

#[test]
fn a_property_read_calls_its_ic_and_the_result_is_reread_after_the_next_call() {
    // o.p.q: two ICs; the first result is passed by value, nothing of it stays in a local
    // across the second call.
    let s = Script::new(&[
        ("GetArg", Some(Operand::Arg(0))),
        ("GetProp", Some(Operand::Thing { kind: "atom", index: 0 })),
        ("GetProp", Some(Operand::Thing { kind: "atom", index: 1 })),
        ("Return", None),
    ]);
    let ops = lower_ok(&s, 0);
    assert_eq!(count(&ops, "CallIndirect"), 2);
    // Each site compares its stub's code with both predicted GetProp bodies, in a loop that
    // runs for the first two stubs.
    assert_eq!(count(&ops, "I32Const { value: 7001 }"), 2);
    assert_eq!(count(&ops, "I32Const { value: 7002 }"), 2);
    assert_eq!(count(&ops, "I32Const { value: 7003 }"), 0);
    // The second stub is the first's `next`, its code at its start: a load of `next` right
    // before a load of the code, once per site.
    let next = format!("I32Load {{ memarg: MemArg {{ align: 2, max_align: 2, offset: {}, memory: 0 }} }}", runtime_abi::ic::STUB_NEXT);
    let code = format!("I32Load {{ memarg: MemArg {{ align: 2, max_align: 2, offset: {}, memory: 0 }} }}", runtime_abi::ic::STUB_CODE);
    let hops = ops.windows(3).filter(|w| w[0] == next && w[1].starts_with("LocalTee") && w[2] == code).count();
    assert_eq!(hops, 2);
}

#[test]
fn inline_bodies_are_recognised_from_their_cacheir() {
    let fixed: &[(&str, &[u8])] = &[("GuardToObject", &[0]), ("GuardShape", &[0, 0]), ("LoadFixedSlotResult", &[0, 1]), ("ReturnFromIC", &[])];
    assert_eq!(InlineShape::recognise("GetProp", fixed, 16), Some(InlineShape::FixedSlotRead { shape: 16, offset: 20 }));
    let dynamic: &[(&str, &[u8])] = &[("GuardToObject", &[0]), ("GuardShape", &[0, 0]), ("LoadDynamicSlotResult", &[0, 1])];
    assert_eq!(InlineShape::recognise("GetProp", dynamic, 8), Some(InlineShape::DynamicSlotRead { shape: 8, offset: 12 }));
    // Another kind, another operand, an extra op: not recognised.
    assert_eq!(InlineShape::recognise("GetElem", fixed, 16), None);
    let dense: &[(&str, &[u8])] =
        &[("GuardToObject", &[0]), ("GuardToInt32Index", &[1, 2]), ("GuardShape", &[0, 0]), ("LoadDenseElementResult", &[0, 2]), ("ReturnFromIC", &[])];
    assert_eq!(InlineShape::recognise("GetElem", dense, 8), Some(InlineShape::DenseElementRead { shape: 8 }));
    assert_eq!(InlineShape::recognise("GetProp", dense, 8), None);
    let other: &[(&str, &[u8])] = &[("GuardToObject", &[1]), ("GuardShape", &[1, 0]), ("LoadFixedSlotResult", &[1, 1])];
    assert_eq!(InlineShape::recognise("GetProp", other, 16), None);
    let proto: &[(&str, &[u8])] = &[("GuardToObject", &[0]), ("GuardShape", &[0, 0]), ("LoadProto", &[0, 1]), ("LoadFixedSlotResult", &[1, 1])];
    assert_eq!(InlineShape::recognise("GetProp", proto, 16), None);
    // A property add behind two prototype shape guards (what a constructor's `this.x = x`
    // attaches): fields 0 shape, 1/2 first prototype and its shape, 3/4 the second's, 5 the
    // slot offset, 6 the new shape.
    let add: &[(&str, &[u8])] = &[
        ("GuardToObject", &[0]),
        ("GuardShape", &[0, 0]),
        ("LoadProtoObject", &[2, 1, 0]),
        ("GuardShape", &[2, 2]),
        ("LoadProtoObject", &[3, 3, 0]),
        ("GuardShape", &[3, 4]),
        ("AddAndStoreFixedSlot", &[0, 5, 1, 6]),
        ("ReturnFromIC", &[]),
    ];
    let protos = [(12, 16), (20, 24), (0, 0)];
    assert_eq!(
        InlineShape::recognise("SetProp", add, 8),
        Some(InlineShape::SlotAdd { shape: 8, protos, nprotos: 2, offset: 28, new_shape: 32, dynamic: false })
    );
    // A guard of another id than the one loaded: not recognised.
    let crossed: Vec<(&str, &[u8])> = add.iter().map(|&(n, a)| if n == "GuardShape" && a == [3, 4] { (n, &[2u8, 4][..]) } else { (n, a) }).collect();
    assert_eq!(InlineShape::recognise("SetProp", &crossed, 8), None);
    // An array's length.
    let length: &[(&str, &[u8])] = &[("GuardToObject", &[0]), ("GuardShape", &[0, 0]), ("LoadInt32ArrayLengthResult", &[0]), ("ReturnFromIC", &[])];
    assert_eq!(InlineShape::recognise("GetProp", length, 8), Some(InlineShape::ArrayLength { shape: 8 }));
    assert_eq!(InlineShape::recognise("GetElem", length, 8), None);
    // No prototypes at all: still an add.
    let bare: &[(&str, &[u8])] = &[("GuardToObject", &[0]), ("GuardShape", &[0, 0]), ("AddAndStoreDynamicSlot", &[0, 1, 1, 2])];
    assert!(matches!(InlineShape::recognise("SetProp", bare, 8), Some(InlineShape::SlotAdd { nprotos: 0, dynamic: true, .. })));
}

#[test]
fn global_name_reads_are_recognised_and_run_inline_before_the_chain() {
    // A global lexical binding (no guard), and a global object property behind the global's
    // generation: fields 0 expected generation, 1 its address, 2 the holder, 3 the offset.
    let lexical: &[(&str, &[u8])] = &[("LoadDynamicSlotResult", &[0, 0]), ("ReturnFromIC", &[])];
    assert_eq!(InlineShape::recognise("GetName", lexical, 8), Some(InlineShape::LexicalSlotRead { offset: 8 }));
    let global: &[(&str, &[u8])] = &[("GuardGlobalGeneration", &[0, 1]), ("LoadObject", &[1, 2]), ("LoadDynamicSlotResult", &[1, 3])];
    assert_eq!(InlineShape::recognise("GetName", global, 8), Some(InlineShape::GlobalSlotRead { generation: 8, generation_addr: 12, holder: 16, offset: 20 }));
    assert_eq!(InlineShape::recognise("GetProp", lexical, 8), None);
    let reads = [
        InlineBody { table_index: 7070, count: 2, shape: InlineShape::LexicalSlotRead { offset: 8 } },
        InlineBody { table_index: 7080, count: 1, shape: InlineShape::GlobalSlotRead { generation: 8, generation_addr: 12, holder: 16, offset: 20 } },
    ];
    let env = LowerEnv { inline_bodies: &reads, ..test_env() };
    let s = Script::new(&[("GetGName", Some(Operand::Thing { kind: "atom", index: 0 })), ("Return", None)]);
    let ops = operators(&validate(&s.lower_in(0, &env).unwrap()));
    let chain = format!("CallIndirect {{ type_index: {IC_TYPE}, table_index: 0 }}");
    let c = ops.iter().position(|o| *o == chain).expect("the chain");
    for group in ["I32Const { value: 7070 }", "I32Const { value: 7080 }"] {
        let g = ops.iter().position(|o| o == group).expect("each group's code is compared");
        assert!(g < c, "the inline bodies come first");
    }
    // The slot loads: the offset read from the stub, whole slots only.
    assert!(ops[..c].iter().any(|o| o == "I32Const { value: -8 }"));
    // Without predicted bodies, the site is the chain alone.
    let ops = lower_ok(&s, 0);
    assert!(!ops.iter().any(|o| o == "I32Const { value: 7070 }"));
    assert!(ops.iter().any(|o| *o == chain));
}

#[test]
fn a_dense_element_read_is_inline_with_the_chain_behind() {
    // arg0[arg1] and arg0[1.0 + 1]: the predicted body's shape guard, int32 index, bounds and
    // hole checks inline; one chain call each behind them.
    let s = Script::new(&[
        ("GetArg", Some(Operand::Arg(0))),
        ("GetArg", Some(Operand::Arg(1))),
        ("GetElem", None),
        ("GetArg", Some(Operand::Arg(0))),
        ("Double", Some(Operand::Double(1.0))),
        ("One", None),
        ("Add", None),
        ("GetElem", None),
        ("Add", None),
        ("Return", None),
    ]);
    let ops = lower_ok(&s, 0);
    assert_eq!(count(&ops, "I32Const { value: 7003 }"), 2, "each site compares with the predicted body");
    assert_eq!(count(&ops, "I32Const { value: 7001 }"), 0, "GetProp bodies are not GetElem predictions");
    // Two GetElem chains and the Add IC of the two unknown elements.
    assert_eq!(count(&ops, "CallIndirect"), 3);
    assert!(count(&ops, "I32TruncSatF64S") >= 1, "a number index is checked as int32 directly");
}

#[test]
fn typed_array_element_bodies_are_recognised_for_fixed_length_views_only() {
    let int_key: &[(&str, &[u8])] = &[
        ("GuardToObject", &[0]),
        ("GuardShape", &[0, 0]),
        ("GuardToInt32", &[1]),
        ("Int32ToIntPtr", &[1, 2]),
        ("LoadTypedArrayElementResult", &[0, 2, 7, 0, 0, 0]),
        ("ReturnFromIC", &[]),
    ];
    assert_eq!(InlineShape::recognise("GetElem", int_key, 8), Some(InlineShape::TypedElementRead { shape: 8, ty: 7 }));
    let number_key: &[(&str, &[u8])] = &[
        ("GuardToObject", &[0]),
        ("GuardShape", &[0, 0]),
        ("GuardIsNumber", &[1]),
        ("GuardNumberToIntPtrIndex", &[1, 1, 2]),
        ("LoadTypedArrayElementResult", &[0, 2, 4, 1, 0, 0]),
    ];
    assert_eq!(InlineShape::recognise("GetElem", number_key, 8), Some(InlineShape::TypedElementRead { shape: 8, ty: 4 }));
    // A resizable view, a BigInt element, a Uint32 forced to double: left to the chain.
    for args in [[0u8, 2, 7, 0, 0, 1], [0, 2, 9, 0, 0, 0], [0, 2, 5, 0, 1, 0]] {
        let body: Vec<(&str, &[u8])> = int_key[..4].iter().copied().chain([("LoadTypedArrayElementResult", &args[..])]).collect();
        assert_eq!(InlineShape::recognise("GetElem", &body, 8), None, "{args:?}");
    }
}

#[test]
fn a_typed_array_read_checks_its_group_of_bodies_with_one_range_compare() {
    let s = Script::new(&[("GetArg", Some(Operand::Arg(0))), ("GetArg", Some(Operand::Arg(1))), ("GetElem", None), ("Return", None)]);
    let ops = lower_ok(&s, 0);
    // The group 7010..7014: code - 7010 < 4, then the element's bounds check and f64 load.
    assert_eq!(count(&ops, "I32Const { value: 7010 }"), 1);
    assert_eq!(count(&ops, "I32Const { value: 4 }") >= 1, true);
    assert_eq!(count(&ops, "F64Load"), 1);
    assert_eq!(count(&ops, "I32Const { value: 7003 }"), 1, "the dense body is checked too");
    assert_eq!(count(&ops, "CallIndirect"), 1, "one chain call behind both");
}

#[test]
fn typed_and_dense_store_bodies_are_recognised() {
    let f64_store: &[(&str, &[u8])] = &[
        ("GuardToObject", &[0]),
        ("GuardShape", &[0, 0]),
        ("GuardIsNumber", &[2]),
        ("GuardToInt32", &[1]),
        ("Int32ToIntPtr", &[1, 3]),
        ("StoreTypedArrayElement", &[0, 7, 3, 2, 0, 0]),
        ("ReturnFromIC", &[]),
    ];
    assert_eq!(InlineShape::recognise("SetElem", f64_store, 8), Some(InlineShape::TypedElementWrite { shape: 8, ty: 7 }));
    let i32_store: &[(&str, &[u8])] = &[
        ("GuardToObject", &[0]),
        ("GuardShape", &[0, 0]),
        ("GuardToInt32ModUint32", &[2, 3]),
        ("GuardIsNumber", &[1]),
        ("GuardNumberToIntPtrIndex", &[1, 0, 4]),
        ("StoreTypedArrayElement", &[0, 4, 4, 3, 0, 0]),
    ];
    assert_eq!(InlineShape::recognise("SetElem", i32_store, 8), Some(InlineShape::TypedElementWrite { shape: 8, ty: 4 }));
    // A value converted from a string or a boolean first, or a number guard on an integer
    // element: the inline store would not convert it the same way, so the chain does it.
    let from_string: &[(&str, &[u8])] = &[
        ("GuardToObject", &[0]),
        ("GuardShape", &[0, 0]),
        ("GuardToString", &[2]),
        ("GuardStringToNumber", &[2, 3]),
        ("GuardToInt32", &[1]),
        ("Int32ToIntPtr", &[1, 4]),
        ("StoreTypedArrayElement", &[0, 7, 4, 3, 0, 0]),
    ];
    assert_eq!(InlineShape::recognise("SetElem", from_string, 8), None);
    let dense: &[(&str, &[u8])] = &[("GuardToObject", &[0]), ("GuardToInt32Index", &[1, 3]), ("GuardShape", &[0, 0]), ("StoreDenseElement", &[0, 3, 2])];
    assert_eq!(InlineShape::recognise("SetElem", dense, 8), Some(InlineShape::DenseElementWrite { shape: 8 }));
}

#[test]
fn an_element_store_is_inline_for_typed_arrays_and_dense_elements_with_the_chain_behind() {
    // arg0[arg1] = 1.5: the number goes into a Float64Array as an f64, into dense elements as
    // a Value after the barrier checks; one chain call behind both.
    let s = Script::new(&[
        ("GetArg", Some(Operand::Arg(0))),
        ("GetArg", Some(Operand::Arg(1))),
        ("Double", Some(Operand::Double(1.5))),
        ("SetElem", None),
        ("Return", None),
    ]);
    let ops = lower_ok(&s, 0);
    assert_eq!(count(&ops, "I32Const { value: 7020 }"), 1);
    assert_eq!(count(&ops, "I32Const { value: 7030 }"), 1);
    assert_eq!(count(&ops, "F64Store"), 1);
    assert_eq!(count(&ops, "CallIndirect"), 1);
}

#[test]
fn prototype_reads_and_slot_stores_are_recognised() {
    let proto: &[(&str, &[u8])] = &[
        ("GuardToObject", &[0]),
        ("GuardShape", &[0, 0]),
        ("LoadObject", &[1, 1]),
        ("GuardShape", &[1, 2]),
        ("LoadDynamicSlotResult", &[1, 3]),
        ("ReturnFromIC", &[]),
    ];
    assert_eq!(
        InlineShape::recognise("GetProp", proto, 8),
        Some(InlineShape::ProtoSlotRead { shape: 8, holder: 12, holder_shape: 16, offset: 20, dynamic: true })
    );
    let store: &[(&str, &[u8])] = &[("GuardToObject", &[0]), ("GuardShape", &[0, 0]), ("StoreFixedSlot", &[0, 1, 1])];
    assert_eq!(InlineShape::recognise("SetProp", store, 8), Some(InlineShape::SlotWrite { shape: 8, offset: 12, dynamic: false }));
    // A store of another operand is not this body.
    let other: &[(&str, &[u8])] = &[("GuardToObject", &[0]), ("GuardShape", &[0, 0]), ("StoreFixedSlot", &[0, 1, 2])];
    assert_eq!(InlineShape::recognise("SetProp", other, 8), None);
}

#[test]
fn a_property_store_is_inline_behind_the_barrier_checks_with_the_chain_behind() {
    // arg0.x = arg1: the receiver's shape, the old value's pre-barrier check (its arena's
    // zone), the new value's post-barrier check (nursery chunks), the store; one chain call.
    let s = Script::new(&[("GetArg", Some(Operand::Arg(0))), ("GetArg", Some(Operand::Arg(1))), ("SetProp", Some(Operand::Thing { kind: "atom", index: 0 })), ("Return", None)]);
    let ops = lower_ok(&s, 0);
    // Checked against the first two stubs of the chain, in a loop.
    assert_eq!(count(&ops, "I32Const { value: 7050 }"), 1);
    assert!(count(&ops, &format!("I32Const {{ value: {} }}", runtime_abi::ic::CHUNK_BASE_MASK)) >= 2, "nursery checks");
    assert!(count(&ops, &format!("I32Const {{ value: {} }}", runtime_abi::ic::ARENA_BASE_MASK)) >= 1, "zone check");
    assert_eq!(count(&ops, "CallIndirect"), 1);
    // The property-add body is checked at the same site: its prototype's object and shape
    // fields, the new shape stored over the old one (after the old shape's zone check).
    assert_eq!(count(&ops, "I32Const { value: 7060 }"), 1);
    for field in [28, 32, 40] {
        assert!(ops.iter().any(|o| *o == format!("I32Load {{ memarg: MemArg {{ align: 2, max_align: 2, offset: {field}, memory: 0 }} }}")), "field {field} read");
    }
    assert!(count(&ops, &format!("I32Const {{ value: {} }}", runtime_abi::ic::ARENA_BASE_MASK)) >= 2, "both bodies check a zone");
}

#[test]
fn site_plans_name_what_each_site_does_first() {
    let env = test_env();
    let plan = |op: &str, env: &LowerEnv<'_>| super::SitePlan::of(op, env);
    match plan("GetProp", &env) {
        super::SitePlan::Inline(groups) => {
            let shapes: Vec<&str> = groups.iter().map(|g| g.shape.name()).collect();
            assert_eq!(shapes, ["fixed slot read", "dynamic slot read", "prototype slot read"]);
        }
        other => panic!("GetProp: {other:?}"),
    }
    assert_eq!(
        plan("GetElem", &env).describe(),
        "inline: dense element read (1 body), typed array element read (4 bodies); else the chain"
    );
    assert_eq!(plan("StrictSetProp", &env).describe(), "inline: slot write (2 bodies), property add (1 body); else the chain");
    assert_eq!(plan("Call", &env), super::SitePlan::DirectCall);
    assert_eq!(plan("CallIgnoresRv", &env), super::SitePlan::DirectCall);
    assert_eq!(plan("New", &env), super::SitePlan::DirectConstruct);
    assert_eq!(plan("SuperCall", &env), super::SitePlan::DirectConstruct);
    assert_eq!(plan("SpreadNew", &env), super::SitePlan::Chain);
    assert_eq!(plan("Add", &env), super::SitePlan::Chain);
    let no_direct = LowerEnv { direct_calls: None, inline_bodies: &[], ..test_env() };
    assert_eq!(plan("Call", &no_direct), super::SitePlan::Chain);
    assert_eq!(plan("GetProp", &no_direct), super::SitePlan::Chain);
}

#[test]
fn site_counters_keep_one_global_per_name_and_forget_dropped_scripts() {
    let c = super::SiteCounters::new(100);
    c.start_script(0x10);
    assert_eq!(c.global(4, "entered"), 100);
    assert_eq!(c.global(4, "chain"), 101);
    assert_eq!(c.global(4, "entered"), 100, "a second lowering pass reuses the global");
    let mark = c.start_script(0x20);
    assert_eq!(c.global(8, "entered"), 102);
    c.drop_since(mark);
    c.start_script(0x30);
    assert_eq!(c.global(8, "entered"), 102, "a dropped script's indices are given out again");
    assert_eq!(c.take_names(), ["aotjs.cov.site.10.4.entered", "aotjs.cov.site.10.4.chain", "aotjs.cov.site.30.8.entered"]);
}

#[test]
fn counted_sites_increment_their_globals() {
    let counters = super::SiteCounters::new(50);
    let env = LowerEnv { site_counters: Some(&counters), ..test_env() };
    let ops = operators(&validate_with_globals(&call_with_a_string().lower_in(0, &env).unwrap(), 52));
    assert!(ops.iter().any(|o| o == "GlobalSet { global_index: 50 }"), "entered");
    assert!(ops.iter().any(|o| o == "GlobalSet { global_index: 51 }"), "chain");
    assert_eq!(counters.take_names().len(), 2);
}
