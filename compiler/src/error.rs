//! Typed errors of the compiler library. Each carries where in the input it happened.

use thiserror::Error;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Error)]
pub enum Error {
    #[error("not a WebAssembly module (no `\\0asm` header)")]
    NotWasm,
    #[error("invalid WebAssembly at byte offset {offset:#x}: {message}")]
    Malformed { offset: usize, message: String },
    #[error("unknown engine: code section digest {digest} matches no engine aotjs knows (known: {known})")]
    UnknownEngine { digest: String, known: String },
    #[error("engine `{engine}` has no AOT protocol (no `weval.pending.head` export); use the `fastly-weval` engine")]
    NoAotProtocol { engine: &'static str },
    #[error("this module is already compiled; compile the snapshot it was made from instead")]
    AlreadyCompiled,
    #[error("engine table check failed: {0}")]
    EngineTable(String),
    #[error("memory image: address {addr:#x}+{len} is outside the image")]
    OutOfImage { addr: u32, len: u32 },
    #[error("memory image: a read of {len} bytes at {addr:#x} is larger than any engine structure (at most {max})")]
    ReadTooLarge { addr: u32, len: u32, max: u32 },
    #[error("request at {addr:#x}: {message}")]
    Request { addr: u32, message: String },
    #[error("function {func}: {message}")]
    Function { func: u32, message: String },
    #[error("internal error, please report it: the output does not validate: {0}")]
    InvalidOutput(String),
}

impl Error {
    pub(crate) fn malformed(e: wasmparser::BinaryReaderError) -> Self {
        Error::Malformed { offset: e.offset(), message: e.message().to_string() }
    }
}

impl From<wasmparser::BinaryReaderError> for Error {
    fn from(e: wasmparser::BinaryReaderError) -> Self {
        Error::malformed(e)
    }
}
