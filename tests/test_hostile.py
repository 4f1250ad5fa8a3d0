"""Student code that loops, eats memory, crashes, exits, floods output or tries to fake a pass.

Each case breaks one section of an otherwise correct folder. The checker must
give that section a clear verdict, grade every other section as usual, exit 1
and write a valid report.
"""

import os
import time

import pytest

from checker import isolation
from checker.manifest import BY_NAME, SECTIONS
from checker.sandbox import Zygote
from tests.checker_run import CHINESE, SOLUTIONS, copy_of, edited_copy, expect_chinese, run_checker
from tests.conftest import NO_UID_LEVEL

TIME_LIMIT = 4.0
RELU_FORWARD = "        self.mask = x <= 0\n"


def on_every_pipe(assignment):
    """Student code that computes `forged` and writes it to every pipe it has open."""
    return (
        "        import os, stat\n\n"
        f"        {assignment}\n"
        "        for fd in range(3, 64):\n"
        "            try:\n"
        "                if stat.S_ISFIFO(os.fstat(fd).st_mode):\n"
        "                    os.write(fd, forged)\n"
        "            except OSError:\n"
        "                pass\n"
    )


CASES = {
    "endless_loop_in_relu_forward": (
        "relu",
        [("        self.mask = x <= 0\n", "        while True:\n            pass\n")],
        "error",
        "Relu.forward: did not finish within 4 s",
    ),
    "endless_loop_at_import": (
        "sigmoid",
        [("import numpy as np\n", "import numpy as np\n\nwhile True:\n    pass\n")],
        "error",
        "import sigmoid.py: did not finish within 4 s",
    ),
    "endless_loop_in_gradient": (
        "two_layer_net",
        [("        self.loss(x, t)\n\n", "        while True:\n            pass\n\n")],
        "failed",  # stopped by its CPU budget long before the time limit
        "or a loop that does not end",
    ),
    # The worker's own CPU timer runs in the student's process: switched off, the judge still
    # reads the worker's CPU time from /proc.
    "cpu_timer_switched_off_in_gradient": (
        "two_layer_net",
        [
            (
                "        self.loss(x, t)\n\n",
                "        import signal, time\n\n"
                "        signal.setitimer(signal.ITIMER_PROF, 0)\n"
                "        signal.signal(signal.SIGPROF, signal.SIG_IGN)\n"
                "        time.process_time = lambda: 0.0\n"
                "        started = time.perf_counter()\n"
                "        while time.perf_counter() - started < 1.5:\n"
                "            pass\n"
                "        self.loss(x, t)\n\n",
            )
        ],
        "error",  # its training test then runs out of time
        "looks like numerical differentiation",
    ),
    "memory_hog_in_sigmoid": (
        "sigmoid",
        [
            (
                "        out = 1 / (1 + np.exp(-x))\n",
                "        hog = []\n        while True:\n            hog.append(np.ones(10**7))\n",
            )
        ],
        "error",
        "ran out of memory",
    ),
    "segfault_in_affine": (
        "affine",
        [
            (
                "        self.original_x_shape = x.shape\n",
                "        import ctypes\n\n        ctypes.string_at(0)\n",
            )
        ],
        "error",
        "crashed the Python interpreter (SIGSEGV)",
    ),
    "os_exit_in_mul_backward": (
        "mul_layer",
        [("        dx = dout * self.y\n", "        import os\n\n        os._exit(3)\n")],
        "error",
        "ended the process (exit code 3)",
    ),
    "sys_exit_in_add_forward": (
        "add_layer",
        [("        return x + y\n", "        import sys\n\n        sys.exit(0)\n")],
        "error",
        "called sys.exit()",
    ),
    "output_flood_in_relu_backward": (
        "relu",
        [("        dx = dout.copy()\n", "        while True:\n            print('x' * 100000)\n")],
        "error",
        "printed more than 16 MB of output",
    ),
    "garbage_on_every_open_fd": (
        "relu",
        [
            (
                "        self.mask = x <= 0\n",
                "        import os\n\n        for fd in range(3, 64):\n            try:\n"
                "                os.write(fd, b'{not json\\n')\n            except OSError:\n"
                "                pass\n        self.mask = x <= 0\n",
            )
        ],
        "error",
        "sent the checker something it does not understand",
    ),
    "endless_recursion_in_sigmoid": (
        "sigmoid",
        [("        out = 1 / (1 + np.exp(-x))\n", "        out = self.forward(x)\n")],
        "failed",
        "calls itself without end",
    ),
    "syntax_error_in_affine": (
        "affine",
        [("        self.db = np.sum(dout, axis=0)\n", "        self.db = np.sum(dout, axis=0\n")],
        "error",
        "affine.py could not be imported",
    ),
    "child_process_that_outlives_a_loop": (
        "mul_layer",
        [
            (
                "        dx = dout * self.y\n",
                "        import subprocess\n\n"
                "        try:  # refused where workers cannot fork (not as root at process level)\n"
                "            subprocess.Popen(['sleep', '600'])\n"
                "        except OSError:\n"
                "            pass\n"
                "        while True:\n            pass\n",
            )
        ],
        "error",
        "MulLayer.backward: did not finish within 4 s",
    ),
    # Forgeries: nothing the worker sends decides a verdict (checker/channel.py).
    "exception_that_claims_to_be_a_pass": (
        "relu",
        [
            (
                RELU_FORWARD,
                "        class Trick(Exception):\n            fault_kind = 'passed'\n\n"
                "        raise Trick('all good')\n" + RELU_FORWARD,
            )
        ],
        "failed",
        "Relu.forward: raised Trick",
    ),
    "forged_fault_on_the_channel": (
        "relu",
        [
            (
                RELU_FORWARD,
                on_every_pipe('forged = b\'{"fault": {"kind": "checker_error", "where": "x"}}\\n\'')
                + RELU_FORWARD,
            )
        ],
        "error",
        "sent the checker something it does not understand",
    ),
    # The English beside a message of the checker's own is checked like the message itself.
    "forged_english_on_the_channel": (
        "relu",
        [
            (
                RELU_FORWARD,
                on_every_pipe(
                    'forged = b\'{"fault": {"kind": "bad_return", "message": "ok", \'\n'
                    "        forged += b'\"english\": 7}}\\n'"
                )
                + RELU_FORWARD,
            )
        ],
        "error",
        "a field that should be text is int",
    ),
    "endless_line_on_the_channel": (
        "relu",
        [
            (
                RELU_FORWARD,
                on_every_pipe("forged = b'x' * (2 * 1024 * 1024)") + RELU_FORWARD,
            )
        ],
        "error",
        "sent the checker something it does not understand",
    ),
    "garbage_in_place_of_the_results": (
        "sigmoid",
        [
            (
                "        out = 1 / (1 + np.exp(-x))\n",
                "        np.savez = lambda path, **arrays: open(path, 'wb').write(b'garbage')\n"
                "        out = 1 / (1 + np.exp(-x))\n",
            )
        ],
        "error",
        "not a valid .npz",
    ),
    "results_that_claim_a_terabyte": (
        "sigmoid",
        [
            (
                "        out = 1 / (1 + np.exp(-x))\n",
                "        def bomb(path, **arrays):\n"
                "            import zipfile\n\n"
                "            header = \"{'descr': '<f8', 'fortran_order': False, \"\n"
                "            header += \"'shape': (137438953472,), }\"\n"
                "            header = header.ljust(117) + '\\n'\n"
                "            with zipfile.ZipFile(path, 'w') as z:\n"
                "                magic = b'\\x93NUMPY\\x01\\x00v\\x00'\n"
                "                z.writestr('out.npy', magic + header.encode())\n\n"
                "        np.savez = bomb\n"
                "        out = 1 / (1 + np.exp(-x))\n",
            )
        ],
        "error",
        "larger than any correct answer",
    ),
    "fifo_in_place_of_the_results": (
        "sigmoid",
        [
            (
                "        out = 1 / (1 + np.exp(-x))\n",
                "        import os\n\n"
                "        np.savez = lambda path, **arrays: os.mkfifo(path)\n"
                "        out = 1 / (1 + np.exp(-x))\n",
            )
        ],
        "error",
        "not a regular file",
    ),
}


