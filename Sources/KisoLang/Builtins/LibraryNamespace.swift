/// A library pasted course code imports — `numpy`, `torch.nn.functional`, `jax.numpy` — as a
/// namespace whose members are Kiso's builtins under the library's names, so that
/// `np.linalg.norm(x)` or `F.softmax(z, dim=-1)` runs unchanged. A name the library has but Kiso
/// lacks is an error that says so, at the line that uses it.
final class LibraryNamespace: KisoObject {
    /// The dotted name, as imported: `numpy.linalg`.
    let path: String
    /// The members: builtins, constants and sub-namespaces.
    let members: [String: Value]

    init(path: String, members: [String: Value]) {
        self.path = path
        self.members = members
    }

    static let objectType = ObjectType(
        "module", of: LibraryNamespace.self, receiver: "np",
        doc: "A library imported by course code: its members are Kiso's builtins under the library's names.",
        example: "import numpy as np; np.zeros(3)"
    ) { t in
        t.text { "<module '\($0.path)': Kiso's builtins under its names>" }
    }

    /// The member `name`, or an error that says Kiso does not have it.
    func member(_ name: String) throws -> Value {
        if let value = members[name] { return value }
        let full = path + "." + name
        // Short names are too close to too many others for a guess to help.
        let guess = name.count > 3 ? closestName(to: name, among: Array(members.keys)) : nil
        let near = guess.map { "did you mean `\(path).\($0)`? " } ?? ""
        throw KisoError(
            .name, "`\(full)` is not available in Kiso",
            hint: near + "Kiso stands in for part of the library; :help lists every builtin")
    }

    /// The namespace `path` stands for, built from the interpreter's builtins and constants; nil
    /// for a library Kiso does not stand in for.
    static func named(_ path: String, interpreter: Interpreter) -> LibraryNamespace? {
        guard let table = LibraryTables.modules[path] else { return nil }
        var members: [String: Value] = [:]
        for (name, builtinName) in table.functions {
            if let builtin = interpreter.registry.byName[builtinName] { members[name] = .builtin(builtin) }
        }
        if table.hasConstants {
            for name in LibraryTables.constantNames {
                if let id = interpreter.symbolIDs[name], let value = interpreter.builtinsBySymbol[id] {
                    members[name] = value
                }
            }
        }
        for sub in table.submodules {
            if let namespace = named(path + "." + sub, interpreter: interpreter) { members[sub] = .object(namespace) }
        }
        return LibraryNamespace(path: path, members: members)
    }
}

/// Which builtins each library's names stand for.
enum LibraryTables {
    struct Module {
        /// Library name → Kiso builtin name.
        var functions: [String: String]
        var submodules: [String] = []
        var hasConstants = false
    }

    /// NumPy's functions that Kiso has under the same name; a few under another.
    static let numpyNames: [String: String] = {
        let same = """
            array zeros ones full eye arange linspace meshgrid zeros_like ones_like full_like exp log log1p log2 log10 \
            expm1 sqrt abs sign sin cos tan tanh arcsin arccos arctan degrees radians floor ceil round clip maximum \
            minimum where isnan isinf isfinite sum mean var std max min argmax argmin prod cumsum cumprod any all \
            reshape transpose squeeze expand_dims concatenate stack split tile repeat flip broadcast_to take nonzero \
            argwhere dot matmul outer inner triu tril logical_and logical_or logical_not power sort argsort unique \
            searchsorted count_nonzero median quantile percentile ptp diff average bincount isclose allclose \
            array_equal vstack hstack column_stack diag trace moveaxis ravel kron take_along_axis put_along_axis \
            tensordot einsum convolve correlate cov corrcoef histogram swapaxes set_printoptions pad append \
            logaddexp negative square copy roll
            """
        var names = Dictionary(uniqueKeysWithValues: same.split(separator: " ").map { (String($0), String($0)) })
        names["absolute"] = "abs"
        names["amax"] = "max"
        names["amin"] = "min"
        names["asarray"] = "array"
        names["concat"] = "concatenate"
        return names
    }()

    static let modules: [String: Module] = kerasModules.merging(libraryModules, uniquingKeysWith: { a, _ in a })

