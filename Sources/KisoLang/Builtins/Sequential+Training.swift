import KisoBase
import KisoNN
import KisoTensor
import Synchronization

/// Keras's training methods of a model: compile, fit, evaluate, predict.
extension ModelObject {
    static func declareTraining(_ t: inout ObjectMembers<ModelObject>) {
        t.method(
            "compile",
            [
                param("optimizer", .any, .string("rmsprop")), param("loss", .any, .none),
                param("metrics", .any, .list([])),
            ],
            doc:
                "Sets the optimizer (\"adam\", \"sgd\", \"rmsprop\" with Keras's defaults, or an optimizer object), the loss (a name or f(prediction, target)) and metrics such as [\"accuracy\"].",
            example: "m = Sequential([Dense(1)], input_shape=[2]); m.compile(optimizer=\"adam\", loss=\"mse\")"
        ) { o, a in
            try o.compile(a)
            return .none
        }
        t.method(
            "fit",
            [
                param("x", .tensor), param("y", .tensor), param("epochs", .int, .int(1)),
                param("batch_size", .int, .int(32)), param("validation_split", .number, .int(0)),
                param("validation_data", .any, .none), param("shuffle", .bool, .bool(true)),
                param("callbacks", .any, .list([])), param("verbose", .int, .int(1)),
                param("rng", .object("Generator"), .none), param("live_plot", .bool, .bool(false)),
            ],
            doc:
                "Trains on (x, y) for epochs of shuffled mini-batches and returns a History. On a terminal Keras's live bar per epoch (verbose=1; live_plot=true draws the loss under it as it falls) or one line per epoch with times (verbose=2); elsewhere one untimed line per epoch; verbose=0: nothing.",
            example:
                "m = Sequential([Dense(1)], input_shape=[1], seed=0); m.compile(optimizer=\"sgd\", loss=\"mse\"); h = m.fit([[0.0], [1.0]], [1.0, 3.0], epochs=3, verbose=0)"
        ) { o, a in try o.fit(a) }
        t.method(
            "evaluate",
            [
                param("x", .tensor), param("y", .tensor), param("batch_size", .int, .int(32)),
                param("return_dict", .bool, .bool(false)),
            ],
            doc: "The loss (and metrics, as a list, or a dict with return_dict=true) on (x, y), without training.",
            example:
                "m = Sequential([Dense(1)], input_shape=[1], seed=0); m.compile(loss=\"mse\"); m.evaluate([[0.0], [1.0]], [1.0, 3.0])"
        ) { o, a in
            let trainer = try o.compiledTrainer()
            let logs = try trainer.evaluate(try a.tensor("x"), try a.tensor("y"), batchSize: try a.int("batch_size"))
            if try a.bool("return_dict") {
                var dict = KisoDict()
                for (name, value) in logs { dict.set(.string(name), .number(value)) }
                return .dict(dict)
            }
            // Keras's order: the loss first, then the metrics as compiled.
            let ordered = logs.filter { $0.0 == "loss" } + logs.filter { $0.0 != "loss" }
            return ordered.count == 1 ? .number(ordered[0].1) : .list(ordered.map { .number($0.1) })
        }
        t.method(
            "predict", [param("x", .tensor)], doc: "The model's outputs for x, in inference mode (dropout off).",
            example: "m = Sequential([Dense(1)], input_shape=[2], seed=0); m.predict(ones([3, 2])).shape"
        ) { o, a in
            .tensor(try Trainer(model: o.model, setup: try o.setupOrDefault()).predict(try a.tensor("x")))
        }
    }

    /// `compile(optimizer, loss, metrics)`.
    private func compile(_ a: Arguments) throws {
        let optimizerValue = try a["optimizer"]
        let optimizer: OptimizerObject
        switch optimizerValue {
        case .object(let given as OptimizerObject): optimizer = given
        case .string(let name): optimizer = try kerasOptimizer(named: name)
        default:
            throw KisoError(
                .type, "compile: optimizer must be a name or an optimizer object, got \(optimizerValue.kindName)",
                hint: "optimizer=\"adam\", or optimizer=Adam(learning_rate=0.01)")
        }
        let lossValue = try a["loss"]
        let loss: TrainingSetup.Loss
        switch lossValue {
        case .string(let name): loss = .named(try KerasLoss(named: name))
        case .none:
            throw KisoError(
                .argument, "compile: give a loss",
                hint: "loss=\"mse\", or loss=\"sparse_categorical_crossentropy\" for class labels")
        default:
            guard lossValue.isCallable else {
                throw KisoError(.type, "compile: loss must be a name or a function, got \(lossValue.kindName)")
            }
            let interpreter = a.interpreter
            let span = a.span
            loss = .custom { prediction, target in
                try Convert.variable(
                    try interpreter.call(lossValue, [.traced(prediction), .tensor(target)], span: span), "loss")
            }
        }
        var metrics: [String] = []
        switch try a["metrics"] {
        case .list(let items), .tuple(let items):
            metrics = try items.map { try Convert.string($0, "metrics") }
        case .string(let name): metrics = [name]
        case .none: break
        case let other:
            throw KisoError(
                .type, "compile: metrics must be a list of names, got \(other.kindName)", hint: "metrics=[\"accuracy\"]"
            )
        }
        let setup = try TrainingSetup(loss: loss, optimizer: optimizer.optimizer, metrics: metrics)
        trainer = Trainer(model: model, setup: setup)
        optimizerObject = optimizer
    }

