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
    "hint.affine.3": "局部导数：∂L/∂X = ∂L/∂Y · Wᵀ，∂L/∂W = Xᵀ · ∂L/∂Y，∂L/∂b 是 ∂L/∂Y 沿批的轴"
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
    "ui.status.failed": "{total} 个测试中 {failed} 个失败",
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
    "ui.integration.learns": "{title}：它在学习，{steps} 步 SGD 后测试数据的识别精度为 {accuracy}。",
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
    "ui.next_watching": "下一步：修改 {file}（{title}）并保存，它会被重新检查。",
    "ui.next_run": "下一步：修改 {file}（{title}），然后运行：",
    "ui.hint_heading": "{section}：{title}，在 {file} 中（提示 {number}/{count}）",
    "ui.next_hint": "还是卡住了？下一条提示：",
    # --- cli：python -m checker ------------------------------------------------------------------------
    "cli.unknown_language": "这里没有语言「{value}」：请从 {languages} 中选择",
    "cli.unknown_language_setting": "BACKPROP_KATA_LANG={value} 不是这里有的语言（en、zh；zh_CN、chinese 和 中文 也可以）：检查器使用你的区域设置的语言，或者英语。",
    "cli.list_separator": "、",
    "cli.missing_dependencies": "这个 Python（{python}）里没有 {names}：多半是这个终端里还没有激活本练习的虚拟环境。请在练习的文件夹里激活它（Linux 和 macOS：source .venv/bin/activate；Windows PowerShell：.venv\\Scripts\\Activate.ps1），再运行一次命令。还没有虚拟环境？按 README 的快速开始创建一个，并把练习安装进去（python -m pip install -e .）。",
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
    "watch.unchecked": "你最后一次保存（{sections}）的检查在结束前被停止了：它没有评分。请运行 {command} 检查它。",
    "watch.last": "最后一次检查：{count} 个部分中 {passed} 个通过，得分 {score}/{max_score}。",
    # --- fault：一个部分的代码是怎样失败的（messages.py） ---------------------------------------------
    "runner.failed": "检查器无法运行（{error}）",
    "runner.interrupted": "检查在结束前被停止了（Ctrl-C）",
    "fault.wrong": "{file}，{method}：{message}",
    "fault.wrong_integration": "{method}，由 {folder}/ 中的文件搭建：{message}",
    "fault.at_line": "（第 {line} 行）",
    "fault.at_line_code": "（第 {line} 行：{code}）",
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
    "fault.private_broken": "{file}，第 {line} 行：你的老师的这个私有测试本身有错误（{error}）。"
    "这不是你的代码的问题：请告诉你的老师。",
    "fault.internal": "检查器内部出错（{error}）。请报告给你的老师。",
    # --- suites：隐藏测试的诊断（judge.py、suites/conftest.py、suites/test_*.py） ------------------
    # judge.py：比较。{what} 是被检查的值（dx 之类的代码名，或一个短语）；{advice} 是对错误的诊断；
    # {at} 说明位置（judge.at）。
    "judge.contract.matrix": "{what} 是 np.matrix，而不是 ndarray。网络对它的处理不同：它的 * 是矩阵乘法，它的 max() 和 sum() 不接受 keepdims。请保持 ndarray（ndarray 之间的 np.dot 和 @ 得到的就是 ndarray）。",
    "judge.contract.subclass": "{what} 是 {type}，是 ndarray 的子类，而不是普通的 ndarray：下一层未必能把它当作 ndarray 使用。请返回 ndarray。",
    "judge.contract.list": "{what} 是 Python 的列表（list），而不是 ndarray：下一层需要数组（.shape、.reshape 以及逐元素的运算）。请保留 NumPy 数组，不要把它转换成列表。",
    "judge.contract.trailing_comma": "{what} 是只含一个值的元组（tuple），而不是数组：它后面是不是多了一个逗号（dx = ...,）？",
    "judge.contract.tuple": "{what} 是含 {count} 个值的元组（tuple），而不是数组。",
    "judge.contract.bool": "{what} 里是 True/False（dtype 为 bool），而不是数值：存进去的值都变成了 True 或 False。像 x > 0 这样的比较会得到 bool 数组，对它用 np.zeros_like 得到的数组也是。",
    "judge.contract.integer": "{what} 的 dtype 是整数类型 {dtype}：其中的小数部分全被截掉了。整数数组来自对整数数组使用 np.zeros_like 或 np.empty_like，或者 astype(int)；网络里的值都是浮点数。",
    "judge.contract.half": "{what} 是 {dtype}，只保留大约 3 位有效数字：不够用于梯度确认。请用 float64 计算（float32 也够）。",
    "judge.contract.shares_dout": "{what} 和 {other} 共享内存（是同一个数组，或同一个数组的视图）：更靠前的某一层如果原地修改它收到的 dout（书中的 Relu.backward 就是这样做的），另一个梯度也会跟着改变。请给每个输入各自的数组。",
    "judge.contract.shares_parameter": "{what} 与 {other} 共享内存：它就是这个参数本身或它的视图，而不是单独的数组，所以原地更新 {other} 的 SGD 步骤也会改变它。",
    "judge.not_finite.nan": "{what} {at}是 NaN{where}。NaN 来自 0/0、∞ − ∞ 或 0 × ∞（NumPy 会警告 invalid value）：请在这一步里找找除法，或者会溢出的 exp()。",
    "judge.not_finite.inf": "{what} {at}是 {value}{where}。无穷大来自除以 0，或对很大的数求 exp()：请在这一步里找找除法，或者对大输入求的 exp()。",
    "judge.where.zero": "（此处 {name} 恰好为 0）",
    "judge.where.value": "（此处 {name} = {value}）",
    "judge.integer_lost": "它是整数（{dtype}）：小数部分被截掉了。有什么把浮点数变成了整数（int()、//，或按整数输入的样子创建的数组）。",
    "judge.complex": "{what} 是复数（{dtype}）；它应该是实数。",
    "judge.returned_none": "None",
    "judge.returned_nothing": "空的",
    "judge.returned_a": "一个 {kind}",
    "judge.return_it": "请返回它。",
    "judge.not_an_array": "{what} 是{returned}，不是数值数组。{advice}",
    "judge.shape": "{what} 的形状是 {shape}，应为 {expected}。",
    "judge.shape_advice": "{what} 的形状是 {shape}，应为 {expected}：{advice}。",
    "judge.wrong_because": "{what} 不对：{advice}",
    "judge.wrong_either": "{what} 不对，原因有两种可能。也许{advice}或者{other}",
    "judge.wrong_value": "{what} {at}不对：得到 {got}，应为 {expected}（相对误差 {error}，允许 {tolerance}）。",
    "judge.at": "在{position}",
    "judge.index": "索引 {index} 处",
    "judge.direction": "第 {number} 个随机方向上",
    # suites/conftest.py：同一个层实例用了几轮（round），或同一个类的几个实例（layer）
    "suite.in_round": "{method}（第 {number} 轮）",
    "suite.in_layer": "{method}（第 {number} 层）",
    "suite.changed.shape": "改变了形状",
    "suite.changed.values": "改变了数值",
    "suite.changed.out": "它原地修改了 forward 返回的数组 out（{how}）。下一层可能还持有它（Affine 会保存自己的输入 x）：请在一个新数组里计算 dx。",
    "suite.changed.param": "它原地修改了 {name}（{how}）。{name} 属于网络：层只读取它，并把它的梯度存到 self.d{name} 里；只有优化器才更新 {name}。",
    "suite.changed.relu_x": "它原地修改了输入 x（{how}）。在网络中 x 可能还要传给别的层：请返回一个新数组（out = x.copy()，再设置其中的元素）。",
    "suite.changed.input": "它原地修改了输入 {name}（{how}）。在网络中 {name} 可能还要传给别的层：请保持它不变，在一个新数组上计算。",
    "suite.changed.forward_input": "它原地修改了正向传播的输入 {name}（{how}）。在网络中 {name} 可能还要传给别的层：请保持它不变，在一个新数组上计算。",
    "suite.later_round.shape": "同一个层上的第 1 轮是对的；这一轮输入的形状是 {shape}，而不是 {first}。",
    "suite.later_round.same": "同一个层上的第 1 轮是对的：这个层是不是保留了之前某次调用的东西？",
    "suite.output_of_round_1": "它又返回了第 1 轮的输出。",
    "suite.stale_inputs": "它用的是第 1 轮的输入。每次调用 forward 都必须保存 x 和 y。",
    "suite.earlier_forward": "它用的是更早一次 forward 调用的结果（这一轮先单独调用了一次 forward，就像 accuracy() 那样）：backward 必须使用最近一次 forward 调用保存的内容。",
    # suites/test_mul_layer.py
    "suite.mul.forward.adds": "它把 x 和 y 相加了；乘法层做的是乘法：out = x * y。",
    "suite.mul.backward.not_swapped": "{name} 等于 dout * {own}：要么 {name} 用了同一个输入（乘法层要把输入交换过来：{name} = dout * {other}），要么 dx 和 dy 的返回顺序反了（应为 return dx, dy）。",
    "suite.mul.backward.ignores_dout": "它忽略了 dout。根据链式法则，要把局部导数乘以 dout。",
    "suite.mul.backward.like_add": "{name} = dout 把梯度原封不动地传了下去，像加法层那样。对于 out = x * y，局部导数是另一个输入。",
    "suite.mul.backward.shared": "它用的是另一个 MulLayer（第 {other} 层）的输入。每个 MulLayer 都必须把自己的 x 和 y 保存在 self 上，而不是类上。",
    "suite.mul.apple": "MulLayer（买苹果的例子）",
    "suite.mul.apple.ignores_dout": "它忽略了 dout：消费税那一层传来的 dapple_price 必须乘到 dapple 里。",
    # suites/test_add_layer.py
    "suite.add.forward.multiplies": "它把 x 和 y 相乘了；加法层做的是加法：out = x + y。",
    "suite.add.backward.ignores_dout": "它忽略了 dout：局部导数是 1，所以梯度是 dout × 1。",
    "suite.add.backward.like_mul": "{name} = dout 乘以一个输入，像乘法层那样。对于 out = x + y，局部导数是 1：请把 dout 原封不动地传下去。",
    "suite.add.backward.times_input": "它把 dout 乘上了一个输入。对于 out = x + y，局部导数是 1：请把 dout 原封不动地传下去。",
    "suite.add.backward.zero": "它是 0。x + y 的局部导数是 1：加法层把 dout 传下去。",
    "suite.add.backward.sign": "{name} 的符号反了：对于 out = x + y，∂out/∂{input} = +1（负号属于 x - y），所以梯度原封不动地传下去。",
    "suite.add.apple_orange": "AddLayer（买苹果和橘子的例子）",
    # suites/test_relu.py
    "suite.relu.forward.mask_inverted": "它保留了负的输入，却把正的输入置为 0：mask 反了。x > 0 处 out = x，x <= 0 处 out = 0。",
    "suite.relu.forward.returns_mask": "它返回的是 mask（0 或 1），而不是值：x > 0 处 out = x。",
    "suite.relu.forward.unchanged": "它原样返回了 x：x <= 0 处应把 out 置为 0。",
    "suite.relu.forward.mask_of_round_1": "它用的是第 1 轮的 mask。每次调用 forward 都要根据新的 x 计算 self.mask。",
    "suite.relu.backward.mask_inverted": "mask 反了：它在 x <= 0 处让 dout 通过，在 x > 0 处却把它挡住。",
    "suite.relu.backward.passes_dout": "backward 在 x <= 0 处原样返回了 dout。self.mask 为 True 的位置应把 dx 置为 0。",
    "suite.relu.backward.ignores_dout": "它忽略了 dout：x > 0 处 dx 是 dout（而不是 1），其余位置是 0。",
    "suite.relu.backward.sign_of_dout": "它按 dout 的正负来开关。梯度是否流过取决于正向传播的输入 x（即 forward 记下的 x > 0 的位置），与 dout 的正负无关。",
    "suite.relu.backward.times_output": "它把 dout 乘上了正向传播的输出。x > 0 处的局部导数是 1，而不是 x。",
    "suite.relu.backward.mask_of_round_1": "它用的是第 1 轮的 mask。backward 必须使用最近一次 forward 调用得到的 mask。",
    "suite.relu.backward.kink": "该元素处 x 恰好是 0，而 ReLU 在 0 处没有导数：dx 在那里是 0（书中的 mask x <= 0 就是这样）或 dout（mask 为 x < 0 时），不能是别的值。",
    "suite.relu.backward.shared": "它用的是另一个 Relu（第 {other} 层）的 mask。每个 Relu 都必须把自己的状态保存在 self 上，而不是类上。",
    # suites/test_sigmoid.py
    "suite.sigmoid.forward.sign": "符号反了：out = 1 / (1 + exp(-x))。",
    "suite.sigmoid.forward.nan": "x = {x} 处 out 是 nan。exp 的参数超过约 709 就会溢出为 inf；这时像 exp(x) / (1 + exp(x)) 这样的式子会得到 inf / inf = nan，而 1 / (1 + exp(-x)) 仍然得到 [0, 1] 中的一个数。",
    "suite.sigmoid.forward.large": "请检查 |x| 大到 1000 的情况：结果必须是 [0, 1] 中的数。",
    "suite.sigmoid.backward.uses_input": "它用的是正向传播的输入 x。局部导数要用正向传播的输出：dx = dout * out * (1 - out)。",
    "suite.sigmoid.backward.ignores_dout": "它忽略了 dout。根据链式法则，dx = dout * out * (1 - out)。",
    "suite.sigmoid.backward.missing_one_minus_out": "它少了因子 (1 - out)：dx = dout * out * (1 - out)。",
    "suite.sigmoid.backward.missing_out": "它少了因子 out：dx = dout * out * (1 - out)。",
    "suite.sigmoid.backward.sign": "它的符号反了：dx = dout * out * (1 - out)。",
    "suite.sigmoid.backward.out_squared": "它用的是 out * out；局部导数是 out * (1 - out)。",
    "suite.sigmoid.backward.out_squared_times": "它用的是 out² (1 - out)：局部导数是 out (1 - out)，其中 out 是一次方。",
    "suite.sigmoid.backward.not_finite": "x = {x} 处 dx 是 {value}。exp 的参数超过约 709 就会溢出为 inf，所以含 exp(-x) 的式子在那里会出错；而 dout * out * (1 - out) 用的是 forward 保存的输出，结果始终是一个数。",
    "suite.sigmoid.backward.out_of_round_1": "它用的是第 1 轮的输出。backward 必须使用最近一次 forward 调用得到的 self.out。",
    "suite.sigmoid.backward.shared": "它用的是另一个 Sigmoid（第 {other} 层）的输出。每个 Sigmoid 都必须把自己的状态保存在 self 上，而不是类上。",
    # suites/test_affine.py；{text} 是 numpy 自己的报错信息
    "suite.affine.not_aligned.flatten": "{text}。x 的形状是 {x}：乘积 x·W 需要每个样本占一行，即 {rows}。请先把每个样本展平成一行，并为反向传播记下原来的形状。",
    "suite.affine.not_aligned.transpose": "{text}。dout {dout} 与 W {W} 无法相乘：∂L/∂x = ∂L/∂out · Wᵀ，W 要转置。",
    "suite.affine.forward.no_bias": "它漏掉了偏置：out = x @ W + b。",
    "suite.affine.forward.subtracts_b": "它减去了 b：out = x @ W + b。",
    "suite.affine.forward.copied": "Affine 保存的是 W 或 b 的副本，所以没有看到参数的原地更新。请保存传给你的数组本身：self.W = W，self.b = b。",
    "suite.affine.shape.dx_flat": "请把 dx 变形回 x 原来的形状",
    "suite.affine.shape.dW_transposed": "dW = x.T @ dout，而不是它的转置",
    "suite.affine.shape.dW_4d": "这是 x 仍为 4 维时的 xᵀ·dout：反向传播需要的是 forward 中与 W 相乘的那个展平后的 x，形状为 (N, D)",
    "suite.affine.shape.db_not_summed": "请把 dout 沿批的轴（axis=0）求和",
    "suite.affine.shape.db_summed_all": "只沿批的轴（axis=0）求和，而不是对所有元素求和",
    "suite.affine.shape.db_keepdims": "请用不带 keepdims 的 np.sum(dout, axis=0)",
    "suite.affine.shape.db_axis_1": "它沿 axis 1（每个样本的各个输出）求和。b 被加到批的每一行上，所以 db 是 dout 沿批的轴（axis 0）的和：每个输出对应一个元素",
    "suite.affine.backward.averaged": "它小了 {batch} 倍，正好是批的大小：层的 backward 不对批求平均；损失已经求过了（SoftmaxWithLoss 除以了批的大小）。",
    "suite.affine.backward.dx_not_transposed": "dx = dout @ W.T，而不是 dout @ W。",
    "suite.affine.backward.dW_ignores_dout": "它忽略了 dout：dW = x.T @ dout。",
    "suite.affine.backward.dW_transposed": "dW 被转置了：dW = x.T @ dout。",
    "suite.affine.backward.db_mean": "db 是 dout 在批上的平均值；反向传播需要的是和。",
    "suite.affine.backward.db_ignores_dout": "它忽略了 dout：db 是 dout 沿批的轴的和。",
    "suite.affine.backward.db_axis_1": "它沿 axis 1（每个样本的各个输出）求和。b 被加到批的每一行上，所以 db 是 dout 沿批的轴（axis 0）的和：每个输出对应一个元素。",
    "suite.affine.round.copied": "它没有看到第 {round} 轮之后参数的原地更新：它用的是 W 或 b 的副本。请保存传给你的数组本身：self.W = W，self.b = b。",
    "suite.affine.round.x_of_round_1": "它又用了第 1 轮的 x。",
    "suite.affine.round.dW_x_of_round_1": "dW 用的是第 1 轮的 x：每次调用 forward 都要保存新的 x。",
    "suite.affine.round.equal_x": "对于一个值相同的 x（一个新数组），它给出了与第 {round} 轮相同的输出，而在这之间 W 和 b 已经被原地更新：forward 每次调用都必须用当前的 W 和 b 计算 out，即使这个 x 以前见过。",
    "suite.affine.round.same_x": "对于同一个 x（完全相同的数组），它给出了与第 {round} 轮相同的输出，而在这之间 W 和 b 已经被原地更新：forward 每次调用都必须用当前的 W 和 b 计算 out，即使这个 x 以前见过。",
    "suite.affine.param.replaced": "它把 self.{name} 换成了一个新数组，于是神经网络的参数（Affine1 的 params['{name}1']）再也到不了这个层，优化器下一次对它们的 SGD 更新就丢失了。层只读取 self.{name}；参数由优化器在 params 上原地更新。",
    "suite.affine.param.not_an_array": "它把 self.{name} 设成了一个不是数组的值，于是神经网络的参数（Affine1 的 params['{name}1']）再也到不了这个层。层只读取 self.{name}；参数由优化器在 params 上原地更新。",
    "suite.affine.param.copied": "它把 self.{name} 换成了它的副本，于是从那以后这个层看不到神经网络参数（Affine1 的 params['{name}1']）的原地更新：self.{name} 必须一直是 __init__ 收到的那个数组本身。",
    "suite.affine.param.transposed": "它让 self.{name} 保持转置的状态（形状 {shape}；{name} 的形状是 {expected}），于是下一次 forward 乘的是错误的矩阵。请只在需要转置的表达式里转置 {name}，不要把结果赋给 self.{name}。",
    "suite.affine.backward.shared": "它用的是另一个 Affine（第 {other} 层）的 x。每个 Affine 都必须把自己的状态保存在 self 上，而不是类上。",
    # suites/test_two_layer_net.py
    "suite.net.shape.attribute": "那是 {other} 的形状；grads['{param}'] 应取自 {layer}{attribute}，而不是 {other_attribute}",
    "suite.net.shape.layer": "那是 {other} 的形状；grads['{param}'] 应取自 {layer}",
    "suite.net.unset": "反向传播到达 {layer} 了吗？你取的是它的 .dW 和 .db 吗？",
    "suite.net.directions": "沿随机方向的梯度",
    "suite.net.uphill": "它的符号反了：它指向上坡，即损失增大的方向。请对照局部导数检查反向传播每一步的符号。",
    "suite.net.averaged_twice": "它小了 {batch} 倍，正好是批的大小：对批求平均只在求损失的地方做一次（最后一层已经除以了批的大小）。不要再除一次。",
    "suite.net.too_slow": "{calls} 次 gradient() 调用用了 {seconds} 秒 CPU 时间，超过了每次一遍正向传播和反向传播所需时间的 {multiple} 倍（一遍 {pass_ms} 毫秒）。误差反向传播法只需要大约一遍：这看起来像是数值微分。请先做一次正向传播（self.loss(x, t)），再对各层做一次反向传播。",
    "suite.net.previous_batch": "这是上一批数据的梯度：gradient() 必须自己做一次正向传播。请在 gradient() 开头调用 self.loss(x, t)。",
    "suite.net.changed_params": "它修改了 self.params['{param}']。gradient() 只计算梯度；参数由训练循环来更新。",
    "suite.net.in_call": "{method}（第 {number} 次调用）",
    "suite.net.call_1_again": "它又返回了第 1 次调用的梯度：gradient() 必须为每一批新数据重新计算梯度。",
    "suite.net.later_call": "同一个网络上的第 1 次调用是对的：gradient() 是不是保留了之前某次调用的东西？",
    "suite.net.stale_forward": "它用的是第 {number} 次调用的正向传播：SGD 更新之后，gradient() 必须在当前参数上自己做一次正向传播（在开头调用 self.loss(x, t)），即使这批数据以前见过。",
    "suite.net.same_x.grads_again": "对同一个 x 对象，它又返回了第 {number} 次调用的梯度，可是参数在那之后已经变了：gradient() 每次都必须用当前的参数计算梯度，不论 x 是什么。",
    "suite.net.same_x.stale_forward": "对同一个 x 对象，它用的是第 {number} 次调用的正向传播，可是参数在那之后已经变了：gradient() 每次都必须在当前的参数上做正向传播（self.loss(x, t)），不论 x 是什么。",
    "suite.net.same_x.detail": "这次调用在一步 SGD 更新之后，收到的正是上一次调用的那个 x 对象和 t 对象：对同一个 x，gradient() 是不是保留了之前某次调用的东西？",
    "suite.net.side.reversed_in_place": "它原地颠倒了 self.layers 的顺序：之后 predict() 会倒着经过各层（{order}）。反向传播时请遍历一个颠倒顺序的副本，让 self.layers 保持正向传播的顺序。",
    "suite.net.side.reversed_copy": "它把 self.layers 换成了一个颠倒顺序的副本：之后 predict() 会倒着经过各层（{order}）。反向传播时请遍历一个颠倒顺序的副本，但不要把它赋给 self.layers，self.layers 要保持正向传播的顺序。",
    "suite.net.side.layers": "它改动了 self.layers：调用之前各层是 {before}，调用之后是 {after}。gradient() 必须让各层保持原样：下一次正向传播要按顺序经过它们。",
    "suite.net.side.params_not_dict": "它把 self.params 换成了一个不是字典（dict）的东西：训练循环在 self.params[key] 中更新参数，各层的数组也来自那里。gradient() 只读取 self.params：让它保持原样。",
    "suite.net.side.params_dict": "它把 self.params 换成了一个新的字典：{layer}.{attribute} 仍然是原来的 self.params['{param}']，所以训练循环对 self.params 的原地更新再也到达不了各层。gradient() 只读取 self.params：让这个字典和其中的数组保持原样。",
    "suite.net.side.param_array": "它把 self.params['{param}'] 换成了一个新的数组：{layer}.{attribute} 仍在使用原来的那个，所以训练循环对 params['{param}'] 的原地更新再也到达不了这一层。gradient() 只读取 self.params：让其中的数组保持原样。",
    "suite.net.side.param_gone": "它让 self.params['{param}'] 中不再是一个数组，而训练循环要在那里更新它，{layer}.{attribute} 也来自那里。",
    "suite.net.side.layer_param": "它给 {layer}.{attribute} 重新赋了值：它不再是 self.params['{param}'] 那个数组，所以训练循环对 params['{param}'] 的原地更新再也到达不了这一层。各层保存的是 self.params 中的数组：不要给 {layer}.{attribute} 赋一个新数组。",
    "suite.net.after_training": "训练后的 params['{param}']",
    "suite.net.does_not_learn": "{steps} 步 SGD 之后测试数据的识别精度为 {accuracy}；正确的 gradient() 至少能达到 {minimum}。这些梯度没有指向下坡：请查看这个部分的其他测试。",
    # suites/test_integration.py：用你自己的文件搭建的网络
    "suite.integration.method": "你的网络",
    "suite.integration.predict": "训练之后，TwoLayerNet.predict 对 {images} 张图像返回了{returned}，应为形状 {expected}。",
    "suite.integration.no_array": "非数组的值",
    "suite.integration.shape": "形状为 {shape} 的数组",
    "suite.integration.a_file": "某个文件",
    "suite.integration.its_function": "其中的 {function}",
    "suite.integration.a_method": "某个方法",
    "suite.integration.not_finished": "{file} 还没有完成（{function} 抛出 NotImplementedError），所以你自己的网络还不能运行。",
    "suite.integration.import_failed": "{step} 失败了（{text}），所以你的网络还不能运行。",
    "suite.integration.an_error": "一个错误",
    "suite.integration.at_line": "（{file}，第 {line} 行）",
    "suite.integration.stops": "它在 {step} 中因 {error} 而停止{at}：{text}",
    "suite.integration.accuracy": "{steps} 步 SGD 之后它在测试数据上的识别精度是 {accuracy}",
    "suite.integration.culprit": "{problem}。把你的 {layer} 换成检查器的之后，它能达到 {accuracy}：请检查 {file}.py（{command}）。",
    "suite.integration.several": "{problem}。把你的各层全部换成检查器的之后，它能达到 {accuracy}，但只换其中任何一层都不行：不止一层有错。",
    "suite.integration.net": "{problem}，即使把你的各层换成检查器的也是如此：请检查 two_layer_net.py 中的 TwoLayerNet（它的 __init__ 和 gradient）。",
    # suites/network.py：relu 和 affine 的网络测试
    "suite.network.method": "网络中的 {layer}",
    "suite.network.checker_method": "检查器的网络",
    "suite.network.fails": "把检查器的 TwoLayerNet（书中的实现，用检查器的各层）中的 {layer} 换成你的之后，它不再学习：{problem}。用它自己的 {layer}，在同样的批上它能达到 {reference}。",
    "suite.network.stops_alone": "把检查器的 TwoLayerNet（书中的实现，用检查器的各层）中的 {layer} 换成你的之后，它不再学习：{problem}。",
    "suite.network.own_tests_pass": "你的 {layer} 通过了它自己的测试，但是{text}",
    # (end of suites)
    # --- worker：工作进程报告的内容（scenarios.py、stand_ins.py、sandbox.py、channel.py、plugin.py）
    # 每次调用学生代码之前报告的步骤（Relu.forward 这样的代码名保持原样）。
    "worker.step.round": "{call}（第 {number} 轮）",
    "worker.step.layer": "{call}（第 {number} 层）",
    "worker.step.call": "{call}（第 {number} 次调用）",
    "worker.step.alone": "{call}，一次不接 backward 的调用",
    "worker.step.after_alone": "{call}，在一次不接 backward 的调用之后",
    "worker.step.apple": "买苹果的例子（MulLayer.forward、MulLayer.backward）",
    "worker.step.apple_orange": "买苹果和橘子的例子（AddLayer.forward、AddLayer.backward）",
    "worker.step.sgd": "SGD 的一步更新（params[key] -= learning_rate * grads[key]）",
    "worker.step.sgd_before": "{call} 之前检查器做的一步 SGD 更新（原地执行 params[key] -= step）",
    "worker.step.your_layer": "{call}（你的 {layer}，在检查器的 TwoLayerNet 中）",
    "worker.step.checker_layer": "{call}（检查器的 {layer}）",
    "worker.step.checker_network": "检查器的 {call}",
    # 工作进程看到的学生代码的返回值和行为（scenarios.py）。
    "worker.missing_file": "没有这个文件（请从练习中重新复制一份：{file}）",
    "worker.no_class": "{file} 中没有类 {name}：请保留模板里的名字。",
    "worker.borrowed_part": "{part} 来自 {origin}",
    "worker.borrowed_separator": "；",
    "worker.borrowed": "{name} 必须在 {file} 中自己实现：{parts}。",
    "worker.closed_import": "你的代码不能使用 {name}：请自己实现这一层",
    "worker.values": "一个含 {count} 个值的 {type}",
    "worker.value": "一个 {type}",
    "worker.not_a_pair": "必须返回两个值 (dx, dy)；它返回的是{what}。",
    "worker.unset": "没有设置 self.{name}。",
    "worker.gradients_on_layer": "返回了{what}，而 self.dW 仍未设置。backward 只返回 dx；参数的梯度"
    "留在层里，即 self.dW 和 self.db，网络从那里读取它们。",
    "worker.not_a_dict": "必须返回一个梯度的字典（dict）；它返回的是{what}。",
    "worker.missing_gradients": "返回的结果里没有 {keys}：W1 b1 W2 b2 都要给出。",
    "worker.cpu_budget": "gradient() 用了 {seconds} 秒 CPU 时间后被停止，超过了在同一批数据上做一次"
    "正向传播和反向传播所需时间（{milliseconds} 毫秒）的 {multiple} 倍。误差反向传播法大约只需要一次"
    "这样的计算。这看起来像是数值微分（或者一个不会结束的循环）：先做一次正向传播"
    "（self.loss(x, t)），再沿各层做一次反向传播。",
    # gradient() 是怎样使用检查器自己的层的（stand_ins.py）。
    "worker.forward_budget": "对一批 {batch} 个样本，gradient() 让 {rows} 个样本经过了各层的 "
    "forward（最后经过的是 {name}.forward）。误差反向传播法让每个样本正向经过每一层一次，共 "
    "{needed} 个，不论是整批一起还是一个样本一个样本地做：这是数值微分，而不是误差反向传播法。"
    "请先做一次正向传播（self.loss(x, t)），再沿各层做一次反向传播。",
    "worker.backward_first": "{name}.backward 在 {name}.forward 之前被调用：请先做正向传播，在 "
    "gradient() 开头调用 self.loss(x, t)。",
    "worker.dout_shape": "{name}.backward 收到的 dout 形状是 {shape}，但 {name} 输出的形状是 "
    "{out_shape}。",
    "worker.dout_first": "{problem}反向传播从损失开始：dout = self.lastLayer.backward(1) 是传给 "
    "self.layers 中最后一层的梯度。",
    "worker.dout_passed_on": "{problem}它收到的 dout 和 {previous}.backward 收到的一样，而不是 "
    "{previous}.backward 返回的值。每一层的 backward 都必须收到它后面那一层返回的梯度："
    "dout = layer.backward(dout)。",
    "worker.dout_reverse": "{problem}请按相反的顺序遍历 self.layers（Affine2、Relu1、Affine1），从 "
    "dout = self.lastLayer.backward(1) 开始。",
    "worker.network_dout": "{name}.backward 收到的 dout 形状是 {shape}，但 {name} 输出的形状是 "
    "{out_shape}：{previous}.backward 返回的梯度形状不对。",
    "worker.network_cpu": "训练在用掉 {seconds} 秒 CPU 时间后被停止了，而书中的网络做这 200 步 "
    "SGD 只需要约 0.3 秒",
    # 工作进程怎样结束或停住，由评判进程说明（sandbox.py、plugin.py）。
    "sandbox.timeout": "没有在 {seconds} 秒内完成。请找找有没有永远不会结束的循环。",
    "sandbox.killed": "被系统强行结束了（内存不足？）。",
    "sandbox.crashed": "使 Python 解释器崩溃了（{signal}）。",
    "sandbox.signal": "信号 {number}",
    "sandbox.ended": "意外地结束了工作进程。",
    "sandbox.exit": "结束了进程（退出码 {code}）。不要在你的层里调用 sys.exit()、exit() 或 "
    "os._exit()：请返回一个值。",
    "sandbox.unsent": "{reason}，所以这个测试没有通过。",
    "sandbox.planted_file": "在检查器写入输入数据的位置留下了一个文件",
    "sandbox.channel_full": "不再读取检查器的请求（通信通道已满）",
    "sandbox.forged": "向检查器发送了它无法理解的内容（{reason}），所以这个测试没有通过。学生代码不能"
    "写入检查器的通信通道或文件。",
    "sandbox.earlier_timeout": "没有运行：这个部分前面的一个测试超出了时间限制。",
    "sandbox.budget_used": "没有运行：这个部分的测试已经用完了它们的 {seconds} 秒。",
    "sandbox.section_budget": "没有完成：这个部分的所有测试总共可以用 {seconds} 秒，它已经用完了。"
    "正确的代码只需要其中一小部分：请找找慢的循环，比如逐个元素地遍历数组。",
    # 工作进程的回复或结果文件为什么被拒绝（channel.py），显示在 sandbox.forged 里。
    "channel.not_text": "一个应该是文本的字段是 {type}",
    "channel.not_a_message": "一条不属于检查器消息的回复",
    "channel.not_a_line": "一行不属于检查器消息的内容",
    "channel.bad_results_list": "一份格式错误的结果列表",
    "channel.unknown_kind": "一种检查器不认识的错误类型（{kind}）",
    "channel.bad_place": "一个格式错误的代码位置",
    "channel.bad_line_number": "一个格式错误的行号",
    "channel.cannot_open": "它的结果文件无法打开（{error}）",
    "channel.not_regular": "它的结果文件不是普通文件",
    "channel.too_large": "它的结果文件太大（{size} 字节）",
    "channel.unexpected_member": "它的结果文件里有意料之外的成员",
    "channel.too_big": "它的结果比任何正确答案都大",
    "channel.truncated": "它的结果文件不完整",
    "channel.bad_facts": "格式不对的网络信息",
    "channel.not_npz": "它的结果文件不是有效的 .npz（{type}）",
    "channel.no_zip_directory": "它的结果文件不是有效的 .npz（没有 zip 目录）",
    "channel.too_many_arrays": "它的结果文件里数组太多",
    "channel.unknown_format": "它的结果文件里有未知的数组格式",
    "channel.not_numbers": "它的结果里有一个类型为 {dtype} 的数组，而不是数值",
    "channel.negative_size": "它的结果文件里有一个大小为负数的数组",
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
    "train.settings": "即使把你的各层换成检查器的层，用 {settings}（书中用的是 {book}）网络仍然不学习："
    "原因可能是这些设置，而不是你的 TwoLayerNet。最常见的是学习率与书中的 0.1 相差太远：太小，"
    "第一轮里学得太慢，看不出在学习；太大，则会发散（损失变大或变成 nan）。请用书中的值运行：",
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
    "train.why.sample": "因为指定了 --sample",
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
    "train.stopped_by_user": "在第 {iteration} 次迭代时停止（Ctrl-C，共 {iters} 次），用时 "
    "{seconds} 秒。",
    "train.before_first_epoch": "还没有完成一轮，所以还没有精度。",
    "train.last_epoch": "最后一轮（第 {epoch} 轮）：测试精度 {test}，训练精度 {train}。",
    "train.interrupted": "已停止（Ctrl-C）。",
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
    "example.layer_error": "{folder}/ 中的 {what} 不能正常工作：{error}。运行 `{command}` "
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
    "graph.not_implemented": "{name} 还没有实现：请完成 {path} 中的 TODO。",
    "graph.raised": "{name} 抛出了 {error}：{text}。请修正 {path}",
    "graph.not_a_number": "{name} 返回了 {what}，而不是一个数。请修正 {path}",
    "graph.not_two_values": "{name} 返回了 {what}，而不是两个值 (dx, dy)。请修正 {path}",
    "graph.not_two_numbers": "{name} 返回了 {what}，而不是两个数。请修正 {path}",
    "graph.but": "按规则 {equation}，但你的 {name} 给出的是 {value}",
    "graph.compare": "书中的数值是 {numbers}：请和你的结果比较，并检查 {files}。",
    "graph.a_sequence": "{type}（含 {count} 个值）",
    "graph.a_value": "{type} 类型的值",
    "graph.init_arguments": "{name}() 需要参数：书中 {name} 的 __init__ 不接受参数。请修正 {path}",
    "graph.init_not_implemented": "{name}() 在 __init__ 中抛出了 NotImplementedError：请完成 "
    "{path} 中的 TODO",
    "graph.init_raised": "{name}() 在 __init__ 中抛出了 {error}：{text}。请修正 {path}",
    "graph.went_wrong": "运行 {path} 中的层时出错：{error}：{text}",
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
    "gradcheck.not_implemented": "{function}() 还没有实现：请完成 {path} 中的 TODO。",
    "gradcheck.raised": "{function}() 抛出了 {error}：{text}。请修正 {path}。",
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
    "gradcheck.not_a_number": "   <- 不是数值：gradient() 返回的 grads['{param}'] 中有 nan 或 inf",
    "gradcheck.loss_not_a_number": "   <- 损失本身就不是数值（数值微分的梯度为 {value}）",
    "gradcheck.scale": "W1 等后面的数是反向传播与数值微分结果之差的平均绝对值。实现正确时，它约为梯度本身大小的 "
    "{ratio}（源于损失函数 log 中的 1e-7），即约 {most} 或更小；超过梯度大小的 {threshold} 就标为“看起来不对”；"
    "实现有错误时，差值与梯度本身同量级。",
    "gradcheck.disagrees": "{keys} 的反向传播结果与数值微分不一致：从损失开始，沿着 dout 往回查。",
    "gradcheck.loss_nan": "损失不是数值，所以数值微分的梯度也不是，无法进行梯度确认：请检查正向传播，即 "
    "{path} 中的 loss() 和它调用的各层。",
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
    "platform.grading_step_stopped": "评分步骤在写出结果之前就停止了（崩溃、被取消或超时），所以没有评分：原因见"
    "该步骤的日志。再推送一次即可重新评分。",
    "platform.test_number": "第 {number} 个测试（共 {total} 个）",
    "platform.grading_stopped": "评分在写出结果之前就停止了（退出码 {code}），所以没有评分",
    "platform.install_failed_short": "安装检查器失败，所以没有评分（pip 的输出在作业日志里）",
    "platform.summary.to_do": "{total}；尚未通过：{sections}",
    "platform.classroom50.tests_are_public": "警告：{folder} 中的测试会放进评分包。Classroom 50 把评分包放在"
    "课堂公开的 GitHub Pages 网站上，评分作业在学生的仓库里不经认证就下载它们：学生能读到这些测试。需要保密的测试，"
    "请在 Gradescope 上评分，或者在你自己的机器上用 python -m checker.instructors.batch 评分。",
    "platform.look_at": "- **{name}**：{message}",
    # (end of platforms)
}


# argparse's own words (usage, options, errors), as argparse writes them: checker.i18n puts
# these in their place for --help and usage errors in Chinese. Any other stays as it is.
ARGPARSE = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示这条帮助信息并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "not allowed with argument %s": "不能与参数 %s 一起使用",
    "one of the arguments %s is required": "需要参数 %s 中的一个",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可以匹配 %(matches)s",
}
