"""llama-cpp-python's OpenAI-compatible server, loaded with the settings safe on every x86 CPU.

    python -m briefing.backends.serve_llamacpp --model FILE.gguf [any llama_cpp.server option]

``python -m llama_cpp.server`` loads models with llama.cpp's extra CPU buffer types (AMX, weight
repacking) and has no option to switch them off; a default (``-march=native``) build then dies
with an illegal instruction or a segmentation fault on some CPUs. This runs the same server with
them off, as the ``llamacpp`` backend loads its models. Point an ``openai`` card at it.
"""

from __future__ import annotations

import runpy

from .base import LLAMACPP_HINT, require
from .llamacpp import extra_buffers


def main() -> None:
    llama_cpp = require("llama_cpp", LLAMACPP_HINT, what="the llama.cpp server")
    require("llama_cpp.server", LLAMACPP_HINT, what="the llama.cpp server")
    with extra_buffers(llama_cpp, False):
        runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
