import KisoNN
import KisoTensor

/// Convolution, pooling, normalisation, dropout, embeddings and linear layers: PyTorch's
/// `torch.nn.functional` names, arguments and defaults.
extension Registry {
    func registerLayers() {
        section("Neural-network layers")
        registerConvolutions()
        registerPooling()
        registerNormalization()
        add(
            "dropout",
            [
                param("x", .tensor), param("p", .number, .number(0.5)), param("rng", .object("Generator"), .none),
                param("training", .bool, .bool(true)),
            ],
            doc:
                "Zeroes each element with probability p (draws from rng, else the global stream) and scales the rest by 1/(1−p); with training=false returns x.",
            example: "dropout(ones([2, 4]), 0.5, rng)", grad: .tracedByBody
        ) { a in
            let generator = try a.isNone("rng") ? nil : try a.object("rng", as: KisoTensor.Generator.self)
            return .traced(
                try dropout(try a.variable("x"), p: try a.number("p"), training: try a.bool("training")) { shape in
                    try generator?.random(shape) ?? Random.random(shape)
                })
        }
        add(
            "one_hot", [param("indices", .tensor), param("num_classes", .int, .int(-1))],
            doc: "An int64 tensor with a new last axis of num_classes (max index + 1 when -1): 1 at each index.",
            example: "one_hot([0, 2, 1], 3)"
        ) { a in
            let classes = try a.int("num_classes")
            return .tensor(try oneHot(try a.tensor("indices"), classes: classes == -1 ? nil : classes))
        }
        add(
            "embedding", [param("indices", .tensor), param("weight", .tensor), param("padding_idx", .int, .none)],
            doc:
                "The rows of weight (num_embeddings, dim) at the integer indices, shaped indices.shape + (dim,); the padding_idx row gets no gradient.",
            example: "embedding([2, 0], eye(3), padding_idx=0)", grad: .tracedByBody
        ) { a in
            .traced(
                try embedding(
                    try a.tensor("indices"), try a.variable("weight"), paddingIndex: try a.optionalInt("padding_idx")))
        }
        add(
            "linear", [param("x", .tensor), param("weight", .tensor), param("bias", .tensor, .none)],
            doc: "x·weightᵀ + bias with weight (out_features, in_features), as PyTorch's linear.",
            example: "linear([1.0, 2.0], [[1.0, 0.0], [1.0, 1.0]], [0.5, 0.5])", grad: .tracedByBody
        ) { a in
            .traced(try linear(try a.variable("x"), try a.variable("weight"), bias: try a.optionalVariable("bias")))
        }
    }