WITHOUT_ZYGOTE = {"BACKPROP_KATA_NO_ZYGOTE": "1"}  # one process per section, as off Linux
CASES_WITHOUT_ZYGOTE = [
    "endless_loop_in_relu_forward",
    "segfault_in_affine",
    "os_exit_in_mul_backward",
]


@pytest.mark.parametrize(
    "case, env",
    [(case, None) for case in CASES] + [(case, WITHOUT_ZYGOTE) for case in CASES_WITHOUT_ZYGOTE],
    ids=[*CASES, *(f"{case}-without-zygote" for case in CASES_WITHOUT_ZYGOTE)],
)
def test_hostile_code_costs_only_its_own_section(case, env, tmp_path):
    section_name, edits, status, message = CASES[case]
    target = edited_copy(tmp_path, BY_NAME[section_name].file, edits)
    # In Chinese and strict mode: every message from the catalog, the English beside it.
    env = {**CHINESE, **(env or {})}
    code, report, output = run_checker(target, time_limit=TIME_LIMIT, env=env)
    sections = report["checker"]["sections"]
    assert code == 1, output
    assert sections[section_name]["status"] == status, sections[section_name]
    assert message in sections[section_name]["english_message"]
    expect_chinese(report, output)
    assert sections[section_name]["score"] < BY_NAME[section_name].points
    others = {name: s["status"] for name, s in sections.items() if name != section_name}
    assert set(others.values()) == {"passed"}, (report["checker"]["seed"], others)
    lost = BY_NAME[section_name].points - sections[section_name]["score"]
    assert report["checker"]["score"] == 100 - lost
    assert "Traceback" not in output


