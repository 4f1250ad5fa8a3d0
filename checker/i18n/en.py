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
    "train.network_lr": "Even with the checker's layers in place of yours it does not learn: "
    "look at TwoLayerNet in {folder}/two_layer_net.py (its __init__ and gradient), or try a "
    "smaller --lr:",
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
    "example.layer_error": "{what} in {folder}/ did not work: {error}. `python -m checker` tells "
    "you more.",
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
    "graph.does_not_load": "{path} does not load: {error}: {text}",
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
    "gradcheck.scale": "Correct: about {ratio} of each gradient's size (the 1e-7 inside the "
    "loss's log), so around {most} or less. Flagged as looking wrong: more than {threshold} of "
    "its size. A bug: about the gradient's size itself.",
    "gradcheck.disagrees": "Backprop disagrees for {keys}: follow dout back from the loss.",
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
    "platform.look_at": "- **{name}**: {message}",
    # (end of platforms)
}