    private func registerConvolutions() {
        add(
            "conv2d",
            [
                param("input", .tensor), param("weight", .tensor), param("bias", .tensor, .none),
                param("stride", .shape, .int(1)), param("padding", .any, .int(0)), param("dilation", .shape, .int(1)),
                param("groups", .int, .int(1)),
            ],
            doc:
                "Cross-correlation of (N, C, H, W) or (C, H, W) input with (out, C/groups, kH, kW) filters; padding an int, a pair, \"same\" or \"valid\".",
            example: "conv2d(ones([1, 1, 4, 4]), ones([2, 1, 3, 3]), padding=1)", grad: .tracedByBody
        ) { a in
            .traced(
                try conv2d(
                    try a.variable("input"), try a.variable("weight"), bias: try a.optionalVariable("bias"),
                    stride: try a.pair("stride"),
                    padding: try a.convolutionPadding("padding"), dilation: try a.pair("dilation"),
                    groups: try a.int("groups")))
        }
        add(
            "conv1d",
            [
                param("input", .tensor), param("weight", .tensor), param("bias", .tensor, .none),
                param("stride", .int, .int(1)), param("padding", .any, .int(0)), param("dilation", .int, .int(1)),
                param("groups", .int, .int(1)),
            ],
            doc:
                "Cross-correlation of (N, C, L) or (C, L) input with (out, C/groups, k) filters; padding an int, \"same\" or \"valid\".",
            example: "conv1d([[1.0, 2.0, 3.0, 4.0, 5.0]], [[[0.5, 1.0, 0.5]]])", grad: .tracedByBody
        ) { a in
            .traced(
                try conv1d(
                    try a.variable("input"), try a.variable("weight"), bias: try a.optionalVariable("bias"),
                    stride: try a.int("stride"),
                    padding: try a.convolutionPadding("padding"), dilation: try a.int("dilation"),
                    groups: try a.int("groups")))
        }
        add(
            "conv_transpose2d",
            [
                param("input", .tensor), param("weight", .tensor), param("bias", .tensor, .none),
                param("stride", .shape, .int(1)), param("padding", .shape, .int(0)),
                param("output_padding", .shape, .int(0)), param("groups", .int, .int(1)),
                param("dilation", .shape, .int(1)),
            ],
            doc:
                "The transposed convolution (conv2d's adjoint) with weight (in, out/groups, kH, kW): spreads each pixel over a kernel-sized patch.",
            example: "conv_transpose2d(ones([1, 1, 2, 2]), ones([1, 1, 2, 2]), stride=2)", grad: .tracedByBody
        ) { a in
            .traced(
                try convTranspose2d(
                    try a.variable("input"), try a.variable("weight"), bias: try a.optionalVariable("bias"),
                    stride: try a.pair("stride"),
                    padding: try a.pair("padding"), outputPadding: try a.pair("output_padding"),
                    groups: try a.int("groups"),
                    dilation: try a.pair("dilation")))
        }
        add(
            "unfold",
            [
                param("input", .tensor), param("kernel_size", .shape), param("dilation", .shape, .int(1)),
                param("padding", .shape, .int(0)), param("stride", .shape, .int(1)),
            ],
            doc:
                "im2col: every kernel-sized window of (N, C, H, W) input as a column of a (N, C·kH·kW, L) tensor, so convolution is a matrix product.",
            example: "unfold(arange(9.0).reshape([1, 1, 3, 3]), 2)", grad: .tracedByBody
        ) { a in
            .traced(
                try unfold(
                    try a.variable("input"), kernel: try a.pair("kernel_size"), dilation: try a.pair("dilation"),
                    padding: try a.pair("padding"),
                    stride: try a.pair("stride")))
        }
    }

    private func registerPooling() {
        for spatial in [2, 1] {
            let suffix = spatial == 2 ? "2d" : "1d"
            let layout = spatial == 2 ? "(N, C, H, W) or (C, H, W)" : "(N, C, L) or (C, L)"
            let example = spatial == 2 ? "ones([1, 1, 4, 4])" : "[[1.0, 3.0, 2.0, 5.0]]"
            let size: ParameterKind = spatial == 2 ? .shape : .int
            add(
                "max_pool" + suffix,
                [
                    param("input", .tensor), param("kernel_size", size), param("stride", size, .none),
                    param("padding", size, .int(0)), param("dilation", size, .int(1)),
                    param("ceil_mode", .bool, .bool(false)),
                ],
                doc: "The largest value of each window of \(layout) input; stride defaults to kernel_size.",
                example: "max_pool\(suffix)(\(example), 2)", grad: .tracedByBody
            ) { a in
                let window = PoolingWindow(
                    kernel: try a.window("kernel_size", spatial),
                    stride: try a.isNone("stride") ? nil : try a.window("stride", spatial),
                    padding: try a.window("padding", spatial, fill: 0), dilation: try a.window("dilation", spatial),
                    ceilMode: try a.bool("ceil_mode"))
                return .traced(try maxPool(try a.variable("input"), window, spatial: spatial))
            }
            add(
                "avg_pool" + suffix,
                [
                    param("input", .tensor), param("kernel_size", size), param("stride", size, .none),
                    param("padding", size, .int(0)), param("ceil_mode", .bool, .bool(false)),
                    param("count_include_pad", .bool, .bool(true)),
                ],
                doc:
                    "The mean of each window of \(layout) input (zero padding counted unless count_include_pad=false).",
                example: "avg_pool\(suffix)(\(example), 2)", grad: .tracedByBody
            ) { a in
                let window = PoolingWindow(
                    kernel: try a.window("kernel_size", spatial),
                    stride: try a.isNone("stride") ? nil : try a.window("stride", spatial),
                    padding: try a.window("padding", spatial, fill: 0), ceilMode: try a.bool("ceil_mode"))
                return .traced(
                    try avgPool(
                        try a.variable("input"), window, countIncludePad: try a.bool("count_include_pad"),
                        spatial: spatial))
            }
        }
        add(
            "adaptive_avg_pool2d", [param("input", .tensor), param("output_size", .shape)],
            doc: "Average pooling to a fixed output size: cell (i, j) averages rows ⌊iH/oH⌋…⌈(i+1)H/oH⌉ (and columns).",
            example: "adaptive_avg_pool2d(ones([1, 1, 5, 5]), 2)", grad: .tracedByBody
        ) { a in .traced(try adaptiveAvgPool2d(try a.variable("input"), outputSize: try a.pair("output_size"))) }
    }

