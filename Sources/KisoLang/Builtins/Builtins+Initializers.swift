import KisoNN
import KisoTensor

/// Weight initialisers drawn from a Generator, with PyTorch's (out, in, k…) or Keras's
/// (k…, in, out) fan convention.
extension Registry {
    func registerInitializers() {
        section("Initialisers")
        let kinds: [(names: [String], kind: Initializer, doc: String)] = [
            (["xavier_uniform", "glorot_uniform"], .xavierUniform, "Uniform on ±gain·√(6/(fan_in + fan_out))"),
            (["xavier_normal", "glorot_normal"], .xavierNormal, "Normal with std gain·√(2/(fan_in + fan_out))"),
            (["he_uniform", "kaiming_uniform"], .heUniform, "Uniform on ±gain·√(3/fan_in), gain √2 by default"),
            (["he_normal", "kaiming_normal"], .heNormal, "Normal with std gain/√fan_in, gain √2 by default"),
        ]
        for (names, kind, doc) in kinds {
            for name in names {
                let isHe = kind == .heUniform || kind == .heNormal
                var parameters = [
                    param("shape", .shape), param("rng", .object("Generator")), param("gain", .number, .none),
                    param("layout", .string, .string("torch")),
                ]
                if isHe { parameters.append(param("mode", .string, .string("fan_in"))) }
                add(
                    name, parameters,
                    doc: doc + "; layout \"torch\" reads shape as (out, in, k…), \"keras\" as (k…, in, out).",
                    example: "\(name)([4, 3], rng)"
                ) { a in
                    let layoutName = try a.string(3)
                    guard let layout = FanLayout(rawValue: layoutName) else {
                        throw KisoError(
                            .value, "`\(name)`: unknown layout \"\(layoutName)\"", hint: "use \"torch\" or \"keras\"")
                    }
                    var fanOut = false
                    if isHe {
                        let mode = try a.string(4)
                        guard mode == "fan_in" || mode == "fan_out" else {
                            throw KisoError(
                                .value, "`\(name)`: unknown mode \"\(mode)\"", hint: "use \"fan_in\" or \"fan_out\"")
                        }
                        fanOut = mode == "fan_out"
                    }
                    return .tensor(
                        try kind.draw(
                            try a.shape(0), generator: try a.object("rng", as: KisoTensor.Generator.self), gain: a.isNone(2) ? nil : try a.number(2),
                            layout: layout, fanOut: fanOut))
                }
            }
        }
    }
}
