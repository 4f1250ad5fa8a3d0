"""简体中文：与 en.py 相同的键和占位符。

术语表（依照《深度学习入门：基于Python的理论与实现》中文版第5章，全文一致使用）：
    error backpropagation      误差反向传播法
    computational graph        计算图
    chain rule                 链式法则
    forward (pass)             正向传播
    backward (pass)            反向传播
    local derivative           局部导数（局部计算）
    MulLayer / AddLayer        乘法层 / 加法层
    activation layer           激活函数层（Relu、Sigmoid）
    Affine layer (batch)       Affine层（批版本的Affine层）
    Softmax-with-Loss layer    Softmax-with-Loss层
    numerical differentiation  数值微分
    gradient check             梯度确认
    gradient                   梯度
    weight / bias              权重 / 偏置
    batch                      批
    shape                      形状
    section (of the kata)      部分
    test                       测试
    hint                       提示
代码里的名字保持原样：dout、self.dW、np.sum(dout, axis=0)、forward、backward。
"""

ZH = {
    # --- 清单：各部分的标题和提示 -----------------------------------------------------------------
    "section.mul_layer": "乘法层 MulLayer",
    "hint.mul_layer.1": "计算图中的 × 节点：反向传播需要正向传播时的两个输入，所以 forward 要把它们"
    "记下来。",
    "hint.mul_layer.2": "out = x·y，所以 ∂out/∂x = y，∂out/∂y = x：每个输入的梯度用的是另一个输入。",
    "hint.mul_layer.3": "把每个局部导数乘以上游传来的梯度 dout（链式法则）。在买苹果的例子里，只有"
    "消费税那一层得到 dout = 1；苹果那一层从它那里得到 dout = 1.1，所以漏乘 dout 会在这里显出来"
    "（dapple 会是 2 而不是 2.2）。",
    "section.add_layer": "加法层 AddLayer",
    "hint.add_layer.1": "+ 节点把上游传来的梯度原封不动地传给两个输入：每个输入各得到一个自己的数组，因为更靠前的层可能会原地修改它收到的梯度。",
    "hint.add_layer.2": "out = x + y，所以 ∂out/∂x = ∂out/∂y = 1：两个梯度都是 dout × 1。",
    "section.relu": "激活函数层 Relu",
    "hint.relu.1": "ReLU 像一个开关：正向传播时让正的输入通过，其余变成 0。为反向传播记下哪些位置"
    "是关着的；输入数组本身不要改动。",
    "hint.relu.2": "x > 0 处 ∂out/∂x 为 1，x ≤ 0 处为 0：梯度从正向传播放行的那些元素流过，在其余"
    "元素处停下。",
    "hint.relu.3": "dx 的形状与 x（也与 dout）相同：它就是把关着的那些元素置为 0 的 dout。",
    "section.sigmoid": "激活函数层 Sigmoid",
    "hint.sigmoid.1": "y = 1 / (1 + exp(−x))。用正向传播的输出 y 来表示，反向传播最省事，所以 "
    "forward 应该记下 y。",
    "hint.sigmoid.2": "∂y/∂x = y(1 − y)，其中 y 是输出，而不是输入 x。",
    "hint.sigmoid.3": "dx = dout · y(1 − y)，逐元素计算：形状与 x 相同。",
    "section.affine": "批版本的Affine层 Affine",
    "hint.affine.1": "对整批数据 Y = X·W + b：X (N, D)，W (D, M)，b (M,) 加到每一行上。图像以 "
    "(N, 1, 28, 28) 的形状传入：先把每张图像展平成一行，并记下原来的形状。",
    "hint.affine.2": "W 和 b 是网络自己的数组，训练时会被原地更新：保存它们本身，不要保存副本。",
    "hint.affine.3": "局部导数：∂L/∂X = ∂L/∂Y · Wᵀ，∂L/∂W = Xᵀ · ∂L/∂Y，∂L/∂b 是 ∂L/∂Y 沿批的方向"
    "（axis 0）求和。",
    "hint.affine.4": "检查形状：dW 与 W 相同 (D, M)，db 与 b 相同 (M,)，dx 与 forward 收到的 x "
    "相同，例如 (N, 1, 28, 28)。",
    "section.two_layer_net": "误差反向传播法 TwoLayerNet.gradient",
    "hint.two_layer_net.1": "误差反向传播法：先对所有层做一次正向传播（求出损失），再做一次反向传播。"
    "这一部分用检查器自己的层来评分，所以你的 Affine 或 Relu 里的错误不会在这里扣分。",
    "hint.two_layer_net.2": "反向传播从损失开始，dL/dL = 1，按相反的顺序经过各层。每一层的 backward "
    "都要接收它后面那一层返回的值。",
    "hint.two_layer_net.3": "参数的梯度就是两个 Affine 层在反向传播时存下的 dW 和 db：W1 和 b1 来自"
    "第一个，W2 和 b2 来自第二个，每个的形状都与对应的参数相同。",
    "section.integration": "你的网络（用你自己的各层，端到端）",
    "hint.integration.1": "这项检查用你自己的文件搭出 TwoLayerNet 并训练它：two_layer_net.py、"
    "affine.py、relu.py 和 softmax_with_loss.py。",
    "hint.integration.2": "如果失败，检查器会依次把你的某一层换成它自己的层重新训练，并指出换掉哪一层"
    "后训练就正常了。",
    "hint.integration.3": "自己训练一下看看：python -m checker train",
    # --- ui：实时进度、结果表格和下一步 ---------------------------------------------------------------
    "ui.status.passed": "通过",
    "ui.status.not_started": "尚未开始",
    "ui.status.error": "出错",
    "ui.status.failed": "{total} 个中 {failed} 个失败",
    "ui.live.waiting": "等待中",
    "ui.live.failed": "{count} 个失败",
    "ui.live.checked": "已检查 {section}：{passed}/{total} 个测试通过",
    "ui.column.section": "部分",
    "ui.column.status": "状态",
    "ui.column.tests": "测试",
    "ui.column.points": "得分",
    "ui.not_started_line": "{section}：尚未开始（{file}）",
    "ui.hint_on_this": "针对这个错误的提示：{command}",
    "ui.hint": "提示：{command}",
    "ui.section_status": "{section}：{status}",
    "ui.integration.not_graded": "{title}，不计分",
    "ui.integration.learns": "{title}：它在学习，{steps} 步 SGD 后测试准确率为 {accuracy}。",
    "ui.integration.skipped": "{title}：跳过。{reason}",
    "ui.integration.failed": "未通过",
    "ui.integration.status": "{title}：{status}",
    "ui.total": "{count} 个部分中 {passed} 个通过，得分 {score}/{max_score}。",
    "ui.isolation": "隔离方式：{level}（学生代码作为{how}运行，而不是在 bubblewrap 沙箱里）",
    "ui.isolation.uid": "使用各自独立用户的单独进程",
    "ui.isolation.process": "以你自己的用户身份运行的单独进程",
    "ui.isolation.other": "单独进程",
    "ui.report": "报告：{path}（随机种子 {seed}）",
    "ui.all_pass": "所有部分都通过了，做得好！现在看看你的网络是怎样学习的：",
    "ui.all_pass_with_earlier": "这些部分都通过了，其余部分在你上次检查时也都通过了。做得好！现在看看你的网络是怎样学习的：",
    "ui.selected_pass": "所选的部分都通过了，做得好！",
    "ui.next_watching": "下一步：完成 {file}（{title}）并保存，它会被重新检查。",
    "ui.next_run": "下一步：完成 {file}（{title}），然后运行：",
    "ui.hint_heading": "{section}：{title}，在 {file} 中（提示 {number}/{count}）",
    "ui.next_hint": "还是卡住了？下一条提示：",
    # --- cli：python -m checker ------------------------------------------------------------------------
    "cli.description": "逐个部分检查你实现的反向传播各层。",
    "cli.epilog": "python -m checker train：在 MNIST 上训练你自己的网络（python -m checker train "
    "--help）。",
    "cli.help.target": "要检查的文件夹（默认：exercises）",
    "cli.help.section": "只检查这个部分：名字或它在 --list 中的编号（可重复）",
    "cli.help.list": "列出各部分及其分值",
    "cli.help.watch": "持续运行：每次保存文件后重新检查（按 Ctrl-C 停止）",
    "cli.help.hint": "显示某个部分的第一条提示，或第 N 条提示",
    "cli.help.json": "报告写到哪里",
    "cli.help.seed": "随机测试的种子（默认：随机）",
    "cli.help.time_limit": "每个测试的时间限制（默认：{seconds}）",
    "cli.help.section_time_limit": "一个部分所有测试的总时间限制（默认：{seconds}）",
    "cli.help.extra_suites": "教师的私有测试文件所在文件夹（test_<section>.py）",
    "cli.help.hide_private": "私有测试失败时只说失败了，不说发现了什么",
    "cli.help.memory_limit": "每个工作进程的地址空间，单位 MiB（默认：{mib}）",
    "cli.help.isolation": "学生代码的隔离方式：bwrap（bubblewrap 沙箱）、uid（以 root 运行时：各自"
    "独立的用户）或 process；auto 选择这里第一个可用的（默认：auto）",
    "cli.help.lang": "所有信息使用的语言：en 或 zh（默认：取自 $BACKPROP_KATA_LANG，否则取自 locale）",
    "cli.list_line": "{number}. {name} {points} 分  {file} {title}",
    "cli.no_section": "没有名为 {names} 的部分",
    "cli.hint_range": "{section} 的提示编号是 1 到 {count}，不是 {given}",
    "cli.no_folder": "没有要检查的文件夹 {folder}",
    "cli.no_extra_suites": "没有额外测试的文件夹 {folder}",
    "cli.watch_no_extra": "--watch 是给学生用的：不能和 --extra-suites 一起使用",
    "cli.report_error": "错误：无法写入报告 {path}：{error}",
    "cli.error": "错误：{error}。",
    "cli.usage_error": "错误：{problem}。可选的部分：{sections}",
    # --- watch：python -m checker --watch ------------------------------------------------------------
    "watch.watching": "正在监视 {folder}/ 中的改动。保存文件即重新检查；按 Ctrl-C 停止。",
    "watch.changed": "{files} 已改动：检查 {sections}",
    "watch.stopped": "已停止监视。",
    "watch.last": "最后一次检查：{count} 个部分中 {passed} 个通过，得分 {score}/{max_score}。",
    # --- fault：一个部分的代码是怎样失败的（messages.py） ---------------------------------------------
    "fault.wrong": "{file}，{method}：{message}",
    "fault.wrong_integration": "{method}，由 {folder}/ 中的文件搭建：{message}",
    "fault.at_line": "（第 {line} 行{code}）",
    "fault.your_code": "你的代码",
    "fault.not_implemented": "{file}，{step}：还没有开始（它抛出 NotImplementedError）。请完成其中的 "
    "TODO。",
    "fault.import_error": "{file} 无法导入{line}：{text}。请先修正这个问题：文件能导入之前，这个部分"
    "的测试都无法运行。",
    "fault.output_flood": "{file}，{step}：输出超过 {megabytes} MB{line}，已被停止。请删掉循环里的 "
    "print()。",
    "fault.memory": "{file}，{step}：内存不足{line}。你是不是在创建一个巨大的数组？",
    "fault.recursion": "{file}，{step}：无休止地调用自身（RecursionError）{line}。",
    "fault.sys_exit": "{file}，{step}：调用了 sys.exit() 或 exit(){line}。请返回一个值，而不是结束"
    "程序。",
    "fault.exception": "{file}，{step}：抛出了 {type}{line}：{text}",
    "fault.an_exception": "一个异常",
    "fault.other": "{file}，{step}：{message}",
    "fault.printed": "你的代码输出了：{first}{more}。",
    "fault.printed_more": "（还有 {count} 行）",
    "fault.private": "这个部分的一个私有测试没有通过；请问你的老师它检查的是什么。",
    "fault.internal": "检查器内部出错（{detail}）。请报告给你的老师。",
    # --- suites：隐藏测试的诊断（judge.py、suites/conftest.py、suites/test_*.py） ------------------
    # (end of suites)
    # --- worker：工作进程报告的内容（scenarios.py、stand_ins.py、sandbox.py、channel.py、plugin.py）
    # (end of worker)
    # --- train：python -m checker train（training/） ------------------------------------------------
    "train.nan": "第 {iteration} 次迭代时损失为 {loss}。",
    "train.not_learning": "没有在学习：{iteration} 次迭代后测试精度为 {accuracy}（随机猜测为 0.1）。",
    "train.stub_somewhere": "{folder}/ 中有尚未实现的部分（NotImplementedError）。",
    "train.stub": "请完成 {folder}/{file} 中的 {function}（它还是空的）。",
    "train.stopped": "训练停止：{error}{place}：",
    "train.stopped_at": "，在 {folder}/{file} 第 {line} 行（{function}）",
    "train.no_message": "（没有信息）",
    "train.culprit": "{folder}/{file}.py：换成检查器的 {layer} 后，你的网络就能学习（{iterations} "
    "次迭代后测试精度为 {accuracy}），所以请检查这个文件：",
    "train.several": "把你的各层全部换成检查器的层后，你的网络能够学习（测试精度 {accuracy}），但只换"
    "其中任何一层都不行：你有不止一层是错的。请全部检查：",
    "train.network": "即使把你的各层换成检查器的层，网络仍然不学习：请检查 {folder}/two_layer_net.py "
    "中的 TwoLayerNet（它的 __init__ 和 gradient）：",
    "train.network_lr": "即使把你的各层换成检查器的层，网络仍然不学习：请检查 "
    "{folder}/two_layer_net.py 中的 TwoLayerNet（它的 __init__ 和 gradient），或者试试更小的 "
    "--lr：",
    "train.column.epoch": "轮次",
    "train.column.iteration": "迭代次数",
    "train.column.loss": "损失",
    "train.column.train_acc": "训练精度",
    "train.column.test_acc": "测试精度",
    "train.column.time": "用时",
    "train.seconds": "{seconds} 秒",
    "train.bar.training": "训练中",
    "train.bar.loss": "损失 {loss}",
    "train.curve.loss": "损失（相邻批的平均值），横轴为迭代次数",
    "train.curve.accuracy_plain": "识别精度（训练和测试；两者重合处只有一条线），横轴为迭代次数",
    "train.curve.accuracy_live": "识别精度，横轴为迭代次数：[green]训练[/]和[magenta]测试[/]",
    "train.png.batch_loss": "每个批的损失",
    "train.png.iteration": "迭代次数",
    "train.png.loss": "损失",
    "train.png.loss_title": "损失函数的值",
    "train.png.accuracy": "识别精度",
    "train.png.accuracy_title": "识别精度",
    "train.png.train": "训练数据",
    "train.png.test": "测试数据",
    "train.help.description": "像书中的 train_neuralnet.py 那样，在 MNIST 上训练你的 TwoLayerNet。",
    "train.help.epilog": "不指定 --full 或 --sample 时，有完整 MNIST 就用它（见 dataset/README.md），"
    "否则用样本。",
    "train.help.target": "要训练的文件夹（默认：exercises）",
    "train.help.full": "必须使用完整的 MNIST（60,000 张训练图像）",
    "train.help.sample": "使用 dataset/ 中附带的 5,000 张图像的样本",
    "train.help.iters": "SGD 的步数（10000）",
    "train.help.batch_size": "批大小（100）",
    "train.help.lr": "学习率（0.1）",
    "train.help.seed": "np.random 的种子（默认：随机）",
    "train.help.plot": "保存曲线图（需要 matplotlib）",
    "train.positive": "必须大于 0，而不是 {text}",
    "train.why.sample": "按 --sample 的要求",
    "train.why.no_full": "这里没有完整的 MNIST",
    "train.data.full": "数据：完整的 MNIST（{sizes}）。",
    "train.data.sample": "数据：MNIST 样本（{sizes}），{why}。",
    "train.sizes": "{train} 张训练图像，{test} 张测试图像",
    "train.no_target": "错误：没有含 two_layer_net.py 的文件夹 {folder} 可以训练。",
    "train.no_matplotlib": "错误：--plot 需要 matplotlib，但它没有安装。安装方法：",
    "train.no_matplotlib_else": "（或者不用 --plot：曲线也会画在这里的终端中）",
    "train.no_full": "错误：指定了 --full，但无法载入完整的 MNIST。",
    "train.full_offline": "要离线使用完整的 MNIST，请把 {env} 设为一个文件夹，里面放着它的四个"
    "文件 {names}：",
    "train.without_full": "不指定 --full 时，训练使用 dataset/ 中附带的 5,000 张图像的样本。",
    "train.every": "表格：第 1 轮，之后每 {every} 轮一行，以及最后一轮（曲线用到了每一轮）。",
    "train.training": "训练 {folder}/ 的 TwoLayerNet（{layers}）：{iters} 次迭代，",
    "train.training_options": "批大小 {batch}，学习率 {lr}，随机种子 {seed}。",
    "train.retraining": "正在用检查器的层依次替换你的各层，做简短的重新训练……",
    "train.final": "测试精度 {test}，训练精度 {train}，{iters} 次迭代，用时 {seconds} 秒。",
    "train.saved": "曲线图已保存到 {path}。",
    # (end of train)
    # --- examples：python -m examples.* -------------------------------------------------------------
    "example.help.solutions": "改为运行 solutions/ 中的参考实现",
    "example.help.target": "运行某个与 exercises/ 结构相同的文件夹中的层",
    "example.no_such_folder": "--target {folder}：没有这个文件夹",
    "example.import_failed": "{file} 无法导入：{error}。",
    "example.no_package": "这里没有 {package}/ 文件夹（参考实现是给教师用的）。",
    "example.syntax_error": "{file} 有语法错误{where}：{text}。请先修正它。",
    "example.at_line": "（第 {line} 行）",
    "example.no_class": "{file} 中没有类 {name}。",
    "example.raised": "{error}{where}：{text}",
    "example.raised_at": "，在 {file} 第 {line} 行",
    "example.layer_error": "{folder}/ 中的 {what} 不能正常工作：{error}。运行 `python -m checker` "
    "可以了解更多。",
    "example.not_implemented": "{folder}/ 中的 {what} 还没有实现。请完成其中的 TODO，然后再运行这个"
    "例子（或者 `python -m checker`）。",
    "example.mul_or_add": "MulLayer 或 AddLayer",
    "example.book_numbers": "这些就是书中第5章的数值（在舍入误差范围内）。",
    "example.compare": "书中的 {names} = {numbers}：请和你的结果比较。",
    "example.buy_apple.description": "买 2 个每个 100 日元的苹果，消费税 10%：正向传播和反向传播"
    "（书中的第一个计算图）。",
    "example.buy_apple_orange.description": "2 个 100 日元的苹果和 3 个 150 日元的橘子，加起来再"
    "算 10% 的消费税：乘法层和加法层一起使用。",
    "example.train.description": "用 SGD 训练 TwoLayerNet（784-50-10），梯度由误差反向传播法的 "
    "gradient() 求出。",
    "example.train.help.full": "在完整的 MNIST 上训练",
    "example.train.help.iters": "SGD 的步数（默认 2000）",
    "example.train.why_sample": "这是这个例子的默认做法（--full 则在完整的 MNIST 上训练）",
    "graph.description": "看反向传播是怎样进行的：用你的层画出书中第5章的计算图。",
    "graph.help.example": "书中的哪一个计算图（默认：apple）",
    "graph.help.step": "每按一次 Enter 走一个节点",
    "graph.title.apple": "苹果 100 日元 × 2，消费税 1.1",
    "graph.title.apple_orange": "苹果 100 日元 × 2，橘子 150 日元 × 3，消费税 1.1",
    "graph.rule.mul_forward": "把两个输入相乘",
    "graph.rule.mul_backward": "把 dout 乘以另一个输入",
    "graph.rule.add_forward": "把两个输入相加",
    "graph.rule.add_backward": "把 dout 原样传下去",
    "graph.node": "{op} 节点：{rule}",
    "graph.phase.forward": "正向传播",
    "graph.phase.backward": "反向传播",
    "graph.step": "第 {number}/{count} 步（{phase}）：{rule}",
    "graph.not_implemented": "{name} 还没有实现：请完成 {path} 中的 TODO",
    "graph.raised": "{name} 抛出了 {error}：{text}。请修正 {path}",
    "graph.not_a_number": "{name} 返回了 {what}，而不是一个数。请修正 {path}",
    "graph.not_two_values": "{name} 返回了 {what}，而不是两个值 (dx, dy)。请修正 {path}",
    "graph.not_two_numbers": "{name} 返回了 {what}，而不是两个数。请修正 {path}",
    "graph.but": "按规则 {equation}，但你的 {name} 给出的是 {value}",
    "graph.compare": "书中的数值是 {numbers}：请和你的结果比较，并检查 {files}。",
    "graph.a_sequence": "{type}（含 {count} 个值）",
    "graph.a_value": "{type} 类型的值",
    "graph.does_not_load": "{path} 无法载入：{error}：{text}",
    "graph.legend": "线上方的[{forward}]值[/]：正向传播    线下方的[{backward}]导数[/]：反向传播，"
    "即 price 对这条边的导数",
    "graph.enter": "Enter：下一步，Ctrl-D：停止",
    "graph.heading": "{example}（{folder}/）：{title}",
    "graph.press_enter": "每按一次 Enter 走一步：先正向传播，再反向传播。",
    "gradcheck.description": "梯度确认：像书中那样，把反向传播的 gradient() 与 "
    "numerical_gradient() 相比较。",
    "gradcheck.not_a_dict": "gradient() 必须返回一个以 {keys} 为键的 dict",
    "gradcheck.shape": "grads['{key}'] 的形状是 {shape}，而 params['{key}'] 是 {expected}",
    "gradcheck.comparing": "在 3 张图像上比较 gradient() 和 numerical_gradient()：大约需要 4 秒",
    "gradcheck.why_slow": "（数值微分要为 39,760 个参数中的每一个计算两次损失）。",
    "gradcheck.not_implemented": "{function}() 还没有实现：请完成 {path} 中的 TODO",
    "gradcheck.raised": "{function}() 抛出了 {error}：{text}。请修正 {path}",
    "gradcheck.raised_in": "gradient() 调用的 {method} 抛出了 {error}：{text}",
    "gradcheck.gradient_wrong": "把你的各层换成检查器自己的层后，gradient() 仍然出错，所以错误在 "
    "gradient() 本身，而不在 {layer}（那里只是错误显现的地方）：{reason}请修正 {path} 中的 "
    "gradient()",
    "gradcheck.why.no_forward": "反向传播在正向传播之前就运行了。gradient() 应该先调用 "
    "self.loss(x, t)。",
    "gradcheck.why.not_from_loss": "反向传播必须从损失开始：dout = self.lastLayer.backward(1) "
    "就是 self.layers 中最后一层的梯度。",
    "gradcheck.why.not_kept": "每一层的 backward 都要接收它后面那一层返回的值："
    "dout = layer.backward(dout)。",
    "gradcheck.why.not_reversed": "要按相反的顺序（Affine2、Relu1、Affine1）经过 self.layers，"
    "从 dout = self.lastLayer.backward(1) 开始。",
    "gradcheck.why.other": "换成它们后抛出了 {error}：{text}。",
    "gradcheck.layer_wrong": "换成检查器的 {layer} 后 gradient() 就能运行，所以错误在这一层："
    "请修正 {path}",
    "gradcheck.layers_wrong": "把你的各层全部换成检查器的层后 gradient() 能运行，但只换其中任何一层"
    "都不行：你有不止一层是错的。请检查 {files}",
    "gradcheck.looks_wrong": "   <- 看起来不对：梯度本身大约是 {size}",
    "gradcheck.scale": "正确：约为各梯度本身大小的 {ratio}（来自损失函数 log 中的 1e-7），所以大约 "
    "{most} 或更小。超过梯度大小的 {threshold} 时标为看起来不对。有错误：与梯度本身同量级。",
    "gradcheck.disagrees": "{keys} 的反向传播结果与数值微分不一致：从损失开始，沿着 dout 往回查。",
    "gradcheck.seconds": "（{seconds} 秒）",
    # (end of examples)
    # --- platforms：GitHub 作业摘要、Classroom 50 发布说明、Gradescope -------------------------------
    "platform.total": "{heading}：得分 {score}/{max_score}",
    "platform.status.failed": "未通过",
    "platform.fault_heading": "**检查器无法为这次提交评分**（不是你的代码的问题）：",
    "platform.see_log": "请查看作业日志",
    "platform.what_to_look_at": "#### 需要检查的地方",
    "platform.fault": "检查器无法为这次提交评分：{problem}",
    "platform.section_line": "{title}：得分 {score}/{max_score}（{total} 个测试中 {passed} 个通过）",
    "platform.no_report": "检查器以退出码 {code} 结束，没有写出报告",
    "platform.install_failed": "安装本练习失败（{outcome}），所以没有评分。pip 日志的结尾：\n{log}",
    "platform.no_install_log": "（没有安装日志）",
    "platform.no_folder": "提交的内容里没有可以评分的文件夹 {folder}/",
    "platform.all_pass": "所有测试都通过了。",
    "platform.no_files": "提交的内容里找不到任何一个部分的文件：请上传 {files}（或者你的 exercises/ "
    "文件夹，或者你的整个仓库）",
    "platform.missing_files": "提交的内容里没有这些文件，按未修改的初始文件评分：{files}。",
    "platform.help.lang": "学生看到的信息使用的语言：en 或 zh（默认：取自 $BACKPROP_KATA_LANG，否则"
    "取自 locale）",
    "platform.look_at": "- **{name}**：{message}",
    # (end of platforms)
}