    private func registerNormalization() {
        add(
            "batch_norm",
            [
                param("x", .tensor), param("running_mean", .tensor, .none), param("running_var", .tensor, .none),
                param("weight", .tensor, .none), param("bias", .tensor, .none), param("training", .bool, .bool(true)),
                param("momentum", .number, .number(0.1)), param("eps", .number, .number(1e-5)),
            ],
            doc:
                "Normalises each channel (axis 1) over the batch; in training with running stats returns (y, new running_mean, new running_var), otherwise y.",
            example: "batch_norm([[1.0, 2.0], [3.0, 6.0]])", grad: .tracedByBody
        ) { a in
            let result = try batchNorm(
                try a.variable("x"), runningMean: try a.optionalTensor("running_mean"),
                runningVar: try a.optionalTensor("running_var"),
                weight: try a.optionalVariable("weight"), bias: try a.optionalVariable("bias"),
                training: try a.bool("training"),
                momentum: try a.number("momentum"), epsilon: try a.number("eps"))
            guard let mean = result.runningMean, let variance = result.runningVar else {
                return .traced(result.output)
            }
            return .tuple([.traced(result.output), .tensor(mean), .tensor(variance)])
        }
        add(
            "group_norm",
            [
                param("x", .tensor), param("num_groups", .int), param("weight", .tensor, .none),
                param("bias", .tensor, .none), param("eps", .number, .number(1e-5)),
            ],
            doc:
                "Normalises each sample's channel groups (axis 1 split into num_groups) over their channels and positions.",
            example: "group_norm(arange(8.0).reshape([1, 4, 2]), 2)", grad: .tracedByBody
        ) { a in
            .traced(
                try groupNorm(
                    try a.variable("x"), groups: try a.int("num_groups"), weight: try a.optionalVariable("weight"),
                    bias: try a.optionalVariable("bias"), epsilon: try a.number("eps")))
        }
        add(
            "instance_norm",
            [
                param("x", .tensor), param("weight", .tensor, .none), param("bias", .tensor, .none),
                param("eps", .number, .number(1e-5)),
            ],
            doc: "Normalises every (sample, channel) plane of (N, C, …) input over its positions.",
            example: "instance_norm(arange(8.0).reshape([1, 2, 4]))", grad: .tracedByBody
        ) { a in
            .traced(
                try instanceNorm(
                    try a.variable("x"), weight: try a.optionalVariable("weight"), bias: try a.optionalVariable("bias"),
                    epsilon: try a.number("eps")))
        }
    }
}

extension Arguments {
    /// An int or a pair of ints, as (height, width) — PyTorch's `_pair`.
    func pair(_ name: String) throws -> (Int, Int) {
        let values = try shape(name)
        switch values.count {
        case 1: return (values[0], values[0])
        case 2: return (values[0], values[1])
        default:
            throw KisoError(
                .value,
                "`\(builtin.name)`: \(name) takes one number or two (height, width), got \(values.count)",
                hint: "e.g. 2 or [2, 3]")
        }
    }

    /// A per-axis pooling setting: for 2-d pooling a pair, for 1-d a single number on the width
    /// axis (the height takes `fill`, 1 unless said otherwise).
    func window(_ name: String, _ spatial: Int, fill: Int = 1) throws -> (Int, Int) {
        spatial == 2 ? try pair(name) : (fill, try int(name))
    }

    /// A convolution's `padding`: an int, a pair, "same" or "valid".
    func convolutionPadding(_ name: String) throws -> ConvolutionPadding {
        if case .string(let text) = try self[name] {
            switch text {
            case "same": return .same
            case "valid": return .valid
            default:
                throw KisoError(
                    .value, "`\(builtin.name)`: unknown padding \"\(text)\"",
                    hint: "padding is a number, a pair, \"same\" or \"valid\"")
            }
        }
        let (h, w) = try pair(name)
        return .explicit(h, w)
    }
}
