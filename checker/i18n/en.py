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
    "hint.add_layer.1": "A + node passes the upstream gradient on unchanged, to both inputs: each gets an array of its own, since a layer further back may change its gradient in place.",
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
    "ui.all_pass_with_earlier": "These sections pass, and the others passed when you last checked them. Well done! Now watch your network learn:",
    "ui.selected_pass": "Every selected section passes. Well done!",
    "ui.next_watching": "Next: work on {file} ({title}) and save it: it is checked again.",
    "ui.next_run": "Next: work on {file} ({title}), then run:",
    "ui.hint_heading": "{section}: {title}, in {file} (hint {number} of {count})",
    "ui.next_hint": "Stuck still? The next hint:",
    # --- cli: python -m checker ------------------------------------------------------------------
    "cli.unknown_language": "no language '{value}' here: choose one of {languages}",
    "cli.unknown_language_setting": "BACKPROP_KATA_LANG={value} names no language here (en, zh; zh_CN, chinese and 中文 work too): the checker speaks the language of your locale, or English.",
    "cli.list_separator": ", ",
    "cli.missing_dependencies": "This Python ({python}) has no {names}: the kata's virtual environment is probably not active in this terminal. Activate it from the kata's folder (Linux and macOS: source .venv/bin/activate; Windows PowerShell: .venv\\Scripts\\Activate.ps1) and run the command again. No environment yet? Make one and install the kata into it, as the README's quick start shows (python -m pip install -e .).",
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
    "watch.unchecked": "Your last save ({sections}) was stopped before its check ended: it is not graded. Run {command} to check it.",
    "watch.last": "Last check: {passed}/{count} sections passed, {score}/{max_score} points.",
    # --- fault: how a section's code failed (messages.py) -------------------------------------------
    "runner.failed": "the checker failed to run ({error})",
    "runner.interrupted": "the check was stopped (Ctrl-C) before it ended",
    "fault.wrong": "{file}, {method}: {message}",
    "fault.wrong_integration": "{method}, built from {folder}/: {message}",
    "fault.at_line": " (line {line})",
    "fault.at_line_code": " (line {line}: {code})",
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
    "fault.printed": "Your code printed: {first}{more}.",
    "fault.printed_more": " (and {count} more lines)",
    "fault.private": "a private test of this section failed; ask your instructor what it checks.",
    "fault.private_broken": "{file}, line {line}: this private test of your instructor's has an "
    "error of its own ({error}). It is not your code: please tell your instructor.",
    "fault.internal": "internal error in the checker ({error}). Please report it to your "
    "instructor.",
    # --- suites: the hidden tests' diagnoses (judge.py, suites/conftest.py, suites/test_*.py) -----
    # judge.py: comparisons. {what} names the value (code such as dx, or a phrase); {advice} is
    # a mistake's diagnosis, {at} says where (judge.at).
    "judge.contract.matrix": "{what} is an np.matrix, not an ndarray. A network treats it differently: its * multiplies matrices, and its max() and sum() take no keepdims. Keep it an ndarray (np.dot and @ of ndarrays give one).",
    "judge.contract.subclass": "{what} is a {type}, a subclass of ndarray, not a plain ndarray: the next layer may not treat it as one. Return an ndarray.",
    "judge.contract.list": "{what} is a Python list, not an ndarray: the next layer needs an array (.shape, .reshape, and arithmetic element by element). Keep the numpy array instead of converting it.",
    "judge.contract.trailing_comma": "{what} is a tuple holding one value, not an array: is there a trailing comma after it (dx = ...,)?",
    "judge.contract.tuple": "{what} is a tuple of {count} values, not an array.",
    "judge.contract.bool": "{what} holds True/False values (dtype bool), not numbers: whatever was stored in it became True or False. Comparisons such as x > 0 give bool arrays, and so does np.zeros_like of one.",
    "judge.contract.integer": "{what} has the integer dtype {dtype}: every fraction in it was cut off. Integer arrays come from np.zeros_like or np.empty_like of an integer array, or from astype(int); the values of a network are floats.",
    "judge.contract.half": "{what} is {dtype}, which keeps only about 3 significant digits: too few for a gradient check. Compute in float64 (float32 is also enough).",
    "judge.contract.shares_dout": "{what} and {other} share memory (one array, or views of one array): a layer further back that changes its dout in place (the book's Relu.backward does) would change the other gradient too. Give each input an array of its own.",
    "judge.contract.shares_parameter": "{what} shares memory with {other}: it is the parameter itself, or a view of it, not an array of its own, so an SGD step that updates {other} in place would change it too.",
    "judge.not_finite.nan": "{what} is NaN{at}{where}. A NaN comes from 0/0, ∞ − ∞ or 0 × ∞ (numpy warns of an invalid value): look for a division, or an exp() that overflows, in this step.",
    "judge.not_finite.inf": "{what} is {value}{at}{where}. An infinity comes from dividing by 0 or from exp() of a large number: look for a division, or an exp() of large inputs, in this step.",
    "judge.where.zero": ", where {name} is exactly 0",
    "judge.where.value": ", where {name} = {value}",
    "judge.integer_lost": "it is an integer ({dtype}): the fraction was cut off. Something turned a float into an int (int(), //, or an array made like an integer input).",
    "judge.complex": "{what} is complex ({dtype}); it should be real.",
    "judge.returned_none": "None",
    "judge.returned_nothing": "nothing",
    "judge.returned_a": "a {kind}",
    "judge.return_it": "Return it.",
    "judge.not_an_array": "{what} is {returned}, not an array of numbers. {advice}",
    "judge.shape": "{what} has shape {shape}, expected {expected}.",
    "judge.shape_advice": "{what} has shape {shape}, expected {expected}: {advice}.",
    "judge.wrong_because": "{what} is wrong: {advice}",
    "judge.wrong_either": "{what} is wrong, for one of two reasons. Perhaps {advice} Or perhaps {other}",
    "judge.wrong_value": "{what} is wrong{at}: got {got}, expected {expected} (relative error {error}, allowed {tolerance}).",
    "judge.at": " at {position}",
    "judge.index": "index {index}",
    "judge.direction": "random direction {number}",
    # suites/conftest.py: layers over several rounds (one instance) or layers (several instances)
    "suite.in_round": "{method} (round {number})",
    "suite.in_layer": "{method} (layer {number})",
    "suite.changed.shape": "its shape",
    "suite.changed.values": "its values",
    "suite.changed.out": "it changed out, the array that forward returned, in place ({how}). The next layer may still hold it (Affine keeps its input x): compute dx in a new array.",
    "suite.changed.param": "it changed {name} in place ({how}). {name} belongs to the network: the layer reads it and stores its gradient in self.d{name}; only the optimizer updates {name}.",
    "suite.changed.relu_x": "it changed its input x in place ({how}). In a network x may feed another layer too: return a new array (out = x.copy(), then set its entries).",
    "suite.changed.input": "it changed its input {name} in place ({how}). In a network {name} may feed another layer too: leave it as it was and work on a new array.",
    "suite.changed.forward_input": "it changed the forward input {name} in place ({how}). In a network {name} may feed another layer too: leave it as it was and work on a new array.",
    "suite.later_round.shape": "Round 1, on the same layer, was right; this round's input has shape {shape} instead of {first}.",
    "suite.later_round.same": "Round 1, on the same layer, was right: does the layer keep something from an earlier call?",
    "suite.output_of_round_1": "it returned the output of round 1 again.",
    "suite.stale_inputs": "it used the inputs of round 1. forward must store x and y on every call.",
    "suite.earlier_forward": "it used an earlier forward call (this round first called forward alone, as accuracy() does): backward must use what the latest forward call stored.",
    # suites/test_mul_layer.py
    "suite.mul.forward.adds": "it adds x and y; MulLayer multiplies: out = x * y.",
    "suite.mul.backward.not_swapped": "{name} equals dout * {own}: either {name} uses the same input (MulLayer swaps them: {name} = dout * {other}), or dx and dy are returned in the wrong order (return dx, dy).",
    "suite.mul.backward.ignores_dout": "it ignores dout. By the chain rule, multiply the local derivative by dout.",
    "suite.mul.backward.like_add": "{name} = dout passes the gradient through unchanged, like AddLayer. For out = x * y the local derivative is the other input.",
    "suite.mul.backward.shared": "it used the inputs of the other MulLayer (layer {other}). Each MulLayer must keep its own x and y on self, not on the class.",
    "suite.mul.apple": "MulLayer (the apple example)",
    "suite.mul.apple.ignores_dout": "it ignores dout: the tax layer's dapple_price must be multiplied into dapple.",
    # suites/test_add_layer.py
    "suite.add.forward.multiplies": "it multiplies x and y; AddLayer adds: out = x + y.",
    "suite.add.backward.ignores_dout": "it ignores dout: the local derivative is 1, so the gradient is dout × 1.",
    "suite.add.backward.like_mul": "{name} = dout times an input, like MulLayer. For out = x + y the local derivative is 1: pass dout through unchanged.",
    "suite.add.backward.times_input": "it multiplies dout by an input. For out = x + y the local derivative is 1: pass dout through unchanged.",
    "suite.add.backward.zero": "it is 0. The local derivative of x + y is 1: it passes dout on.",
    "suite.add.backward.sign": "{name} has the wrong sign: ∂out/∂{input} = +1 for out = x + y (a minus would belong to x - y), so the gradient passes on unchanged.",
    "suite.add.apple_orange": "AddLayer (the apple + orange example)",
    # suites/test_relu.py
    "suite.relu.forward.mask_inverted": "it keeps the negative inputs and zeroes the positive ones: the mask is inverted. out = x where x > 0, and 0 where x <= 0.",
    "suite.relu.forward.returns_mask": "it returns the mask (0 or 1), not the values: out = x where x > 0.",
    "suite.relu.forward.unchanged": "it returns x unchanged: set out to 0 where x <= 0.",
    "suite.relu.forward.mask_of_round_1": "it used the mask from round 1. Compute self.mask from the new x in every forward call.",
    "suite.relu.backward.mask_inverted": "the mask is inverted: it lets dout through where x <= 0 and stops it where x > 0.",
    "suite.relu.backward.passes_dout": "backward returns dout unchanged where x <= 0. Set dx to 0 where self.mask is True.",
    "suite.relu.backward.ignores_dout": "it ignores dout: dx is dout where x > 0 (not 1), and 0 elsewhere.",
    "suite.relu.backward.sign_of_dout": "it switches on the sign of dout. Whether the gradient flows depends on the forward INPUT x (where x > 0, as forward remembered), whatever the sign of dout.",
    "suite.relu.backward.times_output": "it multiplies dout by the forward output. The local derivative is 1 where x > 0, not x.",
    "suite.relu.backward.mask_of_round_1": "it used the mask from round 1. backward must use the mask of the latest forward call.",
    "suite.relu.backward.kink": "x is exactly 0 at that entry, where ReLU has no derivative: dx there is 0 (as the book's mask x <= 0 gives) or dout (a mask x < 0), nothing else.",
    "suite.relu.backward.shared": "it used the mask of the other Relu (layer {other}). Each Relu must keep its own state on self, not on the class.",
    # suites/test_sigmoid.py
    "suite.sigmoid.forward.sign": "the sign is flipped: out = 1 / (1 + exp(-x)).",
    "suite.sigmoid.forward.nan": "out is nan at x = {x}. exp overflows to inf beyond about 709; a formula such as exp(x) / (1 + exp(x)) then gives inf / inf = nan, while 1 / (1 + exp(-x)) still gives a number in [0, 1].",
    "suite.sigmoid.forward.large": "Check |x| up to 1000: the result must be a number in [0, 1].",
    "suite.sigmoid.backward.uses_input": "it uses x, the forward input. The local derivative uses the forward OUTPUT: dx = dout * out * (1 - out).",
    "suite.sigmoid.backward.ignores_dout": "it ignores dout. By the chain rule, dx = dout * out * (1 - out).",
    "suite.sigmoid.backward.missing_one_minus_out": "it is missing the factor (1 - out): dx = dout * out * (1 - out).",
    "suite.sigmoid.backward.missing_out": "it is missing the factor out: dx = dout * out * (1 - out).",
    "suite.sigmoid.backward.sign": "it has the wrong sign: dx = dout * out * (1 - out).",
    "suite.sigmoid.backward.out_squared": "it uses out * out; the local derivative is out * (1 - out).",
    "suite.sigmoid.backward.out_squared_times": "it uses out² (1 - out): the local derivative is out (1 - out), with out to the first power.",
    "suite.sigmoid.backward.not_finite": "dx is {value} at x = {x}. exp overflows to inf beyond about 709, so a formula with exp(-x) breaks there, while dout * out * (1 - out), with the output that forward kept, stays a number.",
    "suite.sigmoid.backward.out_of_round_1": "it used the output of round 1. backward must use self.out from the latest forward call.",
    "suite.sigmoid.backward.shared": "it used the output of the other Sigmoid (layer {other}). Each Sigmoid must keep its own state on self, not on the class.",
    # suites/test_affine.py; {text} is numpy's own message
    "suite.affine.not_aligned.flatten": "{text}. x has shape {x}: the product x·W needs one row per example, {rows}. Flatten each example to a row first, and remember the original shape for backward.",
    "suite.affine.not_aligned.transpose": "{text}. dout {dout} times W {W} does not fit: ∂L/∂x = ∂L/∂out · Wᵀ, with W transposed.",
    "suite.affine.forward.no_bias": "it forgets the bias: out = x @ W + b.",
    "suite.affine.forward.subtracts_b": "it subtracts b: out = x @ W + b.",
    "suite.affine.forward.copied": "Affine keeps a copy of W or b, so it missed an in-place update of the parameters. Store the arrays you are given: self.W = W and self.b = b.",
    "suite.affine.shape.dx_flat": "reshape dx back to the original shape of x",
    "suite.affine.shape.dW_transposed": "dW = x.T @ dout, not its transpose",
    "suite.affine.shape.dW_4d": "that is xᵀ·dout with x still 4-D: backward needs the flattened x, (N, D), that forward multiplied by W",
    "suite.affine.shape.db_not_summed": "sum dout over the batch axis (axis=0)",
    "suite.affine.shape.db_summed_all": "sum over the batch axis only (axis=0), not over everything",
    "suite.affine.shape.db_keepdims": "use np.sum(dout, axis=0) without keepdims",
    "suite.affine.shape.db_axis_1": "it sums over axis 1, the outputs of each example. b is added to every row of the batch, so db sums dout over the batch axis (axis 0): one entry per output",
    "suite.affine.backward.averaged": "it is {batch} times too small, the batch size: a layer's backward does not average over the batch; the loss already did (SoftmaxWithLoss divides by the batch size).",
    "suite.affine.backward.dx_not_transposed": "dx = dout @ W.T, not dout @ W.",
    "suite.affine.backward.dW_ignores_dout": "it ignores dout: dW = x.T @ dout.",
    "suite.affine.backward.dW_transposed": "dW is transposed: dW = x.T @ dout.",
    "suite.affine.backward.db_mean": "db is the mean of dout over the batch; backprop needs the sum.",
    "suite.affine.backward.db_ignores_dout": "it ignores dout: db is dout summed over the batch axis.",
    "suite.affine.backward.db_axis_1": "it sums over axis 1, the outputs of each example. b is added to every row of the batch, so db sums dout over the batch axis (axis 0): one entry per output.",
    "suite.affine.round.copied": "it did not see the in-place update of the parameters after round {round}: it works on a copy of W or b. Keep the arrays you are given: self.W = W and self.b = b.",
    "suite.affine.round.x_of_round_1": "it used the x of round 1 again.",
    "suite.affine.round.dW_x_of_round_1": "dW used the x of round 1: keep the x of every forward call.",
    "suite.affine.round.equal_x": "it gave the same output as in round {round} for an x with the same values (a new array), although W and b changed in place in between: forward must compute out from the current W and b on every call, even for an x it has seen before.",
    "suite.affine.round.same_x": "it gave the same output as in round {round} for the same x (the very same array), although W and b changed in place in between: forward must compute out from the current W and b on every call, even for an x it has seen before.",
    "suite.affine.param.replaced": "it replaced self.{name} with a new array, so the network's params (params['{name}1'] for Affine1) no longer reach this layer and the optimizer's next SGD step on them is lost. A layer only reads self.{name}; the optimizer updates the network's params in place.",
    "suite.affine.param.not_an_array": "it set self.{name} to something that is not an array, so the network's params (params['{name}1'] for Affine1) no longer reach this layer. A layer only reads self.{name}; the optimizer updates the network's params in place.",
    "suite.affine.param.copied": "it replaced self.{name} with a copy of it, so from then on the layer misses the in-place updates of the network's params (params['{name}1'] for Affine1): self.{name} must stay the very array that __init__ was given.",
    "suite.affine.param.transposed": "it left self.{name} transposed (shape {shape}; {name} has shape {expected}), so the next forward multiplies by the wrong matrix. Transpose {name} inside the expression that needs it, without assigning the result to self.{name}.",
    "suite.affine.backward.shared": "it used the x of the other Affine (layer {other}). Each Affine must keep its own state on self, not on the class.",
    # suites/test_two_layer_net.py
    "suite.net.shape.attribute": "that is the shape of {other}; take grads['{param}'] from {layer}{attribute}, not {other_attribute}",
    "suite.net.shape.layer": "that is the shape of {other}; take grads['{param}'] from {layer}",
    "suite.net.unset": "Did the backward pass reach {layer}, and do you take its .dW and .db?",
    "suite.net.directions": "the gradient along random directions",
    "suite.net.uphill": "it has the wrong sign: it points uphill, where the loss grows. Check the sign of each backward step against its local derivative.",
    "suite.net.averaged_twice": "it is {batch} times too small, the batch size: the average over the batch is taken once, where the loss is (the last layer divides by the batch size). Do not divide again.",
    "suite.net.too_slow": "{calls} gradient() call(s) used {seconds} s of CPU time, more than {multiple}x one forward and backward pass each ({pass_ms} ms a pass). Backpropagation needs about one pass: that looks like numerical differentiation. Run the forward pass once (self.loss(x, t)), then one backward pass through the layers.",
    "suite.net.previous_batch": "it is the gradient of the PREVIOUS batch: gradient() must run its own forward pass. Call self.loss(x, t) at the start of gradient().",
    "suite.net.changed_params": "it changed self.params['{param}']. gradient() only computes gradients; the training loop updates the parameters.",
    "suite.net.in_call": "{method} (call {number})",
    "suite.net.call_1_again": "it returned the gradients of call 1 again: gradient() must compute them for every new batch.",
    "suite.net.later_call": "Call 1 on the same net was right: does gradient() keep something from an earlier call?",
    "suite.net.stale_forward": "it used the forward pass of call {number}: after the SGD step, gradient() must run its own forward pass on the current params (self.loss(x, t) at its start), even for a batch it has seen before.",
    "suite.net.same_x.grads_again": "it returned the gradients of call {number} again for the very same x object, although the params had changed since: gradient() must compute the gradients from the current params every time, whatever x is.",
    "suite.net.same_x.stale_forward": "it used the forward pass of call {number} for the very same x object, although the params had changed since: gradient() must run the forward pass (self.loss(x, t)) on the current params every time, whatever x is.",
    "suite.net.same_x.detail": "This call got the very x and t objects of the call before it, after an SGD step: does gradient() keep something from an earlier call for the same x?",
    "suite.net.side.reversed_in_place": "it reversed self.layers in place: after it, predict() runs the layers backwards ({order}). Go backwards over a reversed copy, and leave self.layers in the order of the forward pass.",
    "suite.net.side.reversed_copy": "it replaced self.layers with a reversed copy: after it, predict() runs the layers backwards ({order}). Go backwards over a reversed copy without assigning it to self.layers, which keeps the order of the forward pass.",
    "suite.net.side.layers": "it changed self.layers: before the call its layers were {before}, after it {after}. gradient() must leave the layers as it found them: the next forward pass goes through them in order.",
    "suite.net.side.params_not_dict": "it replaced self.params with something that is not a dict: the training loop updates the parameters in self.params[key], where the layers' arrays come from. gradient() only reads self.params: leave it as it is.",
    "suite.net.side.params_dict": "it replaced self.params with a new dict: {layer}.{attribute} is still the old self.params['{param}'], so the training loop's in-place updates of self.params no longer reach the layers. gradient() only reads self.params: leave the dict and its arrays as they are.",
    "suite.net.side.param_array": "it replaced self.params['{param}'] with a new array: {layer}.{attribute} still uses the old one, so the training loop's in-place updates of params['{param}'] no longer reach the layer. gradient() only reads self.params: leave its arrays as they are.",
    "suite.net.side.param_gone": "it left no array in self.params['{param}'], where the training loop updates it and where {layer}.{attribute} came from.",
    "suite.net.side.layer_param": "it rebound {layer}.{attribute}: it is no longer the array self.params['{param}'], so the training loop's in-place updates of params['{param}'] no longer reach the layer. The layers keep the arrays of self.params: do not assign a new array to {layer}.{attribute}.",
    "suite.net.after_training": "params['{param}'] after training",
    "suite.net.does_not_learn": "after {steps} SGD steps the test accuracy is {accuracy}; a correct gradient() reaches at least {minimum}. The gradients do not lead downhill: check the other tests of this section.",
    # suites/test_integration.py: your network, from your own files
    "suite.integration.method": "your network",
    "suite.integration.predict": "after training, TwoLayerNet.predict on {images} images returned {returned}, expected {expected}.",
    "suite.integration.no_array": "no array",
    "suite.integration.shape": "shape {shape}",
    "suite.integration.a_file": "a file",
    "suite.integration.its_function": "its {function}",
    "suite.integration.a_method": "a method",
    "suite.integration.not_finished": "{file} is not finished ({function} raises NotImplementedError), so your own network cannot run yet.",
    "suite.integration.import_failed": "{step} failed ({text}), so your network cannot run yet.",
    "suite.integration.an_error": "an error",
    "suite.integration.at_line": " ({file}, line {line})",
    "suite.integration.stops": "it stops with {error} in {step}{at}: {text}",
    "suite.integration.accuracy": "its test accuracy after {steps} SGD steps is {accuracy}",
    "suite.integration.culprit": "{problem}. With the checker's {layer} in place of yours it reaches {accuracy}: look at {file}.py ({command}).",
    "suite.integration.several": "{problem}. With all of the checker's layers in place of yours it reaches {accuracy}, but not with any one of them alone: more than one layer is wrong.",
    "suite.integration.net": "{problem}, even with the checker's layers in place of yours: look at TwoLayerNet in two_layer_net.py (its __init__ and gradient).",
    # suites/network.py: the network test of relu and affine
    "suite.network.method": "{layer} in a network",
    "suite.network.checker_method": "the checker's network",
    "suite.network.fails": "the checker's TwoLayerNet (the book's, on the checker's layers) does not learn with your {layer} in place of its own: {problem}. With its own {layer} it reaches {reference} on the same batches.",
    "suite.network.stops_alone": "the checker's TwoLayerNet (the book's, on the checker's layers) does not learn with your {layer} in place of its own: {problem}.",
    "suite.network.own_tests_pass": "your {layer} passes its own tests, but {text}",
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
    "worker.step.sgd_before": "the checker's SGD step before {call} (params[key] -= step, in place)",
    "worker.step.your_layer": "{call} (your {layer}, in the checker's TwoLayerNet)",
    "worker.step.checker_layer": "{call} (the checker's {layer})",
    "worker.step.checker_network": "the checker's {call}",
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
    "worker.forward_budget": "gradient() sent {rows} examples through the layers' forward "
    "methods (the last through {name}.forward) for a batch of {batch}. Backpropagation sends "
    "each example forward through each layer once, {needed} in all, whether in one batch or one "
    "example at a time: that is numerical differentiation, not backpropagation. Run the forward "
    "pass once (self.loss(x, t)), then one backward pass through the layers.",
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
    "worker.network_dout": "{name}.backward received dout of shape {shape}, but {name}'s output "
    "has shape {out_shape}: {previous}.backward returned a gradient of the wrong shape.",
    "worker.network_cpu": "training was stopped after {seconds} s of CPU time, where the book's "
    "network needs about 0.3 s for these 200 SGD steps",
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
    "channel.bad_facts": "malformed facts about the network",
    "channel.not_npz": "its results file is not a valid .npz ({type})",
    "channel.no_zip_directory": "its results file is not a valid .npz (no zip directory)",
    "channel.too_many_arrays": "its results file has too many arrays",
    "channel.unknown_format": "its results file has an unknown array format",
    "channel.not_numbers": "its results hold an array of type {dtype}, not numbers",
    "channel.negative_size": "its results file has an array of negative size",
    # (end of worker)
    # --- train: python -m checker train (training/) ------------------------------------------------
    "train.nan": "The loss is {loss} at iteration {iteration}.",
    "train.not_learning": "Not learning: test accuracy {accuracy} after {iteration} iterations "
    "(chance is 0.1).",
    "train.stub_somewhere": "Something in {folder}/ is not implemented yet (NotImplementedError).",
    "train.stub": "Fill in {function} in {folder}/{file} (still a stub).",
    "train.stopped": "Training stopped: {error}{place}:",
    "train.stopped_at": " in {folder}/{file}, line {line} ({function})",
    "train.no_message": "(no message)",
    "train.culprit": "{folder}/{file}.py: with the checker's {layer} in its place your network "
    "learns (test accuracy {accuracy} after {iterations} iterations), so look there:",
    "train.several": "With all of the checker's layers in place of yours your network learns "
    "(test accuracy {accuracy}), but not with any one of them alone: more than one of your "
    "layers is wrong. Check them all:",
    "train.network": "Even with the checker's layers in place of yours it does not learn: look "
    "at TwoLayerNet in {folder}/two_layer_net.py (its __init__ and gradient):",
    "train.settings": "Even with the checker's layers in place of yours it does not learn with "
    "{settings}, where the book has {book}: the cause may be these settings rather "
    "than your TwoLayerNet. A learning rate far from the book's 0.1 is the usual one: too small, "
    "and it learns too slowly to show within the first epoch; too large, and it diverges (the "
    "loss grows or is not a number). Run with the book's values:",
    "train.column.epoch": "epoch",
    "train.column.iteration": "iteration",
    "train.column.loss": "loss",
    "train.column.train_acc": "train acc",
    "train.column.test_acc": "test acc",
    "train.column.time": "time",
    "train.seconds": "{seconds} s",
    "train.bar.training": "training",
    "train.bar.loss": "loss {loss}",
    "train.curve.loss": "Loss (mean of neighbouring batches), by iteration",
    "train.curve.accuracy_plain": "Accuracy (train and test; where they overlap, one line), by "
    "iteration",
    "train.curve.accuracy_live": "Accuracy, by iteration: [green]train[/] and [magenta]test[/]",
    "train.png.batch_loss": "loss of each batch",
    "train.png.iteration": "iteration",
    "train.png.loss": "loss",
    "train.png.loss_title": "Loss",
    "train.png.accuracy": "accuracy",
    "train.png.accuracy_title": "Accuracy",
    "train.png.train": "train",
    "train.png.test": "test",
    "train.help.description": "Train your TwoLayerNet on MNIST, as the book's train_neuralnet.py "
    "does.",
    "train.help.epilog": "Without --full or --sample it uses the full MNIST when it is available "
    "(see dataset/README.md), else the sample.",
    "train.help.target": "folder to train (default: exercises)",
    "train.help.full": "require the full MNIST (60,000 training images)",
    "train.help.sample": "use the 5,000-image sample shipped in dataset/",
    "train.help.iters": "SGD steps (10000)",
    "train.help.batch_size": "(100)",
    "train.help.lr": "(0.1)",
    "train.help.seed": "seed of np.random (default: random)",
    "train.help.plot": "save the curves (needs matplotlib)",
    "train.positive": "must be more than 0, not {text}",
    "train.why.sample": "as --sample asks",
    "train.why.no_full": "no full MNIST here",
    "train.data.full": "Data: the full MNIST ({sizes}).",
    "train.data.sample": "Data: the MNIST sample ({sizes}), {why}.",
    "train.sizes": "{train} training, {test} test images",
    "train.no_target": "error: no folder {folder} with a two_layer_net.py to train.",
    "train.no_matplotlib": "error: --plot needs matplotlib, which is not installed. Install it "
    "with:",
    "train.no_matplotlib_else": "(or leave out --plot: the curves are also drawn here, in the "
    "terminal)",
    "train.no_full": "error: --full, but the full MNIST cannot be loaded.",
    "train.full_offline": "To use the full MNIST offline, set {env} to a folder that holds its "
    "four files ({names}):",
    "train.without_full": "Without --full, training uses the 5,000-image sample shipped in "
    "dataset/.",
    "train.every": "Table: epoch 1, then every {every} epochs, and the last (the curves use "
    "them all).",
    "train.training": "Training {folder}/ TwoLayerNet ({layers}): {iters} iterations,",
    "train.training_options": "batch {batch}, learning rate {lr}, seed {seed}.",
    "train.retraining": "Retraining briefly with the checker's layers in place of yours, one at "
    "a time...",
    "train.final": "Test accuracy {test}, train accuracy {train}, after {iters} iterations in "
    "{seconds} s.",
    "train.stopped_by_user": "Stopped (Ctrl-C) at iteration {iteration} of {iters}, after "
    "{seconds} s.",
    "train.before_first_epoch": "No epoch was finished, so there is no accuracy yet.",
    "train.last_epoch": "Last epoch ({epoch}): test accuracy {test}, train accuracy {train}.",
    "train.interrupted": "Stopped (Ctrl-C).",
    "train.saved": "Saved the curves to {path}.",
    # (end of train)
    # --- examples: python -m examples.* ----------------------------------------------------------
    "example.help.solutions": "run the reference in solutions/ instead",
    "example.help.target": "run the layers of a folder laid out like exercises/",
    "example.no_such_folder": "--target {folder}: no such folder",
    "example.import_failed": "{file} could not be imported: {error}.",
    "example.no_package": "There is no {package}/ folder here (the reference is for instructors).",
    "example.syntax_error": "{file} has a syntax error{where}: {text}. Fix it first.",
    "example.at_line": " (line {line})",
    "example.no_class": "{file} has no class {name}.",
    "example.raised": "{error}{where}: {text}",
    "example.raised_at": " at {file}, line {line}",
    "example.layer_error": "{what} in {folder}/ did not work: {error}. `{command}` tells you more.",
    "example.not_implemented": "{what} is not implemented yet in {folder}/. Fill in its TODO, then "
    "run this example again (or `python -m checker`).",
    "example.mul_or_add": "MulLayer or AddLayer",
    "example.book_numbers": "These are the chapter's numbers (up to rounding).",
    "example.compare": "The chapter has {names} = {numbers}: compare yours.",
    "example.buy_apple.description": "Buying 2 apples at 100 each with 10% tax, forward and "
    "backward (the book's first graph).",
    "example.buy_apple_orange.description": "2 apples at 100 and 3 oranges at 150, summed, with "
    "10% tax: MulLayer and AddLayer together.",
    "example.train.description": "Train TwoLayerNet (784-50-10) with SGD, using gradient() from "
    "backpropagation.",
    "example.train.help.full": "train on the full MNIST",
    "example.train.help.iters": "SGD steps (default 2000)",
    "example.train.why_sample": "this example's default (--full trains on the full MNIST)",
    "graph.description": "See backprop happen: the chapter's computational graphs (计算图), drawn "
    "with your layers.",
    "graph.help.example": "which of the chapter's graphs (default: apple)",
    "graph.help.step": "one Enter per node",
    "graph.title.apple": "2 apples at 100 yen, tax 1.1",
    "graph.title.apple_orange": "2 apples at 100 yen, 3 oranges at 150 yen, tax 1.1",
    "graph.rule.mul_forward": "multiply the inputs",
    "graph.rule.mul_backward": "multiply dout by the other input",
    "graph.rule.add_forward": "add the inputs",
    "graph.rule.add_backward": "pass dout through",
    "graph.node": "{op} node: {rule}",
    "graph.phase.forward": "forward",
    "graph.phase.backward": "backward",
    "graph.step": "Step {number}/{count} ({phase}): {rule}",
    "graph.not_implemented": "{name} is not implemented yet: fill in its TODO in {path}",
    "graph.raised": "{name} raised {error}: {text}. Fix {path}",
    "graph.not_a_number": "{name} returned {what}, not a number. Fix {path}",
    "graph.not_two_values": "{name} returned {what}, not two values (dx, dy). Fix {path}",
    "graph.not_two_numbers": "{name} returned {what}, not two numbers. Fix {path}",
    "graph.but": "{equation} by the rule, but your {name} gave {value}",
    "graph.compare": "The chapter has {numbers}: compare yours, and look at {files}.",
    "graph.a_sequence": "a {type} of {count} values",
    "graph.a_value": "a {type}",
    "graph.init_arguments": "{name}() needs arguments: {name}'s __init__ takes none in the book. "
    "Fix {path}",
    "graph.init_not_implemented": "{name}() raised NotImplementedError in __init__: fill in its "
    "TODO in {path}",
    "graph.init_raised": "{name}() raised {error} in __init__: {text}. Fix {path}",
    "graph.went_wrong": "Running the layer of {path} went wrong: {error}: {text}",
    "graph.legend": "[{forward}]value[/] above a line: forward    [{backward}]derivative[/] below: "
    "backward, d price / d edge",
    "graph.enter": "Enter: next step, Ctrl-D: stop",
    "graph.heading": "{example} ({folder}/): {title}",
    "graph.press_enter": "Press Enter for each step: forward first, then backward.",
    "gradcheck.description": "Gradient check (梯度确认): backprop's gradient() against "
    "numerical_gradient(), as in the book.",
    "gradcheck.not_a_dict": "gradient() must return a dict with keys {keys}",
    "gradcheck.shape": "grads['{key}'] has shape {shape}, params['{key}'] {expected}",
    "gradcheck.comparing": "Comparing gradient() with numerical_gradient() on 3 images: about 4 "
    "seconds",
    "gradcheck.why_slow": "(the numerical gradient computes the loss twice for each of 39,760 "
    "parameters).",
    "gradcheck.not_implemented": "{function}() is not implemented yet: fill in its TODO in {path}",
    "gradcheck.raised": "{function}() raised {error}: {text}. Fix {path}",
    "gradcheck.raised_in": "gradient() raised {error} in {method}, which it called: {text}",
    "gradcheck.gradient_wrong": "gradient() fails with the checker's own layers in place of "
    "yours too, so the mistake is in gradient(), not in {layer} (that is only where it showed "
    "up): {reason} Fix gradient() in {path}",
    "gradcheck.why.no_forward": "the backward pass ran before the forward pass. Start gradient() "
    "with self.loss(x, t).",
    "gradcheck.why.not_from_loss": "the backward pass must start at the loss: dout = "
    "self.lastLayer.backward(1) is the gradient for the last layer of self.layers.",
    "gradcheck.why.not_kept": "each backward must receive what the layer after it returned: "
    "dout = layer.backward(dout).",
    "gradcheck.why.not_reversed": "go through self.layers in REVERSE order (Affine2, Relu1, "
    "Affine1), starting from dout = self.lastLayer.backward(1).",
    "gradcheck.why.other": "with them it raises {error}: {text}.",
    "gradcheck.layer_wrong": "With the checker's {layer} in place of yours gradient() runs, so "
    "the mistake is in that layer: fix {path}",
    "gradcheck.layers_wrong": "gradient() runs with all of the checker's layers in place of "
    "yours, but not with any one of them alone: more than one layer is wrong. Check {files}",
    "gradcheck.looks_wrong": "   <- looks wrong: the gradient itself is about {size}",
    "gradcheck.not_a_number": "   <- not a number: grads['{param}'] from gradient() has nan or inf",
    "gradcheck.loss_not_a_number": "   <- the loss itself is not a number (numerical gradient: {value})",
    "gradcheck.scale": "The numbers after W1 and the others are the mean absolute difference "
    "between backprop and numerical gradients. Correct: about {ratio} of each gradient's size (the 1e-7 inside the "
    "loss's log), so around {most} or less. Flagged as looking wrong: more than {threshold} of "
    "its size. A bug: about the gradient's size itself.",
    "gradcheck.disagrees": "Backprop disagrees for {keys}: follow dout back from the loss.",
    "gradcheck.loss_nan": "The loss is not a number, so neither is the numerical gradient and "
    "nothing can be checked: look at the forward pass, loss() in {path} and the layers it calls.",
    "gradcheck.seconds": "({seconds} s)",
    # (end of examples)
    # --- platforms: GitHub job summary, Classroom 50 release body, Gradescope ----------------------
    "platform.total": "{heading}: {score}/{max_score} points",
    "platform.status.failed": "failed",
    "platform.fault_heading": "**The checker could not grade this submission** (not your code's "
    "fault):",
    "platform.see_log": "see the job log",
    "platform.what_to_look_at": "#### What to look at",
    "platform.fault": "The checker could not grade this submission: {problem}",
    "platform.section_line": "{title}: {score}/{max_score} ({passed}/{total} tests)",
    "platform.no_report": "the checker ended with exit code {code} and wrote no report",
    "platform.install_failed": "installing the kata failed ({outcome}), so nothing was graded. "
    "The end of pip's log:\n{log}",
    "platform.no_install_log": "(no installation log)",
    "platform.no_folder": "the submission has no folder {folder}/ to grade",
    "platform.all_pass": "All tests pass.",
    "platform.no_files": "no section file was found in the submission: upload {files} (or your "
    "exercises/ folder, or your repository)",
    "platform.missing_files": "Not in the submission, graded as the untouched stub: {files}.",
    "platform.help.lang": "the language of what students read: en or zh (default: from "
    "$BACKPROP_KATA_LANG, else the locale)",
    "platform.grading_step_stopped": "the grading step stopped before it wrote a result (it "
    "crashed, was cancelled or ran out of time), so nothing was graded: its log says why. Push "
    "again to grade again.",
    "platform.test_number": "test {number} of {total}",
    "platform.grading_stopped": "grading stopped (exit code {code}) before it wrote a result, so "
    "nothing was graded",
    "platform.install_failed_short": "installing the checker failed, so nothing was graded (pip's "
    "output is in the job log)",
    "platform.summary.to_do": "{total}; not passed yet: {sections}",
    "platform.classroom50.tests_are_public": "warning: the tests in {folder} go into the bundle. "
    "Classroom 50 serves bundles on the classroom's public GitHub Pages site and the grade job "
    "downloads them, without authentication, in the student's repository: students can read "
    "these tests. For tests that must stay secret, grade on Gradescope, or with python -m "
    "checker.instructors.batch on your own machine.",
    "platform.look_at": "- **{name}**: {message}",
    # (end of platforms)
}