FAKE_PASS = """
import json
import os

import numpy
import numpy.testing

numpy.allclose = lambda *args, **kwargs: True
numpy.testing.assert_allclose = lambda *args, **kwargs: None
try:
    import checker.judge
    import checker.scenarios

    checker.judge.rel_error = lambda *args, **kwargs: 0.0
    checker.judge.expect_close = lambda *args, **kwargs: None
except ImportError:
    pass
try:
    import _pytest.runner
    import pytest

    pytest.fail = lambda *args, **kwargs: None
    _pytest.runner.call_and_report = lambda *args, **kwargs: None
except ImportError:
    pass
fake = {"checker": {"score": 100, "max_score": 100, "faked": True}}
try:  # under bwrap the report's folder is not even there
    with open(REPORT_PATH, "w") as f:
        json.dump(fake, f)
except OSError:
    pass
"""


def test_student_code_cannot_fake_a_pass(tmp_path):
    """A wrong Sigmoid that patches numpy, the judge and pytest, and writes its own report."""
    report_path = tmp_path / "report-target.json"  # where run_checker asks for the report
    fake_pass = FAKE_PASS.replace("REPORT_PATH", repr(str(report_path)))
    edits = [
        ("import numpy as np\n", "import numpy as np\n" + fake_pass),
        ("return dout * (1.0 - self.out) * self.out", "return dout * self.out"),
    ]
    target = edited_copy(tmp_path, BY_NAME["sigmoid"].file, edits)
    assert target.parent / f"report-{target.name}.json" == report_path
    code, report, output = run_checker(target)
    assert code == 1, output
    assert "faked" not in report["checker"]
    sigmoid = report["checker"]["sections"]["sigmoid"]
    assert sigmoid["status"] == "failed"
    assert "missing the factor (1 - out)" in sigmoid["message"]
    assert report["checker"]["score"] == 100 - BY_NAME["sigmoid"].points + sigmoid["score"]
    assert sigmoid["score"] < BY_NAME["sigmoid"].points


def test_two_layer_net_is_graded_when_every_layer_file_is_broken(tmp_path):
    edits = [("class ", "class class ")]
    target = edited_copy(tmp_path, "affine.py", edits)
    for section in SECTIONS[:4]:
        path = target / section.file
        path.write_text(path.read_text().replace("class ", "class class ", 1))
    code, report, output = run_checker(target)
    sections = report["checker"]["sections"]
    assert code == 1, output
    assert sections["two_layer_net"]["status"] == "passed"
    for section in SECTIONS[:5]:
        assert sections[section.name]["status"] == "error"
        assert "could not be imported" in sections[section.name]["message"]


@pytest.mark.skipif(not Zygote.supported(), reason="workers are forked by a zygote only on Linux")
def test_killing_its_parent_process_does_not_stop_the_checker(tmp_path):
    """A worker's parent is the zygote, not the judge; later sections start workers without it."""
    edit = (
        "        self.mask = x <= 0\n",
        "        import os\n        import signal\n\n"
        "        os.kill(os.getppid(), signal.SIGKILL)\n        self.mask = x <= 0\n",
    )
    target = edited_copy(tmp_path, "relu.py", [edit])
    code, report, output = run_checker(target, (), "--isolation", "process")
    assert code == 0, output
    assert report["checker"]["score"] == 100
    # Under bubblewrap the zygote is the sandbox's main process: killing it ends the sandbox and
    # the workers of the other sections with it, which costs only this submission. The judge
    # goes on with fresh sandboxed workers and reports.
    if not isolation.bwrap_works():
        return
    code, report, output = run_checker(target, (), "--isolation", "bwrap")
    assert code in (0, 1), output
    assert report["checker"]["isolation"] == "bwrap"
    assert not any(t["metadata"]["verdict"] == "checker_error" for t in report["tests"])