    /// NumPy's, JAX's and PyTorch's modules.
    private static let libraryModules: [String: Module] = [
        "numpy": Module(functions: numpyNames, submodules: ["linalg", "random"], hasConstants: true),
        "numpy.linalg": Module(
            functions: names(
                "norm inv det solve eig eigh svd lstsq pinv matrix_power matrix_rank slogdet cholesky qr eigvals eigvalsh"
            )),
        "numpy.random": Module(
            functions: names(
                """
                default_rng seed normal uniform randint permutation shuffle random standard_normal choice rand randn \
                poisson multivariate_normal RandomState
                """)),
        "jax": Module(
            functions: names("grad value_and_grad stop_gradient hessian vmap").merging(
                ["jacrev": "jacobian", "jacobian": "jacobian"], uniquingKeysWith: { a, _ in a }),
            submodules: ["numpy", "nn"]),
        "jax.numpy": Module(functions: numpyNames, submodules: ["linalg"], hasConstants: true),
        "jax.numpy.linalg": Module(functions: names("norm inv det solve eigh svd pinv slogdet cholesky qr")),
        "jax.nn": Module(
            functions: names("relu sigmoid softmax log_softmax gelu silu softplus elu leaky_relu one_hot")),
        "torch": Module(
            functions: numpyNames.merging(
                names("tensor softmax log_softmax relu sigmoid randn rand manual_seed logsumexp topk cholesky qr")
                    .merging(
                        ["cat": "concatenate", "clamp": "clip"], uniquingKeysWith: { a, _ in a }),
                uniquingKeysWith: { a, _ in a }
            ),
            submodules: ["nn", "linalg"], hasConstants: true),
        "torch.linalg": Module(functions: names("norm inv det solve eigh svd pinv slogdet cholesky qr matrix_rank")),
        "torch.nn": Module(functions: [:], submodules: ["functional"]),
        "torch.nn.functional": Module(
            functions: names(
                """
                softmax log_softmax softmin relu gelu silu leaky_relu elu selu softplus mish hardtanh sigmoid tanh \
                cross_entropy nll_loss mse_loss binary_cross_entropy l1_loss smooth_l1_loss huber_loss kl_div \
                cosine_similarity conv1d conv2d conv_transpose2d max_pool1d max_pool2d avg_pool1d avg_pool2d \
                adaptive_avg_pool2d unfold batch_norm layer_norm group_norm instance_norm dropout one_hot embedding \
                linear scaled_dot_product_attention pad
                """)),
    ]

    /// Keras's modules, importable as `keras` and as `tensorflow.keras`: the layers, models,
    /// optimizers and callbacks Kiso has under Keras's names.
    static let kerasModules: [String: Module] = {
        let layers = names(
            """
            Activation Attention AveragePooling2D BatchNormalization Conv1D Conv2D Dense Dropout Embedding Flatten GRU \
            GlobalAveragePooling2D LSTM LayerNormalization LeakyReLU MaxPooling2D MultiHeadAttention ReLU Reshape \
            SimpleRNN Softmax
            """
        ).merging(
            [
                "MaxPool2D": "MaxPooling2D", "AvgPool2D": "AveragePooling2D",
                "GlobalAvgPool2D": "GlobalAveragePooling2D",
            ],
            uniquingKeysWith: { a, _ in a })
        let callbacks = names(
            "CSVLogger EarlyStopping LambdaCallback LearningRateScheduler ModelCheckpoint ReduceLROnPlateau")
        let table: [String: Module] = [
            "keras": Module(
                functions: names("Sequential"), submodules: ["layers", "models", "optimizers", "callbacks"]),
            "keras.layers": Module(functions: layers),
            "keras.models": Module(functions: names("Sequential")),
            "keras.optimizers": Module(functions: names("Adam SGD RMSprop")),
            "keras.callbacks": Module(functions: callbacks),
        ]
        var all = table
        for (path, module) in table { all["tensorflow." + path] = module }
        all["tensorflow"] = Module(functions: [:], submodules: ["keras"])
        return all
    }()

    /// The Kiso builtin a library's function name stands for in any of the tables (`absolute`
    /// is `abs`), whether or not Kiso has it yet; nil for a name no table lists.
    static func kisoName(for libraryName: String) -> String?? {
        for module in modules.values {
            if let builtin = module.functions[libraryName] { return .some(builtin) }
        }
        return nil
    }

    /// The constants NumPy, JAX and PyTorch share with Kiso.
    static let constantNames = ["pi", "e", "inf", "nan", "newaxis"]

    private static func names(_ list: String) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map {
                (String($0), String($0))
            })
    }
}
