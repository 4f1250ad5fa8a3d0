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
    "hint.add_layer.1": "+ 节点把上游传来的梯度原封不动地传给两个输入。",
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
    # 每次调用学生代码之前报告的步骤（Relu.forward 这样的代码名保持原样）。
    "worker.step.round": "{call}（第 {number} 轮）",
    "worker.step.layer": "{call}（第 {number} 层）",
    "worker.step.call": "{call}（第 {number} 次调用）",
    "worker.step.alone": "{call}，一次不接 backward 的调用",
    "worker.step.after_alone": "{call}，在一次不接 backward 的调用之后",
    "worker.step.apple": "买苹果的例子（MulLayer.forward、MulLayer.backward）",
    "worker.step.apple_orange": "买苹果和橘子的例子（AddLayer.forward、AddLayer.backward）",
    "worker.step.sgd": "SGD 的一步更新（params[key] -= learning_rate * grads[key]）",
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
    "worker.same_array": "dx 和 dy 返回的是同一个数组。更靠前的某一层如果原地修改它收到的 dout（书中"
    "的 Relu.backward 就是这样做的），另一个梯度也会跟着改变：请给每个输入各自的数组。",
    "worker.gradients_on_layer": "返回了{what}，而 self.dW 仍未设置。backward 只返回 dx；参数的梯度"
    "留在层里，即 self.dW 和 self.db，网络从那里读取它们。",
    "worker.not_a_dict": "必须返回一个梯度的字典（dict）；它返回的是{what}。",
    "worker.missing_gradients": "返回的结果里没有 {keys}：W1 b1 W2 b2 都要给出。",
    "worker.cpu_budget": "gradient() 用了 {seconds} 秒 CPU 时间后被停止，超过了在同一批数据上做一次"
    "正向传播和反向传播所需时间（{milliseconds} 毫秒）的 {multiple} 倍。误差反向传播法大约只需要一次"
    "这样的计算。这看起来像是数值微分（或者一个不会结束的循环）：先做一次正向传播"
    "（self.loss(x, t)），再沿各层做一次反向传播。",
    # gradient() 是怎样使用检查器自己的层的（stand_ins.py）。
    "worker.forward_budget": "gradient() 调用 {name}.forward 超过了 {limit} 次：这是数值微分，而不是"
    "误差反向传播法。请先做一次正向传播（self.loss(x, t)），再沿各层做一次反向传播。",
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
    "channel.not_npz": "它的结果文件不是有效的 .npz（{type}）",
    "channel.no_zip_directory": "它的结果文件不是有效的 .npz（没有 zip 目录）",
    "channel.too_many_arrays": "它的结果文件里数组太多",
    "channel.unknown_format": "它的结果文件里有未知的数组格式",
    "channel.not_numbers": "它的结果里有一个类型为 {dtype} 的数组，而不是数值",
    "channel.negative_size": "它的结果文件里有一个大小为负数的数组",
    # (end of worker)
    # --- train：python -m checker train（training/） ------------------------------------------------
    # (end of train)
    # --- examples：python -m examples.* -------------------------------------------------------------
    # (end of examples)
    # --- platforms：GitHub 作业摘要、Classroom 50 发布说明、Gradescope -------------------------------
    # (end of platforms)
}
