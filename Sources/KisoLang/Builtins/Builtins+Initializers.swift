import KisoNN
import KisoTensor

/// Weight initialisers drawn from a Generator, with PyTorch's convention ((out, in, k…) shapes,
/// plain normals) or Keras's ((k…, in, out) shapes, normals truncated at two standard deviations).
extension Registry {
    func registerInitializers() {
        section("Initialisers")
        let kinds: [(names: [String], kind: Initializer, doc: String)] = [
            (["xavier_uniform", "glorot_uniform"], .xavierUniform, "Uniform on ±gain·√(6/(fan_in + fan_out))"),
            (
                ["xavier_normal", "glorot_normal"], .xavierNormal,
                "Normal with std gain·√(2/(fan_in + fan_out)) (truncated at ±2σ under Keras's convention)"
            ),
            (["he_uniform", "kaiming_uniform"], .heUniform, "Uniform on ±gain·√(3/fan_in), gain √2 by default"),
            (
                ["he_normal", "kaiming_normal"], .heNormal,
                "Normal with std gain/√fan_in, gain √2 by default (truncated at ±2σ under Keras's convention)"
            ),
        ]
        for (names, kind, doc) in kinds {
            for name in names {
                let isHe = kind == .heUniform || kind == .heNormal
                var parameters = [
                    param("shape", .shape), param("rng", .object("Generator")), param("gain", .number, .none),
                    param("convention", .string, .string("torch")),
                ]
                if isHe { parameters.append(param("mode", .string, .string("fan_in"))) }
                add(
                    name, parameters,
                    doc: doc + "; convention \"torch\" reads shape as (out, in, k…), \"keras\" as (k…, in, out).",
                    example: "\(name)([4, 3], rng)"
                ) { a in
                    let conventionName = try a.string("convention")
                    guard let convention = InitializerConvention(rawValue: conventionName) else {
                        throw KisoError(
                            .value, "`\(name)`: unknown convention \"\(conventionName)\"",
                            hint: "use \"torch\" (PyTorch's torch.nn.init) or \"keras\" (keras.initializers)")
                    }
                    var fanOut = false
                    if isHe {
                        let mode = try a.string("mode")
                        guard mode == "fan_in" || mode == "fan_out" else {
                            throw KisoError(
                                .value, "`\(name)`: unknown mode \"\(mode)\"", hint: "use \"fan_in\" or \"fan_out\"")
                        }
                        fanOut = mode == "fan_out"
                    }
                    return .tensor(
                        try kind.draw(
                            try a.shape("shape"), generator: try a.object("rng", as: KisoTensor.Generator.self),
                            gain: try a.optionalNumber("gain"),
                            convention: convention, fanOut: fanOut))
                }
            }
        }
    }
}
