//! The IC stub library: CacheIR decoding, and the CacheIR-to-Wasm stub compiler.
//!
//! A CacheIR body is a stream of ops, each a little-endian u16 opcode followed by a fixed number
//! of argument bytes. The names and argument lengths come from the engine's own tables (read by
//! `aotjs-compiler` from the memory image), so an op this crate has never heard of still
//! decodes, and an op the tables do not list is an error, not a guess.

pub mod cacheir;
pub mod compile;
pub mod value;

pub use cacheir::{decode, CacheIrError, CacheIrOp, OpTable};
pub use compile::{compile, engine_failure_op, supported_ops, ValueOpFuncs, Decline, RealmFacts, RegExpFuncs, StaticStrings, StringFuncs, StubCalls, StubCounters, StubEnv};

/// Identifies this build of the stub compiler; cached stub code from another build is unused.
pub const GENERATOR_ID: &str = concat!(env!("CARGO_PKG_VERSION"), "-", env!("STUBS_SOURCE_HASH"));
