"""English: every learner-facing string, by key. zh.py has the same keys and placeholders.

Keys are area.name. Placeholders are named: {file}, {section}. Code names stay as they are.
Areas: section and hint (the manifest), ui, cli, watch, fault (messages.py), then the areas
marked below.
"""

EN = {
    # --- the manifest: section titles and hints ---------------------------------------------
    # Hints go from the idea, to the local derivative, to the shapes. None is code: the last
    # may give the formula in math notation, never the Python line.
    "section.mul_layer": "MulLayer (乘法层)",
    "hint.mul_layer.1": "A × node in the computational graph: backward needs both inputs of the forward pass, so forward must remember them.",
    "hint.mul_layer.2": "out = x·y, so ∂out/∂x = y and ∂out/∂y = x: each input's gradient uses the OTHER input.",
    "hint.mul_layer.3": "Multiply each local derivative by the upstream gradient dout (the chain rule). In the apple example only the tax layer gets dout = 1; the apple layer gets dout = 1.1 from it, so a missing dout shows there (dapple would be 2 instead of 2.2).",
    "section.add_layer": "AddLayer (加法层)",
    "hint.add_layer.1": "A + node passes the upstream gradient on unchanged, to both inputs.",
    "hint.add_layer.2": "out = x + y, so ∂out/∂x = ∂out/∂y = 1: both gradients are dout × 1.",
    "section.relu": "Relu (激活函数层)",
    "hint.relu.1": "ReLU is a switch: forward lets positive inputs through and turns the others into 0. Remember where it was off, for backward; leave the input array itself unchanged.",
    "hint.relu.2": "∂out/∂x is 1 where x > 0 and 0 where x ≤ 0: the gradient flows through the same entries that forward let through, and stops at the others.",
    "hint.relu.3": "dx has the shape of x (and of dout): it is dout with the switched-off entries set to 0.",
    "section.sigmoid": "Sigmoid (激活函数层)",
    "hint.sigmoid.1": "y = 1 / (1 + exp(−x)). Backward is cheapest in terms of the forward OUTPUT y, so forward should remember y.",
    "hint.sigmoid.2": "∂y/∂x = y(1 − y), with y the output, not the input x.",
    "hint.sigmoid.3": "dx = dout · y(1 − y), element by element: the shape of x.",
    "section.affine": "Affine (批版本的Affine层)",
    "hint.affine.1": "Y = X·W + b for a whole batch: X (N, D), W (D, M), b (M,) added to every row. Images arrive as (N, 1, 28, 28): flatten each one to a row first, and remember the original shape.",
    "hint.affine.2": "W and b are the network's own arrays, updated in place by training: keep them, never a copy.",
    "hint.affine.3": "Local derivatives: ∂L/∂X = ∂L/∂Y · Wᵀ, ∂L/∂W = Xᵀ · ∂L/∂Y, and ∂L/∂b is ∂L/∂Y summed over the batch (axis 0).",
    "hint.affine.4": "Check the shapes: dW like W (D, M), db like b (M,), and dx like the x that forward received, e.g. (N, 1, 28, 28).",
    "section.two_layer_net": "TwoLayerNet.gradient (误差反向传播法)",
    "hint.two_layer_net.1": "Backpropagation: one forward pass through every layer (the loss), then one backward pass. This section is graded with the checker's own layers, so a bug in your Affine or Relu costs no points here.",
    "hint.two_layer_net.2": "The backward pass starts at the loss, with dL/dL = 1, and goes through the layers in REVERSE order. Each backward must receive what the layer after it returned.",
    "hint.two_layer_net.3": "The gradients of the parameters are what the two Affine layers stored in their dW and db during the backward pass: W1 and b1 from the first, W2 and b2 from the second, each with the shape of its parameter.",
    "section.integration": "Your network (your own layers, end to end)",
    "hint.integration.1": "This check trains TwoLayerNet built from your own files: two_layer_net.py, affine.py, relu.py and softmax_with_loss.py.",
    "hint.integration.2": "When it fails, the checker retrains with one of your layers replaced by its own and names the layer whose replacement makes training work.",
    "hint.integration.3": "Train it yourself and watch: python -m checker train",
    # --- ui: the live view, the table and what next --------------------------------------------
    "ui.status.passed": "passed",
    "ui.status.not_started": "not started",
    "ui.status.error": "error",
    "ui.status.failed": "{failed} of {total} failed",
    "ui.live.waiting": "waiting",
    "ui.live.failed": "{count} failed",
    "ui.live.checked": "checked {section}: {passed}/{total} tests passed",
    "ui.column.section": "section",
    "ui.column.status": "status",
    "ui.column.tests": "tests",
    "ui.column.points": "points",
    "ui.not_started_line": "{section}: not started ({file})",
    "ui.hint_on_this": "the hint on this: {command}",
    "ui.hint": "hint: {command}",
    "ui.section_status": "{section}: {status}",
    "ui.integration.not_graded": "{title}, not graded",
    "ui.integration.learns": "{title}: it learns, {accuracy} test accuracy after {steps} SGD steps.",
    "ui.integration.skipped": "{title}: skipped. {reason}",
    "ui.integration.failed": "failed",
    "ui.integration.status": "{title}: {status}",
    "ui.total": "{passed}/{count} sections passed, {score}/{max_score} points.",
    "ui.isolation": "Isolation: {level} (student code ran as {how}, not in a bubblewrap sandbox)",
    "ui.isolation.uid": "separate processes under users of their own",
    "ui.isolation.process": "separate processes under your own user",
    "ui.isolation.other": "separate processes",
    "ui.report": "Report: {path} (seed {seed})",
    "ui.all_pass": "Every section passes. Well done! Now watch your network learn:",
    "ui.selected_pass": "Every selected section passes. Well done!",
    "ui.next_watching": "Next: work on {file} ({title}) and save it: it is checked again.",
    "ui.next_run": "Next: work on {file} ({title}), then run:",
    "ui.hint_heading": "{section}: {title}, in {file} (hint {number} of {count})",
    "ui.next_hint": "Stuck still? The next hint:",
    # --- cli: python -m checker ------------------------------------------------------------------
    "cli.description": "Check your backprop layers, section by section.",
    "cli.epilog": "python -m checker train: train your own network on MNIST "
    "(python -m checker train --help).",
    "cli.help.target": "folder to check (default: exercises)",
    "cli.help.section": "check only this section: its name or its number in --list (repeatable)",
    "cli.help.list": "list the sections and their points",
    "cli.help.watch": "keep running: check again each time you save a file (Ctrl-C to stop)",
    "cli.help.hint": "show a section's first hint, or its hint N",
    "cli.help.json": "where to write the report",
    "cli.help.seed": "seed for the random tests (default: random)",
    "cli.help.time_limit": "time limit for each test (default: {seconds})",
    "cli.help.section_time_limit": "time limit for all tests of a section (default: {seconds})",
    "cli.help.extra_suites": "an instructor's folder of private test files (test_<section>.py)",
    "cli.help.hide_private": "say only that a private test failed, not what it found",
    "cli.help.memory_limit": "address space of each worker process, in MiB (default: {mib})",
    "cli.help.isolation": "how student code is kept apart: bwrap (a bubblewrap sandbox), uid (as "
    "root: users of its own) or process; auto takes the first that works here (default: auto)",
    "cli.help.lang": "the language of every message: en or zh (default: from "
    "$BACKPROP_KATA_LANG, else the locale)",
    "cli.list_line": "{number}. {name} {points} points  {file} {title}",
    "cli.no_section": "no section named {names}",
    "cli.hint_range": "{section} has hints 1 to {count}, not {given}",
    "cli.no_folder": "no folder {folder} to check",
    "cli.no_extra_suites": "no folder {folder} of extra suites",
    "cli.watch_no_extra": "--watch is for students: it takes no --extra-suites",
    "cli.report_error": "error: could not write the report {path}: {error}",
    "cli.error": "error: {error}.",
    "cli.usage_error": "error: {problem}. Sections: {sections}",
    # --- watch: python -m checker --watch ----------------------------------------------------------
    "watch.watching": "Watching {folder}/ for changes. Save a file to check again; Ctrl-C to stop.",
    "watch.changed": "{files} changed: checking {sections}",
    "watch.stopped": "Stopped watching.",
    "watch.last": "Last check: {passed}/{count} sections passed, {score}/{max_score} points.",
    # --- fault: how a section's code failed (messages.py) -------------------------------------------
    "fault.wrong": "{file}, {method}: {message}",
    "fault.wrong_integration": "{method}, built from {folder}/: {message}",
    "fault.at_line": " (line {line}{code})",
    "fault.your_code": "your code",
    "fault.not_implemented": "{file}, {step}: not started yet (it raises NotImplementedError). "
    "Fill in its TODO.",
    "fault.import_error": "{file} could not be imported{line}: {text}. Fix this first: no test of "
    "this section can run until the file imports.",
    "fault.output_flood": "{file}, {step}: printed more than {megabytes} MB of output{line} and "
    "was stopped. Remove print() calls from loops.",
    "fault.memory": "{file}, {step}: ran out of memory{line}. Are you building a huge array?",
    "fault.recursion": "{file}, {step}: calls itself without end (RecursionError){line}.",
    "fault.sys_exit": "{file}, {step}: called sys.exit() or exit(){line}. Return a value instead "
    "of ending the program.",
    "fault.exception": "{file}, {step}: raised {type}{line}: {text}",
    "fault.an_exception": "an exception",
    "fault.other": "{file}, {step}: {message}",
    "fault.printed": " Your code printed: {first}{more}.",
    "fault.printed_more": " (and {count} more lines)",
    "fault.private": "a private test of this section failed; ask your instructor what it checks.",
    "fault.internal": "internal error in the checker ({detail}). Please report it to your "
    "instructor.",
    # --- suites: the hidden tests' diagnoses (judge.py, suites/conftest.py, suites/test_*.py) -----
    # (end of suites)
    # --- worker: what workers report (scenarios.py, stand_ins.py, sandbox.py, channel.py, plugin.py)
    # Steps announced before a call into student code (code names such as Relu.forward stay).
    "worker.step.round": "{call} (round {number})",
    "worker.step.layer": "{call} (layer {number})",
    "worker.step.call": "{call} (call {number})",
    "worker.step.alone": "{call}, a call without backward",
    "worker.step.after_alone": "{call}, after a call without backward",
    "worker.step.apple": "the apple example (MulLayer.forward, MulLayer.backward)",
    "worker.step.apple_orange": "the apple + orange example (AddLayer.forward, AddLayer.backward)",
    "worker.step.sgd": "the SGD step (params[key] -= learning_rate * grads[key])",
    # What student code returned or did, as the worker saw it (scenarios.py).
    "worker.missing_file": "there is no such file (copy it again from the kata: {file})",
    "worker.no_class": "{file} has no class {name}: keep the name from the stub.",
    "worker.borrowed_part": "{part} comes from {origin}",
    "worker.borrowed_separator": "; ",
    "worker.borrowed": "{name} must be written in {file}: {parts}.",
    "worker.closed_import": "{name} is not available to your code: write the layer yourself",
    "worker.values": "a {type} of {count} values",
    "worker.value": "a {type}",
    "worker.not_a_pair": "must return two values (dx, dy); it returned {what}.",
    "worker.unset": "did not set self.{name}.",
    "worker.same_array": "returned the same array as dx and dy. A layer further back that changes "
    "its dout in place (the book's Relu.backward does) would change the other gradient too: give "
    "each input its own array.",
    "worker.gradients_on_layer": "returned {what}, and self.dW is still unset. backward returns "
    "dx alone; the gradients of the parameters stay on the layer, in self.dW and self.db, where "
    "the network reads them.",
    "worker.not_a_dict": "must return a dict of gradients; it returned {what}.",
    "worker.missing_gradients": "returned no {keys}: give all of W1 b1 W2 b2.",
    "worker.cpu_budget": "gradient() was stopped after {seconds} s of CPU time, more than "
    "{multiple}x one forward and backward pass on the same batch ({milliseconds} ms). "
    "Backpropagation needs about one pass. That looks like numerical differentiation (or a loop "
    "that does not end): run the forward pass once (self.loss(x, t)), then one backward pass "
    "through the layers.",
    # How gradient() used the checker's layers (stand_ins.py).
    "worker.forward_budget": "gradient() ran {name}.forward more than {limit} times: that is "
    "numerical differentiation, not backpropagation. Run the forward pass once "
    "(self.loss(x, t)), then one backward pass through the layers.",
    "worker.backward_first": "{name}.backward was called before {name}.forward: run the forward "
    "pass first, with self.loss(x, t) at the start of gradient().",
    "worker.dout_shape": "{name}.backward received dout of shape {shape}, but {name}'s output has "
    "shape {out_shape}.",
    "worker.dout_first": "{problem} The backward pass starts at the loss: dout = "
    "self.lastLayer.backward(1) is the gradient for the last layer of self.layers.",
    "worker.dout_passed_on": "{problem} It got the same dout as {previous}.backward, not what "
    "{previous}.backward returned. Each backward must receive the gradient that the layer after "
    "it returned: dout = layer.backward(dout).",
    "worker.dout_reverse": "{problem} Go through self.layers in REVERSE order (Affine2, Relu1, "
    "Affine1), starting from dout = self.lastLayer.backward(1).",
    # How a worker ended or stalled, said by the judge (sandbox.py, plugin.py).
    "sandbox.timeout": "did not finish within {seconds} s. Look for a loop that never ends.",
    "sandbox.killed": "was killed by the system (out of memory?).",
    "sandbox.crashed": "crashed the Python interpreter ({signal}).",
    "sandbox.signal": "signal {number}",
    "sandbox.ended": "ended the worker process unexpectedly.",
    "sandbox.exit": "ended the process (exit code {code}). Do not call sys.exit(), exit() or "
    "os._exit() in your layer: return a value instead.",
    "sandbox.unsent": "{reason}, so this test fails.",
    "sandbox.planted_file": "left a file where the checker writes its inputs",
    "sandbox.channel_full": "stopped reading the checker's requests (its channel is full)",
    "sandbox.forged": "sent the checker something it does not understand ({reason}), so this "
    "test fails. Student code must not write to the checker's channel or files.",
    "sandbox.earlier_timeout": "not run: an earlier test in this section hit the time limit.",
    "sandbox.budget_used": "not run: this section's tests used up their {seconds} s.",
    "sandbox.section_budget": "did not finish: this section's tests may take {seconds} s in all, "
    "and it used them up. Correct code needs a fraction of that: look for slow loops, such as "
    "going through arrays element by element.",
    # Why a worker's reply or results file was refused (channel.py), inside sandbox.forged.
    "channel.not_text": "a field that should be text is {type}",
    "channel.not_a_message": "a reply that is not one of the checker's messages",
    "channel.not_a_line": "a line that is not one of the checker's messages",
    "channel.bad_results_list": "a malformed list of results",
    "channel.unknown_kind": "a fault of a kind the checker does not know ({kind})",
    "channel.bad_place": "a malformed place in the code",
    "channel.bad_line_number": "a malformed line number",
    "channel.cannot_open": "its results file cannot be opened ({error})",
    "channel.not_regular": "its results file is not a regular file",
    "channel.too_large": "its results file is too large ({size} bytes)",
    "channel.unexpected_member": "its results file has an unexpected member",
    "channel.too_big": "its results are larger than any correct answer",
    "channel.truncated": "its results file is truncated",
    "channel.not_npz": "its results file is not a valid .npz ({type})",
    "channel.no_zip_directory": "its results file is not a valid .npz (no zip directory)",
    "channel.too_many_arrays": "its results file has too many arrays",
    "channel.unknown_format": "its results file has an unknown array format",
    "channel.not_numbers": "its results hold an array of type {dtype}, not numbers",
    "channel.negative_size": "its results file has an array of negative size",
    # (end of worker)
    # --- train: python -m checker train (training/) ------------------------------------------------
    # (end of train)
    # --- examples: python -m examples.* ----------------------------------------------------------
    # (end of examples)
    # --- platforms: GitHub job summary, Classroom 50 release body, Gradescope ----------------------
    # (end of platforms)
}