def test_slow_code_in_every_test_is_bounded_by_the_section_budget(tmp_path):
    """Each test within its own limit, but the section as a whole over its budget."""
    slow = "        import time\n\n        time.sleep(0.5)\n        self.mask = x <= 0\n"
    target = edited_copy(tmp_path, "relu.py", [("        self.mask = x <= 0\n", slow)])
    code, report, _ = run_checker(target, ["relu"], "--section-time-limit", "1.2")
    section = report["checker"]["sections"]["relu"]
    assert code == 1
    assert section["status"] == "error" and 0 < section["passed"] < section["total"], section
    assert "this section's tests may take 1.2 s in all" in section["message"]


@pytest.mark.parametrize("how", ["raise", "print"])
def test_student_text_is_inert_on_screen_and_in_the_report(how, tmp_path):
    """Escape sequences and workflow commands from student code reach nobody as such."""
    hostile = (
        "'\\x1b[2J\\x1b[H6/6 sections passed, 100/100 points\\n::error::forged\\x07"
        " see ##[error]forged too'"
    )
    action = f"raise ValueError({hostile})" if how == "raise" else f"print({hostile})"
    edits = [(RELU_FORWARD, f"        {action}\n        self.mask = x <= 0\n        x = None\n")]
    target = edited_copy(tmp_path, "relu.py", edits)
    code, report, output = run_checker(target, ["relu"])
    message = report["checker"]["sections"]["relu"]["message"]
    printed = " ".join(t["metadata"]["printed"] for t in report["tests"])
    assert code == 1
    for text in (output, message, printed):
        assert "\x1b" not in text and "\x07" not in text
        assert not any(line.lstrip().startswith("::") for line in text.splitlines())
        assert "##[" not in text  # the runner finds the old syntax anywhere in a line
    assert "100/100 points" in (message if how == "raise" else printed)  # shown, but inert


UID_LEVEL = pytest.param(
    "uid",
    marks=pytest.mark.skipif(
        not isolation.uid_works(),
        reason=NO_UID_LEVEL,
    ),
)


@pytest.mark.parametrize("level", ["process", "auto", UID_LEVEL])
def test_a_grandchild_holding_the_channel_cannot_stall_the_run(level, tmp_path):
    """A double-forked grandchild in its own session keeps the worker's pipes open and sleeps;
    a FIFO replaces the file the judge reads printed output from. The run still ends."""
    attack = (
        "        import os\n\n"
        "        try:  # refused where workers cannot fork (not as root at process level)\n"
        "            if os.fork() == 0:\n"
        "                os.setsid()\n"
        "                if os.fork() == 0:\n"
        "                    import time\n\n"
        "                    time.sleep(600)\n"
        "                os._exit(0)\n"
        "        except OSError:\n"
        "            pass\n"
        "        os.unlink('output.txt')\n"
        "        os.mkfifo('output.txt')\n"
        "        raise RuntimeError('left a grandchild')\n"
    )
    target = edited_copy(tmp_path, "relu.py", [(RELU_FORWARD, attack + RELU_FORWARD)])
    started = time.monotonic()
    code, report, _ = run_checker(target, ["relu", "sigmoid"], "--isolation", level, timeout=120)
    assert time.monotonic() - started < 60
    sections = report["checker"]["sections"]
    assert code == 1 and sections["relu"]["status"] == "failed", sections["relu"]
    assert "left a grandchild" in sections["relu"]["message"]
    assert sections["sigmoid"]["status"] == "passed"


def find_protocol():
    """Student code that finds the worker's private channel object."""
    return (
        "        import gc\n\n"
        "        protocol = next(o for o in gc.get_objects() if type(o).__name__ == 'Protocol')\n"
    )


