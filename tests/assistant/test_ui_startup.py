"""gradio imported without its type-stub rewrite (``assistant.ui_startup``), in a fresh interpreter each time."""

from __future__ import annotations

import json
import subprocess
import sys

HOOKED = """
import json, sys
from assistant.ui_startup import skip_gradio_stub_rewrite
before = skip_gradio_stub_rewrite()
import gradio as gr
from gradio import component_meta
with gr.Blocks() as app:
    asked = gr.Textbox(label="Question")
    gr.Button("Ask").click(lambda q: q, asked, asked)
print(json.dumps({"before": before, "after": skip_gradio_stub_rewrite(),
                  "skipped": component_meta.create_or_modify_pyi.__name__ == "_no_stub_rewrite",
                  "events": len(app.fns)}))
"""


def run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_gradio_builds_an_app_with_its_stub_rewrite_skipped():
    assert run(HOOKED) == {"before": True, "after": False, "skipped": True, "events": 1}


def test_the_hook_says_it_comes_too_late_once_gradio_is_imported():
    late = "import json, gradio\nfrom assistant.ui_startup import skip_gradio_stub_rewrite\n" \
           "from gradio import component_meta\n" \
           "print(json.dumps([skip_gradio_stub_rewrite(), component_meta.create_or_modify_pyi.__name__]))"
    done = subprocess.run([sys.executable, "-c", late], capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [False, "create_or_modify_pyi"]
