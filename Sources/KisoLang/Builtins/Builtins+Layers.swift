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
                try dropout(try a.variable(0), p: try a.number(1), training: try a.bool(3)) { shape in
                    try generator?.random(shape) ?? Random.random(shape)
                })
        }
        add(
            "one_hot", [param("indices", .tensor), param("num_classes", .int, .int(-1))],
            doc: "An int64 tensor with a new last axis of num_classes (max index + 1 when -1): 1 at each index.",
            example: "one_hot([0, 2, 1], 3)"
        ) { a in
            let classes = try a.int(1)
            return .tensor(try oneHot(try a.tensor(0), classes: classes == -1 ? nil : classes))
        }
        add(
            "embedding", [param("indices", .tensor), param("weight", .tensor), param("padding_idx", .int, .none)],
            doc:
                "The rows of weight (num_embeddings, dim) at the integer indices, shaped indices.shape + (dim,); the padding_idx row gets no gradient.",
            example: "embedding([2, 0], eye(3), padding_idx=0)", grad: .tracedByBody
        ) { a in
            .traced(try embedding(try a.tensor(0), try a.variable(1), paddingIndex: try a.optionalInt(2)))
        }
        add(
            "linear", [param("x", .tensor), param("weight", .tensor), param("bias", .tensor, .none)],
            doc: "x·weightᵀ + bias with weight (out_features, in_features), as PyTorch's linear.",
            example: "linear([1.0, 2.0], [[1.0, 0.0], [1.0, 1.0]], [0.5, 0.5])", grad: .tracedByBody
        ) { a in .traced(try linear(try a.variable(0), try a.variable(1), bias: try a.optionalVariable(2))) }
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
                    try a.variable(0), try a.variable(1), bias: try a.optionalVariable(2), stride: try a.pair(3),
                    padding: try a.convolutionPadding(4), dilation: try a.pair(5), groups: try a.int(6)))
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
                    try a.variable(0), try a.variable(1), bias: try a.optionalVariable(2), stride: try a.int(3),
                    padding: try a.convolutionPadding(4), dilation: try a.int(5), groups: try a.int(6)))
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
                    try a.variable(0), try a.variable(1), bias: try a.optionalVariable(2), stride: try a.pair(3),
                    padding: try a.pair(4), outputPadding: try a.pair(5), groups: try a.int(6),
                    dilation: try a.pair(7)))
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
                    try a.variable(0), kernel: try a.pair(1), dilation: try a.pair(2), padding: try a.pair(3),
                    stride: try a.pair(4)))
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
                    kernel: try a.window(1, spatial), stride: a.isNone(2) ? nil : try a.window(2, spatial),
                    padding: try a.window(3, spatial, fill: 0), dilation: try a.window(4, spatial),
                    ceilMode: try a.bool(5))
                return .traced(try maxPool(try a.variable(0), window, spatial: spatial))
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
                    kernel: try a.window(1, spatial), stride: a.isNone(2) ? nil : try a.window(2, spatial),
                    padding: try a.window(3, spatial, fill: 0), ceilMode: try a.bool(4))
                return .traced(
                    try avgPool(try a.variable(0), window, countIncludePad: try a.bool(5), spatial: spatial))
            }
        }
        add(
            "adaptive_avg_pool2d", [param("input", .tensor), param("output_size", .shape)],
            doc: "Average pooling to a fixed output size: cell (i, j) averages rows ⌊iH/oH⌋…⌈(i+1)H/oH⌉ (and columns).",
            example: "adaptive_avg_pool2d(ones([1, 1, 5, 5]), 2)", grad: .tracedByBody
        ) { a in .traced(try adaptiveAvgPool2d(try a.variable(0), outputSize: try a.pair(1))) }
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
                try a.variable(0), runningMean: try a.optionalTensor(1), runningVar: try a.optionalTensor(2),
                weight: try a.optionalVariable(3), bias: try a.optionalVariable(4), training: try a.bool(5),
                momentum: try a.number(6), epsilon: try a.number(7))
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
                    try a.variable(0), groups: try a.int(1), weight: try a.optionalVariable(2),
                    bias: try a.optionalVariable(3), epsilon: try a.number(4)))
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
                    try a.variable(0), weight: try a.optionalVariable(1), bias: try a.optionalVariable(2),
                    epsilon: try a.number(3)))
        }
    }
}

extension Arguments {
    /// An int or a pair of ints, as (height, width) — PyTorch's `_pair`.
    func pair(_ i: Int) throws -> (Int, Int) {
        let values = try shape(i)
        switch values.count {
        case 1: return (values[0], values[0])
        case 2: return (values[0], values[1])
        default:
            throw KisoError(
                .value,
                "`\(builtin.name)`: \(builtin.parameters[i].name) takes one number or two (height, width), got \(values.count)",
                hint: "e.g. 2 or [2, 3]")
        }
    }

    /// A per-axis pooling setting: for 2-d pooling a pair, for 1-d a single number on the width
    /// axis (the height takes `fill`, 1 unless said otherwise).
    func window(_ i: Int, _ spatial: Int, fill: Int = 1) throws -> (Int, Int) {
        spatial == 2 ? try pair(i) : (fill, try int(i))
    }

    /// A convolution's `padding`: an int, a pair, "same" or "valid".
    func convolutionPadding(_ i: Int) throws -> ConvolutionPadding {
        if case .string(let text) = values[i] {
            switch text {
            case "same": return .same
            case "valid": return .valid
            default:
                throw KisoError(
                    .value, "`\(builtin.name)`: unknown padding \"\(text)\"",
                    hint: "padding is a number, a pair, \"same\" or \"valid\"")
            }
        }
        let (h, w) = try pair(i)
        return .explicit(h, w)
    }
}
