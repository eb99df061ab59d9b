import KisoBase
import KisoNN
import KisoTensor

/// Saving and loading tensors and model weights as NumPy's `.npy` and `.npz` files, written
/// atomically and only inside the working folder, and removing files saved there.
extension Registry {
    func registerArrayFiles() {
        add(
            "remove", [param("path", .string)],
            doc: "Deletes a file inside the working folder, as Python's os.remove does (a file, not a folder).",
            example: "save(\"kiso-example.npy\", [1.0]); remove(\"kiso-example.npy\")"
        ) { a in
            let path = try a.string("path")
            let target = try writablePath(path, a)
            do throws(FileError) {
                try FileSystem.removeFile(atPath: target)
            } catch let error {
                throw KisoError(.value, "`remove`: cannot remove \(path): \(error.reason)")
            }
            return .none
        }
        add(
            "save", [param("path", .string), param("x", .any)],
            doc:
                "Writes a tensor to path.npy, or a dict of tensors to path.npz, as np.save / np.savez do (inside the working folder).",
            example: "save(\"kiso-example.npy\", [1.0, 2.0])"
        ) { a in
            let path = try a.string("path")
            let value = try a["x"]
            if path.hasSuffix(".npz") {
                guard case .dict(let d) = value else {
                    throw KisoError(
                        .type, "save: a .npz file holds a dict of tensors, got \(value.kindName)",
                        hint: "save(\"w.npz\", {\"w\": w})")
                }
                let arrays = try zip(d.keys, d.values).map { key, item -> (name: String, tensor: Tensor) in
                    guard case .string(let name) = key.value else {
                        throw KisoError(.type, "save: the names in a .npz file must be strings")
                    }
                    return (name, try Convert.tensor(item, name))
                }
                try writeFile(NumPyFile.npz(arrays), to: path, a)
            } else if path.hasSuffix(".npy") {
                try writeFile(NumPyFile.npy(try Convert.tensor(value, "x")), to: path, a)
            } else {
                throw KisoError(
                    .value, "save: the path must end in .npy (a tensor) or .npz (a dict of tensors), got \"\(path)\"")
            }
            return .none
        }
        add(
            "load", [param("path", .string)],
            doc: "Reads a .npy file as a tensor or a .npz file as a dict of tensors (as np.load does).",
            example: "save(\"kiso-example.npy\", [1.0, 2.0]); load(\"kiso-example.npy\")"
        ) { a in
            let path = try a.string("path")
            let bytes = try readFile(path, a)
            if path.hasSuffix(".npz") {
                var dict = KisoDict()
                for (name, tensor) in try NumPyFile.readNPZ(bytes, name: path) {
                    dict.set(.string(name), .tensor(tensor))
                }
                return .dict(dict)
            }
            return .tensor(try NumPyFile.readNPY(bytes, name: path))
        }
    }
}

extension ModelObject {
    /// Every weight by path, for `.npz` files.
    var weightArrays: [(name: String, tensor: Tensor)] { model.namedWeights.map { ($0.path, $0.weight.value) } }

    /// Sets every weight from `.npz` arrays named by path, after checking names and shapes.
    func loadWeights(_ arrays: [(name: String, tensor: Tensor)], from path: String) throws {
        guard model.inputShape != nil else { throw unbuiltError }
        let byName = Dictionary(arrays.map { ($0.name, $0.tensor) }, uniquingKeysWith: { first, _ in first })
        var values: [(Int, Int, Tensor)] = []
        for w in model.namedWeights {
            guard let t = byName[w.path] else {
                throw KisoError(
                    .value, "load_weights: \(path) has no `\(w.path)`",
                    hint: "it holds " + arrays.prefix(6).map { "`\($0.name)`" }.joined(separator: ", "))
            }
            guard t.shape == w.weight.value.shape else {
                throw KisoError(
                    .shape,
                    "load_weights: `\(w.path)` in \(path) has shape \(formatShape(t.shape)), the model's has \(formatShape(w.weight.value.shape))"
                )
            }
            values.append((w.layer, w.index, t.cast(to: .float64)))
        }
        let expected = Set(model.namedWeights.map(\.path))
        if let extra = arrays.first(where: { !expected.contains($0.name) }) {
            throw KisoError(
                .value, "load_weights: \(path) holds `\(extra.name)`, which the model `\(model.name)` lacks",
                hint: "load weights saved from a model with the same layers")
        }
        for (layer, index, value) in values { model.layers[layer].weights[index].value = value }
    }
}

/// `path` resolved as files are written (``Interpreter/writePath(_:)``), checked to lie inside
/// the working folder: Kiso writes nowhere else.
func writablePath(_ path: String, _ a: Arguments) throws -> String {
    let resolved = FileSystem.absolutePath(a.interpreter.writePath(path))
    guard FileSystem.isInside(resolved, root: FileSystem.absolutePath(a.interpreter.writeFolder)) else {
        throw KisoError(
            .value, "`\(a.builtin.name)`: \(path) is outside the working folder",
            hint: "give a path inside the folder kiso runs in, such as \"weights.npz\"")
    }
    return resolved
}

