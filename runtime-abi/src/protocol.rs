//! The weval AOT request protocol on wasm32 (engine-protocol.md §3, §4, §5).

/// `weval_req_t`: 32 bytes, all fields u32 little-endian.
pub mod req {
    pub const SIZE: u32 = 32;
    pub const NEXT: u32 = 0;
    pub const PREV: u32 = 4;
    pub const FUNC_ID: u32 = 8;
    pub const NUM_GLOBALS: u32 = 12;
    pub const FUNC: u32 = 16;
    pub const ARGBUF: u32 = 20;
    pub const ARGLEN: u32 = 24;
    pub const SPECIALIZED: u32 = 28;
}

/// `weval_req_arg_t`: 16-byte descriptors packed in argbuf; buffers follow inline.
pub mod arg {
    pub const SIZE: u32 = 16;
    pub const SPECIALIZE: u32 = 0;
    pub const TY: u32 = 4;
    pub const VALUE: u32 = 8;
    pub const BUF_LEN: u32 = 8;
    pub const BUF_PADDED_LEN: u32 = 12;

    pub const TY_I32: u32 = 0;
    pub const TY_I64: u32 = 1;
    pub const TY_F32: u32 = 2;
    pub const TY_F64: u32 = 3;
    pub const TY_BUFFER: u32 = 4;
    pub const TY_NONE: u32 = 255;
}

/// `func_id` of a script request (the JSOp interpreter template).
pub const FUNC_ID_SCRIPT: u32 = 1;
/// `func_id` of an IC request (the CacheIR interpreter template).
pub const FUNC_ID_IC: u32 = 2;

/// Script request argument layout: two specialization globals, then thirteen parameters.
pub mod script_args {
    pub const NUM_GLOBALS: u32 = 2;
    /// Global 0: `argsObjAliasesFormals` (0 or 1).
    pub const GLOBAL_ARGS_OBJ_ALIASES_FORMALS: usize = 0;
    /// Global 1: `nfixed`.
    pub const GLOBAL_NFIXED: usize = 1;
    /// Descriptor index of `pcbase`: the bytecode, as constant memory.
    pub const PCBASE: usize = 2 + 6;
    /// Descriptor index of `pcoffset`: always 0.
    pub const PCOFFSET: usize = 2 + 7;
    /// Descriptor index of `isd`: the whole ImmutableScriptData, as constant memory.
    pub const ISD: usize = 2 + 8;
    pub const COUNT: usize = 2 + 13;
}

/// IC request argument layout: two globals, no parameter descriptors.
pub mod ic_args {
    pub const NUM_GLOBALS: u32 = 2;
    /// Global 0: the first 8 bytes of `CacheIRStubInfo`.
    pub const STUB_INFO: usize = 0;
    /// Global 1: the CacheIR bytes.
    pub const CODE: usize = 1;
    pub const COUNT: usize = 2;
    /// Offsets inside the 8-byte StubInfo prefix.
    pub const INFO_CODE_LENGTH: usize = 0;
    pub const INFO_KIND: usize = 4;
    pub const INFO_ENGINE: usize = 5;
    pub const INFO_STUB_DATA_OFFSET: usize = 6;
    pub const INFO_MAKES_GC_CALLS: usize = 7;
}

/// Name of the import module of the intrinsics.
pub const INTRINSIC_MODULE: &str = "weval";
/// Export returning the address of the pending-request list head.
pub const EXPORT_PENDING_HEAD: &str = "weval.pending.head";
/// Export returning the address of the "already compiled" flag.
pub const EXPORT_IS_WEVALED: &str = "weval.is.wevaled";

/// What an intrinsic does when the program runs without a specializer (W-STUB and W-FILT).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generic {
    /// Drop every argument; return nothing.
    Nop,
    /// Drop every argument but the first, which is the result.
    PassFirst,
    /// Only meaningful while specializing: reaching it at run time is a bug, so trap.
    Trap,
}

/// The generic semantics of each intrinsic, by import field name.
pub fn intrinsic_generic(name: &str) -> Option<Generic> {
    Some(match name {
        "push.context" | "pop.context" | "update.context" | "write.reg" | "write.stack"
        | "push.stack" | "sync.stack" | "write.local" | "trace.line" | "assert.const32" => {
            Generic::Nop
        }
        "specialize.value" => Generic::PassFirst,
        "read.reg" | "read.stack" | "pop.stack" | "read.local" | "read.specialization.global" => {
            Generic::Trap
        }
        _ => return None,
    })
}
