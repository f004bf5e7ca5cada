//! The frame protocol compiled scripts share with the engine's interpreter: the prologue, the
//! return path, exit frames around engine helpers, and the two ways out to the engine (the
//! restart entry after an error, and a bail-out that resumes the interpreter at a pc).

use super::{m, Lower};
use runtime_abi::layout::frame as bf;
use runtime_abi::script::{self as sf, ctx, param, rfe};
use runtime_abi::value as jsval;
use stubs::value as vc;
use wasm_encoder::{BlockType, Instruction as I, ValType};

impl<'e> Lower<'e> {
    pub(crate) fn prologue(&mut self) {
        let g = self.env.stack_pointer_global;
        let p = (self.p.frame, self.p.ctx, self.p.shadow, self.p.t32);
        let (frame, c, shadow, t) = p;
        // Short on auxiliary stack: the generic interpreter reports it properly. It needs the
        // slots, the interpreter's margin, and the frame header (return address, saved FP,
        // BaselineFrame) rounded up.
        const FRAME_HEADER: u32 = 64;
        let need = self.input.nslots * 8 + sf::STACK_MARGIN + FRAME_HEADER;
        self.native_stack_check();
        self.i(I::LocalGet(param::STACK)).i(I::I32Load(m(sf::STACK_BASE, 2))).i(I::I32Const(need as i32)).i(I::I32Add);
        self.i(I::LocalGet(param::SP)).i(I::I32GtU);
        self.i(I::If(BlockType::Empty));
        self.call_generic_entry();
        self.i(I::Return);
        self.i(I::End);
        // ICCtx on the shadow stack.
        self.i(I::GlobalGet(g)).i(I::LocalTee(shadow)).i(I::I32Const(ctx::SIZE as i32)).i(I::I32Sub).i(I::LocalTee(c)).i(I::GlobalSet(g));
        // Null return address, then Stack::pushFrame.
        self.i(I::LocalGet(param::SP)).i(I::I32Const(4)).i(I::I32Sub).i(I::I32Const(0)).i(I::I32Store(m(0, 2)));
        self.i(I::LocalGet(param::SP)).i(I::I32Const(8)).i(I::I32Sub).i(I::LocalTee(t));
        self.i(I::LocalGet(param::STACK)).i(I::I32Load(m(sf::STACK_FP, 2))).i(I::I32Store(m(0, 2)));
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(t)).i(I::I32Store(m(sf::STACK_FP, 2)));
        self.i(I::LocalGet(t)).i(I::I32Const(bf::SIZE as i32)).i(I::I32Sub).i(I::LocalSet(frame));
        self.i(I::LocalGet(frame)).i(I::I32Const(sf::FRAME_FLAG_RUNNING_IN_INTERPRETER as i32)).i(I::I32Store(m(bf::FLAGS, 2)));
        self.i(I::LocalGet(frame)).i(I::LocalGet(param::ENV_CHAIN)).i(I::I32Store(m(bf::ENV_CHAIN, 2)));
        let callee_token_script = self.env.callee_token_script;
        self.i(I::LocalGet(frame)).i(I::I32Load(m(sf::FRAME_CALLEE_TOKEN, 2))).i(I::Call(callee_token_script)).i(I::LocalSet(t));
        self.i(I::LocalGet(frame)).i(I::LocalGet(t)).i(I::I32Load(m(sf::SCRIPT_WARM_UP_DATA, 2))).i(I::I32Const(!(sf::WARM_UP_DATA_TAG_MASK as i32))).i(I::I32And);
        self.i(I::I32Const(sf::JIT_SCRIPT_IC_SCRIPT as i32)).i(I::I32Add).i(I::I32Store(m(bf::IC_SCRIPT, 2)));
        let set_interpreter_fields = self.env.set_interpreter_fields;
        self.i(I::LocalGet(frame)).i(I::LocalGet(t)).i(I::Call(set_interpreter_fields));
        self.i(I::LocalGet(frame)).i(I::I32Load(m(bf::INTERPRETER_IC_ENTRY, 2))).i(I::LocalSet(self.p.ic0));
        let low = 8 * (self.input.nfixed + self.a.max_depth);
        self.i(I::LocalGet(frame)).i(I::I32Const(low as i32)).i(I::I32Sub).i(I::LocalSet(self.p.low));
        // ICCtx fields.
        for (off, local) in [
            (ctx::STATE, param::STATE),
            (ctx::STACK, param::STACK),
            (ctx::CX, param::CX),
            (ctx::MGR_FRAME, frame),
            (ctx::ENV_CHAIN, param::ENV_CHAIN),
            (ctx::ISD, param::ISD),
            (ctx::RET, param::RET),
            (ctx::ENTRY_FRAME, frame),
            (ctx::FRAME, frame),
            (ctx::SPBASE, frame),
            (ctx::PCBASE, param::PC_BASE),
        ] {
            self.i(I::LocalGet(c)).i(I::LocalGet(local)).i(I::I32Store(m(off, 2)));
        }
        self.i(I::LocalGet(c)).i(I::LocalGet(param::PC_BASE)).i(I::LocalGet(param::PC_OFFSET)).i(I::I32Add).i(I::I32Store(m(ctx::ENTRY_PC, 2)));
        for off in [ctx::EXTRA_ARGS, ctx::SPOFFSET, ctx::ERROR] {
            self.i(I::LocalGet(c)).i(I::I32Const(0)).i(I::I32Store(m(off, 2)));
        }
        // Fixed slots and the return value start undefined.
        for i in 0..self.input.nfixed {
            let off = self.local_off(i);
            self.i(I::LocalGet(self.p.low)).i(I::I64Const(jsval::UNDEFINED as i64)).i(I::I64Store(m(off, 3)));
        }
        self.i(I::LocalGet(param::RET)).i(I::I64Const(jsval::UNDEFINED as i64)).i(I::I64Store(m(0, 3)));
        // A function's environment; its environment objects, when it needs them.
        self.i(I::LocalGet(frame)).i(I::I32Load(m(sf::FRAME_CALLEE_TOKEN, 2))).i(I::LocalTee(t));
        self.i(I::I32Const(sf::CALLEE_TOKEN_SCRIPT_BIT as i32)).i(I::I32And).i(I::I32Eqz);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(frame)).i(I::LocalGet(t)).i(I::I32Const(!(sf::CALLEE_TOKEN_MASK as i32))).i(I::I32And).i(I::I32Load(m(sf::FUNCTION_ENVIRONMENT, 2)));
        self.i(I::I32Store(m(bf::ENV_CHAIN, 2)));
        self.i(I::End);
    }

    /// Compiled frames nest on the engine's C stack (an ICCtx each, and the engine's frames
    /// between them), where the interpreter loops; the engine's limit sits at the very end of
    /// that stack, leaving no room to report the error there. So a frame that finds less than
    /// `NATIVE_RESERVE` left reports over-recursion while it still can, through the generic
    /// entry: with the auxiliary stack's base raised to just below this frame for the call,
    /// the entry's own stack check fails and reports it (`InternalError: too much recursion`)
    /// with the C stack it needs. The base is restored after.
    fn native_stack_check(&mut self) {
        const NATIVE_RESERVE: i32 = 32 * 1024;
        /// Room left below `sp` for the frame the generic entry pushes before its check.
        const ENTRY_ROOM: i32 = 512;
        let (s, g, t) = (self.env.facts, self.env.stack_pointer_global, self.p.t32);
        self.i(I::GlobalGet(g));
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_stack_limit, 2))).i(I::I32Const(ctx::SIZE as i32 + NATIVE_RESERVE)).i(I::I32Add);
        self.i(I::I32LtU);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(param::STACK)).i(I::I32Load(m(sf::STACK_BASE, 2))).i(I::LocalSet(t));
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(param::SP)).i(I::I32Const(ENTRY_ROOM)).i(I::I32Sub).i(I::I32Store(m(sf::STACK_BASE, 2)));
        self.call_generic_entry();
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(t)).i(I::I32Store(m(sf::STACK_BASE, 2)));
        self.i(I::Return);
        self.i(I::End);
    }

    /// Calls the generic interpreter entry with this call's parameters; its result on the stack.
    fn call_generic_entry(&mut self) {
        for p in [param::CX, param::STATE, param::STACK, param::SP, param::ENV_CHAIN, param::RET] {
            self.i(I::LocalGet(p));
        }
        self.i(I::LocalGet(param::PC_BASE)).i(I::LocalGet(param::PC_OFFSET)).i(I::I32Add);
        let generic = self.env.generic;
        self.i(I::LocalGet(param::ISD)).i(I::Call(generic));
    }

    /// After the prologue's plain part: a function whose script needs environment objects gets
    /// them from the engine (read from the script's flags at run time, as the interpreter does).
    pub(crate) fn function_env_objects(&mut self) {
        let (frame, t) = (self.p.frame, self.p.t32);
        self.i(I::LocalGet(frame)).i(I::I32Load(m(sf::FRAME_CALLEE_TOKEN, 2))).i(I::LocalTee(t));
        self.i(I::I32Const(sf::CALLEE_TOKEN_SCRIPT_BIT as i32)).i(I::I32And).i(I::I32Eqz);
        self.i(I::LocalGet(frame)).i(I::I32Load(m(bf::INTERPRETER_SCRIPT, 2))).i(I::I32Load(m(runtime_abi::layout::script::IMMUTABLE_FLAGS, 2)));
        self.i(I::I32Const(sf::FLAG_NEEDS_FUNCTION_ENV_OBJECTS as i32)).i(I::I32And).i(I::I32Const(0)).i(I::I32Ne).i(I::I32And);
        self.open_if();
        let init_function_env = self.env.init_function_env;
        let r = self.helper_call(0, |l| {
            l.i(I::LocalGet(param::CX));
            l.frame_ptr();
            l.i(I::Call(init_function_env));
        });
        self.error_if_zero(0, r);
        self.free_temp(r);
        self.end();
    }

    /// Returns the Value on the Wasm stack as the frame's result: `*ret = v`, pop the frame,
    /// restore the shadow stack.
    pub(crate) fn return_top_of_wasm_stack(&mut self) {
        let a = self.p.a;
        self.i(I::LocalSet(a));
        self.i(I::LocalGet(param::RET)).i(I::LocalGet(a)).i(I::I64Store(m(0, 3)));
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(self.p.frame)).i(I::I32Load(m(bf::SIZE, 2))).i(I::I32Store(m(sf::STACK_FP, 2)));
        let g = self.env.stack_pointer_global;
        self.i(I::LocalGet(self.p.shadow)).i(I::GlobalSet(g));
        self.i(I::I32Const(sf::RESULT_OK)).i(I::Return);
    }

    pub(crate) fn epilogue(&mut self) {
        // Falling off the last block cannot happen (the last op returns or jumps).
        self.i(I::Unreachable);
        if self.catches() {
            self.i(I::End); // exceptions this frame may catch
            self.exception_landing();
        }
        self.i(I::End); // loop
        self.i(I::End); // error block
        // The restart entry: exception handling and the rest of the frame, generically.
        let g = self.env.stack_pointer_global;
        self.i(I::LocalGet(self.p.shadow)).i(I::GlobalSet(g));
        for p in [param::CX, param::STATE, param::STACK] {
            self.i(I::LocalGet(p));
        }
        self.i(I::LocalGet(self.p.sperr)).i(I::LocalGet(param::ENV_CHAIN)).i(I::LocalGet(param::RET)).i(I::LocalGet(param::PC_BASE));
        self.i(I::LocalGet(self.p.pcoff)).i(I::LocalGet(param::ISD));
        self.i(I::LocalGet(param::PC_BASE)).i(I::LocalGet(param::PC_OFFSET)).i(I::I32Add);
        self.i(I::LocalGet(self.p.frame)).i(I::LocalGet(self.p.frame)).i(I::LocalGet(self.p.code));
        self.i(I::Call(self.env.restart));
        self.i(I::End);
    }

    // ---- leaving for the engine -------------------------------------------------------------

    /// Whether the function has code for exceptions that land in this frame (the script has
    /// `catch` or `finally` handlers).
    pub(crate) fn catches(&self) -> bool {
        !self.a.handlers.is_empty()
    }
    /// Branch depth to the block whose end calls the restart entry.
    fn restart_depth(&self) -> u32 {
        let in_loop = self.block < self.nblocks;
        (self.nblocks - self.block) as u32 + self.nest + (in_loop && self.catches()) as u32
    }
    /// Branch depth to where a failed op goes: the exception landing when this frame has
    /// handlers (and the code is in the dispatch loop), else the restart entry.
    fn err_depth(&self) -> u32 {
        if self.block < self.nblocks && self.catches() {
            (self.nblocks - self.block - 1) as u32 + self.nest
        } else {
            self.restart_depth()
        }
    }
    /// Leaves op `idx` with the code in `code` and `depth` values on the stack: for the
    /// exception landing, which resumes at a compiled handler if the exception lands in this
    /// frame, else for the engine's restart entry. The frame gets what it lacks on the way out.
    pub(crate) fn exit_to_restart(&mut self, idx: usize, depth: u32) {
        self.set_exit_operands(idx, depth);
        let d = self.err_depth();
        self.i(I::Br(d));
    }
    fn set_exit_operands(&mut self, idx: usize, depth: u32) {
        self.write_frame_for_exit();
        let off = self.input.ops[idx].offset;
        self.i(I::I32Const(off as i32)).i(I::LocalSet(self.p.pcoff));
        self.sp_addr(depth);
        self.i(I::LocalSet(self.p.sperr));
    }

    /// Where failed ops of a frame with handlers go (inside the dispatch loop). An error
    /// (`code` = Error) runs the engine's exception handling here, as the restart entry's
    /// error label would, and turns into what that label leaves: an unwind to the frame that
    /// catches, with the stack's unwinding fields set. An unwind that lands in this frame (its
    /// handler found by the engine, here or in a callee) resumes at the handler's compiled
    /// block, at the pc the engine settled on; everything else goes on to the restart entry.
    fn exception_landing(&mut self) {
        self.i(I::LocalGet(self.p.code)).i(I::I32Const(sf::RESULT_ERROR)).i(I::I32Eq);
        self.i(I::If(BlockType::Empty));
        self.handle_exception();
        self.i(I::End);
        let (frame, stack) = (self.p.frame, param::STACK);
        self.i(I::LocalGet(self.p.code)).i(I::I32Const(sf::RESULT_UNWIND)).i(I::I32Eq);
        self.i(I::LocalGet(stack)).i(I::I32Load(m(sf::STACK_UNWINDING_FP, 2)));
        self.i(I::LocalGet(frame)).i(I::I32Const(bf::SIZE as i32)).i(I::I32Add).i(I::I32Eq).i(I::I32And);
        self.i(I::If(BlockType::Empty));
        let t = self.p.t32;
        self.i(I::LocalGet(frame)).i(I::I32Load(m(bf::INTERPRETER_PC, 2))).i(I::LocalGet(param::PC_BASE)).i(I::I32Sub).i(I::LocalSet(t));
        for h in self.a.handlers.clone() {
            self.i(I::LocalGet(t)).i(I::I32Const(h.offset as i32)).i(I::I32Eq);
            self.i(I::If(BlockType::Empty));
            self.i(I::I32Const(self.a.block_of[h.idx] as i32)).i(I::LocalSet(self.p.state));
            self.i(I::Br(2)); // to the dispatch loop
            self.i(I::End);
        }
        self.i(I::End);
        // Not caught by a compiled handler: the restart entry (after the loop).
    }

    /// `HandleException` behind an exit frame at the failed op's stack pointer, then what the
    /// restart entry's error label does with its `ResumeFromException`.
    fn handle_exception(&mut self) {
        let (frame, stack, t) = (self.p.frame, param::STACK, self.p.t32);
        let (fp, sp) = (self.p.exit_fp, self.p.sperr);
        let g = self.env.stack_pointer_global;
        self.i(I::LocalGet(frame)).i(I::LocalGet(param::PC_BASE)).i(I::LocalGet(self.p.pcoff)).i(I::I32Add);
        self.i(I::I32Store(m(bf::INTERPRETER_PC, 2)));
        self.i(I::LocalGet(sp)).i(I::LocalSet(t));
        self.push_exit_frame_at_t(sf::EXIT_FRAME_BARE);
        // The ResumeFromException on the shadow stack.
        vc::shadow_alloc(&mut *self.code.borrow_mut(), g, t, rfe::SIZE);
        self.i(I::LocalGet(t)).i(I::I32Const(rfe::KIND_ENTRY_FRAME)).i(I::I32Store(m(rfe::KIND, 2)));
        self.i(I::LocalGet(t)).i(I::Call(self.env.handle_exception));
        self.pop_exit_frame();
        vc::shadow_free(&mut *self.code.borrow_mut(), g, t, rfe::SIZE);
        // fp = rfe.framePointer (the stack's fp too); sp = rfe.stackPointer.
        self.i(I::LocalGet(t)).i(I::I32Load(m(rfe::FRAME_POINTER, 2))).i(I::LocalSet(fp));
        self.i(I::LocalGet(t)).i(I::I32Load(m(rfe::STACK_POINTER, 2))).i(I::LocalSet(sp));
        self.i(I::LocalGet(stack)).i(I::LocalGet(fp)).i(I::I32Store(m(sf::STACK_FP, 2)));
        let kind = |l: &mut Self, k: i32| {
            l.i(I::LocalGet(t)).i(I::I32Load(m(rfe::KIND, 2))).i(I::I32Const(k)).i(I::I32Eq);
            l.i(I::If(BlockType::Empty));
        };
        // A finally block gets the exception, its stack and `true` pushed.
        kind(self, rfe::KIND_FINALLY);
        for (at, load) in [(8, Some(rfe::EXCEPTION)), (16, Some(rfe::EXCEPTION_STACK)), (24, None)] {
            self.i(I::LocalGet(sp)).i(I::I32Const(at)).i(I::I32Sub);
            match load {
                Some(off) => self.i(I::LocalGet(t)).i(I::I64Load(m(off, 3))),
                None => self.i(I::I64Const((jsval::tag_bits(jsval::TYPE_BOOLEAN) | 1) as i64)),
            };
            self.i(I::I64Store(m(0, 3)));
        }
        self.i(I::LocalGet(sp)).i(I::I32Const(24)).i(I::I32Sub).i(I::LocalSet(sp));
        self.i(I::I32Const(sf::RESULT_UNWIND)).i(I::LocalSet(self.p.code));
        self.i(I::End);
        kind(self, rfe::KIND_CATCH);
        self.i(I::I32Const(sf::RESULT_UNWIND)).i(I::LocalSet(self.p.code));
        self.i(I::End);
        // Out of the activation's entry frame: its return value marks the error.
        kind(self, rfe::KIND_ENTRY_FRAME);
        self.i(I::LocalGet(frame)).i(I::I64Const(sf::MAGIC_ION_ERROR as i64)).i(I::I64Store(m(bf::RETURN_VALUE, 3)));
        self.i(I::LocalGet(frame)).i(I::LocalGet(frame)).i(I::I32Load(m(bf::FLAGS, 2))).i(I::I32Const(sf::FRAME_FLAG_HAS_RVAL as i32)).i(I::I32Or);
        self.i(I::I32Store(m(bf::FLAGS, 2)));
        self.i(I::I32Const(sf::RESULT_UNWIND_ERROR)).i(I::LocalSet(self.p.code));
        self.i(I::End);
        kind(self, rfe::KIND_FORCED_RETURN_BASELINE);
        self.i(I::I32Const(sf::RESULT_UNWIND_RET)).i(I::LocalSet(self.p.code));
        self.i(I::End);
        // Any other kind is impossible for a baseline frame (the engine crashes on it too).
        self.i(I::LocalGet(self.p.code)).i(I::I32Const(sf::RESULT_ERROR)).i(I::I32Eq);
        self.i(I::If(BlockType::Empty)).i(I::Unreachable).i(I::End);
        self.i(I::LocalGet(stack)).i(I::LocalGet(sp)).i(I::I32Store(m(sf::STACK_UNWINDING_SP, 2)));
        self.i(I::LocalGet(stack)).i(I::LocalGet(fp)).i(I::I32Store(m(sf::STACK_UNWINDING_FP, 2)));
    }
    /// The engine's interpreter takes over at op `idx` with `depth` values on the stack: it
    /// runs that op and the rest of the frame.
    pub(crate) fn bail_out(&mut self, idx: usize, depth: u32) {
        self.store_pc(idx);
        self.i(I::LocalGet(param::STACK));
        self.sp_addr(depth);
        self.i(I::I32Store(m(sf::STACK_UNWINDING_SP, 2)));
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(self.p.frame)).i(I::I32Const(bf::SIZE as i32)).i(I::I32Add);
        self.i(I::I32Store(m(sf::STACK_UNWINDING_FP, 2)));
        self.i(I::I32Const(sf::RESULT_UNWIND)).i(I::LocalSet(self.p.code));
        // Straight to the restart entry: this is no exception.
        self.set_exit_operands(idx, depth);
        let d = self.restart_depth();
        self.i(I::Br(d));
    }
    /// After an engine helper whose i32 result in `r` is null (or false) on failure: leave
    /// through the restart entry with `PBIResult::Error` (the helper has reported it).
    pub(crate) fn error_if_zero(&mut self, idx: usize, r: u32) {
        let depth = self.depth();
        self.i(I::LocalGet(r)).i(I::I32Eqz);
        self.open_if();
        self.i(I::I32Const(sf::RESULT_ERROR)).i(I::LocalSet(self.p.code));
        self.exit_to_restart(idx, depth);
        self.end();
    }

    // ---- exit frames --------------------------------------------------------------------

    /// Calls an engine helper behind an exit frame, as `VMFrame` does, so the engine can walk
    /// and trace this frame: the operand stack is synced first and re-read after (the helper
    /// may GC). `call` pushes the arguments and calls; its i32 result is returned in a temp.
    pub(crate) fn helper_call(&mut self, idx: usize, call: impl FnOnce(&mut Self)) -> u32 {
        self.sync_stack();
        let depth = self.depth();
        self.push_exit_frame(idx, depth);
        call(self);
        let r = self.temp(ValType::I32);
        self.i(I::LocalSet(r));
        self.pop_exit_frame();
        self.after_gc_point();
        r
    }

    /// Pushes an exit frame at the stack pointer for `depth`, as `VMFrame` does.
    fn push_exit_frame(&mut self, idx: usize, depth: u32) {
        self.store_pc(idx);
        self.sp_addr(depth);
        self.i(I::LocalSet(self.p.t32));
        self.push_exit_frame_at_t(sf::EXIT_FRAME_BARE);
    }
    /// Pushes a native call's exit frame below `vp` (in local `vp`: callee, this and the `argc`
    /// arguments), as the engine's `CallNativeFunction` does: `argc` just below `vp`, then the
    /// common exit frame with the `CallNative` footer. [`Lower::pop_exit_frame`] pops it.
    pub(crate) fn native_exit_frame(&mut self, vp: u32, argc: u32) {
        let t = self.p.t32;
        self.i(I::LocalGet(vp)).i(I::I32Const((sf::NATIVE_EXIT_VP - sf::NATIVE_EXIT_ARGC) as i32)).i(I::I32Sub).i(I::LocalTee(t));
        self.i(I::I32Const(argc as i32)).i(I::I32Store(m(0, 2)));
        self.push_exit_frame_at_t(sf::EXIT_FRAME_CALL_NATIVE);
    }
    /// Pushes an exit frame with footer `footer` whose descriptor ends at `p.t32`: the frame
    /// pointer is `p.t32 - 12`.
    fn push_exit_frame_at_t(&mut self, footer: u32) {
        let s = self.env.facts;
        let (t, fp) = (self.p.t32, self.p.exit_fp);
        // descriptor and null return address at sp-8
        self.i(I::LocalGet(t)).i(I::I32Const(8)).i(I::I32Sub).i(I::I64Const((sf::EXIT_DESCRIPTOR as i64) << 32)).i(I::I64Store(m(0, 2)));
        // previous FP, then the stack's fp is the exit FP
        self.i(I::LocalGet(t)).i(I::I32Const(12)).i(I::I32Sub).i(I::LocalTee(fp));
        self.i(I::LocalGet(self.p.frame)).i(I::I32Const(bf::SIZE as i32)).i(I::I32Add).i(I::I32Store(m(0, 2)));
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(fp)).i(I::I32Store(m(sf::STACK_FP, 2)));
        self.i(I::LocalGet(t)).i(I::I32Const(16)).i(I::I32Sub).i(I::I32Const(footer as i32)).i(I::I32Store(m(0, 2)));
        // cx->activation()->packedExitFP = exitFP
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_activation, 2))).i(I::LocalGet(fp)).i(I::I32Store(m(s.activation_exit_fp, 2)));
        // saved = pbstack.top; pbstack.top = exitFP - 4
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_runtime, 2))).i(I::I32Load(m(s.pb_stack_top, 2))).i(I::LocalSet(self.p.saved_top));
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_runtime, 2)));
        self.i(I::LocalGet(t)).i(I::I32Const(16)).i(I::I32Sub).i(I::I32Store(m(s.pb_stack_top, 2)));
    }
    pub(crate) fn pop_exit_frame(&mut self) {
        let s = self.env.facts;
        // stack.fp = *exitFP (the frame's FP again); top restored
        self.i(I::LocalGet(param::STACK)).i(I::LocalGet(self.p.exit_fp)).i(I::I32Load(m(0, 2))).i(I::I32Store(m(sf::STACK_FP, 2)));
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_runtime, 2))).i(I::LocalGet(self.p.saved_top)).i(I::I32Store(m(s.pb_stack_top, 2)));
    }

    // ---- frame fields -------------------------------------------------------------------

    /// Pushes the frame as the engine's `AbstractFramePtr`.
    pub(crate) fn frame_ptr(&mut self) {
        self.i(I::LocalGet(self.p.frame)).i(I::I32Const(sf::ABSTRACT_FRAME_BASELINE_TAG as i32)).i(I::I32Or);
    }
    /// Pushes `frame->returnValue()`: the stored value if the frame has one, else undefined.
    pub(crate) fn frame_return_value(&mut self) {
        let frame = self.p.frame;
        self.i(I::LocalGet(frame)).i(I::I32Load(m(bf::FLAGS, 2))).i(I::I32Const(sf::FRAME_FLAG_HAS_RVAL as i32)).i(I::I32And);
        self.i(I::If(BlockType::Result(ValType::I64)));
        self.i(I::LocalGet(frame)).i(I::I64Load(m(bf::RETURN_VALUE, 3)));
        self.i(I::Else).i(I::I64Const(jsval::UNDEFINED as i64)).i(I::End);
    }
    /// Pushes `&cx->global()->lexicalEnvironment()`.
    pub(crate) fn global_lexical_env(&mut self) {
        let s = self.env.facts;
        self.i(I::LocalGet(param::CX)).i(I::I32Load(m(s.cx_realm, 2))).i(I::I32Load(m(s.realm_global, 2)));
        self.i(I::I32Load(m(s.global_data, 2))).i(I::I32Load(m(s.global_data_lexical_env, 2)));
    }
}