/// Writes `bytes` atomically at `path` (inside the working folder).
func writeFile(_ bytes: [UInt8], to path: String, _ a: Arguments) throws {
    let target = try writablePath(path, a)
    do {
        try FileSystem.writeAtomically(bytes, toPath: target)
    } catch let error {
        throw KisoError(.value, "`\(a.builtin.name)`: cannot write \(path): \(error.reason)")
    }
}

/// The bytes of the file at `path` (resolved as files are), within the folders a confined
/// program (a script, notebook or lesson) may read.
func readFile(_ path: String, _ a: Arguments) throws -> [UInt8] {
    do {
        let resolved = a.interpreter.resolvePath(path)
        try FileSystem.checkRead(resolved)
        return try FileSystem.readBytes(atPath: resolved)
    } catch let error {
        throw KisoError(.value, "`\(a.builtin.name)`: cannot read \(path): \(error.reason)")
    }
}

extension ModelObject {
    static func declareFiles(_ t: inout ObjectMembers<ModelObject>) {
        t.method(
            "save_weights", [param("path", .string)],
            doc: "Writes every weight to a .npz file by path (dense/kernel, …), which np.load reads.",
            example: "m = Sequential([Dense(1)], input_shape=[2], seed=0); m.save_weights(\"kiso-example.npz\")"
        ) { o, a in
            let path = try a.string("path")
            guard path.hasSuffix(".npz") else {
                throw KisoError(
                    .value, "save_weights: the path must end in .npz, got \"\(path)\"",
                    hint: "m.save_weights(\"model.npz\")")
            }
            guard o.model.inputShape != nil else { throw o.unbuiltError }
            try writeFile(NumPyFile.npz(o.weightArrays), to: path, a)
            return .none
        }
        t.method(
            "load_weights", [param("path", .string)],
            doc: "Sets every weight from a .npz file written by save_weights (names and shapes must match).",
            example:
                "m = Sequential([Dense(1)], input_shape=[2], seed=0); m.save_weights(\"kiso-example.npz\"); m.load_weights(\"kiso-example.npz\")"
        ) { o, a in
            let path = try a.string("path")
            try o.loadWeights(try NumPyFile.readNPZ(try readFile(path, a), name: path), from: path)
            return .none
        }
    }
}

/// Keras's `CSVLogger`: the logs of every epoch so far as CSV — epoch, then the names in
/// alphabetical order, with `val_…` columns of "NA" when fit validates on nothing, as Keras
/// writes them — the file rewritten atomically after each epoch.
final class CSVLoggerCallback: TrainingCallback {
    private let write: ([UInt8]) throws -> Void
    private var rows: [String] = []
    private var header = ""
    private var names: [String] = []

    init(write: @escaping ([UInt8]) throws -> Void) {
        self.write = write
    }

    func trainingBegins(_ trainer: Trainer) throws {
        rows = []
        header = ""
    }

    func epochEnds(_ epoch: Int, logs: [(String, Double)], _ trainer: Trainer) throws {
        if header.isEmpty {
            names = logs.map(\.0).sorted()
            if !names.contains(where: { $0.hasPrefix("val_") }) { names += names.map { "val_" + $0 } }
            header = (["epoch"] + names).joined(separator: ",")
        }
        let values = names.map { name in logs.first { $0.0 == name }.map { "\($0.1)" } ?? "NA" }
        rows.append(([String(epoch)] + values).joined(separator: ","))
        try write(Array(([header] + rows).joined(separator: "\n").utf8) + [10])
    }
}

/// Keras's `ModelCheckpoint` (weights only): the model's weights written as .npz after each
/// epoch, or with `bestOnly` only when `monitor` improved.
final class CheckpointCallback: TrainingCallback {
    private let monitor: String
    private let bestOnly: Bool
    private let write: (Sequential) throws -> Void
    private var best = Double.nan

    init(monitor: String, bestOnly: Bool, write: @escaping (Sequential) throws -> Void) {
        self.monitor = monitor
        self.bestOnly = bestOnly
        self.write = write
    }

    func trainingBegins(_ trainer: Trainer) throws { best = .nan }

    func epochEnds(_ epoch: Int, logs: [(String, Double)], _ trainer: Trainer) throws {
        if bestOnly {
            guard let value = logs.first(where: { $0.0 == monitor })?.1 else {
                throw KisoError(
                    .value,
                    "ModelCheckpoint: monitor \"\(monitor)\" is not among the logs (\(logs.map(\.0).joined(separator: ", ")))"
                )
            }
            let upward = improvesUpward(monitor)
            guard best.isNaN || (upward ? value > best : value < best) else { return }
            best = value
        }
        try write(trainer.model)
    }
}