ATTACKS_AT_EVERY_LEVEL = {
    # shutil.rmtree recurses: a tree thousands of folders deep once crashed the end of the run.
    "a_folder_tree_too_deep_to_recurse": (
        "        import os\n\n"
        "        here = os.getcwd()\n"
        "        for _ in range(3000):\n"
        "            os.mkdir('d')\n"
        "            os.chdir('d')\n"
        "        os.chdir(here)\n"
        "        raise RuntimeError('left a deep tree')\n",
        "left a deep tree",
    ),
    # The judge's environment may hold a CI job's secrets: workers get a short allow-list.
    "secrets_in_the_environment": (
        "        import os\n\n"
        "        raise RuntimeError('token: ' + os.environ.get('KATA_TEST_SECRET', 'none'))\n",
        "token: none",
    ),
    # No setuid-root program can give student code privileges back.
    "no_new_privileges": (
        "        status = open('/proc/self/status').read()\n"
        "        raise RuntimeError(status.split('NoNewPrivs:')[1].split()[0] + ' no new privs')\n",
        "1 no new privs",
    ),
    # The judge's inputs go only into new files it creates in the worker's real folder.
    "links_where_the_judge_writes": (
        "        import os\n\n"
        "        for k in range(1, 60):\n"
        "            if not os.path.lexists(f'in{k}.npz'):\n"
        "                os.symlink(CANARY, f'in{k}.npz')\n",
        "left a file where the checker writes its inputs",
    ),
    "folder_swapped_for_a_link": (
        "        import os\n\n"
        "        here = os.getcwd()\n"
        "        os.rename(here, here + '_moved')\n"
        "        os.symlink(CANARY_DIR, here)\n"
        "        raise RuntimeError('swapped')\n",
        "swapped",
    ),
    "request_pipe_filled": (
        find_protocol() + "        import os\n\n"
        "        rfd = protocol.requests.fileno()\n"
        "        keep = os.dup(rfd)\n"
        "        w = os.open(f'/proc/self/fd/{rfd}', os.O_WRONLY | os.O_NONBLOCK)\n"
        "        try:\n"
        "            while True:\n"
        "                os.write(w, b' ' * 4096)\n"
        "        except BlockingIOError:\n"
        "            pass\n"
        "        r2, w2 = os.pipe()\n"
        "        os.dup2(r2, rfd)\n"
        "        globals()['kept'] = (keep, w, w2)\n",
        "",
    ),
    "fault_kind_that_is_a_list": (
        find_protocol() + "        protocol.send({'fault': {'kind': ['x']}})\n",
        "sent the checker something it does not understand",
    ),
    "a_signal_without_a_name": (
        "        import os\n\n        os.kill(os.getpid(), 40)\n",
        "crashed the Python interpreter (signal 40)",
    ),
    "workflow_command_behind_the_package_name": (
        "        raise ValueError('oops\\nkata_target.::error file=README.md::pwned')\n",
        "oops",
    ),
}


# Under a user of its own (the uid level, and bwrap as root), some attacks fail at their first
# step: the worker may not rename its folder, which lies in the run's folder (root's).
STOPPED_SOONER_UNDER_ITS_OWN_USER = {"folder_swapped_for_a_link": "Permission denied"}


@pytest.mark.parametrize("level", ["process", "auto", UID_LEVEL])
@pytest.mark.parametrize("case", ATTACKS_AT_EVERY_LEVEL)
def test_attacks_that_every_isolation_level_stops(case, level, tmp_path):
    canary, canary_dir = tmp_path / "canary.txt", tmp_path / "canary_dir"
    canary.write_text("untouched")
    canary_dir.mkdir()
    code, message = ATTACKS_AT_EVERY_LEVEL[case]
    # As root, bwrap (what auto takes where it runs) also runs workers under users of their own.
    own_users = level == "uid" or (
        level == "auto" and os.geteuid() == 0 and isolation.choose("auto") != "process"
    )
    if own_users:
        message = STOPPED_SOONER_UNDER_ITS_OWN_USER.get(case, message)
    code = code.replace("CANARY_DIR", repr(str(canary_dir))).replace("CANARY", repr(str(canary)))
    target = edited_copy(tmp_path, "relu.py", [(RELU_FORWARD, code + RELU_FORWARD)])
    started = time.monotonic()
    exit_code, report, output = run_checker(
        target,
        ["relu", "sigmoid"],
        "--isolation",
        level,
        timeout=120,
        env={"KATA_TEST_SECRET": "s3cr3t"},
    )
    sections = report["checker"]["sections"]
    assert time.monotonic() - started < 90
    assert exit_code == 1, output
    assert sections["relu"]["status"] != "passed" and sections["sigmoid"]["status"] == "passed"
    assert message in sections["relu"]["message"], sections["relu"]["message"]
    assert canary.read_text() == "untouched" and not list(canary_dir.iterdir())
    assert not any(line.lstrip().startswith("::") for line in output.splitlines())