    /// The trainer `compile` made, or the error saying to compile first.
    func compiledTrainer() throws -> Trainer {
        guard let trainer else {
            throw KisoError(
                .value, "the model `\(model.name)` is not compiled",
                hint: "call m.compile(optimizer=\"adam\", loss=\"mse\") first")
        }
        return trainer
    }

    /// The compiled setup, or a placeholder for predicting with an uncompiled model.
    private func setupOrDefault() throws -> TrainingSetup {
        if let trainer { return trainer.setup }
        return try TrainingSetup(loss: .named(.mse), optimizer: try SGD(learningRate: 0.01), metrics: [])
    }

    /// `fit(x, y, …)`.
    private func fit(_ a: Arguments) throws -> Value {
        let trainer = try compiledTrainer()
        var options = FitOptions()
        options.epochs = try a.int("epochs")
        options.batchSize = try a.int("batch_size")
        options.shuffle = try a.bool("shuffle")
        options.validationSplit = try a.number("validation_split")
        if !(try a.isNone("rng")) { options.generator = try a.object("rng", as: KisoTensor.Generator.self) }
        let validation = try a["validation_data"]
        if !isNoneValue(validation) {
            guard case .tuple(let pair) = validation, pair.count == 2 else {
                throw KisoError(
                    .type, "fit: validation_data must be a tuple (x_val, y_val)", hint: "validation_data=(x_val, y_val)"
                )
            }
            options.validationData = (try Convert.tensor(pair[0], "x_val"), try Convert.tensor(pair[1], "y_val"))
        }
        let callbacks = try trainingCallbacks(try a["callbacks"], a)
        let progress = FitProgress(
            interpreter: a.interpreter, verbose: try a.int("verbose"), livePlot: try a.bool("live_plot"))
        progress.attach(to: trainer)
        defer { progress.finish() }
        trainer.interrupted = {
            // Ctrl-C ends training after the batch, keeping the model and the history so far.
            guard Session.interrupt.load(ordering: .relaxed) else { return false }
            Session.interrupt.store(false, ordering: .relaxed)
            Interruption.requested.store(false, ordering: .relaxed)
            return true
        }
        trainer.isInterruption = { error in
            // Ctrl-C that reached a kernel or the loss function during a batch: that batch is
            // dropped and training ends as after the one before.
            let stop = (error as? TensorError)?.kind == .interrupted || (error as? KisoError)?.kind == .interrupted
            if stop {
                Session.interrupt.store(false, ordering: .relaxed)
                Interruption.requested.store(false, ordering: .relaxed)
            }
            return stop
        }
        if let optimizerObject { trainer.setup.optimizer = optimizerObject.optimizer }
        defer { optimizerObject?.optimizer = trainer.setup.optimizer }
        let history = try trainer.fit(try a.tensor("x"), try a.tensor("y"), options: options, callbacks: callbacks)
        return .object(HistoryObject(history))
    }
}

/// Keras's optimizers by name with Keras's defaults: Adam lr 0.001, ε 1e-7 added before the bias
/// correction (PyTorch: 1e-8, after); SGD lr 0.01; RMSprop lr 0.001, ρ 0.9, ε 1e-7 inside the
/// square root (PyTorch: α 0.99, ε 1e-8 outside).
func kerasOptimizer(named name: String) throws -> OptimizerObject {
    switch name.lowercased() {
    case "adam": return OptimizerObject(try kerasAdam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7))
    case "sgd": return OptimizerObject(try SGD(learningRate: 0.01))
    case "rmsprop": return OptimizerObject(try kerasRMSprop(learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7))
    default:
        throw KisoError(
            .value, "compile: unknown optimizer \"\(name)\"",
            hint: "use \"adam\", \"sgd\" or \"rmsprop\", or an optimizer object such as Adam(learning_rate=0.01)")
    }
}

/// Adam with Keras's update.
func kerasAdam(learningRate: Double, beta1: Double, beta2: Double, epsilon: Double) throws -> Adam {
    var adam = try Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
    adam.epsilonBeforeCorrection = true
    return adam
}

/// RMSprop with Keras's update.
func kerasRMSprop(learningRate: Double, rho: Double, momentum: Double, epsilon: Double) throws -> RMSprop {
    var rmsprop = try RMSprop(learningRate: learningRate, alpha: rho, epsilon: epsilon, momentum: momentum)
    rmsprop.epsilonInsideRoot = true
    return rmsprop
}