def test_a_zip_of_a_million_tiny_entries_is_refused_before_it_is_read(tmp_path):
    import io
    import zipfile

    from checker import channel

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(channel.MAX_MEMBERS + 1):
            archive.writestr(f"a{i}.npy", b"")
    (tmp_path / "out.npz").write_bytes(buffer.getvalue())
    with pytest.raises(channel.Forged, match="too many arrays"):
        channel.load_arrays(str(tmp_path / "out.npz"))


def test_a_layer_borrowed_from_the_checker_or_the_reference_gets_nothing(tmp_path):
    target = copy_of(SOLUTIONS, tmp_path)
    (target / "relu.py").write_text("from checker.stand_ins import Relu  # noqa: F401\n")
    (target / "sigmoid.py").write_text(
        "import gc\n\nSigmoid = next(o for o in gc.get_objects() if isinstance(o, type) and "
        "o.__module__ == 'checker.stand_ins' and o.__name__ == 'Relu')\n"
    )
    (target / "mul_layer.py").write_text("from solutions.mul_layer import MulLayer  # noqa\n")
    code, report, _ = run_checker(
        target, ["relu", "sigmoid", "mul_layer"], "--isolation", "process"
    )
    sections = report["checker"]["sections"]
    assert code == 1
    assert "checker is not available to your code" in sections["relu"]["message"]
    assert "must be written in sigmoid.py" in sections["sigmoid"]["message"]
    assert "solutions is not available to your code" in sections["mul_layer"]["message"]
    assert all(s["score"] == 0 for s in sections.values())


@pytest.mark.parametrize("field", ["message", "english", "step_english"])
def test_a_forged_english_is_refused_or_capped_like_a_forged_message(field):
    """A fault's "english" (and its step's) is optional text: never anything else, capped, inert."""
    from checker import channel

    for forged in (7, ["text"], {"text": 1}):
        with pytest.raises(channel.Forged, match="a field that should be text is"):
            channel.fault({"kind": "bad_return", "message": "ok", field: forged})
    long = "\x1b[2J::error::pwned\n::warning::x ##[error]y " + "梯" * 10**5
    checked = channel.fault({"kind": "bad_return", "message": "ok", field: long})[field]
    assert len(checked) <= (200 if field == "step_english" else 2000)
    assert "\x1b" not in checked and "##[" not in checked
    assert not any(line.startswith("::") for line in checked.split("\n"))
    if field != "message":  # optional: a worker that speaks English sends none
        assert channel.fault({"kind": "bad_return", "message": "ok"})[field] is None


def test_a_forged_english_beside_a_step_is_refused_like_the_step():
    from checker import channel

    assert channel.reply({"step": "a", "english": "b"}) == {"step": "a", "english": "b"}
    assert channel.reply({"step": "a"}) == {"step": "a", "english": None}
    assert len(channel.reply({"step": "a", "english": "b" * 10**5})["english"]) == 200
    for forged in ({"step": "a", "english": 7}, {"english": "b"}, {"step": "a", "other": "b"}):
        with pytest.raises(channel.Forged):
            channel.reply(forged)


def test_the_workers_own_words_reach_the_report_in_both_languages(tmp_path):
    """Messages made in the worker (BadReturn, MissingFile) in Chinese, their English beside."""
    target = edited_copy(tmp_path, "mul_layer.py", [("return dx, dy", "return dx")])
    (target / "relu.py").unlink()
    _, report, _ = run_checker(target, ["mul_layer", "relu"], env={"BACKPROP_KATA_LANG": "zh"})
    mul, relu = (report["checker"]["sections"][name] for name in ("mul_layer", "relu"))
    assert "MulLayer.backward：必须返回两个值 (dx, dy)" in mul["message"]
    assert "MulLayer.backward: must return two values (dx, dy)" in mul["english_message"]
    assert "没有这个文件" in relu["message"]
    english = mul["english_message"] + relu["english_message"]
    assert not any("\u4e00" <= c <= "\u9fff" for c in english)  # no Chinese in the English
    assert "there is no such file" in relu["english_message"]
